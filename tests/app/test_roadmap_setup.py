"""Releases, milestones and lanes set up on the roadmap in the real window (issue 13):
bands dragged by the middle or an end, lanes dragged by their names, milestones
made by a double-click on the axis, and the context menus, each edit one undo step
named for what it did; nothing changes in a read-only window."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMenu, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.roadmap import questions
from pmdesk.app.roadmap.pane import RoadmapPane
from pmdesk.app.setup import questions as setup_questions
from pmdesk.app.setup.milestone_dialog import MilestoneDialog
from pmdesk.app.setup.questions import NO_RELEASE
from pmdesk.app.setup.release_dialog import ReleaseDialog
from pmdesk.core.ops import Update
from pmdesk.core.queries.roadmap import RoadmapData, roadmap_data
from tests.app.conftest import ws
from tests.app.roadmap_helpers import (
    band_of,
    bar_of,
    choose,
    counting_reads,
    days,
    drag_on,
    entry,
    milestone_of,
    on_axis,
    on_band,
    on_lane_name,
    on_milestone,
    right_click,
    shown_layout,
)
from tests.app.setup_helpers import while_modal

# A popup menu on the offscreen platform: noise of the plugin, not of pmdesk.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@dataclass
class Asked:
    """What the roadmap's questions answer, and what they were asked."""

    names: list[str] = field(default_factory=list)  # answers to ask_name, in turn
    fate: str | None = NO_RELEASE  # where a deleted release's requirements go
    delete_lane: bool = True
    colour: str | None = "#33aa55"
    asked: list[str] = field(default_factory=list)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    a = Asked()

    def ask_name(_parent: QWidget, title: str, _label: str, text: str = "") -> str | None:
        a.asked.append(f"name:{title}:{text}")
        return a.names.pop(0) if a.names else None

    def ask_fate(_parent: QWidget, name: str, count: int, _others: Any) -> str | None:
        a.asked.append(f"fate:{name}:{count}")
        return a.fate

    def confirm(_parent: QWidget, name: str) -> bool:
        a.asked.append(f"delete lane:{name}")
        return a.delete_lane

    monkeypatch.setattr(questions, "ask_name", ask_name)
    monkeypatch.setattr(setup_questions, "ask_release_removal", ask_fate)
    monkeypatch.setattr(questions, "confirm_delete_lane", confirm)
    monkeypatch.setattr(questions, "ask_colour", lambda *_: a.colour)
    return a


def type_name(field: QLineEdit, name: str) -> None:
    """Type `name` over a form's name and press Enter (OK)."""
    field.selectAll()
    QTest.keyClicks(field, name)
    QTest.keyClick(field, Qt.Key.Key_Return)


def data(window: MainWindow) -> RoadmapData:
    return ws(window).session.project.read(roadmap_data)


def release(window: MainWindow, name: str) -> tuple[str | None, str | None]:
    found = next(r for r in data(window).releases if r.name == name)
    return found.start, found.end


def undo_text(window: MainWindow) -> str:
    stack = ws(window).session.undo_stack
    return stack.undoText()


def undo(qtbot: QtBot, window: MainWindow, pane: RoadmapPane) -> None:
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        ws(window).session.undo_stack.undo()


# -- releases ------------------------------------------------------------------------
def test_dragging_a_band_moves_the_release_and_its_undated_requirements(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane
) -> None:
    band = band_of(pane, "v1.1")
    undated, dated = bar_of(pane, "CRM-27"), bar_of(pane, "CRM-22")
    assert undated.from_release and undated.start == dt.date(2027, 4, 1)
    drag_on(qtbot, pane, pane.view.header, on_band(pane, band), days(pane, 7.2))
    assert release(window, "v1.1") == ("2027-04-08", "2027-07-07")
    assert undo_text(window) == "Move release v1.1 to 2027-04-08 – 2027-07-07"
    assert ws(window).session.undo_stack.count() == 1
    assert bar_of(pane, "CRM-27").start == dt.date(2027, 4, 8)  # follows its release
    assert bar_of(pane, "CRM-22").start == dated.start  # has dates of its own: stays
    assert band_of(pane, "v1.1").start == dt.date(2027, 4, 8)
    undo(qtbot, window, pane)
    assert release(window, "v1.1") == ("2027-04-01", "2027-06-30")
    assert bar_of(pane, "CRM-27").start == dt.date(2027, 4, 1)


