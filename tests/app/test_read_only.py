"""A project someone else has open (their lock file beside it): the window asks,
then opens it read-only — visibly, refusing every edit — or edits anyway."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pmdesk.app import dialogs
from pmdesk.app.main_window import MainWindow
from pmdesk.core.ops import Create
from pmdesk.core.storage.lockfile import lock_path
from tests.app.conftest import Answers, open_sync, ws
from tests.app.test_main_window import on_disk, type_title

REFUSED = (
    "crm.pmdesk is open read-only, so the change was not made. Save As makes a copy you can edit."
)


def lock_by_colleague(path: Path, **fields: object) -> bytes:
    """王五 has `path` open on another machine (so pmdesk cannot call it stale)."""
    data = {"user": "王五", "host": "pm-laptop-7", "pid": 4242, "time": "2027-01-05T09:30:00"}
    data.update(fields)
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    lock_path(path).write_bytes(raw)
    return raw


def test_locked_project_opens_read_only_and_refuses_keys(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    lock = lock_by_colleague(sample)
    before = sample.read_bytes()
    open_sync(window, sample)
    assert answers.asked == ["locked"]
    assert window.windowTitle() == "crm.pmdesk [Read-only][*] — pmdesk"
    assert window.access_label.isVisible()
    assert window.access_label.text() == (
        "Read-only: 王五 on pm-laptop-7 has it open. Save As makes a copy you can edit."
    )
    assert not window.commands.save.isEnabled()
    assert window.commands.save_as.isEnabled()
    assert ws(window).detail_editor.form.title.isReadOnly()
    assert ws(window).document_pane.editor.isReadOnly()
    assert window.workspace is not None
    view = ws(window).tree_pane.view
    assert not view.new_sibling_action.isEnabled() and not view.delete_action.isEnabled()

    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Return)  # a new requirement: refused, said quietly
    assert window.statusBar().currentMessage() == REFUSED
    window.statusBar().clearMessage()
    QTest.keyClick(view, Qt.Key.Key_Delete)  # refused as well
    assert window.statusBar().currentMessage() == REFUSED
    assert answers.errors == []  # no message box for every stray key
    assert ws(window).tree_pane.model.count() == 45
    assert window.workspace is not None and ws(window).session.undo_stack.count() == 0
    assert ws(window).session.working_copy.unsaved_edits() == 0
    assert "delete" not in answers.asked

    assert window.close_project()
    assert answers.asked == ["locked"]  # closing never asks to save
    assert sample.read_bytes() == before
    assert lock_path(sample).read_bytes() == lock  # still 王五's


def test_read_only_session_refuses_a_pushed_edit(
    window: MainWindow, sample: Path, answers: Answers
) -> None:
    lock_by_colleague(sample)
    open_sync(window, sample)
    session = ws(window).session
    assert session.read_only
    assert session.push(Create("requirement", str(uuid.uuid4()), {"title": "偷偷加"})) is False
    assert window.statusBar().currentMessage() == REFUSED
    assert session.undo_stack.count() == 0


def test_edit_anyway_edits_and_saves_without_the_lock(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    lock = lock_by_colleague(sample)
    answers.locked = dialogs.EDIT_ANYWAY
    open_sync(window, sample)
    assert "[Read-only]" not in window.windowTitle()
    assert window.access_label.text() == (
        "Editing without the lock: 王五 on pm-laptop-7 has it open too."
    )
    view = ws(window).tree_pane.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Return)
    type_title(qtbot, window, "照样编辑")
    assert ws(window).tree_pane.model.count() == 46
    assert window.save()
    assert answers.errors == []
    assert "照样编辑" in json.dumps(on_disk(sample), ensure_ascii=False)
    assert window.close_project()
    assert lock_path(sample).read_bytes() == lock  # not ours to remove


def test_cancel_leaves_the_open_project_alone(
    window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    other = tmp_path / "other.pmdesk"
    other.write_bytes(sample.read_bytes())
    open_sync(window, sample)
    lock_by_colleague(other)
    answers.locked = dialogs.CANCEL
    window.open_project(other, background=False)
    assert window.workspace is not None and ws(window).session.path == sample.resolve()
    assert answers.asked == ["locked"]


def test_own_lock_is_written_and_removed_and_a_stale_one_silently_cleared(
    window: MainWindow, sample: Path, answers: Answers
) -> None:
    crashed = subprocess.Popen([sys.executable, "-c", "pass"])  # our pmdesk that crashed
    crashed.wait()
    lock_by_colleague(sample, user="测试员", host=socket.gethostname(), pid=crashed.pid)
    open_sync(window, sample)
    assert answers.asked == []
    held = json.loads(lock_path(sample).read_text(encoding="utf-8"))
    assert held["user"] == "测试员" and held["pid"] != crashed.pid
    assert not window.access_label.isVisible()
    assert window.close_project()
    assert not lock_path(sample).exists()


def test_save_as_turns_read_only_into_an_editable_copy(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    lock = lock_by_colleague(sample)
    open_sync(window, sample)
    answers.save_path = tmp_path / "mine.pmdesk"
    with qtbot.waitSignal(window.project_opened, timeout=10000):
        assert window.save_as()
    assert window.workspace is not None and not ws(window).session.read_only
    assert window.windowTitle() == "mine.pmdesk[*] — pmdesk"
    assert window.commands.save.isEnabled()
    view = ws(window).tree_pane.view
    view.setFocus()
    window.activateWindow()  # offscreen Qt drops it when the old panes go
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(view, Qt.Key.Key_Return)
    type_title(qtbot, window, "我的副本")
    assert window.save()
    assert "我的副本" in json.dumps(on_disk(tmp_path / "mine.pmdesk"), ensure_ascii=False)
    assert json.loads(lock_path(tmp_path / "mine.pmdesk").read_text())["user"] == "测试员"
    assert lock_path(sample).read_bytes() == lock
    assert window.close_project()
    assert not lock_path(tmp_path / "mine.pmdesk").exists()


def test_read_only_in_chinese(
    qtbot: QtBot, chinese: None, window: MainWindow, sample: Path, answers: Answers
) -> None:
    lock_by_colleague(sample)
    open_sync(window, sample)
    assert window.windowTitle() == "crm.pmdesk [只读][*] — pmdesk"
    assert window.access_label.text() == (
        "只读：王五 正在 pm-laptop-7 上打开它。用“另存为”可得到一份可以编辑的副本。"
    )
    ws(window).session.push(Create("requirement", str(uuid.uuid4()), {"title": "x"}))
    assert window.statusBar().currentMessage() == (
        "crm.pmdesk 以只读方式打开，修改未生效。用“另存为”可得到一份可以编辑的副本。"
    )


def test_read_only_details_look_read_only_and_can_still_be_copied(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    """Every input of the details pane is greyed like the disabled choices beside
    it (no white field to type in), yet its text can be selected and copied."""
    lock_by_colleague(sample)
    open_sync(window, sample)
    assert window.workspace is not None
    model, view = ws(window).tree_pane.model, ws(window).tree_pane.view
    view.select_uid(model.children_of(model.children_of(None)[0])[0])  # CRM-2
    form = ws(window).detail_editor.form
    window.resize(1400, 1400)
    form.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: form.title.text() != "" and form.acceptance.list.isVisible())
    window_colour = form.palette().color(QPalette.ColorRole.Window)
    typed_in = QApplication.palette().color(QPalette.ColorRole.Base)
    assert window_colour != typed_in
    fields = {
        "title": form.title,
        "tags": form.tags,
        "source": form.source,
        "description": form.description.text.viewport(),
        "RICE reach": form.rice.reach,
        "link target": form.links.target,
    }
    for name, widget in fields.items():
        image = widget.grab().toImage()
        empty = image.pixelColor(image.width() - 8, image.height() - 6)  # past the text
        assert empty == window_colour, name
    acceptance = form.acceptance.list
    assert acceptance.viewport().palette().color(QPalette.ColorRole.Base) == window_colour
    for edit in (form.title, form.tags, form.source, form.links.target):
        assert edit.isReadOnly()
    flags = form.description.text.textInteractionFlags()
    assert flags == Qt.TextInteractionFlag.TextSelectableByMouse  # no caret, no typing
    form.title.selectAll()
    form.title.copy()
    assert QApplication.clipboard().text() == form.title.text()

    # Choosing a criterion leaves the list's buttons off; Delete there does nothing.
    second = acceptance.topLevelItem(1)
    assert second is not None
    acceptance.setCurrentItem(second)
    assert not any(b.isEnabled() for b in form.acceptance.buttons())
    acceptance.setFocus()
    QTest.keyClick(acceptance, Qt.Key.Key_Delete)
    assert acceptance.topLevelItemCount() == 4
    assert answers.errors == []
    assert window.workspace is not None and ws(window).session.undo_stack.count() == 0


def test_read_only_section_buttons_stay_off_when_another_section_is_chosen(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    lock_by_colleague(sample)
    open_sync(window, sample)
    pane = ws(window).document_pane
    assert pane.sections.count() > 1
    assert not pane.remove_button.isEnabled()
    second = pane.sections.visualItemRect(pane.sections.item(1)).center()
    QTest.mouseClick(pane.sections.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert pane.sections.currentRow() == 1
    assert not pane.remove_button.isEnabled()  # choosing a section is no reason to edit


def test_a_write_protected_project_opens_read_only_and_says_why(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers, tmp_path: Path
) -> None:
    """As in LibreOffice: a file without write permission (mode 0444) opens
    read-only without a question, the note says why, Save As makes a copy one
    can edit; the file, its mode and its folder stay as they were (followup)."""
    import os
    import stat

    sample.chmod(0o444)
    before = (sample.read_bytes(), sample.stat().st_ino)
    open_sync(window, sample)
    assert answers.asked == []
    assert window.workspace is not None and ws(window).session.read_only
    assert window.access_label.isVisible()
    assert window.access_label.text() == (
        "crm.pmdesk is write-protected: opened read-only. Save As makes a copy you can edit."
    )
    assert not window.commands.save.isEnabled()
    assert not lock_path(sample).exists()
    answers.save_path = tmp_path / "mine.pmdesk"
    with qtbot.waitSignal(window.project_opened, timeout=10000):
        assert window.save_as()
    assert window.workspace is not None and not ws(window).session.read_only
    assert not window.access_label.isVisible()
    assert os.access(tmp_path / "mine.pmdesk", os.W_OK)
    assert stat.S_IMODE((tmp_path / "mine.pmdesk").stat().st_mode) & 0o200
    assert window.close_project()
    assert (sample.read_bytes(), sample.stat().st_ino) == before
    assert stat.S_IMODE(sample.stat().st_mode) == 0o444


def test_write_protected_in_chinese(
    chinese: None, window: MainWindow, sample: Path, answers: Answers
) -> None:
    sample.chmod(0o444)
    open_sync(window, sample)
    assert window.access_label.text() == (
        "crm.pmdesk 是写保护的：已以只读方式打开。用“另存为”可得到一份可以编辑的副本。"
    )


def test_save_over_a_project_made_write_protected_meanwhile_is_refused(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    open_sync(window, sample)
    assert window.workspace is not None
    ws(window).session.push(Create("requirement", str(uuid.uuid4()), {"title": "保护"}))
    sample.chmod(0o444)
    before = (sample.read_bytes(), sample.stat().st_ino)
    assert not window.save()
    assert answers.errors[-1] == (
        "crm.pmdesk is write-protected, so pmdesk leaves it as it is: make it writable first, "
        "or write another file."
    )
    assert (sample.read_bytes(), sample.stat().st_ino) == before
    assert ws(window).session.working_copy.unsaved_edits() == 1
    assert window.isWindowModified()
