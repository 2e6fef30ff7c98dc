"""The Plan pane: releases, lanes and milestones created, edited, reordered and
deleted with keys and clicks, each one undo step, following the effects, and
refused in a read-only window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDateEdit, QToolButton
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.setup import questions
from pmdesk.app.setup.milestone_dialog import MilestoneDialog
from pmdesk.app.setup.plan_list import PlanList
from pmdesk.app.setup.plan_pane import PlanPane
from pmdesk.app.setup.release_dialog import ReleaseDialog, edit_release, next_name
from pmdesk.core.merge.files import read_project
from tests.app.conftest import Answers, open_sync, ws
from tests.app.keyboard import type_text
from tests.app.setup_helpers import back_to, focused, while_modal
from tests.app.test_read_only import lock_by_colleague

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def plan(window: MainWindow) -> PlanPane:
    window.commands.plan.trigger()
    return ws(window).plan_pane


def names(plan_list: PlanList) -> list[str]:
    return [plan_list.values[uid]["name"] for uid in plan_list.uids()]


def row_texts(plan_list: PlanList, uid: str) -> list[str]:
    item = plan_list.item_of(uid)
    assert item is not None
    return [item.text(c) for c in range(plan_list.columnCount())]


def uid_named(plan_list: PlanList, name: str) -> str:
    return next(uid for uid in plan_list.uids() if plan_list.values[uid]["name"] == name)


def release_of(window: MainWindow) -> dict[str, str | None]:
    """Each requirement's release, as the tree shows it (key → release uid)."""
    return {row[2]: row[8] for row in ws(window).session.project.tree_rows()}


