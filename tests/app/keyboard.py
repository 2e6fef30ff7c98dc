"""Typing like a user in pytest-qt tests, Chinese included."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a user: keys for ASCII, an input-method commit for Chinese (as a
    pinyin IME delivers it; QTest cannot click keys that are not ASCII)."""
    for run in re.findall(r"\n|[\x20-\x7e]+|[^\x00-\x7f]+", text):
        if run == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif run.isascii():
            QTest.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
