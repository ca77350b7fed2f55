"""Report rendering (Jinja2 + WeasyPrint). Imports the core, never Qt."""
