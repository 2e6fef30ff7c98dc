"""The Now / Next / Later board on screen: three columns of cards, a row per lane,
drawn by the documents' painter (export/horizon_picture.py) with the picks, the
focus and a drag drawn over it.

A card is picked with a click (Ctrl+click adds or takes one away, Shift+click
takes the run from the current card in that cell) and dragged with the mouse: a
picked card carries every picked card along; dropped on another column they ask
for that horizon (`horizon_wanted`). The keys: arrows walk the cards,
Ctrl+Left/Right move the picked cards a column, Enter opens the current one in
the details, the menu key opens the menu of the picked cards. The view never
edits: the panel makes the operation. Read-only: cards are picked, never dragged.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QScrollArea, QSizePolicy, QToolTip, QWidget

from pmdesk.app.labels import not_assessed_label, priority_label
from pmdesk.core.roadmap.horizons import HORIZONS, Horizon, HorizonBoard, HorizonCard
from pmdesk.export.horizon_geometry import HEADER, HorizonGeometry, HorizonTexts
from pmdesk.export.horizon_picture import (
    Marks,
    card_fonts,
    paint_card,
    paint_heads,
    paint_horizons,
)
from pmdesk.export.roadmap_style import LIGHT, Palette

MIN_WIDTH = 560


@dataclass
class _Drag:
    uid: str  # the card pressed (drawn under the pointer)
    start: QPoint
    uids: list[str]  # the cards carried: the picked ones, or the pressed one alone
    picking: bool = False  # pressed with Ctrl or Shift: the press changed the pick
    started: bool = False
    at: QPoint | None = None


class HorizonsView(QWidget):
    current_changed = Signal(str)  # the card the user is on
    details_requested = Signal(str)  # Enter or a double-click on a card
    horizon_wanted = Signal(list, str)  # the cards' uids, the horizon of the column
    menu_requested = Signal(str, QPoint)  # uid, where (global)
    laid_out = Signal()  # a new geometry: the heads above follow

    def __init__(self, texts: HorizonTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.board: HorizonBoard | None = None
        self.geo: HorizonGeometry | None = None
        self.current: str | None = None
        self.picked: list[str] = []  # the selected cards, in the order picked
        self.read_only = False
        self.chart_palette: Palette = LIGHT
        self._drag: _Drag | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(self.tr("Now / Next / Later"))

    # -- what is shown ----------------------------------------------------------------
    def show_board(self, board: HorizonBoard) -> None:
        self.board = board
        if self.current is not None and board.card(self.current) is None:
            self.current = None
        self.picked = [u for u in self.picked if board.card(u) is not None]
        self._lay_out()

    def _lay_out(self) -> None:
        if self.board is None:
            self.geo = None
            return
        width = max(self.width(), MIN_WIDTH)
        self.geo = HorizonGeometry(self.board, width, self.texts, header=False)
        self.laid_out.emit()
        self.setMinimumHeight(int(self.geo.height + 0.5))
        self.updateGeometry()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.board is not None and (self.geo is None or self.geo.width != self.width()):
            self._lay_out()

    def sizeHint(self) -> QSize:
        height = int(self.geo.height + 0.5) if self.geo is not None else 300
        return QSize(MIN_WIDTH, height)

    def minimumSizeHint(self) -> QSize:
        return QSize(MIN_WIDTH, self.sizeHint().height())

    def card_center(self, uid: str) -> QPoint:
        """Where a card is drawn (tests and the menu key aim at it)."""
        assert self.geo is not None, "a board is shown"
        place = self.geo.place_of(uid)
        assert place is not None, "the card is on the board"
        return self.geo.card_rect(*place).center().toPoint()

    def card_rect(self, uid: str) -> QRectF | None:
        place = self.geo.place_of(uid) if self.geo is not None else None
        return self.geo.card_rect(*place) if self.geo is not None and place else None

    def column_point(self, horizon: Horizon, lane_row: int = 0) -> QPoint:
        """A point inside a column, in a lane's row (tests drop there)."""
        assert self.geo is not None, "a board is shown"
        column = self.geo.column_rect(HORIZONS.index(horizon))
        row = self.geo.rows[lane_row]
        return QPointF(column.center().x(), row.top + row.height - 4).toPoint()

    def select_uid(self, uid: str | None) -> None:
        """Follow the shared selection: that card alone is picked (a card not shown
        is no current card); the current card of a pick keeps the pick."""
        if uid is not None and self.board is not None and self.board.card(uid) is None:
            uid = None
        if uid is not None and uid == self.current and uid in self.picked:
            return
        picked = [uid] if uid is not None else []
        if uid != self.current or picked != self.picked:
            self.current, self.picked = uid, picked
            self.update()

    def carried(self) -> list[str]:
        """The cards an edit acts on: the picked ones, else the current one."""
        return list(self.picked) or ([self.current] if self.current else [])

    def _set_current(self, uid: str) -> None:
        if uid != self.current:
            self.current = uid
            self.current_changed.emit(uid)
        self.update()

    # -- mouse -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() != Qt.MouseButton.LeftButton or self.geo is None:
            return
        card = self.geo.card_at(event.position())
        if card is None:
            return
        mods = event.modifiers()
        picking = bool(
            mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        )
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
        self._set_current(card.uid)
        if not self.read_only:
            self._drag = _Drag(card.uid, event.position().toPoint(), carried, picking)

    def _run(self, anchor: str, uid: str) -> list[str]:
        """The cards from `anchor` to `uid` when both are in one cell (lane and
        column), else the pick with `uid` added."""
        geo = self.geo
        a = geo.place_of(anchor) if geo is not None else None
        b = geo.place_of(uid) if geo is not None else None
        if geo is None or a is None or b is None or a[:2] != b[:2]:
            return [*self.picked, uid] if uid not in self.picked else self.picked
        cards = geo.shown(geo.rows[a[0]].lane, HORIZONS[a[1]])[0]
        lo, hi = sorted((a[2], b[2]))
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
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        self.unsetCursor()
        self.update()
        if drag is not None and not drag.started and not drag.picking:
            self.picked = [drag.uid]  # a click on a picked card picks it alone
        if drag is None or not drag.started or self.geo is None:
            return
        pos = event.position()
        if not self.rect().contains(pos.toPoint()):
            return  # dropped outside: nothing happens
        horizon = self.geo.column_at(pos)
        if horizon is not None:
            self.horizon_wanted.emit(drag.uids, horizon)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        card = self.geo.card_at(event.position()) if self.geo is not None else None
        if card is not None:
            self.details_requested.emit(card.uid)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.geo is None:
            return
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            card = self.geo.card_at(QPointF(event.pos()))
            if card is None:
                return
            if card.uid not in self.picked:  # a right-click on a pick keeps it
                self.picked = [card.uid]
            self._set_current(card.uid)
            self.menu_requested.emit(card.uid, event.globalPos())
        elif self.current is not None and (rect := self.card_rect(self.current)) is not None:
            self.menu_requested.emit(self.current, self.mapToGlobal(rect.center().toPoint()))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            card = self.geo.card_at(QPointF(event.pos())) if self.geo is not None else None
            if card is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip(card), self)
            return True
        return super().event(event)

    def tooltip(self, card: HorizonCard) -> str:
        """The whole title, the priority and where the horizon comes from."""
        priority = priority_label(card.priority) if card.priority else not_assessed_label()
        lines = [f"{card.key}  {card.title}", priority]
        if card.derived:
            release = None
            if self.board is not None and card.release_uid is not None:
                release = next(
                    (r.name for r in self.board.releases if r.uid == card.release_uid), None
                )
            if card.status == "in_progress":
                lines.append(self.tr("Now: work in progress"))
            elif release is not None:
                lines.append(self.tr("Horizon from release %1").replace("%1", release))
            else:
                lines.append(self.tr("Later: no release"))
        else:
            lines.append(self.tr("Placed here by hand"))
        return "\n".join(lines)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- keys --------------------------------------------------------------------------
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
        else:
            super().keyPressEvent(event)

    def _move_picked(self, step: int) -> None:
        """The picked cards a column over (the current card's column decides)."""
        card = self.board.card(self.current) if self.board and self.current else None
        if card is None or self.read_only:
            return
        target = HORIZONS.index(card.horizon) + step
        if 0 <= target < len(HORIZONS):
            self.horizon_wanted.emit(self.carried(), HORIZONS[target])

    def _walk(self, key: Qt.Key) -> None:
        geo = self.geo
        if geo is None:
            return
        place = geo.place_of(self.current) if self.current else None
        cells = [
            [geo.shown(row.lane, h)[0] for h in HORIZONS] for row in geo.rows
        ]  # cards by row, column
        if place is None:
            first = next((cards[0] for row in cells for cards in row if cards), None)
            if first is not None:
                self._set_current(first.uid)
            return
        r, c, i = place
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            i += step
            while not 0 <= i < len(cells[r][c]):  # into the next lane's cell
                r += step
                if not 0 <= r < len(cells):
                    return
                i = 0 if step > 0 else len(cells[r][c]) - 1
        else:
            step = -1 if key == Qt.Key.Key_Left else 1
            c += step
            while 0 <= c < len(HORIZONS) and not cells[r][c]:
                c += step
            if not 0 <= c < len(HORIZONS):
                return
            i = min(i, len(cells[r][c]) - 1)
        uid = cells[r][c][i].uid
        self.picked = [uid]
        self._set_current(uid)
        if (rect := self.card_rect(uid)) is not None:
            self.scroll_requested(rect)

    def scroll_requested(self, rect: QRectF) -> None:
        """Bring a card into sight (in the scroll area it is shown in)."""
        parent = self.parentWidget()
        area = parent.parentWidget() if parent is not None else None
        if isinstance(area, QScrollArea):
            centre = rect.center().toPoint()
            area.ensureVisible(centre.x(), centre.y(), 0, int(rect.height() / 2) + 8)

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        geo = self.geo
        p = QPainter(self)
        p.fillRect(event.rect(), QColor(self.chart_palette.background))
        if geo is None:
            p.end()
            return
        drag = self._drag
        dragging = drag is not None and drag.started and drag.at is not None
        drop = None
        if dragging and drag is not None and drag.at is not None:
            drop = geo.column_at(QPointF(drag.at))
        current = self.current if self.hasFocus() else None
        marks = Marks(tuple(self.carried()), current, drop, QRectF(event.rect()))
        paint_horizons(p, geo, self.chart_palette, marks)
        if dragging and drag is not None and drag.at is not None and self.board is not None:
            card = self.board.card(drag.uid)
            if card is not None:
                w = geo.column_width - 12
                ghost = QRectF(drag.at.x() - w / 2, drag.at.y() - geo.card / 2, w, geo.card)
                p.setOpacity(0.8)
                fonts = card_fonts(p.font())
                if len(drag.uids) > 1:  # a stack: the edges of the cards under the one held
                    p.setBrush(QColor(self.chart_palette.background))
                    p.setPen(self.palette().color(QPalette.ColorRole.Mid))
                    for shift in (8.0, 4.0):
                        p.drawRoundedRect(ghost.translated(shift, shift), 3, 3)
                paint_card(p, ghost, card, geo, self.chart_palette, fonts, picked=True)
                p.setOpacity(1.0)
                if len(drag.uids) > 1:
                    self._paint_count(p, ghost, len(drag.uids))
        p.end()

    def _paint_count(self, p: QPainter, rect: QRectF, count: int) -> None:
        """How many cards the drag carries, in a badge on the held card's corner."""
        badge = QRectF(rect.right() - 14, rect.top() - 10, 26, 20)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.palette().color(QPalette.ColorRole.Highlight))
        p.drawRoundedRect(badge, 10, 10)
        p.setPen(self.palette().color(QPalette.ColorRole.HighlightedText))
        font = QFont(p.font())
        font.setBold(True)
        p.setFont(font)
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(count))


class HorizonsArea(QScrollArea):
    """The scrolled board with the columns' heads kept in sight above it (drawn
    by the documents' painter on the board's own geometry, so they line up)."""

    def __init__(self, view: HorizonsView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board_view = view
        self.setWidget(view)
        self.setWidgetResizable(True)
        self.heads = _Heads(view, self)
        self.setViewportMargins(0, int(HEADER), 0, 0)
        view.laid_out.connect(self.heads.update)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        viewport = self.viewport().geometry()
        self.heads.setGeometry(
            viewport.left(), viewport.top() - int(HEADER), viewport.width(), int(HEADER)
        )


class _Heads(QWidget):
    def __init__(self, view: HorizonsView, parent: QWidget) -> None:
        super().__init__(parent)
        self.view = view

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(self.view.chart_palette.background))
        if self.view.geo is not None:
            paint_heads(p, self.view.geo, self.view.chart_palette, top=2.0)
        p.end()