def test_dragging_a_band_edge_changes_that_date_snapped_to_weeks(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane
) -> None:
    drag_on(
        qtbot, pane, pane.view.header, on_band(pane, band_of(pane, "v1.1"), "end"), days(pane, 3.3)
    )
    assert release(window, "v1.1") == ("2027-04-01", "2027-07-03")
    assert undo_text(window) == "Move release v1.1 to 2027-04-01 – 2027-07-03"
    pane.snap.setCurrentIndex(pane.snap.findData("week"))
    band = band_of(pane, "v1.1")
    drag_on(qtbot, pane, pane.view.header, on_band(pane, band, "start"), days(pane, 5))
    start = dt.date.fromisoformat(release(window, "v1.1")[0] or "")
    assert start == dt.date(2027, 4, 5) and start.weekday() == 0  # the Monday nearest
    assert undo_text(window) == "Move release v1.1 to 2027-04-05 – 2027-07-03"
    assert ws(window).session.undo_stack.count() == 2


def test_escape_cancels_a_band_drag(qtbot: QtBot, window: MainWindow, pane: RoadmapPane) -> None:
    header = pane.view.header
    start = on_band(pane, band_of(pane, "v1.1"))
    QTest.mousePress(header, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 5):
        QTest.mouseMove(header, start + QPoint(round(days(pane, 2) * i), 0))
    assert pane.view.margins.dragging
    QTest.keyClick(pane.view, Qt.Key.Key_Escape)
    assert not pane.view.margins.dragging
    QTest.mouseRelease(
        header, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(90, 0)
    )
    qtbot.wait(50)
    assert release(window, "v1.1") == ("2027-04-01", "2027-06-30")
    assert ws(window).session.undo_stack.count() == 0


