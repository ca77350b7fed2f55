"""pydantic v2 models of every file the project reads or writes."""
