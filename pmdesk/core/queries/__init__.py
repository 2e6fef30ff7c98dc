"""Read-only questions about a project, answered as plain data."""
