"""Answers: what is refused or warned about, edits that return a new assessment, questionnaire versions."""
