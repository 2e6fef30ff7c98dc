"""Clicks on the tree's filter bar: pick values from a field's drop-down list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.tree.choice_button import ChoiceButton

# A list opened offscreen: the platform cannot raise it or grab the keyboard.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def pick(qtbot: QtBot, button: ChoiceButton, *texts: str) -> None:
    """Open the button's list, click each value by its text, close it with Escape."""
    menu = button.menu_
    menu.popup(button.mapToGlobal(QPoint(0, button.height())))
    qtbot.waitUntil(menu.isVisible)
    for text in texts:
        action = next((a for a in menu.actions() if a.text() == text), None)
        assert action is not None, f"{text!r} not in {[a.text() for a in menu.actions()]}"
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        assert menu.isVisible()  # ticking keeps the list open for the next pick
    QTest.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
