"""Show Impact…: everything that depends on one requirement, transitively.

"A depends on B", "A derived from B" and "B blocks A" make A depend on B; the
dialog lists every requirement reached that way, nearest first, with the one it
depends on along the way. Double-click (or Enter) selects a requirement.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app import look
from pmdesk.app.session import ProjectSession

UID_ROLE = int(Qt.ItemDataRole.UserRole)


class ImpactDialog(QDialog):
    requirement_chosen = Signal(str)

    def __init__(self, session: ProjectSession, uid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.uid = uid
        self.resize(620, 420)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setHeaderLabels(
            [self.tr("Requirement"), self.tr("Title"), self.tr("Level"), self.tr("Depends on")]
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.itemActivated.connect(self._chosen)
        session.changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_effects: object) -> None:
        project = self._session.project
        shown = project.requirement(self.uid)
        if shown is None:  # deleted meanwhile
            self.close()
            return
        name = f"{shown.key}  {shown.values['title']}"
        self.setWindowTitle(self.tr("Impact of %1").replace("%1", shown.key))
        rows = project.impact(self.uid)
        suspect = project.suspect_requirements()
        self.list.clear()
        for row in rows:
            item = QTreeWidgetItem([row.key, row.title, str(row.depth), row.via])
            item.setData(0, UID_ROLE, row.uid)
            if row.uid in suspect:
                item.setIcon(0, look.suspect_icon())
                item.setToolTip(0, self.tr("Has a link that needs review"))
            self.list.addTopLevelItem(item)
        for column in range(4):
            self.list.resizeColumnToContents(column)
        if rows:
            direct = sum(1 for r in rows if r.depth == 1)
            self.summary.setText(
                self.tr("%1 requirements depend on %2 (%3 directly): review them after a change.")
                .replace("%1", str(len(rows)))
                .replace("%2", name)
                .replace("%3", str(direct))
            )
        else:
            self.summary.setText(self.tr("Nothing depends on %1.").replace("%1", name))

    def keys(self) -> list[str]:
        """The keys listed, top to bottom (what a user reads)."""
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]

    def _chosen(self, item: QTreeWidgetItem, _column: int) -> None:
        self.requirement_chosen.emit(str(item.data(0, UID_ROLE)))


def show_impact(
    parent: QWidget, session: ProjectSession, uid: str, select: Callable[[str], None]
) -> ImpactDialog:
    """Open (or raise, for the same requirement) the impact dialog of `uid`."""
    for dialog in parent.findChildren(ImpactDialog):
        if dialog._session is session and dialog.uid == uid:
            dialog.show()
            dialog.raise_()
            return dialog
    dialog = ImpactDialog(session, uid, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.requirement_chosen.connect(select)
    session.destroyed.connect(dialog.close)
    dialog.show()
    return dialog
