"""The requirement tree model passes Qt's model tester, follows operations with
exact signals, and never touches the database from data()."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pmdesk.app.session import ProjectSession
from pmdesk.app.tree.model import Column, RequirementTreeModel
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, MoveBlock, Remove, Update
from pmdesk.core.storage.workingcopy import WorkingCopy


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


def test_an_edit_marks_only_the_cells_that_show_something_else(
    qtbot: QtBot, session: ProjectSession
) -> None:
    """Issue 12: dataChanged names the one row and the columns showing the changed
    fields; a status to or from rejected restyles the whole row (struck through)."""
    model = RequirementTreeModel(session)
    uid = model.children_of(model.children_of(None)[0])[0]
    seen: list[tuple[str | None, int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, *_: seen.append((model.uid_at(a), a.row(), b.row(), a.column(), b.column()))
    )
    row = model.index_of(uid).row()
    last = len(Column) - 1
    for values, columns in (
        ({"title": "新标题"}, (Column.TITLE, Column.TITLE)),
        ({"priority": "wont"}, (Column.PRIORITY, Column.PRIORITY)),
        ({"kind": "nfr"}, (Column.KEY, Column.KIND)),  # the key shows the kind's icon
        ({"status": "review"}, (Column.STATUS, Column.STATUS)),
        ({"status": "rejected"}, (0, last)),
        ({"owner": "王五", "title": "又改"}, (Column.TITLE, Column.OWNER)),
    ):
        seen.clear()
        session.push(Update("requirement", uid, values))
        assert seen == [(uid, row, row, *columns)], values
    seen.clear()
    session.undo_stack.undo()
    session.undo_stack.undo()  # back from rejected: the whole row again
    assert seen == [(uid, row, row, Column.TITLE, Column.OWNER), (uid, row, row, 0, last)]


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


def shown_tree(model: RequirementTreeModel, parent: QModelIndex | None = None) -> list[object]:
    """What a view of the model shows: (key, children) through the Qt API only."""
    parent = parent or QModelIndex()
    out: list[object] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        kids = shown_tree(model, index)
        out.append((model.data(index), kids) if kids else model.data(index))
    return out


def test_filter_shows_matches_with_their_ancestors(
    qtbot: QtBot, qtmodeltester: ModelTester, session: ProjectSession
) -> None:
    model = RequirementTreeModel(session)
    qtmodeltester.check(model, force_py=True)  # stays connected: checks every change below
    epics = model.children_of(None)
    feature = model.children_of(epics[1])[0]
    story = model.children_of(feature)[0]
    key = model.key_of(story)
    model.set_visible(model.matching(key))
    assert shown_tree(model) == [(model.key_of(epics[1]), [(model.key_of(feature), [key])])]
    # An edit under the filter: the model follows it and still shows the visible part.
    new = str(uuid.uuid4())
    session.push(Create("requirement", new, {"title": "新需求"}, parent=feature, index=0))
    assert shown_tree(model) == [(model.key_of(epics[1]), [(model.key_of(feature), [key])])]
    model.reveal(new)  # what the view does for a row the user just made
    assert shown_tree(model) == [
        (model.key_of(epics[1]), [(model.key_of(feature), [model.key_of(new), key])])
    ]
    session.push(MoveBlock("requirement", (story,), epics[3], 0))  # a hidden new parent
    assert shown_tree(model) == [
        (model.key_of(epics[1]), [(model.key_of(feature), [model.key_of(new)])]),
        (model.key_of(epics[3]), [key]),
    ]
    below = len(model.children_of(feature))
    session.push(Remove((("requirement", feature),)))
    # The epic stays (it was shown as an ancestor); the pane filters again after edits.
    assert shown_tree(model) == [model.key_of(epics[1]), (model.key_of(epics[3]), [key])]
    model.set_visible(None)
    assert model.rowCount() == len(epics) and model.count() == 45 + 1 - 1 - below


def test_drop_under_a_filter_lands_before_the_shown_row(session: ProjectSession) -> None:
    model = RequirementTreeModel(session)
    epics = model.children_of(None)
    features = model.children_of(epics[0])
    keys = [model.key_of(features[0]), model.key_of(features[2])]
    first, second = model.matching(keys[0]), model.matching(keys[1])
    assert first is not None and second is not None
    model.set_visible(first | second)
    assert model.shown_children_of(epics[0]) == [features[0], features[2]]
    mime = model.mimeData([model.index_of(features[2])])
    # Shown row 0 of the epic: before the first feature, not before the hidden second.
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index_of(epics[0]))
    assert model.children_of(epics[0])[:3] == [features[2], features[0], features[1]]


def test_a_new_requirement_shows_no_priority_until_one_is_chosen(
    qtbot: QtBot, session: ProjectSession
) -> None:
    """Issue 13: not assessed is shown as nothing, not as "Should"."""
    model = RequirementTreeModel(session)
    new = str(uuid.uuid4())
    session.push(Create("requirement", new, {"title": "新需求"}))
    assert model.data(model.index_of(new, Column.PRIORITY)) == ""
    with qtbot.waitSignal(model.dataChanged):
        session.push(Update("requirement", new, {"priority": "could"}))
    assert model.data(model.index_of(new, Column.PRIORITY)) == "Could"
    with qtbot.waitSignal(model.dataChanged):
        session.push(Update("requirement", new, {"priority": None}))
    assert model.data(model.index_of(new, Column.PRIORITY)) == ""
