"""Working with assessments over time: scenarios and comparisons."""