def set_date(widget: QDateEdit, text: str) -> None:
    """Type a date (YYYY-MM-DD) into a date edit, section by section as a user
    does: select the year, type it, then the month, then the day."""
    widget.setFocus()
    for offset, part in ((0, text[:4]), (5, text[5:7]), (8, text[8:])):
        QTest.keyClick(widget, Qt.Key.Key_Home)
        for _ in range(offset):
            QTest.keyClick(widget, Qt.Key.Key_Right)
        for _ in part:
            QTest.keyClick(widget, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        QTest.keyClicks(widget, part)
    assert widget.date().toString("yyyy-MM-dd") == text


def test_the_next_release_name_counts_on_from_the_last() -> None:
    assert next_name(["v1.0", "v1.1"]) == "v1.2"
    assert next_name(["v1.0", "v2.0"]) == "v2.1"
    assert next_name(["Sprint 3"]) == "Sprint 4"
    assert next_name(["MVP"]) == "v1.0"  # no number to count on
    assert next_name([]) == "v1.0"


def test_a_release_is_created_dated_reordered_and_deleted_with_its_requirements_moved(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_sync(window, sample)
    pane = plan(window)
    assert window.plan_dock.isVisible()
    assert names(pane.releases) == ["v1.0", "v1.1", "v2.0"]
    stack = ws(window).session.undo_stack

    def fill(dialog: ReleaseDialog) -> None:
        assert dialog.name.text() == "v2.1"  # the next name, dated after v2.0
        assert dialog.values()["start"] == "2027-10-01"
        QTest.keyClick(dialog.name, Qt.Key.Key_A, CTRL)
        type_text(qtbot, dialog.name, "v3.0")
        QTest.keyClick(dialog, Qt.Key.Key_P, ALT)  # Ca&pacity
        assert focused() is dialog.capacity
        QTest.keyClicks(dialog.capacity, "120")
        QTest.keyClick(dialog, Qt.Key.Key_T, ALT)
        assert focused() is dialog.status
        QTest.keyClick(dialog.status, Qt.Key.Key_Down)  # In progress
        QTest.keyClick(dialog, Qt.Key.Key_G, ALT)
        type_text(qtbot, dialog.goal, "Self-service **onboarding**")
        QTest.keyClick(focused(), Qt.Key.Key_Return)

    while_modal(ReleaseDialog, fill)
    QTest.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)  # Project ▸ New Release…
    back_to(qtbot, window)
    assert names(pane.releases) == ["v1.0", "v1.1", "v2.0", "v3.0"]
    new = uid_named(pane.releases, "v3.0")
    assert row_texts(pane.releases, new) == [
        "v3.0",
        "2027-10-01 – 2027-12-30",
        "In progress",
        "120",
        "Self-service onboarding",  # the goal's Markdown read, not shown as marks
    ]
    assert stack.undoText() == "Create release v3.0"

    # New dates in the release's form (Enter on its row).
    pane.releases.setFocus()
    pane.releases.select_uid(new)

    def redate(dialog: ReleaseDialog) -> None:
        set_date(dialog.start, "2027-11-01")
        set_date(dialog.end, "2028-01-31")
        QTest.keyClick(focused(), Qt.Key.Key_Return)

    while_modal(ReleaseDialog, redate)
    QTest.keyClick(pane.releases, Qt.Key.Key_Return)
    back_to(qtbot, window)
    assert row_texts(pane.releases, new)[1] == "2027-11-01 – 2028-01-31"
    assert stack.count() == 2
    assert stack.undoText() == "Move release v3.0 to 2027-11-01 – 2028-01-31"
    stack.undo()
    assert row_texts(pane.releases, new)[1] == "2027-10-01 – 2027-12-30"
    stack.redo()
    assert row_texts(pane.releases, new)[1] == "2027-11-01 – 2028-01-31"

    # Reorder: Alt+Up twice, then a drag back to the end.
    pane.releases.setFocus()
    QTest.keyClick(pane.releases, Qt.Key.Key_Up, ALT)
    QTest.keyClick(pane.releases, Qt.Key.Key_Up, ALT)
    assert names(pane.releases) == ["v1.0", "v3.0", "v1.1", "v2.0"]
    assert stack.count() == 4
    assert stack.undoText() == "Reorder release v3.0"
    assert [r.name for r in ws(window).session.project.releases()] == names(pane.releases)
    stack.undo()
    assert names(pane.releases) == ["v1.0", "v1.1", "v3.0", "v2.0"]
    stack.redo()
    drop_on(pane.releases, new, uid_named(pane.releases, "v2.0"), below=True)
    assert names(pane.releases) == ["v1.0", "v1.1", "v2.0", "v3.0"]
    assert stack.count() == 5

    # Delete v1.1: its 8 requirements go to v3.0, as answered.
    v11 = uid_named(pane.releases, "v1.1")
    before = release_of(window)
    in_v11 = sorted(k for k, r in before.items() if r == v11)
    assert len(in_v11) == 8
    asked: list[tuple[str, int, list[str]]] = []

    def where(_parent: object, name: str, count: int, others: list[tuple[str, str]]) -> str:
        asked.append((name, count, [n for _, n in others]))
        return new

    monkeypatch.setattr(questions, "ask_release_removal", where)
    pane.releases.select_uid(v11)
    QTest.keyClick(pane.releases, Qt.Key.Key_Delete)
    assert asked == [("v1.1", 8, ["v1.0", "v2.0", "v3.0"])]
    assert names(pane.releases) == ["v1.0", "v2.0", "v3.0"]
    after = release_of(window)
    assert all(after[k] == new for k in in_v11)
    assert stack.count() == 6
    assert stack.undoText() == "Delete release v1.1 and move its requirements to v3.0"
    stack.undo()
    assert names(pane.releases) == ["v1.0", "v1.1", "v2.0", "v3.0"]
    assert release_of(window) == before
    stack.redo()
    assert "v1.1" not in names(pane.releases)

    answers.save_path = None
    QTest.keyClick(window, Qt.Key.Key_S, CTRL)
    saved = read_project(sample)["release"]
    assert sorted(r["name"] for r in saved.values()) == ["v1.0", "v2.0", "v3.0"]
    assert saved[new]["status"] == "in_progress"
    assert saved[new]["capacity"] == 120


def drop_on(plan_list: PlanList, uid: str, target: str, *, below: bool) -> None:
    """Drag the row `uid` onto the lower (or upper) edge of the row `target`."""
    plan_list.select_uid(uid)
    rect = plan_list.visualRect(plan_list.index_of(target))
    point = QPoint(rect.center().x(), rect.bottom() - 1 if below else rect.top() + 1)
    item = plan_list.item_of(uid)
    assert item is not None
    mime = plan_list.mimeData([item])  # what the view's own drag carries
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    move = Qt.DropAction.MoveAction
    at = point.toPointF()
    for event in (
        QDragEnterEvent(point, move, mime, buttons, keys),
        QDragMoveEvent(point, move, mime, buttons, keys),
        QDropEvent(at, move, mime, buttons, keys),
    ):
        QApplication.sendEvent(plan_list.viewport(), event)


def test_a_lane_is_renamed_recoloured_reordered_and_deleted(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_sync(window, sample)
    pane = plan(window)
    stack = ws(window).session.undo_stack
    assert names(pane.lanes) == ["客户数据", "销售协同", "数据智能", "平台与合规"]
    lane = uid_named(pane.lanes, "销售协同")
    pane.lanes.setFocus()
    pane.lanes.select_uid(lane)
    QTest.keyClick(pane.lanes, Qt.Key.Key_F2)
    editor = focused()
    assert editor is not None and editor is not pane.lanes
    QTest.keyClick(editor, Qt.Key.Key_A, CTRL)
    type_text(qtbot, editor, "销售与服务\n")
    qtbot.waitUntil(lambda: pane.lanes.values[lane]["name"] == "销售与服务")
    assert stack.undoText() == "Rename lane 销售协同 to 销售与服务"

    monkeypatch.setattr(questions, "choose_colour", lambda _parent, _current: "#e45756")
    QTest.mouseClick(button_for(pane, pane.colour_lane_action), Qt.MouseButton.LeftButton)
    assert pane.lanes.values[lane]["colour"] == "#e45756"
    item = pane.lanes.item_of(lane)
    assert item is not None and not item.icon(0).isNull()
    assert stack.count() == 2
    stack.undo()
    assert pane.lanes.values[lane]["colour"] is None
    stack.redo()

    pane.lanes.setFocus()
    QTest.keyClick(pane.lanes, Qt.Key.Key_Down, ALT)
    assert names(pane.lanes) == ["客户数据", "数据智能", "销售与服务", "平台与合规"]

    monkeypatch.setattr(questions, "ask_lane_name", lambda _parent, _suggestion: "增长")
    QTest.mouseClick(button_for(pane, pane.new_lane_action), Qt.MouseButton.LeftButton)
    assert names(pane.lanes)[-1] == "增长"
    assert stack.undoText() == "Create lane 增长"
    stack.undo()
    assert "增长" not in names(pane.lanes)
    pane.lanes.setFocus()
    pane.lanes.select_uid(lane)

    monkeypatch.setattr(questions, "confirm_lane_removal", lambda _parent, _name: True)
    in_lane = {r.uid for r in ws(window).session.project.roadmap().items if r.lane_uid == lane}
    assert len(in_lane) == 10
    QTest.keyClick(pane.lanes, Qt.Key.Key_Delete)
    assert "销售与服务" not in names(pane.lanes)
    left = {r.uid for r in ws(window).session.project.roadmap().items if r.lane_uid == lane}
    assert left == set()
    stack.undo()
    assert "销售与服务" in names(pane.lanes)
    back = {r.uid for r in ws(window).session.project.roadmap().items if r.lane_uid == lane}
    assert back == in_lane

    QTest.keyClick(window, Qt.Key.Key_S, CTRL)
    assert read_project(sample)["lane"][lane]["colour"] == "#e45756"


def button_for(pane: PlanPane, action: object) -> QToolButton:
    for button in pane.findChildren(QToolButton):
        if button.defaultAction() is action:
            return button
    raise AssertionError("no button for the action")


def test_a_milestone_is_created_linked_to_a_release_edited_and_deleted(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    open_sync(window, sample)
    pane = plan(window)
    stack = ws(window).session.undo_stack
    v11 = uid_named(pane.releases, "v1.1")

    def fill(dialog: MilestoneDialog) -> None:
        QTest.keyClick(dialog.name, Qt.Key.Key_A, CTRL)
        type_text(qtbot, dialog.name, "UAT 开始")
        set_date(dialog.date, "2027-06-01")
        QTest.keyClick(dialog, Qt.Key.Key_R, ALT)
        assert focused() is dialog.release
        dialog.release.setCurrentIndex(dialog.release.findText("v1.1"))
        QTest.keyClick(focused(), Qt.Key.Key_Return)

    while_modal(MilestoneDialog, fill)
    QTest.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)  # Project ▸ New Milestone…
    back_to(qtbot, window)
    new = uid_named(pane.milestones, "UAT 开始")
    assert row_texts(pane.milestones, new) == ["UAT 开始", "2027-06-01", "v1.1"]
    (record,) = [m for m in ws(window).session.project.milestones() if m.uid == new]
    assert (record.date, record.release) == ("2027-06-01", v11)
    # Ordered by date: between Beta (03-01) and the v1.1 release (06-30).
    order = names(pane.milestones)
    assert order.index("Beta 内测启动") < order.index("UAT 开始") < order.index("v1.1 发布")
    assert stack.undoText() == "Create milestone UAT 开始"

    # The release it belongs to is renamed: the milestone's row says so.
    pane.releases.setFocus()
    pane.releases.select_uid(v11)
    QTest.keyClick(pane.releases, Qt.Key.Key_F2)
    editor = focused()
    QTest.keyClick(editor, Qt.Key.Key_A, CTRL)
    type_text(qtbot, editor, "v1.5\n")
    qtbot.waitUntil(lambda: row_texts(pane.milestones, new)[2] == "v1.5")

    pane.milestones.setFocus()
    pane.milestones.select_uid(new)

    def unlink(dialog: MilestoneDialog) -> None:
        QTest.keyClick(dialog, Qt.Key.Key_R, ALT)
        dialog.release.setCurrentIndex(0)  # No release
        QTest.keyClick(focused(), Qt.Key.Key_Return)

    while_modal(MilestoneDialog, unlink)
    QTest.keyClick(pane.milestones, Qt.Key.Key_Return)
    back_to(qtbot, window)
    assert row_texts(pane.milestones, new)[2] == ""
    stack.undo()
    assert row_texts(pane.milestones, new)[2] == "v1.5"
    stack.redo()

    QTest.keyClick(pane.milestones, Qt.Key.Key_Delete)
    assert "UAT 开始" not in names(pane.milestones)
    stack.undo()
    assert "UAT 开始" in names(pane.milestones)
    stack.redo()
    assert "UAT 开始" not in names(pane.milestones)


def test_a_new_milestone_of_the_chosen_release_falls_on_its_last_day(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    """v1.1 chosen in the Plan pane, Project ▸ New Milestone…: the form offers
    v1.1 and v1.1's end (its release date), not today."""
    open_sync(window, sample)
    pane = plan(window)
    v11 = uid_named(pane.releases, "v1.1")
    pane.releases.setFocus()
    pane.releases.select_uid(v11)
    offered: list[tuple[str, str | None]] = []

    def look(dialog: MilestoneDialog) -> None:
        offered.append((dialog.release.currentText(), dialog.values()["date"]))
        dialog.reject()

    while_modal(MilestoneDialog, look)
    QTest.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)  # Project ▸ New Milestone…
    back_to(qtbot, window)
    (end,) = [r.end for r in ws(window).session.project.releases() if r.uid == v11]
    assert offered == [("v1.1", end)]


def test_read_only_the_plan_is_shown_and_refuses_every_change(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    lock_by_colleague(sample)
    open_sync(window, sample)
    pane = plan(window)
    assert names(pane.releases) == ["v1.0", "v1.1", "v2.0"]
    assert not window.commands.new_release.isEnabled()
    assert not window.commands.new_milestone.isEnabled()
    for action in (pane.new_release_action, pane.delete_lane_action, pane.new_milestone_action):
        assert not action.isEnabled()
    # What can only be looked at says so.
    assert pane.edit_release_action.text() == "Show Release…"
    assert pane.edit_milestone_action.text() == "Show Milestone…"
    pane.releases.setFocus()
    pane.releases.select_uid(uid_named(pane.releases, "v1.0"))
    QTest.keyClick(pane.releases, Qt.Key.Key_F2)
    assert focused() is pane.releases  # no editor
    QTest.keyClick(pane.releases, Qt.Key.Key_Up, ALT)
    QTest.keyClick(pane.releases, Qt.Key.Key_Delete)
    assert names(pane.releases) == ["v1.0", "v1.1", "v2.0"]
    assert "read-only" in window.statusBar().currentMessage()

    # The release's form shows it, unchangeable.
    def look(dialog: ReleaseDialog) -> None:
        assert dialog.read_only_note.isVisible()
        assert not dialog.name.isEnabled() and not dialog.start.isEnabled()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    seen = while_modal(ReleaseDialog, look)
    QTest.keyClick(pane.releases, Qt.Key.Key_Return)
    back_to(qtbot, window)
    assert len(seen) == 1
    assert not edit_release(window, ws(window).session, None)  # a new one: refused at once
    assert ws(window).session.undo_stack.count() == 0


def test_the_plan_shows_a_colleagues_release_once_merged_and_undo_takes_it_out(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    from pmdesk.core.ops import Create, Update
    from pmdesk.core.project_save import save_merging
    from pmdesk.core.storage.workingcopy import WorkingCopy

    open_sync(window, sample)
    pane = plan(window)
    v10 = uid_named(pane.releases, "v1.0")
    wang = WorkingCopy.open(sample, data_dir=tmp_path / "wang", user="Wang", access="edit_anyway")
    try:
        wang.apply(Create("release", "wang-release", {"name": "v2.5", "status": "planned"}))
        wang.apply(Update("release", v10, {"goal": "MVP"}))
        save_merging(wang)
    finally:
        wang.close()
    watcher = ws(window).watcher
    assert watcher is not None and watcher.check()
    QTest.mouseClick(window.notice_bar.merge_button, Qt.MouseButton.LeftButton)
    assert names(pane.releases) == ["v1.0", "v1.1", "v2.0", "v2.5"]
    assert row_texts(pane.releases, v10)[4] == "MVP"
    ws(window).session.undo_stack.undo()
    assert names(pane.releases) == ["v1.0", "v1.1", "v2.0"]
    assert row_texts(pane.releases, v10)[4] == ""
