"""The matrix window's list of requirements not on the picture (no value or no
effort): click one to pick it, or carry it onto the picture with the mouse to
give it the value and effort of the place where it is let go.

The carry is the list's own press–move–release (not a QDrag): the picture is
beside it in the same window, and it shows where the dot would land while the
hand moves.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem, QWidget

from pmdesk.core.analysis.value_effort import MatrixPoint

UID_ROLE = Qt.ItemDataRole.UserRole


class UnassessedList(QListWidget):
    carried = Signal(str, QPoint)  # a requirement's uid carried to a global position
    dropped = Signal(str, QPoint)  # … and let go there

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrixUnassessed")
        self._pressed: str | None = None
        self._press_at = QPoint()
        self._carrying = False
        self.editable = True

    def show_points(self, points: tuple[MatrixPoint, ...]) -> None:
        self.clear()
        for point in points:
            item = QListWidgetItem(f"{point.key}  {point.title}")
            item.setData(UID_ROLE, point.uid)
            item.setToolTip(self._missing(point))
            self.addItem(item)

    def _missing(self, point: MatrixPoint) -> str:
        if point.value is None and point.effort is None:
            text = self.tr("No value and no effort yet")
        elif point.value is None:
            text = self.tr("No value yet")
        else:
            text = self.tr("No effort yet")
        if self.editable:
            text += "\n" + self.tr("Drag it onto the matrix to give it a value and an effort.")
        return text

    def uid_at(self, row: int) -> str:
        return str(self.item(row).data(UID_ROLE))

    # -- the carry --------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        item = self.itemAt(event.position().toPoint())
        left = event.button() == Qt.MouseButton.LeftButton
        self._pressed = str(item.data(UID_ROLE)) if item is not None and left else None
        self._press_at = event.position().toPoint()
        self._carrying = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed is None or not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)
            return
        at = event.position().toPoint()
        if not self._carrying:
            if (at - self._press_at).manhattanLength() < QApplication.startDragDistance():
                return
            self._carrying = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.carried.emit(self._pressed, self.viewport().mapToGlobal(at))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, carrying = self._pressed, self._carrying
        self._pressed = None
        self._carrying = False
        if not carrying or pressed is None:
            super().mouseReleaseEvent(event)
            return
        self.unsetCursor()
        self.dropped.emit(pressed, self.viewport().mapToGlobal(event.position().toPoint()))
