"""Loading: the questionnaire, rulebooks and sources read, validated and compiled into one library;
assessments opened and saved."""
