"""The requirement tree model passes Qt's model tester, follows operations with
exact signals, and never touches the database from data()."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pmdesk.app.session import ProjectSession
from pmdesk.app.tree_model import Column, RequirementTreeModel
from pmdesk.core.ops import Create, MoveBlock, Remove, Update
from pmdesk.core.sample import write_sample
from pmdesk.core.workingcopy import WorkingCopy


@pytest.fixture
def session(tmp_path: Path, data_dir: Path) -> Iterator[ProjectSession]:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    wc = WorkingCopy.open(path, data_dir=data_dir)
    s = ProjectSession(wc)
    yield s
    wc.close(discard=True)


def test_model_tester_through_edits(
    qtbot: QtBot, qtmodeltester: ModelTester, session: ProjectSession
) -> None:
    model = RequirementTreeModel(session)
    qtmodeltester.check(model, force_py=True)
    epics = model.children_of(None)
    new = str(uuid.uuid4())
    session.push(Create("requirement", new, {"title": "新需求"}, parent=epics[0], index=1))
    session.push(MoveBlock("requirement", (new, epics[2]), epics[1], 0))
    session.push(Update("requirement", new, {"title": "改名"}))
    session.push(Remove((("requirement", epics[3]),)))
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.redo()
    qtmodeltester.check(model, force_py=True)


def test_model_follows_effects_exactly(qtbot: QtBot, session: ProjectSession) -> None:
    model = RequirementTreeModel(session)
    epics = model.children_of(None)
    new = str(uuid.uuid4())
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        session.push(Create("requirement", new, {"title": "新需求"}, parent=epics[0], index=0))
    parent, first, last = inserted.args
    assert model.uid_at(parent) == epics[0] and (first, last) == (0, 0)
    with qtbot.waitSignal(model.rowsMoved):
        session.push(MoveBlock("requirement", (new,), None, 0))
    assert model.children_of(None)[0] == new
    with qtbot.waitSignal(model.dataChanged):
        session.push(Update("requirement", new, {"status": "approved"}))
    assert model.data(model.index_of(new, Column.STATUS)) == "Approved"
    with qtbot.waitSignal(model.rowsRemoved):
        session.undo_stack.undo()
        session.undo_stack.undo()
        session.undo_stack.undo()
    assert new not in model.children_of(epics[0]) and model.count() == 45


def test_release_delete_and_undo_refresh_rows(qtbot: QtBot, session: ProjectSession) -> None:
    model = RequirementTreeModel(session)
    uid = next(
        u
        for u in model.children_of(model.children_of(None)[0])
        if model.row_values(u)[8] is not None
    )
    release = model.row_values(uid)[8]
    name = model.release_name(release)
    session.push(Remove((("release", release),)))
    assert model.data(model.index_of(uid, Column.RELEASE)) == ""
    session.undo_stack.undo()
    assert model.data(model.index_of(uid, Column.RELEASE)) == name
