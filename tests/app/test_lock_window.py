"""Locks in the real window (issue 11): taking over another machine's lock, a
stale lock that cannot be removed, editing beside a lock until it goes, and
full disks, on real files."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pmdesk.app import dialogs
from pmdesk.app.main_window import MainWindow
from pmdesk.core.storage.lockfile import lock_path, read_lock
from tests.app.conftest import Answers, open_sync, ws
from tests.core.disks import fill, small_disk


def write_lock(target: Path, **fields: object) -> bytes:
    data = {"user": "王五", "host": "pm-laptop-7", "pid": 4242, "time": "2027-01-05T09:30:00"}
    data.update(fields)
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    lock_path(target).write_bytes(raw)
    return raw


def test_take_over_another_machines_lock(
    window: MainWindow, sample: Path, answers: Answers
) -> None:
    write_lock(sample)
    answers.locked = dialogs.TAKE_OVER
    open_sync(window, sample)
    assert answers.asked == ["locked"] and answers.errors == []
    session = ws(window).session
    assert not session.read_only
    held = read_lock(sample)
    assert held is not None and held == session.working_copy.claim.owned
    assert held.user == window.settings.user_name and held.host == socket.gethostname()
    assert not window.access_label.isVisible()
    ws(window).tree_pane.view.new_sibling()
    assert window.save()
    assert window.close_project()
    assert not lock_path(sample).exists()


def test_take_over_refused_when_someone_else_took_it_meanwhile(
    window: MainWindow, sample: Path, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_lock(sample)

    def ask_while_someone_takes_it(*args: object) -> str:
        write_lock(sample, user="赵六", host="pm-desktop-2")
        return dialogs.TAKE_OVER

    monkeypatch.setattr(dialogs, "ask_locked", ask_while_someone_takes_it)
    window.open_project(sample, background=False)
    assert window.workspace is None
    assert len(answers.errors) == 1 and "赵六" in answers.errors[0]
    holder = read_lock(sample)
    assert holder is not None and holder.user == "赵六"


def test_a_stale_lock_that_cannot_be_removed_does_not_block_opening(
    window: MainWindow, sample: Path, answers: Answers
) -> None:
    lock_path(sample).mkdir()  # a folder where the lock belongs (no chattr needed)
    open_sync(window, sample)
    assert answers.errors == [] and answers.asked == []
    assert window.workspace is not None and not ws(window).session.read_only
    assert window.access_label.isVisible()
    assert "cannot be removed" in window.access_label.text()
    assert str(lock_path(sample.resolve())) in window.access_label.text()


def test_edit_anyway_gets_the_lock_once_the_holder_closes(
    window: MainWindow, sample: Path, answers: Answers
) -> None:
    write_lock(sample)
    answers.locked = dialogs.EDIT_ANYWAY
    open_sync(window, sample)
    assert "王五" in window.access_label.text()
    window.lifecycle.retake_lock()  # the timer's work: still theirs
    assert ws(window).session.working_copy.claim.owned is None
    lock_path(sample).unlink()  # 王五 closed the project
    window.lifecycle.retake_lock()
    claim = ws(window).session.working_copy.claim
    assert claim.owned is not None and read_lock(sample) == claim.owned
    assert not window.access_label.isVisible()
    assert window.close_project()
    assert not lock_path(sample).exists()


def test_the_timer_takes_the_lock_by_itself(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    write_lock(sample)
    answers.locked = dialogs.EDIT_ANYWAY
    window.lifecycle.lock_timer.setInterval(50)
    open_sync(window, sample)
    lock_path(sample).unlink()
    qtbot.waitUntil(lambda: read_lock(sample) is not None, timeout=5000)
    assert read_lock(sample) == ws(window).session.working_copy.claim.owned


def test_full_data_folder_is_one_sentence_in_the_window(
    window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "small-data") as data:
        window.lifecycle.data_dir = data
        fill(data)
        window.open_project(sample, background=False)
        assert window.workspace is None
        assert answers.errors == [
            f"Cannot open crm.pmdesk: the disk holding your pmdesk data folder ({data}) is full."
        ]
        assert not lock_path(sample).exists()


def test_full_share_opens_for_editing_with_a_warning(
    window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    from pmdesk.core.newproject.sample import write_sample

    with small_disk(tmp_path / "share", size="8m") as share:
        project = share / "crm.pmdesk"
        write_sample(project, "zh")
        filler = fill(share)
        open_sync(window, project)
        session = ws(window).session
        assert not session.read_only
        assert answers.errors == []
        text = window.access_label.text()
        assert "is full" in text and str(share) in text and "read-only" not in text
        assert lock_path(project).exists()  # empty: colleagues see it is open
        filler.unlink()
        window.lifecycle.retake_lock()
        assert read_lock(project) == session.working_copy.claim.owned
        assert not window.access_label.isVisible()
        assert window.close_project()
        assert not lock_path(project).exists()


@pytest.mark.parametrize("room", [*range(0, 1_300_000, 100_000), 4_000_000])
def test_data_folder_filling_up_while_opening_in_the_window(
    window: MainWindow, sample: Path, answers: Answers, tmp_path: Path, room: int
) -> None:
    """Full at different points: the copy, the base, the state, the WAL of the
    working copy. Either it opens, or one sentence says so; never an errno."""
    with small_disk(tmp_path / "small-data", size="8m") as data:
        window.lifecycle.data_dir = data
        filler = fill(data)
        os.truncate(filler, max(0, filler.stat().st_size - room))
        window.open_project(sample, background=False)
        if window.workspace is None:
            assert room < 4_000_000, answers.errors  # 4 MB is room enough for the sample
            assert answers.errors == [
                f"Cannot open crm.pmdesk: the disk holding your pmdesk data folder ({data}) "
                "is full."
            ]
            assert not lock_path(sample).exists()
        else:
            assert answers.errors == []
            assert window.close_project()


def test_new_project_with_a_full_data_folder_keeps_the_open_one(
    window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "small-data", size="8m") as data:
        window.lifecycle.data_dir = data
        open_sync(window, sample)
        fill(data)
        window.new_project("prd-en")
        assert answers.errors == [
            "Cannot create a new project: the disk holding your pmdesk data folder "
            f"({data}) is full."
        ]
        assert window.workspace is not None and ws(window).session.path == sample.resolve()
        assert not list((data / "untitled").glob("*.pmdesk"))
        assert window.close_project()


@pytest.mark.parametrize("room", [0, 20_000, 60_000, 200_000])
def test_recovering_with_a_full_data_folder_keeps_the_work(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, tmp_path: Path, room: int
) -> None:
    from pmdesk.core.storage.workingcopy import find_recoverable
    from tests.app.test_main_window import crash_with_one_edit

    with small_disk(tmp_path / "small-data", size="8m") as data:
        window.lifecycle.data_dir = data
        crash_with_one_edit(window, sample)
        filler = fill(data)
        os.truncate(filler, max(0, filler.stat().st_size - room))
        answers.recover = dialogs.RECOVER
        answers.asked.clear()
        window.open_project(sample, background=False)
        assert answers.asked == ["recover"]  # counted, though SQLite has no room to read it
        if window.workspace is None:
            assert answers.errors == [
                f"Cannot open crm.pmdesk: the disk holding your pmdesk data folder ({data}) "
                "is full."
            ]
            assert [r.unsaved_edits for r in find_recoverable(data)] == [1]
            filler.unlink()
            answers.errors.clear()
            window.open_project(sample, background=False)
        assert answers.errors == []
        assert window.workspace is not None and not ws(window).session.read_only
        assert ws(window).tree_pane.model.count() == 46
        ws(window).session.undo_stack.resetClean()
        assert window.close_project()


def test_take_over_then_cancel_closing_the_open_project_gives_the_lock_back(
    window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    other = tmp_path / "other.pmdesk"
    other.write_bytes(sample.read_bytes())
    write_lock(other)  # the user is sure this holder is gone, and takes it over
    open_sync(window, sample)
    ws(window).tree_pane.view.new_sibling()  # unsaved: asks
    answers.locked = dialogs.TAKE_OVER
    answers.save_changes = QMessageBox.StandardButton.Cancel
    window.open_project(other, background=False)
    assert window.workspace is not None and ws(window).session.path == sample.resolve()
    assert answers.asked == ["locked", "save"]
    assert not lock_path(other).exists()  # taken over, and given back: nothing was opened
