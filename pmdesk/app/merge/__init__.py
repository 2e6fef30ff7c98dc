"""Settling a merge's conflicts: the dialog, its model and texts."""
