"""The detail editor of the selected requirement."""
