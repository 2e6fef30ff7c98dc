"""A 10,000-row file in the mapping dialog: it opens at once and reads and plans
the file off the GUI thread with a progress bar, plans again there after a
mapping change, and Cancel stops the work with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import pmdesk.interop.plan as planning
from pmdesk.app.interop.import_dialog import ImportDialog
from pmdesk.app.interop.plan_view import PREVIEW_ROWS
from pmdesk.app.main_window import MainWindow
from pmdesk.interop.plan import Plan
from tests.app.conftest import open_sync, ws

ROWS = 10_000


def _big(path: Path) -> Path:
    lines = ["标题,优先级,状态,负责人"]
    lines += [f"批量需求 {n},{'高中低'[n % 3]},草稿,张{n % 7}" for n in range(ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="gbk")
    return path


def _opened(window: MainWindow) -> ImportDialog:
    found = window.findChild(ImportDialog, "importDialog")
    assert isinstance(found, ImportDialog), "the dialog opens before the file is read"
    return found


def test_a_big_file_is_read_and_planned_with_progress_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    open_sync(window, sample)
    window.import_requirements(_big(tmp_path / "big.csv"))
    dialog = _opened(window)
    assert dialog.plan is None and dialog.progress.isVisible()
    assert not dialog.import_button.isEnabled()
    # Counted progress reaches the dialog while the work goes on: the GUI thread
    # is free to deliver it (and to paint, and to take a click on Cancel).
    qtbot.waitUntil(lambda: dialog.progress.maximum() > 0 or dialog.plan is not None)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=60_000)
    assert not dialog.progress.isVisible() and dialog.import_button.isEnabled()
    assert dialog.preview.rowCount() == PREVIEW_ROWS
    assert dialog.summary.text().startswith(f"{ROWS} new")

    dialog.set_field("优先级", "status")  # 高 is no status: planned again, in the background
    assert dialog.progress.isVisible() and not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=60_000)
    assert dialog.plan is not None and len(dialog.plan.problems) == ROWS
    assert not dialog.import_button.isEnabled()
    dialog.set_field("优先级", "priority")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=60_000)
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(ws(window).session.project.tree_rows()) > ROWS


def test_cancel_stops_reading_and_writes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_sync(window, sample)
    planned: list[Plan] = []
    make_plan = planning.make_plan

    def spy(*args: object, **kwargs: object) -> Plan:
        plan = make_plan(*args, **kwargs)  # type: ignore[arg-type]
        planned.append(plan)
        return plan

    monkeypatch.setattr("pmdesk.interop.run.make_plan", spy)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(str(args[-1])))
    before = len(ws(window).session.project.tree_rows())
    window.import_requirements(_big(tmp_path / "big.csv"))
    dialog = _opened(window)
    QTest.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    window.tasks.wait()  # the worker stops at its next look at the flag
    qtbot.waitUntil(lambda: window.findChild(ImportDialog, "importDialog") is None)
    assert planned == [] and said == []  # stopped before a plan; no error to say
    assert len(ws(window).session.project.tree_rows()) == before
    assert ws(window).session.undo_stack.count() == 0
