"""The detail editor, driven like a user: keys and clicks on the real widgets of a
real project file, checked against the database and the undo stack."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.app.details.description import IDLE_MS
from pmdesk.app.details.editor import DetailEditor
from pmdesk.app.session import ProjectSession
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Remove, Update
from pmdesk.export.markdown_html import Expand, render_html
from tests.app.detail_helpers import shown_editor
from tests.app.keyboard import type_text
from tests.app.trees import top_item

WAIT_MS = IDLE_MS * 5


@dataclass
class Setup:
    session: ProjectSession
    editor: DetailEditor
    uids: dict[str, str]  # key → uid

    def values(self, key: str = "CRM-2") -> dict[str, Any]:
        detail = self.session.project.requirement(self.uids[key])
        assert detail is not None
        return detail.values

    @property
    def steps(self) -> int:
        return int(self.session.undo_stack.count())

    def uid(self, key: str) -> str:
        if key not in self.uids:
            found = [r for r in self.session.project.find_requirements(key, 50) if r[1] == key]
            self.uids[key] = found[0][0]
        return self.uids[key]


@pytest.fixture
def setup(qtbot: QtBot, tmp_path: Path) -> Iterator[Setup]:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    with shown_editor(qtbot, path, tmp_path / "data") as (session, editor):
        s = Setup(session, editor, {})
        editor.show_requirement(s.uid("CRM-2"))
        yield s


def select_all(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)


def retype(qtbot: QtBot, widget: QWidget, text: str, *, enter: bool = True) -> None:
    select_all(qtbot, widget)
    type_text(qtbot, widget, text)
    if enter:
        QTest.keyClick(widget, Qt.Key.Key_Return)


def line_editor(widget: QWidget) -> QLineEdit:
    """The open in-place editor (closed ones linger until deleted later)."""
    (edit,) = [e for e in widget.findChildren(QLineEdit) if e.isVisible()]
    return edit


# -- showing -----------------------------------------------------------------------
def test_shows_every_field_of_the_requirement(setup: Setup) -> None:
    form = setup.editor.form
    assert setup.editor.current_uid == setup.uid("CRM-2")
    assert form.key.text() == "CRM-2"
    assert form.title.text() == "客户 360° 视图"
    assert form.kind.currentData() == "feature"
    assert form.status.currentData() == "in_progress"
    assert form.priority.currentData() == "must"
    assert form.kano.currentData() == "basic"
    assert form.owner.currentText() == "李娜"
    assert form.tags.text() == "客户档案, 360视图, Web, 移动端"
    assert form.source.text() == "华东大区客户访谈"
    assert form.release.currentText() == "v1.0"
    assert form.lane.currentText() == "客户数据"
    assert (form.start.value(), form.end.value()) == ("2027-01-18", "2027-03-05")
    assert form.rice.score.text() == QLocale().toString(20266.67, "f", 2)
    assert form.rice.impact.currentData() == 2.0 and form.rice.confidence.value() == 80
    assert "**4 个页面**" in form.description.value()
    assert form.acceptance.list.topLevelItemCount() == 4
    assert form.links.list.topLevelItemCount() == 1
    assert "CRM-28" in top_item(form.links.list, 0).text(1)
    assert form.footer.text().startswith("Created ")
    assert setup.steps == 0  # showing pushes nothing


def test_empty_state_and_showing_again_pushes_nothing(setup: Setup) -> None:
    editor = setup.editor
    editor.show_requirement(None)
    assert editor.current_uid is None
    assert editor.form.pages.currentIndex() == 0
    assert editor.form.empty_label.text() == "No requirement selected"
    for key in ("CRM-1", "CRM-3", "CRM-2"):
        editor.show_requirement(setup.uid(key))
    assert editor.form.key.text() == "CRM-2" and editor.form.pages.currentIndex() == 1
    assert setup.steps == 0


# -- one committed edit, one undo step -------------------------------------------------
def test_title_edit_is_one_step_and_undoes(qtbot: QtBot, setup: Setup) -> None:
    title = setup.editor.form.title
    retype(qtbot, title, "客户全景视图")
    assert setup.values()["title"] == "客户全景视图"
    assert setup.steps == 1
    QTest.keyClick(title, Qt.Key.Key_Return)  # unchanged: no second step
    setup.editor.form.source.setFocus()
    assert setup.steps == 1
    setup.session.undo_stack.undo()
    assert setup.values()["title"] == "客户 360° 视图"
    assert title.text() == "客户 360° 视图"


def test_status_chosen_with_the_keyboard(qtbot: QtBot, setup: Setup) -> None:
    status = setup.editor.form.status
    status.setFocus()
    QTest.keyClick(status, Qt.Key.Key_Down)
    assert status.currentData() == "done"
    assert setup.values()["status"] == "done"
    assert setup.steps == 1
    setup.session.undo_stack.undo()
    assert setup.values()["status"] == "in_progress"
    assert status.currentData() == "in_progress"


def test_release_none_and_tags_with_full_width_commas(qtbot: QtBot, setup: Setup) -> None:
    form = setup.editor.form
    form.release.setFocus()
    QTest.keyClick(form.release, Qt.Key.Key_Home)
    assert form.release.currentText() == "—"
    assert setup.values()["release"] is None
    retype(qtbot, form.tags, "移动端，MVP, 移动端 ,")
    assert setup.values()["tags"] == ["移动端", "MVP"]
    assert setup.steps == 2


def test_owner_typed_in_the_editable_combo(qtbot: QtBot, setup: Setup) -> None:
    owner = setup.editor.form.owner
    assert owner.findText("张伟") >= 0  # everyone owning something is suggested
    retype(qtbot, setup.editor.form.owner_edit, "王芳")
    assert setup.values()["owner"] == "王芳"
    assert setup.steps == 1


def test_escape_puts_the_stored_text_back(qtbot: QtBot, setup: Setup) -> None:
    source = setup.editor.form.source
    retype(qtbot, source, "随便写写", enter=False)
    QTest.keyClick(source, Qt.Key.Key_Escape)
    assert source.text() == "华东大区客户访谈"
    setup.editor.form.tags.setFocus()
    assert setup.steps == 0


def test_description_bursts_of_typing_are_one_step(qtbot: QtBot, setup: Setup) -> None:
    text = setup.editor.form.description.text
    original = setup.values()["description"]
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    for burst in ("\n\n补充：", "支持导出", " PDF。"):
        with qtbot.waitSignal(setup.session.changed, timeout=WAIT_MS):
            type_text(qtbot, text, burst)
    assert setup.values()["description"] == original + "\n\n补充：支持导出 PDF。"
    assert setup.steps == 1
    setup.session.undo_stack.undo()
    assert setup.values()["description"] == original
    assert text.toPlainText() == original


def test_description_commits_on_focus_out(qtbot: QtBot, setup: Setup) -> None:
    form = setup.editor.form
    form.description.text.setFocus()
    type_text(qtbot, form.description.text, "前言。")
    form.title.setFocus()  # leaves the description before the idle commit
    assert setup.values()["description"].startswith("前言。")
    assert setup.steps == 1


def test_rice_score_follows_typing_and_keeps_other_inputs(qtbot: QtBot, setup: Setup) -> None:
    rice = setup.editor.form.rice
    retype(qtbot, rice.reach, "19000", enter=False)
    assert rice.score.text() == QLocale().toString(10133.33, "f", 2)  # live, not yet stored
    assert setup.values()["rice"]["reach"] == 38000
    QTest.keyClick(rice.reach, Qt.Key.Key_Return)
    assert setup.values()["rice"] == {
        "reach": 19000.0,
        "impact": 2.0,
        "confidence": 0.8,
        "effort": 3.0,
    }
    rice.impact.setFocus()
    QTest.keyClick(rice.impact, Qt.Key.Key_Down)  # High → Massive
    assert setup.values()["rice"]["impact"] == 3.0
    assert rice.score.text() == QLocale().toString(15200.0, "f", 2)
    assert setup.steps == 2
    setup.session.undo_stack.undo()
    setup.session.undo_stack.undo()
    assert setup.values()["rice"]["reach"] == 38000
    assert rice.reach.value() == 38000
    assert rice.score.text() == QLocale().toString(20266.67, "f", 2)


def test_dates_can_be_cleared_and_set(qtbot: QtBot, setup: Setup) -> None:
    end = setup.editor.form.end
    QTest.mouseClick(end.check, Qt.MouseButton.LeftButton)
    assert setup.values()["end"] is None
    assert end.edit.text() == "No date" and not end.edit.isEnabled()
    QTest.mouseClick(end.check, Qt.MouseButton.LeftButton)
    stored = setup.values()["end"]
    assert stored is not None and stored >= "2027-01-18"  # never before the start
    retype(qtbot, end.edit, "2027-03-20")
    assert setup.values()["end"] == "2027-03-20"
    assert setup.steps == 3


def test_a_newly_ticked_date_starts_from_the_release(setup: Setup) -> None:
    form = setup.editor.form
    [release] = [r for r in setup.session.project.releases() if r.uid == setup.values()["release"]]
    assert release.start and release.end
    QTest.mouseClick(form.end.check, Qt.MouseButton.LeftButton)
    QTest.mouseClick(form.start.check, Qt.MouseButton.LeftButton)
    assert (setup.values()["start"], setup.values()["end"]) == (None, None)
    QTest.mouseClick(form.start.check, Qt.MouseButton.LeftButton)
    QTest.mouseClick(form.end.check, Qt.MouseButton.LeftButton)
    assert (setup.values()["start"], setup.values()["end"]) == (release.start, release.end)


def test_end_before_start_is_refused_and_shows_the_stored_date(qtbot: QtBot, setup: Setup) -> None:
    end = setup.editor.form.end
    with qtbot.waitSignal(setup.session.failed) as failed:
        retype(qtbot, end.edit, "2027-01-01")
    assert "start 2027-01-18 is after end 2027-01-01" in failed.args[0]
    assert end.value() == "2027-03-05"
    assert end.edit.date() == QDate(2027, 3, 5)
    assert setup.values()["end"] == "2027-03-05"
    assert setup.steps == 0
    assert setup.editor.form.message.isVisible()
    setup.editor.form.title.setFocus()  # focus out pushes nothing more
    assert setup.steps == 0


# -- lists -----------------------------------------------------------------------------
def test_acceptance_add_edit_reorder_remove(qtbot: QtBot, setup: Setup) -> None:
    acceptance = setup.editor.form.acceptance
    criteria = setup.values()["acceptance"]
    QTest.mouseClick(acceptance.add_button, Qt.MouseButton.LeftButton)
    editor = line_editor(acceptance.list.viewport())
    type_text(qtbot, editor, "导出的 PDF 与页面一致")
    with qtbot.waitSignal(setup.session.changed):  # the delegate commits queued
        QTest.keyClick(editor, Qt.Key.Key_Return)
    assert setup.values()["acceptance"] == [*criteria, "导出的 PDF 与页面一致"]
    assert setup.steps == 1

    QTest.mouseClick(acceptance.up_button, Qt.MouseButton.LeftButton)  # the new one, up
    assert setup.values()["acceptance"][3:] == ["导出的 PDF 与页面一致", criteria[3]]
    assert setup.steps == 2

    first = acceptance.list.topLevelItem(0)
    assert first is not None
    acceptance.list.setCurrentItem(first)
    acceptance.list.editItem(first, 0)
    editor = line_editor(acceptance.list.viewport())
    with qtbot.waitSignal(setup.session.changed):
        retype(qtbot, editor, "首屏无需滚动")
    assert setup.values()["acceptance"][0] == "首屏无需滚动"
    assert setup.steps == 3

    QTest.mouseClick(acceptance.remove_button, Qt.MouseButton.LeftButton)
    assert setup.values()["acceptance"] == [*criteria[1:3], "导出的 PDF 与页面一致", criteria[3]]
    assert setup.steps == 4
    for _ in range(4):
        setup.session.undo_stack.undo()
    assert setup.values()["acceptance"] == criteria
    assert acceptance.value() == criteria


def test_an_added_criterion_left_empty_disappears(qtbot: QtBot, setup: Setup) -> None:
    acceptance = setup.editor.form.acceptance
    QTest.mouseClick(acceptance.add_button, Qt.MouseButton.LeftButton)
    QTest.keyClick(line_editor(acceptance.list.viewport()), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: acceptance.list.topLevelItemCount() == 4)
    assert setup.steps == 0


# The completion popup asks the offscreen platform for things it cannot do.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


def test_delete_key_removes_a_criterion_not_the_window_action(qtbot: QtBot, setup: Setup) -> None:
    fired: list[bool] = []
    delete_requirement = QAction("Delete requirement", setup.editor)
    delete_requirement.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    delete_requirement.triggered.connect(lambda: fired.append(True))
    setup.editor.addAction(delete_requirement)
    tree = setup.editor.form.acceptance.list
    tree.setFocus()
    tree.setCurrentItem(top_item(tree, 3))
    QTest.keyClick(tree, Qt.Key.Key_Delete)
    assert len(setup.values()["acceptance"]) == 3
    assert setup.steps == 1 and not fired


def test_the_wheel_scrolls_past_an_unfocused_choice(setup: Setup) -> None:
    status = setup.editor.form.status
    setup.editor.form.title.setFocus()
    centre = QPointF(status.rect().center())
    wheel = QWheelEvent(
        centre,
        status.mapToGlobal(centre),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(status, wheel)
    assert status.currentData() == "in_progress"
    assert setup.steps == 0


@OFFSCREEN_POPUP
def test_add_and_remove_a_link(qtbot: QtBot, setup: Setup) -> None:
    links = setup.editor.form.links
    links.type_combo.setFocus()
    QTest.keyClick(links.type_combo, Qt.Key.Key_Down)
    assert links.type_combo.currentData() == "blocks"
    type_text(qtbot, links.target, "客户查")
    completions = links.target.completer().model()
    shown = [completions.index(i, 0).data() for i in range(completions.rowCount())]
    assert any(s.startswith("CRM-") and "客户查" in s for s in shown)
    retype(qtbot, links.target, "crm-5", enter=False)
    QTest.mouseClick(links.add_button, Qt.MouseButton.LeftButton)

    rows = setup.session.project.links_of(setup.uid("CRM-2"))
    added = [r for r in rows if r.other_uid == setup.uid("CRM-5")]
    assert len(added) == 1 and added[0].type == "blocks" and added[0].outgoing
    assert setup.steps == 1
    assert links.list.topLevelItemCount() == 2
    assert links.target.text() == ""

    row = next(
        top_item(links.list, i) for i in range(2) if "CRM-5" in top_item(links.list, i).text(1)
    )
    assert row.text(0) == "blocks"
    links.list.setCurrentItem(row)
    QTest.mouseClick(links.remove_button, Qt.MouseButton.LeftButton)
    rows = setup.session.project.links_of(setup.uid("CRM-2"))
    assert [r.other_key for r in rows] == ["CRM-28"]
    assert links.list.topLevelItemCount() == 1
    assert setup.steps == 2
    setup.session.undo_stack.undo()
    assert links.list.topLevelItemCount() == 2


@OFFSCREEN_POPUP
def test_a_link_that_cannot_be_made_is_explained(qtbot: QtBot, setup: Setup) -> None:
    links = setup.editor.form.links
    retype(qtbot, links.target, "没有这个需求")
    assert "No requirement matches" in setup.editor.form.message.text()
    retype(qtbot, links.target, "crm-2")
    assert "cannot be linked to itself" in setup.editor.form.message.text()
    retype(qtbot, links.target, "客户")
    assert "Several requirements match" in setup.editor.form.message.text()
    retype(qtbot, links.target, "CRM-28", enter=False)
    links.type_combo.setCurrentIndex(links.type_combo.findData("relates_to"))
    with qtbot.waitSignal(setup.session.failed):
        QTest.mouseClick(links.add_button, Qt.MouseButton.LeftButton)  # already linked so
    assert setup.steps == 0


# -- following the project -------------------------------------------------------------
def test_follows_changes_made_elsewhere(setup: Setup) -> None:
    form = setup.editor.form
    uid = setup.uid("CRM-2")
    setup.session.push(Update("requirement", uid, {"owner": "张伟", "kano": "delighter"}))
    assert form.owner.currentText() == "张伟" and form.kano.currentData() == "delighter"
    v1 = setup.session.project.releases()[0]
    setup.session.push(Update("release", v1.uid, {"name": "v1.0 GA"}))
    assert form.release.currentText() == "v1.0 GA"
    setup.session.push(Remove((("release", v1.uid),)))
    assert form.release.currentText() == "—" and form.release.findText("v1.0 GA") < 0
    setup.session.undo_stack.undo()
    assert form.release.currentText() == "v1.0 GA"
    setup.session.push(Remove((("requirement", setup.uid("CRM-1")),)))  # CRM-2's parent
    assert setup.editor.current_uid is None and form.pages.currentIndex() == 0


def test_typing_is_not_clobbered_by_an_outside_change(qtbot: QtBot, setup: Setup) -> None:
    title = setup.editor.form.title
    retype(qtbot, title, "我正在输入", enter=False)
    setup.session.push(Update("requirement", setup.uid("CRM-2"), {"title": "别处改的"}))
    assert title.text() == "我正在输入"
    setup.editor.show_requirement(setup.uid("CRM-2"))  # selected again: still not clobbered
    assert title.text() == "我正在输入"
    QTest.keyClick(title, Qt.Key.Key_Return)
    assert setup.values()["title"] == "我正在输入"
    assert setup.steps == 2


def test_switching_requirement_commits_unfinished_typing(qtbot: QtBot, setup: Setup) -> None:
    retype(qtbot, setup.editor.form.title, "改名未回车", enter=False)
    setup.editor.show_requirement(setup.uid("CRM-3"))
    assert setup.values("CRM-2")["title"] == "改名未回车"
    assert setup.editor.form.title.text() == "客户概览卡片"
    assert setup.steps == 1


def test_preview_renders_markdown_safely(qtbot: QtBot, setup: Setup) -> None:
    description = setup.editor.form.description
    setup.session.push(
        Update("requirement", setup.uid("CRM-2"), {"description": "**重点** <b>原样</b>"})
    )
    with qtbot.waitSignal(description.preview_rendered):
        QTest.mouseClick(description.preview_button, Qt.MouseButton.LeftButton)
    assert description.stack.currentWidget() is description.preview
    assert description.preview.toPlainText() == "重点 <b>原样</b>"
    QTest.mouseClick(description.edit_button, Qt.MouseButton.LeftButton)
    assert description.stack.currentWidget() is description.text


def test_spin_box_typing_keeps_one_step_per_commit(qtbot: QtBot, setup: Setup) -> None:
    confidence = setup.editor.form.rice.confidence
    assert confidence.buttonSymbols() != QAbstractSpinBox.ButtonSymbols.NoButtons
    retype(qtbot, confidence, "50")
    setup.editor.form.title.setFocus()
    assert setup.values()["rice"]["confidence"] == 0.5
    assert setup.steps == 1


# -- looks -----------------------------------------------------------------------------
def test_renders_the_sample_requirement(setup: Setup) -> None:
    setup.editor.form.title.clearFocus()
    image = setup.editor.grab()
    assert image.save("/tmp/detail_editor.png")
    assert image.width() == 560


def test_preview_renders_off_the_gui_thread_and_shows_the_latest_text(
    qtbot: QtBot, setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pmdesk.app.details.description as module

    threads: list[threading.Thread] = []

    def recording(source: str, expand: Expand | None, *, language: str = "zh") -> str:
        threads.append(threading.current_thread())
        return render_html(source, expand, language=language)

    monkeypatch.setattr(module, "render_html", recording)
    description = setup.editor.form.description
    QTest.mouseClick(description.preview_button, Qt.MouseButton.LeftButton)
    setup.session.push(Update("requirement", setup.uid("CRM-2"), {"description": "第一版"}))
    with qtbot.waitSignal(description.preview_rendered, timeout=5000):
        setup.session.push(Update("requirement", setup.uid("CRM-2"), {"description": "*第二版*"}))
    qtbot.waitUntil(lambda: description.preview.toPlainText() == "第二版")
    assert threads and threading.main_thread() not in threads


def test_priority_and_kano_can_be_not_assessed(qtbot: QtBot, setup: Setup) -> None:
    """Issue 13: a new requirement has neither; Home picks "Not assessed" again."""
    form = setup.editor.form
    assert form.priority.itemText(0) == "Not assessed" and form.priority.itemData(0) is None
    assert form.kano.itemText(0) == "Not assessed"
    form.priority.setFocus()
    QTest.keyClick(form.priority, Qt.Key.Key_Home)
    assert setup.values()["priority"] is None
    form.kano.setFocus()
    QTest.keyClick(form.kano, Qt.Key.Key_Home)
    assert setup.values()["kano"] is None and setup.steps == 2
    setup.session.undo_stack.undo()
    setup.session.undo_stack.undo()
    assert (setup.values()["priority"], setup.values()["kano"]) == ("must", "basic")
    # A new requirement starts unassessed, and the details say so.
    uid = str(uuid.uuid4())
    setup.session.push(Create("requirement", uid, {"title": "新需求"}))
    setup.editor.show_requirement(uid)
    assert (form.priority.currentText(), form.kano.currentText()) == (
        "Not assessed",
        "Not assessed",
    )
