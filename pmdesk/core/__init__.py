"""The headless core: domain model, project file, operations, snapshot. Never imports Qt."""
