"""The matrix's coverage line reads as a sentence: "13 of 18 features traced
(72%)" — the kind in the plural its count asks for, a saved view by name — in
English and Chinese (not "13 of 18 Feature traced")."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pmdesk.app.session import ProjectSession
from pmdesk.app.trace.window import TraceWindow
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create
from pmdesk.core.storage.workingcopy import WorkingCopy


def session_of(tmp_path: Path, language: str) -> Iterator[ProjectSession]:
    path = tmp_path / f"crm-{language}.pmdesk"
    write_sample(path, language)
    wc = WorkingCopy.open(path, data_dir=tmp_path / "data")
    try:
        yield ProjectSession(wc)
    finally:
        wc.close(discard=True)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ProjectSession]:
    yield from session_of(tmp_path, "en")


@pytest.fixture
def session_zh(tmp_path: Path) -> Iterator[ProjectSession]:
    yield from session_of(tmp_path, "zh")


def one_key_view(session: ProjectSession, name: str) -> str:
    """A saved view of exactly one requirement (the first feature, by its title)."""
    matrix = session.project.trace_matrix("feature", "story")
    title = matrix.rows[0].title
    uid = str(uuid.uuid4())
    assert session.push(
        Create(
            "saved_view",
            uid,
            {"name": name, "criteria": {"text": title, "choices": {"kind": ["feature"]}}},
        )
    )
    assert len(session.project.saved_view_requirements(uid) or []) == 1
    return title


def share(covered: int, total: int) -> int:
    return round(100 * covered / total) if total else 0


@pytest.mark.usefixtures("english_ui")
def test_coverage_in_english_plural_and_singular(qtbot: QtBot, session: ProjectSession) -> None:
    window = TraceWindow(session)
    qtbot.addWidget(window)
    panel = window.matrix
    m = panel.matrix
    rows, columns = len(m.rows), len(m.columns)
    assert rows > 1 and columns > 1
    assert panel.coverage.text() == (
        f"Coverage: {m.covered_rows()} of {rows} features traced "
        f"({share(m.covered_rows(), rows)}%); {m.covered_columns()} of {columns} stories "
        f"traced ({share(m.covered_columns(), columns)}%)."
    )
    one_key_view(session, "Just one")
    qtbot.waitUntil(lambda: panel.row_kind.findText("View: Just one") >= 0)
    panel.row_kind.setCurrentIndex(panel.row_kind.findText("View: Just one"))
    panel.column_kind.setCurrentIndex(panel.column_kind.findText("Non-functional"))
    m = panel.matrix
    assert len(m.rows) == 1
    line = panel.coverage.text()
    assert line.startswith(f"Coverage: {m.covered_rows()} of 1 requirement in “Just one” traced (")
    assert f"of {len(m.columns)} non-functional requirements traced" in line


@pytest.mark.usefixtures("chinese")
def test_coverage_in_chinese(qtbot: QtBot, session_zh: ProjectSession) -> None:
    window = TraceWindow(session_zh)
    qtbot.addWidget(window)
    panel = window.matrix
    m = panel.matrix
    rows, columns = len(m.rows), len(m.columns)
    assert panel.coverage.text() == (
        f"覆盖率：{rows} 个功能中 {m.covered_rows()} 个已追溯（{share(m.covered_rows(), rows)}%）；"
        f"{columns} 个用户故事中 {m.covered_columns()} 个已追溯"
        f"（{share(m.covered_columns(), columns)}%）。"
    )
    one_key_view(session_zh, "发布范围")
    qtbot.waitUntil(lambda: panel.column_kind.findText("视图：发布范围") >= 0)
    panel.column_kind.setCurrentIndex(panel.column_kind.findText("视图：发布范围"))
    assert "；视图「发布范围」的 1 条需求中" in panel.coverage.text()


@pytest.mark.usefixtures("english_ui")
def test_a_long_side_shows_its_first_rows_and_says_so(
    qtbot: QtBot, session: ProjectSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thousands × thousands would take minutes to lay out and cannot be read:
    the first few hundred are shown (three here), the coverage still counts all."""
    from pmdesk.app.trace import window as trace_window

    monkeypatch.setattr(trace_window, "SHOWN_LIMIT", 3)
    window = TraceWindow(session)
    qtbot.addWidget(window)
    window.show()
    panel = window.matrix
    m = panel.matrix
    rows, columns = len(m.rows), len(m.columns)
    assert rows > 3 and columns > 3
    assert (panel.table.rowCount(), panel.table.columnCount()) == (3, 3)
    assert panel.limited.isVisible()
    assert panel.limited.text() == (
        f"Showing the first 3 of {rows} rows and 3 of {columns} columns (the coverage "
        "counts them all). Choose a saved view to narrow them."
    )
    assert f"of {rows} features traced" in panel.coverage.text()
    shown = {
        (m.rows[i].uid, m.columns[j].uid)
        for i in range(3)
        for j in range(3)
        if panel.table.item(i, j) is not None
    }
    assert shown == {
        (r, c)
        for (r, c) in m.cells
        if (r, c) in {(m.rows[i].uid, m.columns[j].uid) for i in range(3) for j in range(3)}
    }
    monkeypatch.setattr(trace_window, "SHOWN_LIMIT", 500)
    panel.refresh()
    assert not panel.limited.isVisible() and panel.table.rowCount() == rows
