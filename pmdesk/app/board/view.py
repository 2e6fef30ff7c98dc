"""The board itself: five columns of cards, painted, with its own mouse and keys.

A card is picked with a click (Ctrl+click adds or takes one away, Shift+click
takes the run from the last one picked in that column) and dragged with the
mouse: dropped on another column it asks for that priority, released outside
the board (on the pane's list of releases) it asks the pane what is there. The
keys: arrows walk the cards, Ctrl+Left/Right move the picked cards a column,
Enter opens the current card in the details. The view never edits: it says
what the user asked for (`priority_wanted`, `dropped_outside`) and the pane
makes the operation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from pmdesk.app.board.model import COLUMNS, BoardModel
from pmdesk.app.labels import not_assessed_label, priority_label
from pmdesk.core.analysis.moscow import BoardCard, effort_days

GAP = 10.0  # between columns and around the board
HEADER = 46.0  # a column's name and figures
CARD = 62.0  # a card's height
CARD_GAP = 6.0
MIN_COLUMN = 150.0
# A column's colour (its header's strip and its cards' edge), light and dark alike.
COLUMN_COLOURS = {
    "must": "#d64545",
    "should": "#e08a1e",
    "could": "#3a8fd6",
    "wont": "#8a8f98",
    None: "#b7b9bf",
}


def column_title(priority: str | None) -> str:
    return not_assessed_label() if priority is None else priority_label(priority)


def effort_text(months: float | None) -> str:
    """A card's effort as the details give it: person-months."""
    if months is None:
        return ""
    return QApplication.translate("BoardView", "%1 pm").replace("%1", f"{months:g}")


@dataclass
class _Drag:
    uid: str  # the card pressed
    start: QPoint
    uids: list[str]  # the cards it carries
    started: bool = False
    at: QPoint | None = None  # where the mouse is (board coordinates)
    picking: bool = False  # pressed with Ctrl or Shift: the press changed the pick


