"""File ▸ Import Requirements (the mapping dialog) and Export Requirements."""
