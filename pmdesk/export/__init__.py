"""PRD document building and rendering (Markdown, docx). No widgets: drawing uses QtGui only."""
