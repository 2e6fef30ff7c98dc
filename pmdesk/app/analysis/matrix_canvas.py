"""The value vs effort picture in a widget (export.matrix_picture's drawing):
hover a dot for its title, click it to pick its requirement, drag it to set
its value and effort (the window turns the drop into one undo step).

While a dot is dragged the effort line and the axes stay where they were, so
the dot moves under the hand; they settle when the edit is made.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from pmdesk.core.analysis.value_effort import (
    EFFORT_STEP,
    VALUE_STEP,
    MatrixPoint,
    ValueEffortMatrix,
    matrix_of,
    snap_effort,
    snap_value,
)
from pmdesk.core.domain.vocabulary import LABELS, QUADRANT_TERMS, QUADRANTS
from pmdesk.export.matrix_picture import MatrixPlot, PictureTexts, paint_matrix

translate = QCoreApplication.translate
WEEK = 5 * EFFORT_STEP  # an arrow key moves a dot a person-week of effort


def quadrant_label(quadrant: str) -> str:
    return translate(LABELS, QUADRANT_TERMS[quadrant].en)


def picture_texts() -> PictureTexts:
    """The picture's words as the window says them."""
    return PictureTexts(
        translate("MatrixWindow", "Effort (person-months)"),
        translate("MatrixWindow", "Value (0–10)"),
        {q: quadrant_label(q) for q in QUADRANTS},
        translate("MatrixWindow", "median {effort}"),
    )


