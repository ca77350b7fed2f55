"""The rule language: conditions compiled against a questionnaire, three-valued logic, static checks,
and which questions are shown."""
