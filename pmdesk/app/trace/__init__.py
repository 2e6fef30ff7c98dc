"""Traceability: the impact of a change, the matrix and the coverage problems."""
