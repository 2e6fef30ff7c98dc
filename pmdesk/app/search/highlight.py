"""A delegate that highlights the words being searched for in a column's text
(the tree's titles): what the filter box or Find in Project looks for."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from pmdesk.app.search.results import HIGHLIGHT
from pmdesk.core.search.matching import query_words

Index = QModelIndex | QPersistentModelIndex


def spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where `words` occur in `text` (any case), merged, in order."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return []
    found: list[tuple[int, int]] = []
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            found.append((at, at + len(word)))
            at = lowered.find(word, at + len(word))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class HighlightDelegate(QStyledItemDelegate):
    """Paints the words of `set_query` on a highlight in `column`; every other
    cell, and editing, as QStyledItemDelegate does."""

    def __init__(self, column: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = column
        self.words: tuple[str, ...] = ()

    def set_query(self, query: str) -> None:
        words = query_words(query)
        if words != self.words:
            self.words = words
            parent = self.parent()
            if isinstance(parent, QWidget):
                parent.update()
                viewport = getattr(parent, "viewport", None)
                if callable(viewport):
                    viewport().update()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        marks = spans(text, self.words) if self.words and index.column() == self.column else []
        if not marks:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
        area = area.adjusted(3, 0, -3, 0)  # the style's own text margin
        metrics = option.fontMetrics
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width())
        painter.save()
        painter.setFont(option.font)
        painter.setClipRect(area)
        for start, end in marks:
            if start >= len(shown):
                break
            left = metrics.horizontalAdvance(shown[:start])
            width = metrics.horizontalAdvance(shown[start:end])
            box = QRect(area.left() + left, area.top() + 1, width, area.height() - 2)
            painter.fillRect(box, QColor(HIGHLIGHT))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        pen = option.palette.color(role)
        if foreground is not None and not selected:
            pen = foreground.color() if hasattr(foreground, "color") else QColor(foreground)
        painter.setPen(pen)
        align = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        painter.drawText(area, align, shown)
        if selected:  # the selection's light text is unreadable on the highlight
            painter.setPen(QColor("black"))
            for start, end in marks:
                if start >= len(shown):
                    break
                left = metrics.horizontalAdvance(shown[:start])
                painter.drawText(area.adjusted(left, 0, 0, 0), align, shown[start:end])
        painter.restore()
