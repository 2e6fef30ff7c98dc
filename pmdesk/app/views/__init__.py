"""Saved views in the window: the Views button beside the filter box."""
