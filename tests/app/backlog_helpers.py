"""Driving the backlog table like a user: header clicks, row clicks, the pane."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.backlog.columns import COLUMNS
from pmdesk.app.backlog.pane import BacklogPane
from pmdesk.app.main_window import MainWindow
from pmdesk.core.project import Project
from pmdesk.core.queries.backlog import KEY, BacklogRow
from tests.app.conftest import open_sync, ws

NAMES = [c.name for c in COLUMNS]


def open_backlog(qtbot: QtBot, window: MainWindow, path: Path) -> BacklogPane:
    """Open `path` and bring the backlog forward with its shortcut (Ctrl+Shift+B)."""
    open_sync(window, path)
    window.resize(1280, 900)
    QTest.keySequence(window, "Ctrl+Shift+B")
    pane = ws(window).backlog_pane
    qtbot.waitUntil(lambda: pane.model.loaded and pane.isVisible())
    return pane


def click_header(qtbot: QtBot, pane: BacklogPane, column: str, *, shift: bool = False) -> None:
    view = pane.view
    header = view.horizontalHeader()
    section = NAMES.index(column)
    if view.isColumnHidden(section):
        view.setColumnHidden(section, False)
    header.setSectionResizeMode(section, header.ResizeMode.Interactive)
    view.scrollTo(view.model().index(0, section))
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, modifier, QPoint(x, header.height() // 2)
    )


def click_row(
    qtbot: QtBot,
    pane: BacklogPane,
    uid: str,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    column: str = "title",
) -> None:
    view = pane.view
    index = pane.model.index_of(uid, NAMES.index(column))
    assert index.isValid(), f"{uid} is not shown"
    view.scrollTo(index)
    rect = view.visualRect(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def shown_keys(pane: BacklogPane) -> list[str]:
    return [str(pane.model.row_of(uid)[KEY]) for uid in pane.model.shown_uids()]


def header_text(pane: BacklogPane, column: str) -> str:
    return str(pane.model.headerData(NAMES.index(column), Qt.Orientation.Horizontal))


def saved_rows(path: Path) -> dict[str, BacklogRow]:
    """The project file as saved, read again by core, by key."""
    with Project.view(path) as project:
        return {str(r[KEY]): r for r in project.backlog_rows()}
