"""The MoSCoW board pane: the releases on the left (and "No release"), the
chosen release's capacity against its load on top, its board below.

Every drop is one operation through the session (one undo step named for what
it did: "Set priority of CRM-12 to Must", "Move 3 requirements to release
v1.1"); in a read-only project the session refuses it with its sentence, like
every edit. Cards dropped on a release of the list go to that release.
The pane reads the project the first time it is shown, then follows the
session's effects (`BoardModel`).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QScrollArea,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.board.model import COLUMNS, BoardModel
from pmdesk.app.board.view import COLUMN_COLOURS, BoardView, column_title
from pmdesk.app.session import ProjectSession
from pmdesk.core.analysis.moscow import (
    BoardCard,
    ReleaseLoad,
    set_priority_operation,
    set_release_operation,
)
from pmdesk.core.ops import Operation

RELEASE_ROLE = Qt.ItemDataRole.UserRole + 1  # the release's uid; "" for no release
NO_RELEASE = ""


def _days(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


class CapacityBar(QWidget):
    """The release's load as a bar: the Musts, then the rest, against a mark at
    its capacity; red where the Musts alone pass it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.load: ReleaseLoad | None = None
        self.setMinimumHeight(14)
        self.setMaximumHeight(14)

    def sizeHint(self) -> QSize:
        return QSize(320, 14)

    def show_load(self, load: ReleaseLoad | None) -> None:
        self.load = load
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        load = self.load
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pal = self.palette()
        rect = QRectF(self.rect()).adjusted(0.5, 1.5, -0.5, -1.5)
        p.setPen(pal.color(QPalette.ColorRole.Mid))
        p.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        p.drawRoundedRect(rect, 3, 3)
        if load is None:
            p.end()
            return
        scale = max(load.capacity or 0.0, load.effort, 1.0)
        width = rect.width()
        musts = width * load.musts / scale
        rest = width * (load.effort - load.musts) / scale
        p.setPen(Qt.PenStyle.NoPen)
        must_colour = QColor(COLUMN_COLOURS["must"])
        if not load.over:
            must_colour = pal.color(QPalette.ColorRole.Highlight)
        p.setBrush(must_colour)
        p.drawRoundedRect(QRectF(rect.left(), rect.top(), musts, rect.height()), 3, 3)
        rest_colour = QColor(pal.color(QPalette.ColorRole.Highlight))
        rest_colour.setAlpha(90)
        p.setBrush(rest_colour)
        p.drawRect(QRectF(rect.left() + musts, rect.top(), rest, rect.height()))
        if load.capacity is not None:
            x = rect.left() + width * load.capacity / scale
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            p.drawLine(
                QRectF(x, 0, 0, self.height()).topLeft(),
                QRectF(x, 0, 0, self.height()).bottomLeft(),
            )
        p.end()


