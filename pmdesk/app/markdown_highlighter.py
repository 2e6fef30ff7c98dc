"""Syntax highlighting for the Markdown editor (headings, emphasis, code, links, fences)."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

IN_FENCE, IN_PMDESK_FENCE = 1, 2


def _format(
    color: str, *, bold: bool = False, italic: bool = False, mono: bool = False
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if mono:
        fmt.setFontFamilies(["monospace"])
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._rules: list[tuple[re.Pattern[str], QTextCharFormat]] = [
            (re.compile(r"^#{1,6}\s.*$"), _format("#2D5BD3", bold=True)),
            (re.compile(r"^\s*([-*+]|\d+\.)\s"), _format("#C05A00", bold=True)),
            (re.compile(r"^\s*>.*$"), _format("#6B7785", italic=True)),
            (re.compile(r"\*\*[^*]+\*\*"), _format("#1F2328", bold=True)),
            (re.compile(r"(?<!\*)\*[^*\s][^*]*\*(?!\*)"), _format("#1F2328", italic=True)),
            (re.compile(r"`[^`]+`"), _format("#B3261E", mono=True)),
            (re.compile(r"!?\[[^\]]*\]\([^)]*\)"), _format("#1A7F37")),
            (re.compile(r"^\s*\|.*\|\s*$"), _format("#57606A")),
            (re.compile(r"~~[^~]+~~"), _format("#6B7785")),
        ]
        self._fence = _format("#6E40C9", mono=True)
        self._pmdesk = _format("#0B7A75", bold=True, mono=True)

    def highlightBlock(self, text: str) -> None:
        state = self.previousBlockState()
        stripped = text.strip()
        if state in (IN_FENCE, IN_PMDESK_FENCE):
            self.setFormat(0, len(text), self._pmdesk if state == IN_PMDESK_FENCE else self._fence)
            self.setCurrentBlockState(-1 if stripped.startswith("```") else state)
            return
        if stripped.startswith("```"):
            is_pmdesk = stripped[3:].strip().lower() == "pmdesk"
            self.setFormat(0, len(text), self._pmdesk if is_pmdesk else self._fence)
            self.setCurrentBlockState(IN_PMDESK_FENCE if is_pmdesk else IN_FENCE)
            return
        self.setCurrentBlockState(-1)
        for pattern, fmt in self._rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)
