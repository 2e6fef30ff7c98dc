"""The results list's model and delegate: key and title, then where it matched
and a snippet with the matching words highlighted."""

from __future__ import annotations

import html
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from pmdesk.core.search.matching import Match

Index = QModelIndex | QPersistentModelIndex
HIGHLIGHT = "#ffe08a"  # the matching words' background, light and dark themes alike
_MUTED = ' style="color:gray"'  # where it matched: quieter than the snippet


class Role(IntEnum):
    MATCH = Qt.ItemDataRole.UserRole + 1
    HTML = Qt.ItemDataRole.UserRole + 2


def field_name(field: str) -> str:
    """A field's name as the user sees it, in the UI's language."""
    names = {
        "key": QCoreApplication.translate("SearchResults", "Key"),
        "title": QCoreApplication.translate("SearchResults", "Title"),
        "tags": QCoreApplication.translate("SearchResults", "Tags"),
        "owner": QCoreApplication.translate("SearchResults", "Owner"),
        "persona": QCoreApplication.translate("SearchResults", "Persona"),
        "source": QCoreApplication.translate("SearchResults", "Source"),
        "acceptance": QCoreApplication.translate("SearchResults", "Acceptance criteria"),
        "description": QCoreApplication.translate("SearchResults", "Description"),
        "section_title": QCoreApplication.translate("SearchResults", "PRD section"),
        "section_body": QCoreApplication.translate("SearchResults", "PRD section text"),
        "persona_name": QCoreApplication.translate("SearchResults", "Persona"),
        "persona_role": QCoreApplication.translate("SearchResults", "Persona's role"),
        "persona_text": QCoreApplication.translate(
            "SearchResults", "Persona's goals and scenarios"
        ),
    }
    return names.get(field, field)


def match_html(match: Match) -> str:
    """Two lines: key and title; where it matched and the marked snippet."""
    marked = html.escape(match.marked("\x01", "\x02"))
    marked = marked.replace("\x01", f'<span style="background:{HIGHLIGHT}; color:#000">')
    marked = marked.replace("\x02", "</span>")
    head = html.escape(match.key) + "&nbsp;&nbsp;" if match.key else "§&nbsp;"
    return (
        f"<b>{head}</b>{html.escape(match.title)}<br>"
        f"<span{_MUTED}>{html.escape(field_name(match.field))}:</span> {marked}"
    )


class ResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matches: list[Match] = []

    def show(self, matches: list[Match]) -> None:
        self.beginResetModel()  # a new answer: nothing of the old list stays
        self.matches = matches
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.matches)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.matches):
            return None
        match = self.matches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{match.key} {match.title} — {match.marked()}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{field_name(match.field)}: {match.snippet}"
        if role == Role.MATCH:
            return match
        if role == Role.HTML:
            return match_html(match)
        return None


class ResultDelegate(QStyledItemDelegate):
    """Paints a result's two lines of rich text (highlighted words)."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        text = str(index.data(Role.HTML) or "")
        if option.state & QStyle.StateFlag.State_Selected:  # grey on the selection is unreadable
            text = text.replace(_MUTED, "")
        doc.setHtml(text)
        doc.setTextWidth(max(option.rect.width(), 200))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        widget: QWidget | None = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        doc = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text,
                option.palette.color(QPalette.ColorRole.HighlightedText),
            )
        painter.save()
        rect = option.rect
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))
