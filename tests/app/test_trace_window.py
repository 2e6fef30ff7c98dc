"""Suspect links in the details and the tree (Mark Reviewed with a real click),
the impact dialog and the traceability window's problems and matrix, checked
against the file on disk."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from pmdesk.app.details.editor import DetailEditor
from pmdesk.app.session import ProjectSession
from pmdesk.app.tasks import TaskRunner
from pmdesk.app.trace.impact import ImpactDialog
from pmdesk.app.trace.window import TraceWindow
from pmdesk.app.tree.model import Column, RequirementTreeModel
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Update
from pmdesk.core.project import Project
from pmdesk.core.storage.workingcopy import WorkingCopy


@pytest.fixture
def opened(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[ProjectSession, DetailEditor, Path]]:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    wc = WorkingCopy.open(path, data_dir=tmp_path / "data")
    session = ProjectSession(wc)
    editor = DetailEditor(session, TaskRunner())
    qtbot.addWidget(editor)
    editor.resize(560, 1500)
    editor.show()
    qtbot.waitExposed(editor)
    try:
        yield session, editor, path
    finally:
        editor.close()
        wc.close(discard=True)


def uid_of(session: ProjectSession, key: str) -> str:
    return next(u for u, k, _t in session.project.find_requirements(key, 5) if k == key)


def suspect_on_disk(path: Path) -> set[tuple[str, str]]:
    with Project.view(path) as project:
        return {(s.from_key, s.to_key) for s in project.suspect_links()}


def test_a_title_typed_marks_links_and_mark_reviewed_clears_one(
    qtbot: QtBot, opened: tuple[ProjectSession, DetailEditor, Path]
) -> None:
    session, editor, path = opened
    target, dependent = uid_of(session, "CRM-6"), uid_of(session, "CRM-7")
    tree = RequirementTreeModel(session)
    assert tree.index_of(dependent, Column.TITLE).data(Qt.ItemDataRole.DecorationRole) is None
    editor.show_requirement(target)
    links = editor.form.links
    assert links.review_button.isHidden() and links.suspect_links() == []
    title = editor.form.title
    title.setFocus()
    title.selectAll()
    QTest.keyClicks(title, "Duplicate check within a second")
    QTest.keyClick(title, Qt.Key.Key_Return)
    # The changed requirement shows both links into it as needing review.
    assert len(links.suspect_links()) == 2 and links.review_button.isVisible()
    # The tree marks the requirements at both ends.
    for uid in (target, dependent, uid_of(session, "CRM-8")):
        mark = tree.index_of(uid, Column.TITLE).data(Qt.ItemDataRole.DecorationRole)
        assert mark is not None and not mark.isNull()
    session.save()
    assert suspect_on_disk(path) == {("CRM-7", "CRM-6"), ("CRM-8", "CRM-6")}

    editor.show_requirement(dependent)
    item = links.list.topLevelItem(0)
    assert item is not None and not item.icon(0).isNull()
    assert "Needs review: CRM-6 changed" in item.toolTip(0)
    steps = session.undo_stack.count()
    QTest.mouseClick(links.review_button, Qt.MouseButton.LeftButton)
    assert session.undo_stack.count() == steps + 1
    assert session.undo_stack.undoText() == "Mark link CRM-7 → CRM-6 reviewed"
    assert links.review_button.isHidden() and links.suspect_links() == []
    assert tree.index_of(dependent, Column.TITLE).data(Qt.ItemDataRole.DecorationRole) is None
    session.save()
    assert suspect_on_disk(path) == {("CRM-8", "CRM-6")}
    session.undo_stack.undo()
    assert links.review_button.isVisible()
    session.undo_stack.undo()  # the title: the marks it set go too
    assert session.project.suspect_links() == []
    assert tree.index_of(target, Column.TITLE).data(Qt.ItemDataRole.DecorationRole) is None


def test_show_impact_lists_what_depends_transitively(
    qtbot: QtBot, opened: tuple[ProjectSession, DetailEditor, Path]
) -> None:
    session, _editor, _path = opened
    dialog = ImpactDialog(session, uid_of(session, "CRM-11"))
    qtbot.addWidget(dialog)
    assert dialog.keys() == ["CRM-13", "CRM-16", "CRM-25"]
    assert "3 requirements depend on CRM-11" in dialog.summary.text()
    with qtbot.waitSignal(dialog.requirement_chosen) as chosen:
        item = dialog.list.topLevelItem(2)
        assert item is not None
        dialog.list.setCurrentItem(item)
        QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    assert chosen.args == [uid_of(session, "CRM-25")]


def test_the_problems_panel_follows_edits_and_selects(
    qtbot: QtBot, opened: tuple[ProjectSession, DetailEditor, Path]
) -> None:
    session, _editor, path = opened
    window = TraceWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.problems)
    panel = window.problems
    shown = panel.rows()
    with Project.view(path) as project:
        assert shown == [(p.code, p.key) for p in project.problems()]
    assert ("feature_no_stories", "CRM-9") in shown
    # A story under CRM-9: the feature has one, the story lacks acceptance criteria.
    story = str(uuid.uuid4())
    values = {"title": "Fill in from the registry", "kind": "story"}
    session.push(Create("requirement", story, values, parent=uid_of(session, "CRM-9")))
    key = session.project.requirement(story).key  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: ("story_no_acceptance", key) in panel.rows())
    assert ("feature_no_stories", "CRM-9") not in panel.rows()
    session.push(Update("requirement", story, {"acceptance": ["Works"]}))
    qtbot.waitUntil(lambda: ("story_no_acceptance", key) not in panel.rows())
    session.save()
    with Project.view(path) as project:
        assert panel.rows() == [(p.code, p.key) for p in project.problems()]
    # A click on a problem's row selects its requirement.
    group = next(
        panel.list.topLevelItem(i)
        for i in range(panel.list.topLevelItemCount())
        if (panel.list.topLevelItem(i) or panel.list.invisibleRootItem()).childCount()
    )
    assert group is not None
    child = group.child(0)
    assert child is not None
    rect = panel.list.visualItemRect(child)
    with qtbot.waitSignal(window.requirement_chosen) as chosen:
        QTest.mouseClick(
            panel.list.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            rect.center() + QPoint(0, 0),
        )
    assert chosen.args == [uid_of(session, child.text(0))]


def test_the_matrix_counts_coverage(
    qtbot: QtBot, opened: tuple[ProjectSession, DetailEditor, Path]
) -> None:
    session, _editor, _path = opened
    window = TraceWindow(session)
    qtbot.addWidget(window)
    matrix = window.matrix
    shown = matrix.matrix
    assert matrix.table.rowCount() == len(shown.rows) > 0
    assert matrix.table.columnCount() == len(shown.columns) > 0
    filled = sum(
        1
        for i in range(matrix.table.rowCount())
        for j in range(matrix.table.columnCount())
        if matrix.table.item(i, j) is not None
    )
    assert filled == len(shown.cells) > 0
    # A sentence (not "13 of 18 Feature traced"); the English .qm gives the plural.
    assert f"{shown.covered_rows()} of {len(shown.rows)} feature(s) traced" in (
        matrix.coverage.text()
    )


def test_titles_are_shown_whole_in_the_problems_and_the_impact(
    qtbot: QtBot, opened: tuple[ProjectSession, DetailEditor, Path]
) -> None:
    session, _editor, _path = opened
    window = TraceWindow(session)
    qtbot.addWidget(window)
    window.resize(1100, 640)
    window.show()
    window.tabs.setCurrentWidget(window.problems)
    problems = window.problems.list
    dialog = ImpactDialog(session, uid_of(session, "CRM-28"))
    qtbot.addWidget(dialog)
    dialog.resize(720, 360)
    dialog.show()
    for tree in (problems, dialog.list):
        rows = [
            item
            for top in range(tree.topLevelItemCount())
            for item in (tree.topLevelItem(top), *_children(tree.topLevelItem(top)))
            if item is not None and item.text(1)
        ]
        assert rows
        for item in rows:  # the column holds the whole title, not "Churn-risk da…"
            needed = tree.fontMetrics().horizontalAdvance(item.text(1))
            assert tree.columnWidth(1) >= needed, item.text(1)


def _children(item: QTreeWidgetItem | None) -> list[QTreeWidgetItem | None]:
    assert item is not None
    return [item.child(i) for i in range(item.childCount())]