class BoardView(QWidget):
    """The columns of one release's board (`release`: its uid, None: no release)."""

    current_changed = Signal(object)  # the uid of the card the user is on, or None
    details_requested = Signal(str)  # Enter or a double-click on a card
    priority_wanted = Signal(list, object)  # uids, the priority of the column they go to
    dropped_outside = Signal(list, QPoint)  # uids, the global point they were dropped at
    drag_moved = Signal(object)  # a drag is at this global point; None: it ended
    menu_requested = Signal(list, QPoint)  # the picked cards' uids, where (global)

    def __init__(self, model: BoardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        # Whether the board is out of sight (the pane knows: its dock's tab).
        self.stale: Callable[[], bool] = lambda: False
        self.release: str | None = None
        self.current: str | None = None
        self.picked: list[str] = []  # the selected cards, in the order picked
        self._drag: _Drag | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(False)
        self.setAccessibleName(self.tr("MoSCoW board"))
        self.title_font = QFont(self.font())
        self.title_font.setBold(True)
        self.small_font = QFont(self.font())
        self.small_font.setPointSizeF(max(self.font().pointSizeF() - 1, 7.0))
        model.changed.connect(self._model_changed)

    # -- what is where -------------------------------------------------------------
    def columns(self) -> list[list[BoardCard]]:
        return [self.model.column_cards(self.release, p) for p in COLUMNS]

    def column_width(self) -> float:
        return max((self.width() - GAP * (len(COLUMNS) + 1)) / len(COLUMNS), MIN_COLUMN)

    def column_rect(self, index: int) -> QRectF:
        w = self.column_width()
        return QRectF(GAP + index * (w + GAP), GAP, w, self.height() - 2 * GAP)

    def card_rect(self, column: int, row: int) -> QRectF:
        c = self.column_rect(column)
        top = c.top() + HEADER + row * (CARD + CARD_GAP)
        return QRectF(c.left() + 6, top, c.width() - 12, CARD)

    def column_at(self, pos: QPointF) -> int | None:
        for i in range(len(COLUMNS)):
            r = self.column_rect(i)
            if r.left() <= pos.x() <= r.right() and 0 <= pos.y() <= self.height():
                return i
        return None

    def card_at(self, pos: QPointF) -> BoardCard | None:
        column = self.column_at(pos)
        if column is None:
            return None
        cards = self.model.column_cards(self.release, COLUMNS[column])
        top = self.column_rect(column).top() + HEADER
        row = int((pos.y() - top) // (CARD + CARD_GAP))
        if 0 <= row < len(cards) and self.card_rect(column, row).contains(pos):
            return cards[row]
        return None

    def place_of(self, uid: str) -> tuple[int, int] | None:
        """(column, row) of a card on this board."""
        for c, cards in enumerate(self.columns()):
            for r, card in enumerate(cards):
                if card.uid == uid:
                    return c, r
        return None

    def card_center(self, uid: str) -> QPoint:
        place = self.place_of(uid)
        assert place is not None, "the card is on this board"
        return self.card_rect(*place).center().toPoint()

    def sizeHint(self) -> QSize:
        return QSize(int(len(COLUMNS) * (MIN_COLUMN + GAP) + GAP), 400)

    def minimumSizeHint(self) -> QSize:
        tallest = max((len(cards) for cards in self.columns()), default=0)
        height = 2 * GAP + HEADER + tallest * (CARD + CARD_GAP) + GAP
        return QSize(int(len(COLUMNS) * (MIN_COLUMN + GAP) + GAP), int(height))

    # -- showing a release ------------------------------------------------------------
    def show_release(self, release: str | None) -> None:
        if release != self.release:
            self.release = release
            self.picked = [u for u in self.picked if self._on_board(u)]
            if self.current is not None and not self._on_board(self.current):
                self.current = None
        self._model_changed()

    def _on_board(self, uid: str) -> bool:
        card = self.model.cards.get(uid)
        return card is not None and card.release == self.release

    def _model_changed(self) -> None:
        if not self.isVisible() or self.stale():
            return  # out of sight: the pane brings it up to date when shown
        self.picked = [u for u in self.picked if self._on_board(u)]
        self.updateGeometry()
        self.setMinimumHeight(self.minimumSizeHint().height())
        self.update()

    def select_uid(self, uid: str | None) -> None:
        """Follow the shared selection: that card alone is picked (if it is here)."""
        if uid is not None and uid == self.current and uid in self.picked:
            return  # the view's own pick, come back through the shared selection
        if uid is not None and self._on_board(uid):
            if self.current != uid or self.picked != [uid]:
                self.current, self.picked = uid, [uid]
                self.update()
        elif self.current is not None or self.picked:
            self.current, self.picked = None, []
            self.update()

    def _set_current(self, uid: str | None) -> None:
        if uid != self.current:
            self.current = uid
            self.current_changed.emit(uid)
        self.update()

    # -- mouse -----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        card = self.card_at(event.position())
        if card is None:
            return
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            if card.uid in self.picked:
                self.picked.remove(card.uid)
            else:
                self.picked.append(card.uid)
        elif mods & Qt.KeyboardModifier.ShiftModifier and self.current is not None:
            self.picked = self._run(self.current, card.uid)
        elif card.uid not in self.picked:
            self.picked = [card.uid]
        if card.uid not in self.picked and self.picked:  # Ctrl+click took it away
            self._set_current(self.picked[-1])
            return
        carried = list(self.picked) if card.uid in self.picked else [card.uid]
        picking = bool(
            mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        )
        self._drag = _Drag(card.uid, event.position().toPoint(), carried, picking=picking)
        self._set_current(card.uid)

    def _run(self, anchor: str, uid: str) -> list[str]:
        """The cards from `anchor` to `uid` when both are in one column, else `uid`'s."""
        a, b = self.place_of(anchor), self.place_of(uid)
        if a is None or b is None or a[0] != b[0]:
            return [*self.picked, uid] if uid not in self.picked else self.picked
        cards = self.columns()[a[0]]
        lo, hi = sorted((a[1], b[1]))
        return [c.uid for c in cards[lo : hi + 1]]

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        if drag is None:
            return
        pos = event.position().toPoint()
        if not drag.started:
            if (pos - drag.start).manhattanLength() < QApplication.startDragDistance():
                return
            drag.started = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        drag.at = pos
        self.drag_moved.emit(self.mapToGlobal(pos))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        self.unsetCursor()
        if drag is None or not drag.started:
            if drag is not None and not drag.picking:
                self.picked = [drag.uid]  # a click on a picked card picks it alone
            self.update()
            return
        pos = event.position().toPoint()
        self.update()
        self.drag_moved.emit(None)
        if not self.rect().contains(pos):
            self.dropped_outside.emit(drag.uids, self.mapToGlobal(pos))
            return
        column = self.column_at(QPointF(pos))
        if column is not None:
            self.priority_wanted.emit(drag.uids, COLUMNS[column])

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """A right-click picks the card under it (unless it is picked already);
        the menu key acts on the picked cards."""
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            card = self.card_at(QPointF(event.pos()))
            if card is None:
                return
            if card.uid not in self.picked:
                self.picked = [card.uid]
            self._set_current(card.uid)
            where = event.globalPos()
        else:
            place = self.place_of(self.current) if self.current else None
            if place is None:
                return
            where = self.mapToGlobal(self.card_rect(*place).center().toPoint())
        uids = self.picked or ([self.current] if self.current else [])
        if uids:
            self.menu_requested.emit(list(uids), where)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        card = self.card_at(event.position())
        if card is not None:
            self.details_requested.emit(card.uid)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            card = self.card_at(QPointF(event.pos()))
            if card is None:
                QToolTip.hideText()
            else:  # the whole title, which the card may cut short
                lines = [f"{card.key}  {card.title}", card.owner, effort_text(card.effort)]
                QToolTip.showText(event.globalPos(), "\n".join(t for t in lines if t), self)
            return True
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- keys ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        sideways = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current is not None:
            self.details_requested.emit(self.current)
        elif ctrl and key in sideways:
            self._move_picked(sideways[Qt.Key(key)])
        elif key in sideways or key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._walk(Qt.Key(key))
        elif ctrl and key == Qt.Key.Key_A:
            place = self.place_of(self.current) if self.current else None
            if place is not None:  # every card of the current column
                self.picked = [c.uid for c in self.columns()[place[0]]]
                self.update()
        else:
            super().keyPressEvent(event)

    def _move_picked(self, step: int) -> None:
        uids = self.picked or ([self.current] if self.current else [])
        place = self.place_of(self.current) if self.current else None
        if not uids or place is None:
            return
        target = place[0] + step
        if 0 <= target < len(COLUMNS):
            self.priority_wanted.emit(list(uids), COLUMNS[target])

    def _walk(self, key: Qt.Key) -> None:
        columns = self.columns()
        place = self.place_of(self.current) if self.current else None
        if place is None:
            first = next((cards[0] for cards in columns if cards), None)
            if first is not None:
                self.picked = [first.uid]
                self._set_current(first.uid)
            return
        c, r = place
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            r += -1 if key == Qt.Key.Key_Up else 1
            if not 0 <= r < len(columns[c]):
                return
        else:
            step = -1 if key == Qt.Key.Key_Left else 1
            c += step
            while 0 <= c < len(columns) and not columns[c]:
                c += step
            if not 0 <= c < len(columns):
                return
            r = min(r, len(columns[c]) - 1)
        uid = columns[c][r].uid
        self.picked = [uid]
        self._set_current(uid)

    # -- painting --------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pal = self.palette()
        target = self._drop_column()
        exposed = QRectF(event.rect())
        for i, (priority, cards) in enumerate(zip(COLUMNS, self.columns(), strict=True)):
            self._paint_column(p, pal, i, priority, cards, i == target, exposed)
        drag = self._drag
        if drag is not None and drag.started and drag.at is not None:
            card = self.model.cards.get(drag.uid)
            if card is not None:
                w = self.column_width() - 12
                ghost = QRectF(drag.at.x() - w / 2, drag.at.y() - CARD / 2, w, CARD)
                p.setOpacity(0.75)
                self._paint_card(p, pal, ghost, card, picked=True, current=False)
                if len(drag.uids) > 1:
                    self._paint_count(p, ghost, len(drag.uids))
                p.setOpacity(1.0)
        p.end()

    def _drop_column(self) -> int | None:
        drag = self._drag
        if drag is None or not drag.started or drag.at is None:
            return None
        if not self.rect().contains(drag.at):
            return None
        return self.column_at(QPointF(drag.at))

    def _paint_column(
        self,
        p: QPainter,
        pal: QPalette,
        index: int,
        priority: str | None,
        cards: list[BoardCard],
        target: bool,
        exposed: QRectF,
    ) -> None:
        rect = self.column_rect(index)
        base = pal.color(QPalette.ColorRole.AlternateBase)
        p.setPen(
            QPen(pal.color(QPalette.ColorRole.Highlight), 2)
            if target
            else QPen(pal.color(QPalette.ColorRole.Mid), 1)
        )
        p.setBrush(base)
        p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        colour = QColor(COLUMN_COLOURS[priority])
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(QRectF(rect.left() + 8, rect.top() + 10, 4, 26), 2, 2)
        p.setPen(pal.color(QPalette.ColorRole.WindowText))
        p.setFont(self.title_font)
        p.drawText(
            QRectF(rect.left() + 18, rect.top() + 6, rect.width() - 24, 18),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            column_title(priority),
        )
        days = sum(effort_days(c.effort) for c in cards)
        figures = self.tr("%n card(s) · %1 person-days", "", len(cards))
        figures = figures.replace("%1", f"{days:g}")
        p.setFont(self.small_font)
        p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        p.drawText(
            QRectF(rect.left() + 18, rect.top() + 24, rect.width() - 24, 16),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            figures,
        )
        # Only the cards in the exposed strip: a release may hold thousands.
        first = max(int((exposed.top() - rect.top() - HEADER) // (CARD + CARD_GAP)), 0)
        last = int((exposed.bottom() - rect.top() - HEADER) // (CARD + CARD_GAP)) + 1
        for row in range(first, min(last + 1, len(cards))):
            card = cards[row]
            self._paint_card(
                p,
                pal,
                self.card_rect(index, row),
                card,
                picked=card.uid in self.picked,
                current=card.uid == self.current and self.hasFocus(),
            )

    def _paint_card(
        self,
        p: QPainter,
        pal: QPalette,
        rect: QRectF,
        card: BoardCard,
        *,
        picked: bool,
        current: bool,
    ) -> None:
        highlight = pal.color(QPalette.ColorRole.Highlight)
        p.setPen(QPen(highlight, 2) if picked else QPen(pal.color(QPalette.ColorRole.Mid), 1))
        p.setBrush(pal.color(QPalette.ColorRole.Base))
        p.drawRoundedRect(rect, 5, 5)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(COLUMN_COLOURS[card.priority]))
        p.drawRoundedRect(QRectF(rect.left() + 3, rect.top() + 6, 3, rect.height() - 12), 1.5, 1.5)
        if current:
            p.setPen(QPen(highlight, 1, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect.adjusted(3, 3, -3, -3), 3, 3)
        inner = rect.adjusted(12, 5, -8, -5)
        text = pal.color(QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        p.setFont(self.title_font)
        p.setPen(text)
        line = QRectF(inner.left(), inner.top(), inner.width(), 17)
        p.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, card.key)
        p.setFont(self.small_font)
        p.setPen(muted)
        p.drawText(
            line,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            effort_text(card.effort),
        )
        p.setFont(self.font())
        p.setPen(text)
        title = QFontMetrics(self.font()).elidedText(
            card.title, Qt.TextElideMode.ElideRight, int(inner.width())
        )
        line.translate(0, 18)
        p.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        if card.owner:
            p.setFont(self.small_font)
            p.setPen(muted)
            line.translate(0, 17)
            owner = QFontMetrics(self.small_font).elidedText(
                card.owner, Qt.TextElideMode.ElideRight, int(inner.width())
            )
            p.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, owner)

    def _paint_count(self, p: QPainter, rect: QRectF, count: int) -> None:
        badge = QRectF(rect.right() - 14, rect.top() - 10, 24, 20)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.palette().color(QPalette.ColorRole.Highlight))
        p.drawRoundedRect(badge, 10, 10)
        p.setPen(self.palette().color(QPalette.ColorRole.HighlightedText))
        p.setFont(self.title_font)
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(count))
