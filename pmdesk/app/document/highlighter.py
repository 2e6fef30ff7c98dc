"""Syntax highlighting for the Markdown editor (headings, emphasis, code, links, fences)."""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

IN_FENCE, IN_PMDESK_FENCE = 1, 2


# Colours for light and dark palettes; emphasis keeps the theme's text colour.
LIGHT = {
    "heading": "#2D5BD3",
    "list": "#C05A00",
    "quote": "#6B7785",
    "code": "#B3261E",
    "link": "#1A7F37",
    "table": "#57606A",
    "strike": "#6B7785",
    "fence": "#6E40C9",
    "pmdesk": "#0B7A75",
}
DARK = {
    "heading": "#7AA2F7",
    "list": "#FFA657",
    "quote": "#9AA4B2",
    "code": "#FF7B72",
    "link": "#7EE787",
    "table": "#9AA4B2",
    "strike": "#8B949E",
    "fence": "#D2A8FF",
    "pmdesk": "#56D4DD",
}


def _format(
    color: str | None, *, bold: bool = False, italic: bool = False, mono: bool = False
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if color is not None:
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
        dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
        c = DARK if dark else LIGHT
        self._rules: list[tuple[re.Pattern[str], QTextCharFormat]] = [
            (re.compile(r"^#{1,6}\s.*$"), _format(c["heading"], bold=True)),
            (re.compile(r"^\s*([-*+]|\d+\.)\s"), _format(c["list"], bold=True)),
            (re.compile(r"^\s*>.*$"), _format(c["quote"], italic=True)),
            (re.compile(r"\*\*[^*]+\*\*"), _format(None, bold=True)),
            (re.compile(r"(?<!\*)\*[^*\s][^*]*\*(?!\*)"), _format(None, italic=True)),
            (re.compile(r"`[^`]+`"), _format(c["code"], mono=True)),
            (re.compile(r"!?\[[^\]]*\]\([^)]*\)"), _format(c["link"])),
            (re.compile(r"^\s*\|.*\|\s*$"), _format(c["table"])),
            (re.compile(r"~~[^~]+~~"), _format(c["strike"])),
        ]
        self._fence = _format(c["fence"], mono=True)
        self._pmdesk = _format(c["pmdesk"], bold=True, mono=True)

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
