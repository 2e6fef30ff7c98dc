"""New project files from snapshots: imported, the sample, templates."""