class BoardPane(QWidget):
    """The releases, the chosen one's load and its board."""

    selection_changed = Signal(object)  # the uid of the card the user is on, or None
    details_requested = Signal(str)  # Enter or a double-click on a card: its details

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = BoardModel(session, self)
        self.locked = False
        self.drop_target: QListWidgetItem | None = None  # the release a drag is over
        self.wanted: str | None = None  # the shared selection's requirement

        self.releases = QListWidget(self)
        self.releases.setAccessibleName(self.tr("Releases"))
        self.releases.setSpacing(2)
        self.releases.setIconSize(QSize(16, 16))
        self.releases.setToolTip(
            self.tr(
                "Drop cards on a release to move them into it. Rejected requirements are "
                "not on the board (nor in these counts)."
            )
        )
        self.releases.currentItemChanged.connect(self._release_chosen)

        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        self.title.setFont(font)
        self.bar = CapacityBar(self)
        self.figures = QLabel(self)
        self.warning = QLabel(self)
        self.warning.setStyleSheet(f"color: {COLUMN_COLOURS['must']}; font-weight: bold;")
        self.warning.hide()

        self.view = BoardView(self.model, self)
        self.view.stale = self.out_of_sight
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.view)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)

        top = QHBoxLayout()
        top.setContentsMargins(10, 6, 10, 0)
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.bar, 1)
        top.addSpacing(8)
        top.addWidget(self.figures)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(top)
        warning_row = QHBoxLayout()
        warning_row.setContentsMargins(10, 0, 10, 0)
        warning_row.addWidget(self.warning)
        column.addLayout(warning_row)
        column.addWidget(self.scroller, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.releases)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.view.current_changed.connect(self.selection_changed)
        self.view.details_requested.connect(self.details_requested)
        self.view.priority_wanted.connect(self.set_priority)
        self.view.dropped_outside.connect(self._dropped_outside)
        self.view.drag_moved.connect(self._dragging)
        self.view.menu_requested.connect(self._menu)
        self.menu: QMenu | None = None  # the context menu shown last (tests click in it)
        self._stale = False
        self.in_sight = True  # its dock's visibilityChanged (MainWindow) says otherwise
        self.model.changed.connect(self._model_changed)

    # -- loading -------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_loaded()
        if self._stale:
            self._model_changed()

    def ensure_loaded(self) -> None:
        if not self.model.loaded:
            self.model.reload()
            if self.releases.currentItem() is None and self.releases.count():
                self.releases.setCurrentRow(0)
            self.select_uid(self.wanted)

    def out_of_sight(self) -> bool:
        """Hidden, or its dock a tab behind another (a tabified dock stays
        "visible" to Qt with nothing of it on screen: the window says so)."""
        return not self.isVisible() or not self.in_sight

    def set_in_sight(self, visible: bool) -> None:
        """Its dock's tab was chosen (or another's): catch up with the edits
        made meanwhile."""
        self.in_sight = visible
        if visible and self._stale and self.isVisible():
            self._model_changed()

    def _model_changed(self) -> None:
        # Out of sight (another tab, a closed dock), the board waits until shown:
        # grouping 100,000 cards on every edit would slow the table the user is on.
        self._stale = self.out_of_sight()
        if self._stale:
            return
        first = self.releases.currentItem() is None  # the first load: the first release
        chosen = self.chosen_release()
        self.releases.blockSignals(True)
        self.drop_target = None
        self.releases.clear()
        entries: list[tuple[str, str]] = [(r.uid, r.name) for r in self.model.releases]
        entries.append((NO_RELEASE, self.tr("No release")))
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for uid, name in entries:
            count = self.model.count(uid or None)
            item = QListWidgetItem(f"{name}  ({count})")
            item.setData(RELEASE_ROLE, uid)
            if uid and self.model.load(uid).over:
                item.setIcon(warn)
                item.setToolTip(self.tr("The Musts alone exceed this release's capacity"))
            self.releases.addItem(item)
            if not first and uid == (chosen or NO_RELEASE):
                self.releases.setCurrentItem(item)
        if self.releases.currentItem() is None and self.releases.count():
            self.releases.setCurrentRow(0)
        self.releases.blockSignals(False)
        self._show_release()

    # -- the release shown ---------------------------------------------------------------
    def chosen_release(self) -> str | None:
        item = self.releases.currentItem()
        if item is None:
            return self.view.release
        return str(item.data(RELEASE_ROLE)) or None

    def choose_release(self, uid: str | None) -> None:
        for row in range(self.releases.count()):
            if (str(self.releases.item(row).data(RELEASE_ROLE)) or None) == uid:
                self.releases.setCurrentRow(row)
                return

    def _release_chosen(self, *_: object) -> None:
        self._show_release()

    def _show_release(self) -> None:
        uid = self.chosen_release()
        self.view.show_release(uid)
        release = self.model.release(uid)
        if release is None:
            self.title.setText(self.tr("No release"))
            self.bar.show_load(None)
            self.bar.hide()
            count = self.model.count(None)
            self.figures.setText(self.tr("%n requirement(s) not planned", "", count))
            self.warning.hide()
            return
        load = self.model.load(release.uid)
        self.title.setText(release.name)
        self.bar.show()
        self.bar.show_load(load)
        self.figures.setText(self._figures(load))
        self.warning.setVisible(load.over)
        if load.over:
            assert load.capacity is not None
            self.warning.setText(
                self.tr("⚠ The Musts alone need %1 person-days: more than the capacity of %2.")
                .replace("%1", _days(load.musts))
                .replace("%2", _days(load.capacity))
            )

    def _figures(self, load: ReleaseLoad) -> str:
        if load.capacity is None:
            text = self.tr("%1 person-days planned · capacity not set")
        else:
            text = self.tr("%1 of %2 person-days planned · Musts %3")
            text = text.replace("%2", _days(load.capacity))
        text = text.replace("%1", _days(load.effort)).replace("%3", _days(load.musts))
        if load.unestimated:
            text += self.tr(" · %1 without effort").replace("%1", str(load.unestimated))
        return text

    # -- the shared selection ---------------------------------------------------------------
    def select_uid(self, uid: str | None) -> None:
        """Follow the selection: a card of another release shows that release's board."""
        self.wanted = uid
        if not self.model.loaded:
            return  # shown once the board is first read
        card = self.model.cards.get(uid) if uid is not None else None
        if card is not None and card.release != self.view.release:
            self.choose_release(card.release)
        self.view.select_uid(uid)

    # -- edits ----------------------------------------------------------------------
    def _cards(self, uids: list[str]) -> list[BoardCard]:
        return [self.model.cards[u] for u in uids if u in self.model.cards]

    def _push(self, op: Operation | None) -> bool:
        if op is None:
            return False
        return self.session.push(op)

    def set_priority(self, uids: list[str], priority: str | None) -> bool:
        """Give the cards `priority` (one undo step)."""
        return self._push(set_priority_operation(self._cards(uids), priority))

    def set_release(self, uids: list[str], release: str | None) -> bool:
        """Put the cards into `release` (None: no release; one undo step)."""
        target = self.model.release(release)
        if release is not None and target is None:
            return False
        return self._push(set_release_operation(self._cards(uids), target))

    def release_item_at(self, global_pos: QPoint) -> QListWidgetItem | None:
        viewport = self.releases.viewport()
        pos = viewport.mapFromGlobal(global_pos)
        if not viewport.rect().contains(pos):
            return None
        return self.releases.itemAt(pos)

    def _dropped_outside(self, uids: list[str], global_pos: QPoint) -> None:
        item = self.release_item_at(global_pos)
        if item is not None:
            self.set_release(uids, str(item.data(RELEASE_ROLE)) or None)

    def _dragging(self, global_pos: QPoint | None) -> None:
        """Show which release a drag would drop on (None: the drag ended)."""
        hovered = self.release_item_at(global_pos) if global_pos is not None else None
        if hovered is self.drop_target:
            return
        for item in (self.drop_target, hovered):
            if item is not None:
                font = item.font()
                font.setUnderline(item is hovered)
                item.setFont(font)
        self.drop_target = hovered

    def _menu(self, uids: list[str], where: QPoint) -> None:
        """Priority ▸ and Move to Release ▸ for the picked cards: what a drag does,
        from the keyboard too (the menu key)."""
        if self.menu is not None:
            self.menu.close()
            self.menu.deleteLater()
        menu = self.menu = QMenu(self)
        priorities = menu.addMenu(self.tr("&Priority"))
        for priority in COLUMNS:
            act = priorities.addAction(column_title(priority))
            act.triggered.connect(partial(self.set_priority, uids, priority))
        releases = menu.addMenu(self.tr("Move to &Release"))
        for release in self.model.releases:
            act = releases.addAction(release.name)
            act.triggered.connect(partial(self.set_release, uids, release.uid))
        act = releases.addAction(self.tr("No release"))
        act.triggered.connect(partial(self.set_release, uids, None))
        menu.addSeparator()
        details = menu.addAction(self.tr("Show &Details"))
        details.triggered.connect(partial(self.details_requested.emit, uids[0]))
        menu.popup(where)

    def lock_editing(self) -> None:
        """Read-only: the board shows; a drop is refused by the session with its sentence."""
        self.locked = True