def test_keys_move_resize_edit_and_delete_a_selected_band(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane, asked: Asked
) -> None:
    header = pane.view.header
    QTest.mouseClick(
        header,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        on_band(pane, band_of(pane, "v1.1")),
    )
    assert pane.view.margins.selected == band_of(pane, "v1.1").uid
    alt = Qt.KeyboardModifier.AltModifier
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        QTest.keyClick(pane.view, Qt.Key.Key_Right, alt)
    assert release(window, "v1.1") == ("2027-04-02", "2027-07-01")
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        QTest.keyClick(pane.view, Qt.Key.Key_Right, alt | Qt.KeyboardModifier.ShiftModifier)
    assert release(window, "v1.1") == ("2027-04-02", "2027-07-02")
    seen = while_modal(ReleaseDialog, lambda form: type_name(form.name, "v1.1 GA"))
    with qtbot.waitSignal(ws(window).session.changed, timeout=3000):
        QTest.keyClick(pane.view, Qt.Key.Key_Return)  # the release's form
    assert seen and seen[0].values()["start"] == "2027-04-02"  # the form showed v1.1
    assert undo_text(window) == "Rename release v1.1 to v1.1 GA"
    qtbot.waitUntil(lambda: any(b.name == "v1.1 GA" for b in shown_layout(pane).bands))
    uid = band_of(pane, "v1.1 GA").uid
    QTest.keyClick(pane.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = pane.editing.menu
    assert menu is not None and menu.isVisible()
    assert entry(menu, "Edit Release…").isEnabled()
    menu.close()
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        QTest.keyClick(pane.view, Qt.Key.Key_Delete)
    assert asked.asked[-1] == "fate:v1.1 GA:8"
    assert all(r.uid != uid for r in data(window).releases)
    assert ws(window).session.undo_stack.count() == 4


def test_band_menu_makes_a_release_where_clicked_and_deletes_one(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane, asked: Asked
) -> None:
    menu = right_click(pane, pane.view.header, on_axis(pane, dt.date(2027, 10, 6)))
    assert [a.text() for a in menu.actions()] == ["New Release Here…", "New Milestone Here…"]
    while_modal(ReleaseDialog, lambda form: type_name(form.name, "v2.1"))
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        choose(menu, "New Release Here…")  # its form, with the dates of the click
    assert release(window, "v2.1") == ("2027-10-06", "2027-11-02")
    assert undo_text(window) == "Create release v2.1"
    menu = right_click(pane, pane.view.header, on_band(pane, band_of(pane, "v2.0")))
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["New Release Here…", "New Milestone Here…", "Edit Release…", "Delete Release…"]
    v20 = band_of(pane, "v2.0").uid
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        choose(menu, "Delete Release…")
    assert asked.asked[-1] == "fate:v2.0:3"  # CRM-9, 24, 31
    assert all(r.uid != v20 for r in data(window).releases)
    assert not any(i.release_uid == v20 for i in data(window).items)
    assert undo_text(window) == "Delete release v2.0"
    undo(qtbot, window, pane)
    assert sum(i.release_uid == v20 for i in data(window).items) == 3  # CRM-9, 24, 31
    v11 = band_of(pane, "v1.1").uid
    asked.fate = v11  # its requirements move to v1.1
    menu = right_click(pane, pane.view.header, on_band(pane, band_of(pane, "v2.0")))
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        choose(menu, "Delete Release…")
    assert not any(i.release_uid == v20 for i in data(window).items)
    assert bar_of(pane, "CRM-9").release_uid == v11
    assert undo_text(window) == "Delete release v2.0 and move its requirements to v1.1"
    undo(qtbot, window, pane)
    assert bar_of(pane, "CRM-9").release_uid == v20


def test_a_release_without_requirements_is_deleted_without_a_question(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane, asked: Asked
) -> None:
    """As in the Plan pane: nothing to ask about when nothing is planned in it
    (and Undo brings it back); with requirements, the question says how many."""
    menu = right_click(pane, pane.view.header, on_axis(pane, dt.date(2027, 10, 6)))
    while_modal(ReleaseDialog, lambda form: type_name(form.name, "v2.1"))
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        choose(menu, "New Release Here…")
    v21 = band_of(pane, "v2.1").uid
    menu = right_click(pane, pane.view.header, on_band(pane, band_of(pane, "v2.1")))
    questions_up: list[str] = []  # any modal question at all, cancelled when seen
    watching = [True]

    def watch() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog):
            questions_up.append(widget.windowTitle())
            widget.reject()
        if watching[0]:
            QTimer.singleShot(20, watch)

    watch()
    try:
        with qtbot.waitSignal(pane.refreshed, timeout=3000, raising=False):
            choose(menu, "Delete Release…")
    finally:
        watching[0] = False
    assert questions_up == [] and asked.asked == []
    assert all(r.uid != v21 for r in data(window).releases)
    assert undo_text(window) == "Delete release v2.1"


def test_the_body_off_the_bars_offers_a_new_release(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane, asked: Asked
) -> None:
    view, geo = pane.view, pane.view.geo
    assert geo is not None
    x = geo.x((dt.date(2027, 9, 20) - shown_layout(pane).origin).days)
    view.ensureVisible(x - 20, 0, 40, 1)
    point = view.mapFromScene(x, geo.lane_tops[-1] - 3)  # a lane's bottom padding: no bar
    menu = right_click(pane, view.viewport(), point)
    assert [a.text() for a in menu.actions()] == ["New Release Here…", "New Milestone Here…"]


