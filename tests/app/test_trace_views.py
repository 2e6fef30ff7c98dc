"""The traceability matrix by saved view: a view's requirements as the rows (or
columns), offered after the kinds, following views added, renamed and deleted."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pmdesk.app.session import ProjectSession
from pmdesk.app.trace.window import TraceWindow
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Remove, Update
from pmdesk.core.storage.workingcopy import WorkingCopy


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ProjectSession]:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    wc = WorkingCopy.open(path, data_dir=tmp_path / "data")
    try:
        yield ProjectSession(wc)
    finally:
        wc.close(discard=True)


def texts(combo: object) -> list[str]:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    return [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i)]


def test_rows_by_saved_view(qtbot: QtBot, session: ProjectSession) -> None:
    window = TraceWindow(session)
    qtbot.addWidget(window)
    panel = window.matrix
    assert not any(t.startswith("View:") for t in texts(panel.row_kind))
    view = str(uuid.uuid4())
    criteria = {"choices": {"priority": ["must"], "kind": ["feature", "story"]}}
    assert session.push(Create("saved_view", view, {"name": "Must", "criteria": criteria}))
    qtbot.waitUntil(lambda: "View: Must" in texts(panel.row_kind))
    assert "View: Must" in texts(panel.column_kind)

    panel.row_kind.setCurrentIndex(panel.row_kind.findText("View: Must"))
    wanted = session.project.saved_view_requirements(view) or []
    assert wanted and {r.uid for r in panel.matrix.rows} == set(wanted)
    assert panel.table.rowCount() == len(wanted)
    assert f"of {len(wanted)} requirement(s) in “Must” traced" in panel.coverage.text()
    assert any(panel.table.item(i, j) for i in range(len(wanted)) for j in range(3))  # traced

    # Renamed: the same view stays chosen; deleted: back to the kinds' default.
    session.push(Update("saved_view", view, {"name": "Must have"}))
    qtbot.waitUntil(lambda: panel.row_kind.currentText() == "View: Must have")
    session.push(Remove((("saved_view", view),)))
    qtbot.waitUntil(lambda: panel.row_kind.currentText() == "Feature")
    assert not any(t.startswith("View:") for t in texts(panel.row_kind))
