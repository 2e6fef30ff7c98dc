"""The real lock question (dialogs.ask_locked): Take Over is offered where pmdesk
cannot tell whether the holder still runs, and only after a warning that names
the holder and the date; in English and in Chinese."""

from __future__ import annotations

import os
import socket

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.app import dialogs
from pmdesk.core.clock import local_minutes
from pmdesk.core.storage.lockfile import UNKNOWN, LockInfo

ELSEWHERE = LockInfo("王五", "pm-laptop-7", 4242, "2027-01-05T09:30:00")
HERE_ALIVE = LockInfo("王五", socket.gethostname(), os.getppid(), "2027-01-05T09:30:00")
UNREADABLE = LockInfo(UNKNOWN, UNKNOWN, 0, "", readable=False)


class Warned:
    def __init__(self) -> None:
        self.texts: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes


@pytest.fixture
def warned(monkeypatch: pytest.MonkeyPatch) -> Warned:
    seen = Warned()

    def warning(_parent: QWidget, _title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        seen.texts.append(text)
        return seen.answer

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return seen


def ask(holder: LockInfo, click: str | None) -> tuple[str, list[str]]:
    """Ask, clicking the button named `click` (None: Escape); returns the answer
    and the buttons the question offered."""
    offered: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        buttons = [b for b in box.buttons() if isinstance(b, QPushButton)]
        offered.extend(sorted(b.text() for b in buttons))
        chosen = next((b for b in buttons if b.text() == click), None)
        if chosen is None:
            box.reject()
        else:
            chosen.click()

    QTimer.singleShot(0, answer)
    return dialogs.ask_locked(None, "plan.pmdesk", holder), offered


def test_take_over_is_offered_for_another_machine_after_a_warning(
    qtbot: QtBot, warned: Warned
) -> None:
    answer, offered = ask(ELSEWHERE, "Take Over…")
    assert offered == ["Cancel", "Edit Anyway", "Open Read-Only", "Take Over…"]
    assert answer == dialogs.TAKE_OVER
    [text] = warned.texts
    assert "王五" in text and "pm-laptop-7" in text and local_minutes(ELSEWHERE.time) in text
    warned.answer = QMessageBox.StandardButton.Cancel  # not sure after all
    answer, _ = ask(ELSEWHERE, "Take Over…")
    assert answer == dialogs.CANCEL


def test_a_live_holder_here_cannot_be_taken_over(qtbot: QtBot, warned: Warned) -> None:
    answer, offered = ask(HERE_ALIVE, "Edit Anyway")
    assert offered == ["Cancel", "Edit Anyway", "Open Read-Only"]
    assert answer == dialogs.EDIT_ANYWAY
    assert warned.texts == []


def test_an_unreadable_lock_can_be_taken_over(qtbot: QtBot, warned: Warned) -> None:
    answer, offered = ask(UNREADABLE, "Take Over…")
    assert "Take Over…" in offered and answer == dialogs.TAKE_OVER
    assert "nobody can read" in warned.texts[0]


def test_take_over_in_chinese(qtbot: QtBot, warned: Warned, chinese: None) -> None:
    answer, offered = ask(ELSEWHERE, "接管…")
    assert "接管…" in offered and answer == dialogs.TAKE_OVER
    [text] = warned.texts
    assert text.startswith("要接管 王五 在 pm-laptop-7 上于 ")


def test_full_disk_sentences_in_chinese(chinese: None) -> None:
    from pmdesk.app.error_text import error_text
    from pmdesk.core.errors import PmdeskError

    assert error_text(PmdeskError("open.data_full", name="计划.pmdesk", folder="/d")) == (
        "无法打开 计划.pmdesk：pmdesk 数据文件夹（/d）所在的磁盘已满。"
    )
    assert error_text(PmdeskError("new.data_full", folder="/d")) == (
        "无法新建项目：pmdesk 数据文件夹（/d）所在的磁盘已满。"
    )
    assert error_text(PmdeskError("disk.full", folder="/share")) == "/share 所在的磁盘已满。"
