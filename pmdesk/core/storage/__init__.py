"""A project on disk: file, working copy, lock, SQLite, the store."""
