"""The project file's tables (SQLAlchemy ORM) and their rows by uid."""
