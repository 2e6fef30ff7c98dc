"""Full-text search over a project: requirements (key, title, description,
acceptance criteria, owner, tags, source, persona), PRD sections and personas.

`matching` parses a query and ranks and marks what matched (pure Python, the
same for every index); `sources` reads the searchable text out of a project;
`SearchIndex` (index.py) is the seam: `ScanIndex` reads the project each time
(any SQL database, a file read in place), `FtsIndex` keeps an SQLite FTS5
trigram index in a file of its own beside the working copy (derived data:
never in the project file, rebuilt when missing).
"""
