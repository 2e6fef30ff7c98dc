"""Driving the setup dialogs (File ▸ New…, Project ▸ Properties…, the release and
milestone forms) with keys and clicks, as a user would."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

D = TypeVar("D", bound=QDialog)


def modal(qtbot: QtBot, kind: type[D]) -> D:
    """The window-modal dialog of `kind` that is up now."""
    found: list[D] = []

    def up() -> bool:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            found.append(widget)
            return True
        return False

    qtbot.waitUntil(up)
    dialog = found[-1]
    dialog.activateWindow()  # as the window manager does with a new dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def while_modal(kind: type[D], act: Callable[[D], None]) -> list[D]:
    """Run `act` on the dialog of `kind` once `exec()` has shown it (a modal
    loop blocks the test until the dialog closes). A dialog `act` leaves open is
    cancelled, so a failing test does not hang. Returns the dialog(s) seen."""
    seen: list[D] = []

    def later() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(20, later)
            return
        if not widget.isActiveWindow():
            widget.activateWindow()  # as the window manager does with a new dialog
            QTimer.singleShot(20, later)
            return
        seen.append(widget)
        try:
            act(widget)
        finally:
            if widget.isVisible():
                widget.reject()

    QTimer.singleShot(0, later)
    return seen


def focused() -> QWidget:
    """The widget with the keyboard focus (the test fails if none has it)."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the focus"
    return widget


def back_to(qtbot: QtBot, window: QWidget) -> None:
    """The window is active again once a dialog closed (a window manager does
    that; the offscreen platform does not)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
