"""The application's garbage collector: no automatic full collection (it walked a
100,000-requirement project in 0.3-0.5 s in the middle of edits), loads frozen,
a timer collecting what was made since, a closed project thawed and freed."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pmdesk.app import collector
from pmdesk.app.main_window import MainWindow
from tests.app.conftest import open_sync


class Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def installed() -> Iterator[collector.Collector]:
    before = gc.get_threshold()
    app = QApplication.instance()
    assert app is not None
    found = collector.install(app)
    yield found
    collector.uninstall()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_full_collections_wait_for_the_timer_and_catch_cycles(
    installed: collector.Collector,
) -> None:
    assert gc.get_threshold()[2] >= 1 << 30  # never automatic
    assert installed.timer.isActive() and installed.timer.interval() == 60_000
    cycle = Cycle()
    gone = weakref.ref(cycle)
    del cycle
    gc.collect(0)  # a young collection would do too; then it is old:
    installed.timer.timeout.emit()
    assert gone() is None
    assert gc.get_freeze_count() > 0  # what survived is frozen


def test_a_project_is_frozen_when_open_and_thawed_and_freed_when_closed(
    qtbot: QtBot, installed: collector.Collector, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
    workspace = window.workspace
    assert workspace is not None
    gone = weakref.ref(workspace)
    del workspace
    assert window.close_project()
    assert gc.get_freeze_count() > 0  # the survivors of the collection, frozen again
    qtbot.waitUntil(lambda: gone() is None)  # the closed project's objects are freed


def test_without_install_python_keeps_its_own_collector() -> None:
    collector.settle()
    collector.release()
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold()[2] < 1 << 30
