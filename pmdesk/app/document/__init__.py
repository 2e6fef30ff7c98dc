"""The PRD document pane (Markdown and preview), and the export dialog."""
