"""A read-only preview of a project: requirement tree and PRD sections."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
)

from pmdesk.core.projectfile import open_readonly
from pmdesk.core.snapshot import export_snapshot

COLUMNS = ("key", "title", "kind", "status", "priority", "owner")


class PreviewWindow(QMainWindow):
    def __init__(self, path: Path) -> None:
        super().__init__()
        store = open_readonly(path)
        try:
            snapshot = export_snapshot(store)
        finally:
            store.dispose()
        project = snapshot["project"]
        self.setWindowTitle(f"{path.name} — pmdesk (read-only preview)")
        self.resize(1200, 760)

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr(c.capitalize()) for c in COLUMNS])
        self.tree.setAlternatingRowColors(True)
        self._add_nodes(self.tree.invisibleRootItem(), snapshot["requirements"])
        self.tree.expandToDepth(0)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(1, 380)

        self.document = QTextBrowser()
        self.document.setOpenLinks(False)
        body = "\n\n".join(f"## {s['title']}\n\n{s['body']}" for s in snapshot["sections"])
        self.document.setMarkdown(f"# {project['title']}\n\n{body}")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.document)
        splitter.setSizes([700, 500])
        self.setCentralWidget(splitter)
        notice = QLabel(self.tr("Read-only preview: editing arrives with the main window."))
        self.statusBar().addWidget(notice)

    def _add_nodes(self, parent: QTreeWidgetItem, nodes: list[dict[str, object]]) -> None:
        for node in nodes:
            item = QTreeWidgetItem(parent, [str(node[c]) for c in COLUMNS])
            self._add_nodes(item, node["children"])  # type: ignore[arg-type]
