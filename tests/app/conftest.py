"""Fixtures for driving the real main window with pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.app import dialogs
from pmdesk.app.i18n import install_translators
from pmdesk.app.main_window import MainWindow
from pmdesk.app.roadmap.pane import RoadmapPane
from pmdesk.app.settings import AppSettings
from pmdesk.app.sharing import TargetWatcher
from pmdesk.app.workspace import Workspace
from pmdesk.core.merge.three_way import Conflict, Resolution
from pmdesk.core.newproject.sample import write_sample

T = TypeVar("T")


class Answers:
    """What the patched dialogs answer, and what they were asked."""

    def __init__(self) -> None:
        self.save_changes = QMessageBox.StandardButton.Discard
        self.confirm_delete = True
        self.recover = dialogs.RECOVER
        self.locked = dialogs.READ_ONLY  # someone else's lock: open read-only
        self.resolutions: dict[str, Resolution] | None = None  # None: cancel the merge
        self.conflicts: list[Conflict] = []
        self.save_path: Path | None = None
        self.open_path: Path | None = None
        self.copy_path: Path | None = None
        self.survey_path: Path | None = None  # Project ▸ Kano Survey…'s CSV
        self.survey_folders: list[str] = []  # the folders it started in
        self.errors: list[str] = []
        self.asked: list[str] = []
        self.suggested: list[str] = []  # what the save dialog offered as the file name


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    a = Answers()

    def record(name: str, value: T) -> T:
        a.asked.append(name)
        return value

    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_: record("save", a.save_changes))
    monkeypatch.setattr(dialogs, "confirm_delete", lambda *_: record("delete", a.confirm_delete))
    monkeypatch.setattr(dialogs, "ask_recover", lambda *_: record("recover", a.recover))
    monkeypatch.setattr(dialogs, "ask_locked", lambda *_: record("locked", a.locked))

    def resolve(
        _parent: QWidget, conflicts: list[Conflict], *_: object
    ) -> dict[str, Resolution] | None:
        a.conflicts = list(conflicts)
        return record("conflicts", a.resolutions)

    monkeypatch.setattr(dialogs, "resolve_conflicts", resolve)

    def save_path(_parent: object, suggestion: str) -> Path | None:
        a.suggested.append(suggestion)
        return record("save_path", a.save_path)

    monkeypatch.setattr(dialogs, "save_path", save_path)
    monkeypatch.setattr(dialogs, "open_path", lambda *_: record("open_path", a.open_path))
    monkeypatch.setattr(dialogs, "copy_path", lambda *_: record("copy_path", a.copy_path))

    def survey_path(_parent: object, folder: str) -> Path | None:
        a.survey_folders.append(folder)
        return record("survey_path", a.survey_path)

    monkeypatch.setattr(dialogs, "survey_path", survey_path)
    monkeypatch.setattr(dialogs, "error", lambda _parent, message: a.errors.append(message))
    return a


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The window speaks Chinese for the test (the zh_CN translators installed)."""
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def english_ui(qapp: QApplication) -> Iterator[None]:
    """The English translators installed: plurals ("%n problem(s)") read as in the app."""
    translators = install_translators(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings.at(tmp_path / "settings.ini")


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    return path


@pytest.fixture
def window(
    qtbot: QtBot, settings: AppSettings, data_dir: Path, answers: Answers
) -> Iterator[MainWindow]:
    w = MainWindow(settings, data_dir)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def open_sync(window: MainWindow, path: Path) -> None:
    window.open_project(path, background=False)
    assert window.workspace is not None, "the project did not open"


def ws(window: MainWindow) -> Workspace:
    """The window's open project (the test fails here if none is open)."""
    assert window.workspace is not None, "no project is open"
    return window.workspace


def watcher(window: MainWindow) -> TargetWatcher:
    """The open project's watcher of its file (none for an untitled project)."""
    found = ws(window).watcher
    assert found is not None, "the project file is not watched"
    return found


@pytest.fixture
def pane(qtbot: QtBot, window: MainWindow, sample: Path) -> RoadmapPane:
    """The roadmap pane on the sample project, in a big bottom dock, a day 12 px."""
    open_sync(window, sample)
    window.resize(1500, 1000)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.roadmap_dock)
    window.roadmap_dock.show()
    window.resizeDocks([window.roadmap_dock], [600], Qt.Orientation.Vertical)
    pane = ws(window).roadmap_pane
    qtbot.waitUntil(lambda: pane.layout_shown is not None and pane.view.viewport().height() > 250)
    with qtbot.waitSignal(pane.refreshed, timeout=5000):
        pane.refresh()
    pane.view.set_zoom(12.0)  # a day is 12 px: drags of a few days are clear moves
    return pane
