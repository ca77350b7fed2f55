"""Headless CLI commands; each imports only the core."""