def test_a_release_renamed_restyles_in_place_and_a_release_moved_is_laid_out_again(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12's latency work kept: a rename reads nothing; new dates re-read."""
    reads = counting_reads(monkeypatch, pane)
    session = ws(window).session
    band = band_of(pane, "v1.1")
    header = pane.view.header
    on_band(pane, band)  # in sight
    assert session.push(Update("release", band.uid, {"name": "v1.1 春季版"}))
    qtbot.wait(50)
    assert reads == []
    assert band_of(pane, "v1.1 春季版").start == band.start
    assert pane.release_names[band.uid] == "v1.1 春季版"
    pixels = header.grab().toImage()
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        pane.refresh()
    assert header.grab().toImage() == pixels  # drawn as a full re-read draws it
    reads.clear()
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        assert session.push(Update("release", band.uid, {"end": "2027-07-31"}))
    assert reads == ["read", "refreshed"]
    assert band_of(pane, "v1.1 春季版").end == dt.date(2027, 7, 31)


# -- lanes ---------------------------------------------------------------------------
def test_dragging_a_lane_name_reorders_the_lanes(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane
) -> None:
    names = [lane.name for lane in data(window).lanes]
    assert names == ["客户数据", "销售协同", "数据智能", "平台与合规"]
    geo = pane.view.geo
    assert geo is not None
    start = on_lane_name(pane, "客户数据")
    below_second = geo.lane_tops[2] - geo.lane_tops[0]
    drag_on(qtbot, pane, pane.view.gutter, start, 0, below_second)
    assert [lane.name for lane in data(window).lanes] == [
        "销售协同",
        "客户数据",
        "数据智能",
        "平台与合规",
    ]
    assert [lane.name for lane in shown_layout(pane).lanes][:2] == ["销售协同", "客户数据"]
    assert undo_text(window) == "Reorder lane 客户数据"
    assert ws(window).session.undo_stack.count() == 1
    undo(qtbot, window, pane)
    assert [lane.name for lane in data(window).lanes] == names


def test_lane_menu_renames_adds_and_deletes_lanes(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane, asked: Asked
) -> None:
    gutter = pane.view.gutter
    menu = right_click(pane, gutter, on_lane_name(pane, "数据智能"))
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Rename Lane…", "Colour…", "New Lane…", "Delete Lane…"]
    asked.names = ["数据与智能"]
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        choose(menu, "Rename Lane…")
    assert undo_text(window) == "Rename lane 数据智能 to 数据与智能"
    asked.names = ["移动端"]
    menu = right_click(pane, gutter, on_lane_name(pane, "数据与智能"))
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        choose(menu, "New Lane…")
    lanes = [lane.name for lane in data(window).lanes]
    assert lanes == ["客户数据", "销售协同", "数据与智能", "移动端", "平台与合规"]
    menu = right_click(pane, gutter, on_lane_name(pane, "移动端"))
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        choose(menu, "Colour…")
    assert next(lane.colour for lane in data(window).lanes if lane.name == "移动端") == "#33aa55"
    assert undo_text(window) == "Set the colour of lane 移动端"
    shown = next(lane for lane in shown_layout(pane).lanes if lane.name == "移动端")
    assert shown.colour == "#33aa55"
    stripe = on_lane_name(pane, "移动端")
    assert gutter.grab().toImage().pixelColor(2, stripe.y()).name() == "#33aa55"
    menu = right_click(pane, gutter, on_lane_name(pane, "客户数据"))
    lane_uid = next(lane.uid for lane in data(window).lanes if lane.name == "客户数据")
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        choose(menu, "Delete Lane…")
    assert asked.asked[-1] == "delete lane:客户数据"
    assert all(lane.uid != lane_uid for lane in data(window).lanes)
    assert not any(i.lane_uid == lane_uid for i in data(window).items)
    assert shown_layout(pane).lanes[-1].uid is None  # its requirements: Unassigned
    assert ws(window).session.undo_stack.count() == 4


# -- milestones ----------------------------------------------------------------------
def test_a_milestone_made_on_a_band_belongs_to_that_release(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane, asked: Asked
) -> None:
    """Right-click v2.0's band, New Milestone Here…: the form offers v2.0 (a code
    freeze of that release), on the day clicked."""
    band = band_of(pane, "v2.0")
    menu = right_click(pane, pane.view.header, on_band(pane, band))
    offered: list[str] = []

    def fill(form: MilestoneDialog) -> None:
        offered.append(form.release.currentText())
        type_name(form.name, "Code freeze")

    while_modal(MilestoneDialog, fill)
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        choose(menu, "New Milestone Here…")
    assert offered == ["v2.0"]
    found = next(m for m in data(window).milestones if m.name == "Code freeze")
    assert found.release_uid == band.uid
    assert found.date is not None and band.start <= dt.date.fromisoformat(found.date) <= band.end
    assert undo_text(window) == "Create milestone Code freeze"


def test_a_milestone_made_by_double_click_is_dragged_and_deleted(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane, asked: Asked
) -> None:
    header = pane.view.header
    while_modal(MilestoneDialog, lambda form: type_name(form.name, "GA"))
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        QTest.mouseDClick(
            header,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            on_axis(pane, dt.date(2027, 8, 10)),
        )
    found = next(m for m in data(window).milestones if m.name == "GA")
    assert found.date == "2027-08-10"
    assert undo_text(window) == "Create milestone GA"
    drag_on(qtbot, pane, header, on_milestone(pane, milestone_of(pane, "GA")), days(pane, 7.1))
    found = next(m for m in data(window).milestones if m.name == "GA")
    assert found.date == "2027-08-17"
    assert undo_text(window) == "Move milestone GA to 2027-08-17"
    menu = right_click(pane, header, on_milestone(pane, milestone_of(pane, "GA")))
    link = entry(menu, "Link to Release").menu()
    assert isinstance(link, QMenu)
    assert [a.text() for a in link.actions()] == ["No release", "v1.0", "v1.1", "v2.0"]
    assert link.actions()[0].isChecked()
    choose(menu, "Link to Release")  # opens the list
    qtbot.waitUntil(link.isVisible)
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        choose(link, "v2.0")
    v20 = band_of(pane, "v2.0").uid
    assert next(m for m in data(window).milestones if m.name == "GA").release_uid == v20
    assert undo_text(window) == "Link milestone GA to release v2.0"
    assert milestone_of(pane, "GA").release_uid == v20
    # Drawn in its release's colour: the diamond's middle pixel is the band's.
    pixels = header.grab().toImage()
    colour = pane.view.release_colors[v20]
    assert pixels.pixelColor(on_milestone(pane, milestone_of(pane, "GA"))).name() == colour.lower()
    seen = while_modal(MilestoneDialog, lambda form: form.reject())
    QTest.mouseDClick(  # a double-click opens its form
        header,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        on_milestone(pane, milestone_of(pane, "GA")),
    )
    assert seen and seen[0].values() == {"name": "GA", "date": "2027-08-17", "release": v20}
    menu = right_click(pane, header, on_milestone(pane, milestone_of(pane, "GA")))
    asked.names = ["GA 发布"]
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        choose(menu, "Rename…")
    assert undo_text(window) == "Rename milestone GA to GA 发布"
    menu = right_click(pane, header, on_milestone(pane, milestone_of(pane, "GA 发布")))
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        choose(menu, "Delete Milestone")
    assert all(not m.name.startswith("GA") for m in data(window).milestones)
    assert undo_text(window) == "Delete milestone GA 发布"
    assert ws(window).session.undo_stack.count() == 5


# -- read-only -----------------------------------------------------------------------
def test_nothing_changes_on_the_roadmap_of_a_read_only_window(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane, asked: Asked
) -> None:
    ws(window).lock_editing()
    header = pane.view.header
    band = band_of(pane, "v1.1")
    start = on_band(pane, band)
    QTest.mousePress(header, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 5):
        QTest.mouseMove(header, start + QPoint(round(days(pane, 2) * i), 0))
    assert not pane.view.margins.dragging
    QTest.mouseRelease(header, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.keyClick(pane.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    lane = on_lane_name(pane, "客户数据")
    QTest.mousePress(
        pane.view.gutter, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, lane
    )
    QTest.mouseMove(pane.view.gutter, lane + QPoint(0, 120))
    assert not pane.view.margins.dragging
    QTest.mouseRelease(
        pane.view.gutter,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        lane + QPoint(0, 120),
    )
    for widget, point in (
        (header, on_band(pane, band)),
        (header, on_milestone(pane, milestone_of(pane, "设计冻结"))),
        (pane.view.gutter, on_lane_name(pane, "客户数据")),
    ):
        menu = right_click(pane, widget, point)
        assert menu.actions() and not any(a.isEnabled() for a in menu.actions() if a.text())
        menu.close()
    QTest.mouseDClick(
        header,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        on_axis(pane, dt.date(2027, 8, 10)),
    )
    qtbot.wait(50)
    assert release(window, "v1.1") == ("2027-04-01", "2027-06-30")
    assert data(window).lanes[0].name == "客户数据"
    assert ws(window).session.undo_stack.count() == 0
    assert not asked.asked
