"""A colleague saves the project while it is open in the window: the window
notices, offers to merge, merges on Save, puts conflicts to the user, and the
merge is one undo step. Real files, two users, two data folders."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.core.merge.three_way import Conflict, Resolution
from pmdesk.core.ops import Create, Update
from pmdesk.core.project_save import save_merging
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.app.conftest import Answers, open_sync, watcher, ws
from tests.app.test_main_window import type_title
from tests.core.merge_helpers import by_key, requirements

TITLE = 3  # the tree model's title column in row_values


def colleague_saves(sample: Path, tmp_path: Path, key: str, values: dict[str, object]) -> None:
    """Wang, on another laptop, opens the shared file, edits and saves."""
    wang = WorkingCopy.open(sample, data_dir=tmp_path / "wang", user="Wang", access="edit_anyway")
    try:
        wang.apply(Update("requirement", str(by_key(sample)[key]["uid"]), values))
        save_merging(wang)
    finally:
        wang.close()


def rename_in_tree(qtbot: QtBot, window: MainWindow, uid: str, title: str) -> None:
    assert window.workspace is not None
    view = ws(window).tree_pane.view
    view.setFocus()
    view.select_uid(uid)
    QTest.keyClick(view, Qt.Key.Key_F2)
    type_title(qtbot, window, title)


def test_a_colleagues_save_is_offered_merged_and_undoable(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    open_sync(window, sample)
    assert ws(window).watcher is not None
    model = ws(window).tree_pane.model
    mine_uid, their_uid = by_key(sample)["CRM-3"]["uid"], by_key(sample)["CRM-4"]["uid"]
    rename_in_tree(qtbot, window, mine_uid, "我的标题")
    colleague_saves(sample, tmp_path, "CRM-4", {"title": "王的标题"})

    assert watcher(window).check()
    assert window.notice_bar.isVisible()
    assert "Wang" in window.notice_bar.text.text()
    QTest.mouseClick(window.notice_bar.merge_button, Qt.MouseButton.LeftButton)
    assert not window.notice_bar.isVisible()
    assert model.row_values(their_uid)[TITLE] == "王的标题"
    assert model.row_values(mine_uid)[TITLE] == "我的标题"
    assert window.commands.undo.text() == "&Undo Merge changes by Wang"
    assert window.statusBar().currentMessage() == "Merged the changes by Wang; items changed: 1."

    # Ctrl+S publishes both people's work.
    QTest.keyClick(ws(window).tree_pane.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    rows = by_key(sample)
    assert (rows["CRM-3"]["title"], rows["CRM-4"]["title"]) == ("我的标题", "王的标题")
    assert not window.isWindowModified()

    # The merge is one undo step: undoing it takes their change out again.
    QTest.keyClick(ws(window).tree_pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.row_values(their_uid)[TITLE] != "王的标题"
    assert model.row_values(mine_uid)[TITLE] == "我的标题"


def test_save_merges_and_asks_about_a_conflict(
    qtbot: QtBot, window: MainWindow, answers: Answers, sample: Path, tmp_path: Path
) -> None:
    open_sync(window, sample)
    assert window.workspace is not None
    uid = by_key(sample)["CRM-3"]["uid"]
    rename_in_tree(qtbot, window, uid, "我的标题")
    colleague_saves(sample, tmp_path, "CRM-3", {"title": "王的标题", "owner": "王"})
    colleagues_file = sample.read_bytes()

    answers.resolutions = None  # the user cancels the conflict dialog: nothing saved
    assert window.save() is False
    assert window.statusBar().currentMessage().startswith("Not saved")
    assert [(c.label, c.field) for c in answers.conflicts] == [("CRM-3", "title")]
    assert sample.read_bytes() == colleagues_file
    assert ws(window).tree_pane.model.row_values(uid)[TITLE] == "我的标题"
    assert window.isWindowModified()

    conflict = answers.conflicts[0]
    answers.resolutions = {conflict.id: "theirs"}
    assert window.save() is True
    rows = by_key(sample)
    assert (rows["CRM-3"]["title"], rows["CRM-3"]["owner"]) == ("王的标题", "王")
    assert ws(window).tree_pane.model.row_values(uid)[TITLE] == "王的标题"
    assert window.workspace is not None


def test_nothing_is_offered_for_our_own_save(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    assert ws(window).watcher is not None
    rename_in_tree(qtbot, window, by_key(sample)["CRM-3"]["uid"], "改名")
    assert window.save()
    assert not watcher(window).check()
    assert not window.notice_bar.isVisible()


def test_read_only_window_shows_a_colleagues_save(
    qtbot: QtBot, window: MainWindow, answers: Answers, sample: Path, tmp_path: Path
) -> None:
    from pmdesk.core.storage.lockfile import lock_path

    lock_path(sample).write_text(
        '{"user": "Wang", "host": "wang-laptop", "pid": 1, "time": "2027-01-05T09:30:00"}',
        encoding="utf-8",
    )
    open_sync(window, sample)  # asked: Open Read-Only is the default answer
    assert window.workspace is not None and ws(window).session.read_only
    assert ws(window).watcher is not None
    colleague_saves(sample, tmp_path, "CRM-4", {"title": "王的标题"})
    assert watcher(window).check()
    assert window.notice_bar.merge_button.text() == "&Show It"
    assert window.notice_bar.text.text().endswith("Show it now?")
    QTest.mouseClick(window.notice_bar.merge_button, Qt.MouseButton.LeftButton)
    uid = by_key(sample)["CRM-4"]["uid"]
    assert ws(window).tree_pane.model.row_values(uid)[TITLE] == "王的标题"
    assert ws(window).session.undo_stack.count() == 0  # nothing of ours to undo
    assert window.statusBar().currentMessage() == "Now showing the version Wang saved."
    assert ws(window).session.working_copy.unsaved_edits() == 0
    assert not watcher(window).check()  # that version is the one shown now


def test_long_merge_work_shows_progress_and_its_errors_reach_the_caller(
    qtbot: QtBot, window: MainWindow
) -> None:
    import time

    from PySide6.QtWidgets import QProgressDialog

    from pmdesk.app import sharing
    from pmdesk.core.errors import PmdeskError

    seen: list[bool] = []

    def slow() -> int:
        time.sleep(sharing.BUSY_DIALOG_MS / 1000 + 0.4)
        return 42

    def look() -> None:
        seen.append(any(d.isVisible() for d in window.findChildren(QProgressDialog)))

    from PySide6.QtCore import QTimer

    QTimer.singleShot(sharing.BUSY_DIALOG_MS + 200, look)
    assert sharing.run_busy(window, "Merging…", slow) == 42
    assert seen == [True]
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))

    def failing() -> int:
        raise PmdeskError("merge.stale")

    with pytest.raises(PmdeskError, match="no longer fits"):
        sharing.run_busy(window, "Merging…", failing)


def test_a_merge_keeps_the_caret_and_the_typing_in_the_document(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    open_sync(window, sample)
    pane = ws(window).document_pane
    assert ws(window).watcher is not None
    editor = pane.editor
    editor.setFocus()
    body = editor.toPlainText()
    assert len(body) > 40
    cursor = editor.textCursor()
    cursor.setPosition(30)
    editor.setTextCursor(cursor)
    QTest.keyClicks(editor, "XY")  # typing, not yet committed by the pause
    colleague_saves(sample, tmp_path, "CRM-4", {"title": "王的标题"})
    assert watcher(window).check()
    assert window.merge_now()
    assert editor.toPlainText() == body[:30] + "XY" + body[30:]  # committed, not lost
    assert editor.textCursor().position() == 32  # the caret stays where the user typed


def test_the_poll_survives_a_share_that_went_away(
    window: MainWindow, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os
    import pathlib

    open_sync(window, sample)
    assert ws(window).watcher is not None
    real_stat = pathlib.Path.stat

    def unmounted(self: pathlib.Path, *, follow_symlinks: bool = True) -> os.stat_result:
        if self == sample or self.parent == sample:
            raise OSError(errno.EIO, "Input/output error", str(self))  # a stale share
        return real_stat(self, follow_symlinks=follow_symlinks)

    watcher(window).stop()  # watch nothing: the poll looks again
    monkeypatch.setattr(pathlib.Path, "stat", unmounted)
    assert watcher(window).check() is False  # no exception out of the timer's slot
    assert not window.notice_bar.isVisible()


def test_merge_now_after_the_file_went_away_says_so(
    window: MainWindow, answers: Answers, sample: Path, tmp_path: Path
) -> None:
    open_sync(window, sample)
    assert ws(window).watcher is not None
    colleague_saves(sample, tmp_path, "CRM-4", {"title": "王的标题"})
    assert watcher(window).check()
    sample.unlink()  # the share was disconnected, or the file moved away
    assert window.merge_now() is False
    assert len(answers.errors) == 1 and "crm.pmdesk" in answers.errors[0]
    assert window.workspace is not None


def test_a_project_saved_from_untitled_notices_a_colleagues_save(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    window.new_project("prd-zh")
    assert window.workspace is not None and ws(window).untitled and ws(window).watcher is None
    target = tmp_path / "shared" / "plan.pmdesk"
    target.parent.mkdir()
    answers.save_path = target
    assert window.save()
    assert ws(window).watcher is not None  # watched from now on, like an opened file
    wang = WorkingCopy.open(target, data_dir=tmp_path / "wang", user="Wang", access="edit_anyway")
    try:
        import uuid

        from pmdesk.core.ops import Create

        wang.apply(Create("section", str(uuid.uuid4()), {"title": "王的章节"}))
        save_merging(wang)
    finally:
        wang.close()
    assert watcher(window).check()
    assert window.notice_bar.isVisible()


def test_closing_the_window_while_conflicts_are_asked_waits_for_the_merge(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pmdesk.app import dialogs

    open_sync(window, sample)
    uid = by_key(sample)["CRM-3"]["uid"]
    rename_in_tree(qtbot, window, uid, "我的标题")
    colleague_saves(sample, tmp_path, "CRM-3", {"title": "王的标题"})
    closed: list[bool] = []

    def resolve(
        _parent: QWidget, conflicts: list[Conflict], *_: object
    ) -> dict[str, Resolution] | None:
        # Quit from the Dock / the session ending while the dialog is up.
        closed.append(window.close())
        return {conflicts[0].id: "theirs"}

    monkeypatch.setattr(dialogs, "resolve_conflicts", resolve)
    assert window.merge_now()
    assert closed == [False]  # refused while the merge is under way
    assert window.workspace is not None
    assert ws(window).tree_pane.model.row_values(uid)[TITLE] == "王的标题"


def test_a_merge_into_a_saved_project_leaves_nothing_to_save_and_keeps_rows_open(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    open_sync(window, sample)
    assert window.workspace is not None
    view, model = ws(window).tree_pane.view, ws(window).tree_pane.model
    crm1 = by_key(sample)["CRM-1"]["uid"]
    view.expand(model.index_of(crm1))
    colleague_saves(sample, tmp_path, "CRM-4", {"title": "王的标题"})
    assert window.merge_now()
    assert not window.isWindowModified()  # the project is exactly their file now
    assert ws(window).session.working_copy.unsaved_edits() == 0
    assert view.isExpanded(model.index_of(crm1))  # the tree did not fold up
    assert model.row_values(by_key(sample)["CRM-4"]["uid"])[TITLE] == "王的标题"


def test_a_copy_mailed_back_is_merged_from_the_file_menu(
    qtbot: QtBot, window: MainWindow, answers: Answers, sample: Path, tmp_path: Path
) -> None:
    """李 mails the saved project, keeps working; 王 edits the copy and mails it
    back; File ▸ Merge a Copy finds the version both started from and merges."""
    import shutil

    from tests.core.merge_helpers import edit

    open_sync(window, sample)
    assert window.workspace is not None
    model = ws(window).tree_pane.model
    rows = by_key(sample)
    crm3, crm4 = rows["CRM-3"]["uid"], rows["CRM-4"]["uid"]
    sent = tmp_path / "mail" / "crm.pmdesk"
    sent.parent.mkdir()
    shutil.copyfile(sample, sent)  # as opened: the version both start from
    rename_in_tree(qtbot, window, crm3, "李的标题")
    edit(sent, "Wang", Update("requirement", crm4, {"title": "王的标题"}))

    answers.copy_path = sent
    window.commands.merge_copy.trigger()
    assert answers.asked[-1] == "copy_path"
    assert model.row_values(crm4)[TITLE] == "王的标题"
    assert model.row_values(crm3)[TITLE] == "李的标题"
    assert window.commands.undo.text() == "&Undo Merge copy crm.pmdesk"
    assert window.isWindowModified()  # merged into the working copy; Save publishes it
    assert window.save()
    on_file = by_key(sample)
    assert (on_file["CRM-3"]["title"], on_file["CRM-4"]["title"]) == ("李的标题", "王的标题")


def test_merging_a_copy_of_another_project_says_so(
    window: MainWindow, answers: Answers, sample: Path, tmp_path: Path
) -> None:
    from pmdesk.core.storage.projectfile import new_project

    open_sync(window, sample)
    other = tmp_path / "other.pmdesk"
    new_project(other, title="Another")
    assert window.merge_copy(other) is False
    assert answers.errors[-1].endswith("are not copies of one project, so they cannot be merged.")


def test_undoing_a_saved_merge_warns_and_offers_redo(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    open_sync(window, sample)
    assert window.workspace is not None
    model, view = ws(window).tree_pane.model, ws(window).tree_pane.view
    uid = by_key(sample)["CRM-4"]["uid"]
    rename_in_tree(qtbot, window, by_key(sample)["CRM-3"]["uid"], "李的标题")
    colleague_saves(sample, tmp_path, "CRM-4", {"title": "王的标题"})
    assert window.merge_now() and window.save()
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the merge
    assert model.row_values(uid)[TITLE] != "王的标题"
    assert window.notice_bar.isVisible()
    assert "saving now takes them out of it again" in window.notice_bar.text.text()
    assert "Wang" in window.notice_bar.text.text()
    assert window.notice_bar.merge_button.text() == "&Redo the Merge"
    QTest.mouseClick(window.notice_bar.merge_button, Qt.MouseButton.LeftButton)
    assert model.row_values(uid)[TITLE] == "王的标题"
    assert not window.notice_bar.isVisible()
    assert not window.isWindowModified()  # back at the saved state

    # A colleague's save is in the file even before we save the merge: warned too.
    colleague_saves(sample, tmp_path, "CRM-4", {"title": "王的第二个标题"})
    assert window.merge_now()
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.notice_bar.isVisible()


def test_save_says_which_of_our_new_requirements_were_renumbered(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, answers: Answers
) -> None:
    # Both add a requirement; Wang saves first and takes the next key.
    open_sync(window, sample)
    assert window.workspace is not None
    mine = str(uuid.uuid4())
    assert ws(window).session.push(Create("requirement", mine, {"title": "我的新需求"}))
    work = ws(window).session.working_copy.work_path
    my_key = requirements(work)[mine]["key"]
    wang = WorkingCopy.open(sample, data_dir=tmp_path / "wang", user="Wang", access="edit_anyway")
    try:
        wang.apply(Create("requirement", str(uuid.uuid4()), {"title": "王的新需求"}))
        save_merging(wang)
    finally:
        wang.close()
    assert by_key(sample)[my_key]["title"] == "王的新需求"  # Wang has that key now

    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    new_key = requirements(work)[mine]["key"]
    assert new_key != my_key and by_key(sample)[new_key]["title"] == "我的新需求"
    renumbered = f"Your new requirements were renumbered: {my_key} → {new_key}."
    # Seen after the save, not overwritten by "Saved": in the status bar and,
    # until dismissed, in the bar above the document.
    assert window.statusBar().currentMessage().startswith("Saved crm.pmdesk")
    assert renumbered in window.statusBar().currentMessage()
    assert window.notice_bar.isVisible() and renumbered in window.notice_bar.text.text()
    assert answers.errors == []
