"""Evaluation: the engine, exploration of unknowns, figures, the planned period, and what a result holds."""
