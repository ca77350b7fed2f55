"""Reading and writing files: positioned YAML/JSON readers, atomic saves, load problems,
and the assessment file's schema migrations."""
