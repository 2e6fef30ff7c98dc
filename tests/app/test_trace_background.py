"""The traceability matrix is read off the GUI thread (a saved view's filter takes
seconds at 100,000 requirements): the window says it is reading, and a quick
change of mind shows the last choice only, never an earlier answer arriving late."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.trace.window import TraceWindow
from pmdesk.core.newproject.sample import write_sample
from tests.app.conftest import open_sync, ws


@pytest.fixture
def english(tmp_path: Path) -> Path:
    path = tmp_path / "crm-en.pmdesk"
    write_sample(path, "en")
    return path


def test_the_matrix_reads_in_the_background_and_shows_the_last_choice(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    open_sync(window, english)
    workspace = ws(window)
    tree = workspace.tree_pane
    tree.search.setText("Excel")
    qtbot.waitUntil(lambda: bool(tree.matched_uids()))
    assert workspace.views.save_as("Excel work") is not None
    QTest.keySequence(window, "Ctrl+Shift+T")
    [trace] = window.findChildren(TraceWindow)
    panel = trace.matrix
    qtbot.waitUntil(lambda: not panel.busy and panel.table.rowCount() > 0)
    features = panel.table.rowCount()

    shown: list[set[str]] = []
    panel.shown.connect(lambda: shown.append({r.uid for r in panel.matrix.rows}))
    panel.row_kind.setCurrentIndex(panel.row_kind.findText("View: Excel work"))
    # Asked, not yet answered: the window says so and takes no clicks on old cells.
    assert panel.busy and not panel.table.isEnabled()
    assert panel.coverage.text() == "Reading the requirements…"
    panel.row_kind.setCurrentIndex(panel.row_kind.findText("Epic"))  # a change of mind
    qtbot.waitUntil(lambda: not panel.busy)
    qtbot.wait(300)  # the view's read has ended too: its answer is dropped
    epics = {r.uid for r in workspace.session.project.trace_matrix("epic", "story").rows}
    assert shown == [epics] and panel.table.rowCount() == len(epics) != features
    assert panel.row_kind.currentText() == "Epic" and panel.table.isEnabled()

    # The view alone, waited for: its requirements are the rows.
    panel.row_kind.setCurrentIndex(panel.row_kind.findText("View: Excel work"))
    qtbot.waitUntil(lambda: not panel.busy)
    wanted = set(workspace.session.project.matching_requirements(tree.criteria()))
    assert shown[-1] == wanted and "“Excel work”" in panel.coverage.text()


@pytest.mark.usefixtures("english_ui")
def test_the_problems_are_checked_in_the_background_too(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    open_sync(window, english)
    QTest.keySequence(window, "Ctrl+Shift+T")
    [trace] = window.findChildren(TraceWindow)
    problems = trace.problems
    assert problems.busy and problems.summary.text() == "Checking the requirements…"
    qtbot.waitUntil(lambda: not problems.busy)
    found = ws(window).session.project.problems()
    assert found and len(problems.rows()) == len(found)
    assert problems.summary.text() == f"{len(found)} problems found."  # English plural
    # One problem reads "1 problem found." (not "1 problems").
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("ProblemsPanel", "%n problem(s) found.", "", 1) == (
        "1 problem found."
    )
