"""PRD document building and rendering (Markdown, docx). No QtWidgets."""
