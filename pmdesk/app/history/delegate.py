"""Draws "old → new" in one cell so that both sides stay readable.

Qt elides a cell's text at its end, which cut off the new value entirely when
the old one was long (a description, say). Here each side gets its share of the
cell: a short side is shown whole and the long one gets the rest; two long ones
are shortened alike ("old… → new…"). The tooltip still has both in full.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from pmdesk.app.history.model import Role
from pmdesk.core.queries.history import Change

__all__ = ["ARROW", "ChangeDelegate", "fit_change"]

ARROW = " → "
Index = QModelIndex | QPersistentModelIndex


def fit_change(metrics: QFontMetrics, old: str, new: str, width: int) -> str:
    """ "old → new" in at most `width` pixels, each side shortened to its share."""
    whole = f"{old}{ARROW}{new}"
    if metrics.horizontalAdvance(whole) <= width:
        return whole
    room = max(width - metrics.horizontalAdvance(ARROW), 0)
    old_width, new_width = metrics.horizontalAdvance(old), metrics.horizontalAdvance(new)
    half = room // 2
    if old_width <= half:
        old_room, new_room = old_width, room - old_width
    elif new_width <= half:
        old_room, new_room = room - new_width, new_width
    else:
        old_room, new_room = half, room - half
    right = Qt.TextElideMode.ElideRight
    return (
        metrics.elidedText(old, right, old_room) + ARROW + metrics.elidedText(new, right, new_room)
    )


class ChangeDelegate(QStyledItemDelegate):
    """For the Change column: both the old and the new value visible."""

    def displayed_text(self, option: QStyleOptionViewItem, index: Index) -> str:
        """The text this delegate draws for `index` in `option.rect`."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        change = index.data(Role.CHANGE)
        if not isinstance(change, Change) or not change.old:
            return str(opt.text)
        if change.field in ("created", "deleted"):
            return str(opt.text)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        # The style keeps this margin on each side of an item's text.
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        return fit_change(
            opt.fontMetrics, change.old, change.new or "—", text_rect.width() - 2 * margin
        )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = self.displayed_text(option, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