class MatrixCanvas(QWidget):
    """The picture of one matrix; `current` (a uid) is ringed."""

    clicked = Signal(str)  # a dot clicked: its requirement's uid
    moved = Signal(object, float, float)  # a dot dropped: the point, its new value and effort
    refused = Signal()  # a drag tried where nothing can be edited (read-only)
    nudged = Signal(object, float, float)  # the ringed dot moved by a key: point, value, effort

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = matrix_of(())
        self.current: str | None = None
        self.editable = True
        self._texts = picture_texts()
        self._pressed: MatrixPoint | None = None
        self._press_at = QPointF()
        self._dragging = False
        self._frozen: MatrixPlot | None = None  # the layout a drag started on
        self.dragged: tuple[MatrixPoint, float, float] | None = None  # point, value, effort
        self._cache: tuple[object, MatrixPlot] | None = None
        self._version = 0  # counts the matrices shown: the layout cache's key
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(420, 320)
        self.setAccessibleName(self.tr("Value vs effort picture"))

    def sizeHint(self) -> QSize:
        return QSize(720, 520)

    def set_matrix(self, matrix: ValueEffortMatrix) -> None:
        self.matrix = matrix
        self._version += 1
        self.update()

    def set_current(self, uid: str | None) -> None:
        if uid != self.current:
            self.current = uid
            self.update()

    # -- layout ---------------------------------------------------------------------
    def shown(self) -> ValueEffortMatrix:
        """The matrix as drawn now: with the dragged dot where the hand is."""
        if self.dragged is None or self._frozen is None:
            return self.matrix
        point, value, effort = self.dragged
        moved = dataclasses.replace(point, value=value, effort=effort)
        points = [moved if p.uid == point.uid else p for p in self.matrix.points]
        if point.uid not in {p.uid for p in self.matrix.points}:
            points.append(moved)  # carried in from the list of the unassessed
        return matrix_of(points, split=self._frozen.matrix.split)

    def plot(self) -> MatrixPlot:
        """Where everything is drawn now (the dots' places, the axes), laid out
        once per matrix, size and dragged place: hovering asks at every move."""
        axis = self._frozen.axis_max if self._frozen is not None else None
        key = (self._version, self.width(), self.height(), self.dragged, axis)
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, MatrixPlot(QRectF(self.rect()), self.shown(), axis))
        return self._cache[1]

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            # Always on white: the quadrant tints and dot colours are for paper.
            painter.fillRect(self.rect(), QColor("white"))
            layout = self.plot()
            paint_matrix(
                painter,
                QRectF(self.rect()),
                layout.matrix,
                self._texts,
                current=self.current,
                layout=layout,
            )
        finally:
            painter.end()

    # -- a requirement carried in from the list beside -------------------------------
    def carry_to(self, point: MatrixPoint, where: QPointF) -> bool:
        """Show `point` where the hand is (widget coordinates) while it is carried
        in; False (and nothing shown) when that is outside the plot."""
        frozen = self._frozen or MatrixPlot(QRectF(self.rect()), self.matrix)
        if not frozen.plot.contains(where):
            self.end_carry()
            return False
        self._frozen = frozen
        effort, value = frozen.values_at(where)
        self.dragged = (point, snap_value(value), snap_effort(effort))
        self.update()
        return True

    def end_carry(self) -> tuple[MatrixPoint, float, float] | None:
        """Stop showing a carried point; returns where it was (point, value, effort)."""
        carried = self.dragged
        self.dragged = None
        self._frozen = None
        self.update()
        return carried

    # -- the mouse ------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._pressed = self.plot().point_at(event.position())
        self._press_at = event.position()
        self._dragging = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pressed = self._pressed
        if pressed is None or not event.buttons() & Qt.MouseButton.LeftButton:
            self._hover(event)
            return
        far = (event.position() - self._press_at).manhattanLength()
        if not self._dragging and far < QApplication.startDragDistance():
            return
        if not self._dragging:
            if not self.editable:
                self._pressed = None
                self.refused.emit()
                return
            self._dragging = True
            self._frozen = self.plot()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        assert self._frozen is not None
        effort, value = self._frozen.values_at(event.position())
        value, effort = snap_value(value), snap_effort(effort)
        self.dragged = (pressed, value, effort)
        self.update()
        QToolTip.showText(event.globalPosition().toPoint(), self._drag_text(pressed.key), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        pressed, dragged = self._pressed, self.dragged
        self._pressed = None
        self._dragging = False
        self.unsetCursor()
        if dragged is not None:
            self.moved.emit(*dragged)  # the window pushes the edit, then shows the new matrix
            self.dragged = None
            self._frozen = None
            self.update()
        elif pressed is not None:
            self.clicked.emit(pressed.uid)

    # -- the keys -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Tab / Shift+Tab: the next / previous dot; the arrows move the ringed dot
        (up and down half a point of value, left and right a person-week)."""
        points = list(self.matrix.points)
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and points:
            uids = [p.uid for p in points]
            step = -1 if key == Qt.Key.Key_Backtab else 1
            at = uids.index(self.current) + step if self.current in uids else 0
            self.clicked.emit(uids[at % len(uids)])
            return
        moves = {
            Qt.Key.Key_Up: (VALUE_STEP, 0.0),
            Qt.Key.Key_Down: (-VALUE_STEP, 0.0),
            Qt.Key.Key_Right: (0.0, WEEK),
            Qt.Key.Key_Left: (0.0, -WEEK),
        }
        point = next((p for p in points if p.uid == self.current), None)
        if key not in moves or point is None:
            super().keyPressEvent(event)
            return
        if not self.editable:
            self.refused.emit()
            return
        assert point.value is not None
        assert point.effort is not None
        dv, de = moves[Qt.Key(key)]
        self.nudged.emit(point, snap_value(point.value + dv), snap_effort(point.effort + de))

    def focusNextPrevChild(self, _next: bool) -> bool:
        return False  # Tab walks the dots (keyPressEvent), not out of the picture

    def _hover(self, event: QMouseEvent) -> None:
        point = self.plot().point_at(event.position())
        if point is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), self.hover_text(point), self)

    def hover_text(self, point: MatrixPoint) -> str:
        """The title and figures of a dot, as its tooltip says them."""
        where = quadrant_label(self.matrix.quadrant(point))
        figures = self.tr("Value %1 · effort %2 person-months · %3")
        figures = figures.replace("%1", f"{point.value:g}").replace("%2", f"{point.effort:g}")
        return f"{point.key}  {point.title}\n{figures.replace('%3', where)}"

    def _drag_text(self, key: str) -> str:
        assert self.dragged is not None
        _, value, effort = self.dragged
        text = self.tr("%1: value %2, effort %3 person-months")
        return text.replace("%1", key).replace("%2", f"{value:g}").replace("%3", f"{effort:g}")
