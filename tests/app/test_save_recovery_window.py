"""The window's side of issue 11: recovered edits are unsaved edits (item 5),
and an older copy a sync tool put back is never merged as deletions (item 2).
Real files, a real killed process, two users with their own data folders."""

from __future__ import annotations

import os
import shutil
import signal
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.core.ops import Create, Update
from pmdesk.core.project_save import save_merging
from pmdesk.core.storage.workingcopy import WorkingCopy, find_recoverable
from tests.app.conftest import Answers, open_sync, watcher, ws
from tests.core.merge_helpers import by_key, requirements

FIVE = [f"Bo's requirement {n}" for n in range(1, 6)]


def titles(path: Path) -> set[str]:
    return {str(r["title"]) for r in requirements(path).values()}


def killed_while_editing(target: Path, data_dir: Path, title: str) -> None:
    """A pmdesk process opens `target`, makes one edit and is killed."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - killed inside
        try:
            wc = WorkingCopy.open(target, data_dir=data_dir)
            wc.apply(Create("requirement", str(uuid.uuid4()), {"title": title}))
            os.kill(os.getpid(), signal.SIGKILL)
        finally:
            os._exit(70)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_recovered_edits_are_unsaved_until_saved(
    window: MainWindow, sample: Path, answers: Answers, data_dir: Path
) -> None:
    killed_while_editing(sample.resolve(), data_dir, "崩溃前的需求")
    open_sync(window, sample)
    assert "recover" in answers.asked
    assert window.isWindowModified()
    assert window.save_state_label.text() == "Unsaved changes"

    # Close asks; Cancel keeps everything open and recoverable.
    answers.save_changes = QMessageBox.StandardButton.Cancel
    assert not window.close_project()
    assert answers.asked.count("save") == 1
    assert window.workspace is not None

    # Quitting asks too; Save publishes the recovered edit.
    answers.save_changes = QMessageBox.StandardButton.Save
    window.close()
    assert answers.asked.count("save") == 2
    assert "崩溃前的需求" in titles(sample)
    assert find_recoverable(data_dir) == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_undoing_after_recovery_leaves_the_recovered_edits_unsaved(
    window: MainWindow, sample: Path, answers: Answers, data_dir: Path
) -> None:
    killed_while_editing(sample.resolve(), data_dir, "崩溃前的需求")
    open_sync(window, sample)
    answers.save_changes = QMessageBox.StandardButton.Cancel
    assert not window.close_project()
    # Undoing a later edit does not make the recovered ones saved.
    assert window.workspace is not None
    ws(window).tree_pane.view.new_sibling()
    window.commands.undo.trigger()
    assert window.isWindowModified()
    assert ws(window).session.working_copy.unsaved_edits() == 3  # recovered, created, undone


def bo_adds_five(sample: Path, tmp_path: Path) -> None:
    bo = WorkingCopy.open(sample, data_dir=tmp_path / "bo", user="Bo", access="edit_anyway")
    parent = str(by_key(sample)["CRM-1"]["uid"])
    for title in FIVE:
        bo.apply(Create("requirement", str(uuid.uuid4()), {"title": title}, parent=parent))
    save_merging(bo)
    bo.close()


def put_back(older: Path, target: Path) -> None:
    download = target.with_name(".sync-download.tmp")
    shutil.copyfile(older, download)
    os.replace(download, target)


def edit_title(window: MainWindow, sample: Path, key: str, title: str) -> None:
    assert window.workspace is not None
    uid = str(by_key(sample)[key]["uid"])
    assert ws(window).session.push(Update("requirement", uid, {"title": title}))


def test_save_over_an_older_copy_keeps_everything_and_says_so(
    window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    older = tmp_path / "older.pmdesk"
    shutil.copyfile(sample, older)
    bo_adds_five(sample, tmp_path)
    open_sync(window, sample)
    edit_title(window, sample, "CRM-3", "Anna's title")
    put_back(older, sample)

    assert window.save()
    assert set(FIVE) | {"Anna's title"} <= titles(sample)
    assert answers.conflicts == [] and answers.errors == []
    said = (
        "crm.pmdesk had been replaced by an older copy; your version, with everything in "
        "it, is saved again."
    )
    assert window.notice_bar.isVisible() and window.notice_bar.text.text() == said
    assert not window.notice_bar.merge_button.isVisible()  # nothing to merge
    assert window.statusBar().currentMessage() == f"Saved crm.pmdesk — {said}"
    assert not window.isWindowModified()


def test_an_older_copy_noticed_in_the_window_is_offered_saving_not_merging(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    older = tmp_path / "older.pmdesk"
    shutil.copyfile(sample, older)
    open_sync(window, sample)
    assert ws(window).watcher is not None
    bo_adds_five(sample, tmp_path)
    assert watcher(window).check()
    QTest.mouseClick(window.notice_bar.merge_button, Qt.MouseButton.LeftButton)
    assert FIVE[0] in titles(ws(window).session.working_copy.work_path)
    edit_title(window, sample, "CRM-3", "Anna's title")
    put_back(older, sample)

    # Noticed: the bar says what happened and offers Save, not a merge.
    assert watcher(window).check()
    assert window.notice_bar.isVisible()
    assert "older copy" in window.notice_bar.text.text()
    assert window.notice_bar.merge_button.text() == "&Save Now"
    # Merge Now (had it been clicked before the file changed) deletes nothing.
    assert not window.merge_now()
    assert FIVE[0] in titles(ws(window).session.working_copy.work_path)
    assert window.notice_bar.merge_button.text() == "&Save Now"
    QTest.mouseClick(window.notice_bar.merge_button, Qt.MouseButton.LeftButton)
    assert set(FIVE) | {"Anna's title"} <= titles(sample)
    assert answers.conflicts == [] and answers.errors == []
    assert not window.isWindowModified()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_recovered_untitled_project_asks_where_to_save(
    window: MainWindow, answers: Answers, data_dir: Path, tmp_path: Path
) -> None:
    # File ▸ New, an edit, then pmdesk dies: the project was never saved anywhere.
    from pmdesk.app.opening import untitled_path

    untitled = untitled_path(data_dir, "blank")
    killed_while_editing(untitled.resolve(), data_dir, "还没保存过的需求")
    open_sync(window, untitled)
    assert "recover" in answers.asked and window.isWindowModified()

    # Save asks where, as it did before the crash, and the project lives on there.
    answers.save_path = tmp_path / "chosen" / "plan.pmdesk"
    answers.save_path.parent.mkdir()
    assert window.save()
    assert "save_path" in answers.asked
    assert "还没保存过的需求" in titles(answers.save_path)
    assert window.workspace is not None and ws(window).session.path == answers.save_path.resolve()
    assert not untitled.exists()
    assert answers.save_path.resolve() in [p.resolve() for p in window.settings.recent_files]
    assert not any(p.is_relative_to(data_dir) for p in window.settings.recent_files)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_start_without_a_file_later_on_untitled_work_opens_the_last_project(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, data_dir: Path
) -> None:
    """Unsaved work of a project never saved (File ▸ New) has no saved file to
    show: Later, asked once, opens the last project for editing and keeps the work."""
    from pmdesk.app import dialogs
    from pmdesk.app.launch import start
    from pmdesk.app.opening import untitled_path

    untitled = untitled_path(data_dir, "blank")
    killed_while_editing(untitled.resolve(), data_dir, "还没保存过的需求")
    window.settings.add_recent(sample)
    answers.recover = dialogs.LATER
    with qtbot.waitSignal(window.project_opened, timeout=10_000):
        start(window, None, "en")
    assert answers.asked == ["recover"]
    assert ws(window).path == sample.resolve() and not ws(window).read_only
    assert window.close_project()
    assert [r.target for r in find_recoverable(data_dir)] == [untitled.resolve()]
