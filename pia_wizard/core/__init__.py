"""Pure-Python core: models, loading, conditions, file I/O. Imports neither Qt nor WeasyPrint."""
