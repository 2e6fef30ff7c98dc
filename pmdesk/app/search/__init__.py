"""Edit ▸ Find in Project (Ctrl+Shift+F): full-text search results in a dock."""
