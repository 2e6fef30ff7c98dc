"""Save in the window when a sync tool replaced the shared file by a damaged
one or removed it: one sentence naming the project, the edits kept, and
saving again puts ours there (issue 11, helper "save2")."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.settings import AppSettings
from pmdesk.core.storage.projectfile import check
from tests.app.conftest import Answers, open_sync, watcher, ws
from tests.app.test_save_recovery_window import edit_title, titles
from tests.core.merge_helpers import by_key


def test_save_over_a_damaged_file_is_refused_then_saving_again_puts_ours_there(
    window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    open_sync(window, sample)
    edit_title(window, sample, "CRM-3", "Anna's title")
    damaged = tmp_path / "download.tmp"
    shutil.copyfile(sample, damaged)
    data = bytearray(damaged.read_bytes())
    data[4096 * 2 : 4096 * 3] = bytes(4096)
    damaged.write_bytes(bytes(data))
    os.replace(damaged, sample)  # the sync tool
    spoiled = sample.read_bytes()

    assert window.save() is False
    assert len(answers.errors) == 1
    said = answers.errors[0]
    assert "crm.pmdesk" in said and "damaged" in said and "save again" in said
    assert not any(w in said for w in ("SQL", "theirs.pmdesk", "Errno")), said
    assert sample.read_bytes() == spoiled
    assert window.isWindowModified()

    assert window.save() is True  # as the sentence says
    assert "Anna's title" in titles(sample) and check(sample) == []
    assert "saved in its place" in window.notice_bar.text.text()
    assert not window.isWindowModified()
    assert len(answers.errors) == 1


def test_save_after_the_file_has_gone_saves_it_there_again(
    window: MainWindow, sample: Path, answers: Answers
) -> None:
    open_sync(window, sample)
    edit_title(window, sample, "CRM-3", "Anna's title")
    sample.unlink()  # moved away or deleted on another machine
    assert window.save() is True
    assert answers.errors == []
    assert "Anna's title" in titles(sample) and check(sample) == []
    said = window.notice_bar.text.text()
    assert "crm.pmdesk" in said and "saved there again" in said
    assert not window.isWindowModified()


def test_a_second_window_opening_the_same_project_is_refused_and_takes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    answers: Answers,
    settings: AppSettings,
    data_dir: Path,
) -> None:
    """Two windows of one pmdesk: the second is told the project is open
    already; the first's unsaved edit is neither offered for recovery nor
    deleted, and its Save publishes it (was: the second window took the
    first's working copy for a leftover)."""
    open_sync(window, sample)
    edit_title(window, sample, "CRM-3", "Anna's title")
    second = MainWindow(settings, data_dir)
    qtbot.addWidget(second)
    second.open_project(sample, background=False)
    assert second.workspace is None
    assert "recover" not in answers.asked
    assert len(answers.errors) == 1 and "already open" in answers.errors[0]
    assert "crm.pmdesk" in answers.errors[0]
    assert window.save() is True
    assert "Anna's title" in titles(sample)
    second.close()


def test_save_converges_while_a_colleague_saves_again_and_again(
    window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    import signal
    import uuid

    from pmdesk.core.ops import Create
    from pmdesk.core.project_save import save_merging
    from pmdesk.core.storage.workingcopy import WorkingCopy

    open_sync(window, sample)
    parent = str(by_key(sample)["CRM-1"]["uid"])
    pid = os.fork()
    if pid == 0:  # the colleague: an edit and a save, as fast as they go
        try:
            bo = WorkingCopy.open(sample, data_dir=tmp_path / "bo", user="Bo", access="edit_anyway")
            while True:
                title = f"bo {uuid.uuid4().hex[:6]}"
                bo.apply(Create("requirement", str(uuid.uuid4()), {"title": title}, parent=parent))
                save_merging(bo)
        finally:
            os._exit(0)
    try:
        assert window.workspace is not None
        for i in range(5):
            for j in range(20):
                values = {"title": f"anna {i}.{j}"}
                op = Create("requirement", str(uuid.uuid4()), values, parent=parent)
                assert ws(window).session.push(op)
            assert window.save() is True, answers.errors
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    assert {f"anna {i}.{j}" for i in range(5) for j in range(20)} <= titles(sample)
    assert answers.errors == [] and answers.conflicts == []


def test_a_file_replaced_by_one_that_is_not_this_project_is_not_offered_for_merging(
    window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    # Noticed before any Save: a damaged file, then another project, put in its place.
    from pmdesk.core.storage.projectfile import new_project

    open_sync(window, sample)
    assert ws(window).watcher is not None
    edit_title(window, sample, "CRM-3", "Anna's title")
    damaged = tmp_path / "download.tmp"
    damaged.write_bytes(sample.read_bytes()[:100_000])  # cut short
    os.replace(damaged, sample)
    assert watcher(window).check()
    said = window.notice_bar.text.text()
    assert window.notice_bar.isVisible() and not window.notice_bar.merge_button.isVisible()
    assert "crm.pmdesk" in said and "damaged" in said and "edits are kept" in said, said
    assert "newer version" not in said

    other = tmp_path / "other.pmdesk"
    new_project(other, title="另一个项目")
    os.replace(other, sample)
    assert watcher(window).check()
    said = window.notice_bar.text.text()
    assert not window.notice_bar.merge_button.isVisible()
    assert "another project" in said and "edits are kept" in said, said
    assert window.isWindowModified() and answers.errors == []
