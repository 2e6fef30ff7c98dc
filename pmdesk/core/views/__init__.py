"""Saved views (schema 9): which requirements a view's filter finds, with the
core's search for its text, for the window, the PRD and the command line."""
