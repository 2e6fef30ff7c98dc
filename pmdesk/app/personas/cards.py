"""The personas as a list of cards: the avatar (photo or initials in a coloured
circle), the name, the role and the share of users.

The list shows what `fill` gives it; a drag or Alt+Up/Down is a move pushed as
one operation (`move_wanted`), and the cards come back in their new order when
the window refills them from the project.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDropEvent, QFont, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from pmdesk.core.queries.setup import PersonaRecord
from pmdesk.export.persona_avatar import avatar_image

ROW_MIME = "application/x-pmdesk-persona"  # the uid of a dragged card
UID_ROLE = Qt.ItemDataRole.UserRole
LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the card's second line: role · share
AVATAR = 44  # pixels


def share_text(share: float | None) -> str:
    """12.5 → "12.5%"; nothing when unknown."""
    return "" if share is None else f"{share:g}%"


class CardDelegate(QStyledItemDelegate):
    """Paints a card: avatar on the left, the name in bold, then role and share."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(option.rect.width(), AVATAR + 16)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = rect.adjusted(4, 3, -4, -3)
        background = palette.highlight().color() if selected else palette.base().color()
        border = palette.mid().color()
        painter.setPen(border)
        painter.setBrush(background)
        painter.drawRoundedRect(card, 6, 6)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QPixmap):
            painter.drawPixmap(card.left() + 8, card.top() + (card.height() - AVATAR) // 2, icon)
        text_left = card.left() + 8 + AVATAR + 10
        text_rect = QRect(text_left, card.top() + 6, card.right() - text_left - 6, card.height())
        ink = palette.highlightedText().color() if selected else palette.text().color()
        name_font = QFont(option.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(ink)
        line = painter.fontMetrics().height()
        name = painter.fontMetrics().elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            text_rect.width(),
        )
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, name)
        painter.setFont(option.font)
        faint = QColor(ink)
        faint.setAlphaF(0.7)
        painter.setPen(faint)
        second = painter.fontMetrics().elidedText(
            str(index.data(LINE_ROLE) or ""), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(
            text_rect.adjusted(0, line + 2, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            second,
        )
        painter.restore()


class PersonaCards(QListWidget):
    """The personas, in their order; `move_wanted(uid, index)` asks for a move,
    `delete_wanted` for the current one's deletion (Delete)."""

    move_wanted = Signal(str, int)
    delete_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personaCards")
        self.setItemDelegate(CardDelegate(self))
        self.setIconSize(QSize(AVATAR, AVATAR))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setMinimumWidth(240)
        self._locked = False

    def fill(self, personas: list[PersonaRecord], line: str) -> None:
        """Show these personas; `line` is the second line's pattern: %1 the role,
        %2 the share (an empty part and its separator are left out)."""
        current = self.current_uid()
        self.blockSignals(True)
        self.clear()
        for p in personas:
            item = QListWidgetItem(p.name)
            item.setData(UID_ROLE, p.uid)
            parts = [part for part in (p.role, share_text(p.share)) if part]
            item.setData(LINE_ROLE, " · ".join(parts) if parts else line)
            item.setData(
                Qt.ItemDataRole.DecorationRole,
                QPixmap.fromImage(avatar_image(p.name, p.uid, p.photo, AVATAR)),
            )
            item.setToolTip("\n".join(t for t in (p.name, p.role) if t))  # a long role is cut
            self.addItem(item)
        self.blockSignals(False)
        self.select_uid(current if current in self.uids() else None)

    def uids(self) -> list[str]:
        return [str(self.item(i).data(UID_ROLE)) for i in range(self.count())]

    def current_uid(self) -> str | None:
        item = self.currentItem()
        return None if item is None else str(item.data(UID_ROLE))

    def select_uid(self, uid: str | None) -> None:
        uids = self.uids()
        if uid in uids:
            self.setCurrentRow(uids.index(uid))
        elif uids:
            self.setCurrentRow(0)
        else:
            self.currentItemChanged.emit(None, None)

    def lock_editing(self) -> None:
        self._locked = True
        self.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)

    def move_current(self, step: int) -> None:
        """Alt+Up / Alt+Down: one place up or down."""
        uid = self.current_uid()
        if uid is None or self._locked:
            return
        index = self.uids().index(uid) + step
        if 0 <= index < self.count():
            self.move_wanted.emit(uid, index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and key in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.move_current(-1 if key == Qt.Key.Key_Up else 1)
            return
        if key == Qt.Key.Key_Delete:
            self.delete_wanted.emit()
            return
        super().keyPressEvent(event)

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        """A dragged card says which persona it is (a drop from elsewhere carries
        no such thing and is ignored)."""
        mime = super().mimeData(items)
        if items:
            mime.setData(ROW_MIME, str(items[0].data(UID_ROLE)).encode())
        return mime

    def dropEvent(self, event: QDropEvent) -> None:
        """A card dropped elsewhere in the list: one move, pushed as an operation;
        the list is refilled from the project, not rearranged by Qt."""
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        uid = bytes(event.mimeData().data(ROW_MIME).data()).decode()
        if self._locked or uid not in self.uids():
            return
        target = self.itemAt(event.position().toPoint())
        uids = self.uids()
        start = uids.index(uid)
        if target is None:  # below the last card
            index = len(uids) - 1
        else:
            row = self.row(target)
            if row == start:
                return
            below = event.position().y() > self.visualItemRect(target).center().y()
            # The place among the other cards (the moved one left out).
            index = row + (1 if below else 0) - (1 if row > start else 0)
        if index != start:
            self.move_wanted.emit(uid, index)
