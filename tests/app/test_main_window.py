"""The real main window driven by keys, clicks and drops; results read back from disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.settings import AppSettings
from pmdesk.app.tree.maps import PRIORITY
from pmdesk.app.tree.model import Column
from pmdesk.core.snapshot.convert import Json, export_snapshot
from pmdesk.core.storage.projectfile import open_readonly
from tests.app.conftest import Answers, open_sync, ws
from tests.app.filter_helpers import OFFSCREEN_POPUP, pick
from tests.app.keyboard import type_text


def on_disk(path: Path) -> Json:
    store = open_readonly(path)
    try:
        return export_snapshot(store)
    finally:
        store.dispose()


Titles = list["str | tuple[str, Titles]"]  # a leaf's title, or a title and its children's


def titles(nodes: list[Json]) -> Titles:
    return [(n["title"], titles(n["children"])) if n["children"] else n["title"] for n in nodes]


def type_title(qtbot: QtBot, window: MainWindow, text: str) -> None:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "no inline editor opened"
    editor.selectAll()
    type_text(qtbot, editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes the editor through queued calls.
    view = ws(window).tree_pane.view
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)


def test_opens_sample_with_tree_details_document(window: MainWindow, sample: Path) -> None:
    open_sync(window, sample)
    assert window.workspace is not None
    assert ws(window).tree_pane.model.count() == 45
    assert window.windowTitle() == "crm.pmdesk[*] — pmdesk"
    assert not window.isWindowModified()
    assert ws(window).document_pane.sections.count() == 11
    assert "45" in window.counts_label.text()


def test_new_project_keyboard_editing_save_and_reopen(
    qtbot: QtBot, window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    window.new_project("blank")
    assert window.workspace is not None
    view = ws(window).tree_pane.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Return)  # first requirement
    type_title(qtbot, window, "登录")
    QTest.keyClick(view, Qt.Key.Key_Return)  # a sibling
    type_title(qtbot, window, "扫码登录")
    QTest.keyClick(view, Qt.Key.Key_Tab)  # indent under 登录
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # child
    type_title(qtbot, window, "二维码过期")
    assert window.isWindowModified()
    QTest.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # outdent
    QTest.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # move up
    stack = ws(window).session.undo_stack
    assert stack.undoText().startswith("Move")
    answers.save_path = tmp_path / "login.pmdesk"
    QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert answers.asked[-1] == "save_path"
    assert not window.isWindowModified()
    snap = on_disk(tmp_path / "login.pmdesk")
    assert titles(snap["requirements"]) == [("登录", ["二维码过期", "扫码登录"])]
    assert [n["key"] for n in snap["requirements"]] == ["REQ-1"]
    assert snap["history"] and snap["history"][-1]["by"] == "测试员"


def test_undo_redo_through_the_window(qtbot: QtBot, window: MainWindow, sample: Path) -> None:
    open_sync(window, sample)
    view = ws(window).tree_pane.view
    view.setFocus()
    first = ws(window).tree_pane.model.children_of(None)[0]
    view.select_uid(first)
    QTest.keyClick(view, Qt.Key.Key_F2)
    type_title(qtbot, window, "客户档案（改）")
    assert window.commands.undo.text() == "&Undo Rename CRM-1"
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws(window).tree_pane.model.row_values(first)[3] == "客户档案管理"
    QTest.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert ws(window).tree_pane.model.row_values(first)[3] == "客户档案（改）"
    assert window.isWindowModified()
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()  # back at the saved state


def test_delete_subtree_asks_and_undo_restores(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    open_sync(window, sample)
    model = ws(window).tree_pane.model
    view = ws(window).tree_pane.view
    epic = model.children_of(None)[0]
    view.setFocus()
    view.select_uid(epic)
    answers.confirm_delete = False
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert answers.asked[-1] == "delete" and model.count() == 45
    answers.confirm_delete = True
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert model.count() < 45
    window.commands.undo.trigger()
    assert model.count() == 45 and model.children_of(None)[0] == epic


def test_drag_and_drop_reparents_and_refuses_own_subtree(window: MainWindow, sample: Path) -> None:
    open_sync(window, sample)
    model = ws(window).tree_pane.model
    epics = model.children_of(None)
    feature = model.children_of(epics[0])[0]
    mime = model.mimeData([model.index_of(feature)])
    # Into its own subtree: refused.
    child = model.children_of(feature)[0]
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index_of(child))
    # Onto the second epic: becomes its last child, as one undo step.
    assert (
        model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index_of(epics[1]))
        is False
    )
    assert model.parent_uid(feature) == epics[1]
    assert model.children_of(epics[1])[-1] == feature
    window.commands.undo.trigger()
    assert model.parent_uid(feature) == epics[0]


def test_filter_keeps_ancestors(qtbot: QtBot, window: MainWindow, sample: Path) -> None:
    open_sync(window, sample)
    pane = ws(window).tree_pane
    pane.search.setText("健康度趋势")  # in one title, nowhere else
    pane.apply_filter()
    model = pane.view.model()
    top = [model.index(r, 0) for r in range(model.rowCount())]
    assert len(top) == 1  # only the epic that holds the match
    shown = model.data(top[0])
    assert shown.startswith("CRM-")
    pane.search.clear()
    pane.apply_filter()
    assert model.rowCount() == 6


@OFFSCREEN_POPUP
def test_priority_filter_finds_what_is_not_assessed(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    pane = ws(window).tree_pane
    pane.view.new_sibling()  # a new requirement starts not assessed
    new_uid = pane.view.current_uid()
    pick(qtbot, pane.fields["priority"], "Not assessed")
    model = pane.model
    shown = pane.matched_uids()
    assert shown is not None and new_uid in shown
    assert model.index_of(new_uid).row() >= 0  # shown in the tree
    assert all(model.row_values(u)[PRIORITY] is None for u in shown)
    for uid in model.with_ancestors(shown) - shown:  # only as ancestors of a match: muted
        assert model.children_of(uid) and model.is_context(uid)


def test_close_with_changes_asks_and_cancel_keeps_window(
    window: MainWindow, sample: Path, answers: Answers
) -> None:
    from PySide6.QtWidgets import QMessageBox

    open_sync(window, sample)
    ws(window).tree_pane.view.new_sibling()
    answers.save_changes = QMessageBox.StandardButton.Cancel
    assert window.close_project() is False and window.workspace is not None
    answers.save_changes = QMessageBox.StandardButton.Save
    before = sample.read_bytes()
    assert window.close_project() is True
    assert sample.read_bytes() != before
    assert len(on_disk(sample)["requirements"]) == 7


def test_damaged_file_from_open_dialog_shows_a_message(
    window: MainWindow, tmp_path: Path, answers: Answers
) -> None:
    bad = tmp_path / "bad.pmdesk"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    answers.open_path = bad
    window.commands.open.trigger()
    window.tasks.wait()
    QApplication.processEvents()
    assert answers.errors and "bad.pmdesk" in answers.errors[0]
    assert window.workspace is None
    assert bad.read_bytes() == b"SQLite format 3\x00" + b"\x00" * 50


def test_background_open_and_dropping_a_file(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.project_opened, timeout=10_000):
        window.dropEvent(event)
    assert window.workspace is not None and ws(window).session.path == sample.resolve()
    assert window.settings.recent_files[0] == sample.resolve()


def test_crash_recovery_is_offered_on_open(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, data_dir: Path
) -> None:
    import uuid

    from pmdesk.core.ops import Create
    from pmdesk.core.storage.workingcopy import WorkingCopy

    wc = WorkingCopy.open(sample, data_dir=data_dir)
    wc.apply(Create("requirement", str(uuid.uuid4()), {"title": "崩溃前的需求"}))
    wc.store.dispose()
    state = wc.slot / "state.json"
    import json

    data = json.loads(state.read_text())
    data["pid"] = 0  # the process that held it is gone
    state.write_text(json.dumps(data))
    open_sync(window, sample)
    assert "recover" in answers.asked
    model = ws(window).tree_pane.model
    assert model.count() == 46
    assert ws(window).session.working_copy.unsaved_edits() == 1


def test_document_sections_typing_preview_and_undo(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    pane = ws(window).document_pane
    pane.sections.setCurrentRow(4)  # the functional requirements overview
    with qtbot.waitSignal(pane.preview_rendered, timeout=10_000):
        pane.render_preview()
    html = pane.preview.toHtml()
    assert "CRM-2" in html  # the directive became the live requirements table
    assert 'requirements: release="v1.0"' not in pane.preview.toPlainText()
    pane.editor.setFocus()
    pane.editor.moveCursor(pane.editor.textCursor().MoveOperation.End)
    type_text(qtbot, pane.editor, "\n\n<script>alert(1)</script> 新增**重点**")
    with qtbot.waitSignal(pane.preview_rendered, timeout=10_000):
        pass
    preview = pane.preview.toPlainText()
    assert "<script>alert(1)</script>" in preview and "新增重点" in preview
    pane.commit_body()
    stack = ws(window).session.undo_stack
    assert stack.undoText().startswith("Edit section")
    stack.undo()
    assert "新增" not in pane.editor.toPlainText()
    pane.add_section()
    assert pane.sections.count() == 12
    stack.undo()
    assert pane.sections.count() == 11


def test_layout_and_size_are_restored(
    qtbot: QtBot, settings: AppSettings, data_dir: Path, answers: Answers, sample: Path
) -> None:
    first = MainWindow(settings, data_dir)
    qtbot.addWidget(first)
    first.show()
    open_sync(first, sample)
    first.resize(first.width(), 560)  # the offscreen screen is only 800 wide
    first.detail_dock.hide()
    ws(first).tree_pane.view.setColumnHidden(Column.OWNER, True)
    first.close()
    second = MainWindow(settings, data_dir)
    qtbot.addWidget(second)
    second.show()
    open_sync(second, sample)
    assert second.height() == 560
    assert second.detail_dock.isHidden()
    assert ws(second).tree_pane.view.isColumnHidden(Column.OWNER)
    second.close()


def test_start_opens_last_project_else_the_sample(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    from pmdesk.app.launch import start

    with qtbot.waitSignal(window.project_opened, timeout=10_000):
        start(window, None, "en")
    assert window.workspace is not None
    assert ws(window).session.path.parent == window.data_dir / "sample"
    assert ws(window).tree_pane.model.count() == 45
    window.close_project()
    window.settings.add_recent(sample)
    with qtbot.waitSignal(window.project_opened, timeout=10_000):
        start(window, None, "en")
    assert ws(window).session.path == sample.resolve()


def test_new_requirement_and_its_title_are_one_undo_step(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    view = ws(window).tree_pane.view
    model = ws(window).tree_pane.model
    view.setFocus()
    view.select_uid(model.children_of(None)[0])
    QTest.keyClick(view, Qt.Key.Key_Return)
    type_title(qtbot, window, "导出客户清单")
    stack = ws(window).session.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Create CRM-46"
    assert window.selection_label.text() == "CRM-46  导出客户清单"
    stack.undo()
    assert model.count() == 45
    stack.redo()
    new = model.children_of(None)[1]
    assert model.row_values(new)[3] == "导出客户清单"


def test_a_second_open_while_opening_is_ignored(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.pmdesk"
    other.write_bytes(sample.read_bytes())
    with qtbot.waitSignal(window.project_opened, timeout=10_000):
        window.open_project(sample)
        assert not window.commands.open.isEnabled()
        window.open_project(other)  # ignored: one open at a time
    window.tasks.wait()
    QApplication.processEvents()
    assert window.workspace is not None and ws(window).session.path == sample.resolve()
    assert window.commands.open.isEnabled()


def crash_with_one_edit(window: MainWindow, sample: Path) -> None:
    """Open `sample`, add a requirement, and leave as a crashed pmdesk would."""
    import json

    open_sync(window, sample)
    ws(window).tree_pane.view.new_sibling()
    wc = ws(window).session.working_copy
    wc.store.dispose()
    state = wc.slot / "state.json"
    data = json.loads(state.read_text())
    data["pid"] = 0  # as if pmdesk had crashed
    state.write_text(json.dumps(data))
    wc.claim.release(wc.target)  # a dead process's lock would be cleared as stale
    window.lifecycle.workspace = None  # the crashed window is gone
    window.close_project()


def test_recovery_answered_later_keeps_the_work_and_opens_read_only(
    window: MainWindow, sample: Path, answers: Answers, data_dir: Path
) -> None:
    from pmdesk.app import dialogs
    from pmdesk.core.storage.workingcopy import find_recoverable

    crash_with_one_edit(window, sample)
    answers.recover = dialogs.LATER
    answers.asked.clear()
    window.open_project(sample, background=False)
    assert answers.asked == ["recover"]
    assert window.workspace is not None and ws(window).session.read_only
    assert ws(window).tree_pane.model.count() == 45  # the saved file
    assert "unsaved" in window.access_label.text()
    assert [r.unsaved_edits for r in find_recoverable(data_dir)] == [1]
    assert window.close_project()
    assert [r.unsaved_edits for r in find_recoverable(data_dir)] == [1]  # still there
    answers.recover = dialogs.RECOVER  # next time: recovered
    window.open_project(sample, background=False)
    assert window.workspace is not None and not ws(window).session.read_only
    assert ws(window).tree_pane.model.count() == 46


def test_start_asks_about_leftover_work_once_and_later_opens_it_read_only(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, data_dir: Path
) -> None:
    from pmdesk.app import dialogs
    from pmdesk.app.launch import start
    from pmdesk.core.storage.workingcopy import find_recoverable

    crash_with_one_edit(window, sample)
    answers.recover = dialogs.LATER
    for path in (None, sample):  # `pmdesk` (the last project) and `pmdesk crm.pmdesk`
        answers.asked.clear()
        with qtbot.waitSignal(window.project_opened, timeout=10_000):
            start(window, path, "en")
        assert answers.asked == ["recover"]
        assert window.workspace is not None and ws(window).session.path == sample.resolve()
        assert ws(window).session.read_only
        assert window.close_project()
        assert [r.unsaved_edits for r in find_recoverable(data_dir)] == [1]


def test_start_without_a_file_asks_once_and_later_shows_that_project_read_only(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, data_dir: Path, tmp_path: Path
) -> None:
    """`pmdesk` alone, unsaved work left for a project that is not the last one
    opened: Later is asked once and shows that project's saved file read-only
    (as Later does when opening it), keeping the work for the next start."""
    from pmdesk.app import dialogs
    from pmdesk.app.launch import start
    from pmdesk.core.storage.workingcopy import find_recoverable

    crash_with_one_edit(window, sample)
    other = tmp_path / "other.pmdesk"
    other.write_bytes(sample.read_bytes())
    window.settings.add_recent(other)  # the last project is another one
    answers.recover = dialogs.LATER
    answers.asked.clear()
    with qtbot.waitSignal(window.project_opened, timeout=10_000):
        start(window, None, "en")
    assert answers.asked == ["recover"]
    assert window.workspace is not None and ws(window).session.path == sample.resolve()
    assert ws(window).session.read_only
    assert "unsaved" in window.access_label.text()
    assert window.close_project()
    assert [r.unsaved_edits for r in find_recoverable(data_dir)] == [1]


def test_undo_back_to_clean_leaves_nothing_to_recover(
    window: MainWindow, sample: Path, data_dir: Path
) -> None:
    from pmdesk.core.storage.workingcopy import find_recoverable

    open_sync(window, sample)
    ws(window).tree_pane.view.new_sibling()
    window.commands.undo.trigger()
    assert window.close_project()
    assert find_recoverable(data_dir) == []


def test_block_move_shows_the_databases_order(window: MainWindow, sample: Path) -> None:
    from pmdesk.core.ops import MoveBlock

    open_sync(window, sample)
    model = ws(window).tree_pane.model
    y, z = model.children_of(None)[:2]
    b, a = model.children_of(y)[0], model.children_of(z)[0]
    ws(window).session.push(MoveBlock("requirement", (b, a), z, None))
    assert model.children_of(z) == ws(window).session.project.child_order(z)


def test_ctrl_up_down_under_a_filter_moves_past_the_visible_neighbour(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    pane = ws(window).tree_pane
    model, view = pane.model, pane.view
    epic = model.children_of(None)[0]
    must_2, must_5, must_8, could_9 = model.children_of(epic)  # CRM-2, -5, -8 must; -9 could
    view.setFocus()
    view.select_uid(could_9)
    QTest.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert model.children_of(epic) == [must_2, must_5, could_9, must_8]
    pane.fields["priority"].set_values({"must"})  # hides CRM-9
    assert model.shown_children_of(epic) == [must_2, must_5, must_8]
    view.setFocus()
    view.select_uid(must_8)
    QTest.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    # CRM-8 passed CRM-5, its visible neighbour; the hidden CRM-9 stays after CRM-5.
    assert model.children_of(epic) == [must_2, must_8, must_5, could_9]
    assert model.shown_children_of(epic) == [must_2, must_8, must_5]
    assert view.current_uid() == must_8
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # last shown
    assert model.children_of(epic) == [must_2, must_5, must_8, could_9]
    window.save()
    saved = on_disk(sample)["requirements"][0]["children"]
    assert [n["key"] for n in saved] == ["CRM-2", "CRM-5", "CRM-8", "CRM-9"]


def test_new_with_a_project_open_replaces_it_without_a_stray_window(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    from PySide6.QtWidgets import QMessageBox

    open_sync(window, sample)
    ws(window).tree_pane.view.new_sibling()
    answers.save_changes = QMessageBox.StandardButton.Discard
    for template in ("blank", "prd-en"):  # twice: the placeholder goes back and forth
        window.new_project(template)
        qtbot.wait(50)
        assert window.workspace is not None and ws(window).untitled
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert shown == [window], [getattr(w, "text", lambda: "")() for w in shown]
    assert answers.asked == ["save"]  # the changed sample was asked about, once
    assert window.roadmap_dock.widget() is ws(window).roadmap_pane
    window.close_project()
    assert window.roadmap_dock.widget() is window.roadmap_placeholder
    assert window.roadmap_placeholder.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]


def test_starting_with_a_link_that_leads_back_to_itself_says_so(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    """Python 3.11's resolve() raises RuntimeError on a symbolic link loop: the
    window says what the file is instead (followup)."""
    import os

    from pmdesk.app.launch import start

    loop = tmp_path / "loop.pmdesk"
    os.symlink(loop.name, loop)
    start(window, loop, "en")
    assert window.workspace is None
    assert any("is a symbolic link that leads back to itself" in e for e in answers.errors)
    assert window.lifecycle.ask_access(loop) is None  # asked directly: the same sentence, no open
    assert answers.errors[-1].endswith("is a symbolic link that leads back to itself.")


def test_double_clicking_a_link_in_the_details_goes_to_that_requirement(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    """The details' link list leads to the other end: the tree, the details and
    the status bar all show it (the shared selection)."""
    open_sync(window, sample)
    workspace = ws(window)
    model, view = workspace.tree_pane.model, workspace.tree_pane.view
    pending, every = model.children_of(None), []
    while pending:
        uid = pending.pop()
        every.append(uid)
        pending += model.children_of(uid)
    crm2 = next(u for u in every if model.row_values(u)[2] == "CRM-2")
    view.select_uid(crm2)
    links = workspace.detail_editor.form.links.list
    item = links.topLevelItem(0)
    assert item is not None and "CRM-28" in item.text(1)
    links.scrollToItem(item)
    point = links.visualItemRect(item).center()
    QTest.mouseClick(links.viewport(), Qt.MouseButton.LeftButton, pos=point)  # as a hand does
    QTest.mouseDClick(links.viewport(), Qt.MouseButton.LeftButton, pos=point)
    target = view.current_uid()
    assert target is not None and model.row_values(target)[2] == "CRM-28"
    assert workspace.detail_editor.current_uid == target
    assert window.selection_label.text().startswith("CRM-28")
