"""Alt+letter in the setup dialogs does one thing: no two labels or buttons of a
form share a mnemonic, counting the OK and Cancel buttons as the Linux desktops
name them ("&OK", "&Cancel"). With two, Alt+O only moves the focus between them,
so a user who presses Alt+O to confirm lands in a field instead."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.preferences import PreferencesDialog
from pmdesk.app.settings import AppSettings
from pmdesk.app.setup.milestone_dialog import MilestoneDialog
from pmdesk.app.setup.new_project_dialog import NewProjectDialog
from pmdesk.app.setup.properties_dialog import ProjectPropertiesDialog
from pmdesk.app.setup.release_dialog import ReleaseDialog
from tests.app.conftest import open_sync, ws

# The texts of the standard buttons on a Linux desktop (Qt's generic Unix theme,
# context QGnomeTheme); the offscreen platform of the tests leaves the "&" out.
DESKTOP_TEXTS = {
    QDialogButtonBox.StandardButton.Ok: "&OK",
    QDialogButtonBox.StandardButton.Cancel: "&Cancel",
    QDialogButtonBox.StandardButton.Close: "&Close",
}


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found[1].lower() if found else None


def mnemonics(dialog: QDialog) -> Counter[str]:
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    for button in dialog.findChildren(QAbstractButton):
        box = button.parent()
        standard = box.standardButton(button) if isinstance(box, QDialogButtonBox) else None
        if standard in DESKTOP_TEXTS:
            texts.append(QCoreApplication.translate("QGnomeTheme", DESKTOP_TEXTS[standard]))
        else:
            texts.append(button.text())
    return Counter(m for m in map(mnemonic, texts) if m is not None)


def dialogs(window: MainWindow, settings: AppSettings) -> dict[str, Callable[[], QDialog]]:
    session = ws(window).session
    return {
        "new project": lambda: NewProjectDialog(),
        "properties": lambda: ProjectPropertiesDialog(session),
        "release": lambda: ReleaseDialog({"name": "v1.0"}),
        "milestone": lambda: MilestoneDialog({"name": "Beta"}, [("r1", "v1.0")]),
        "preferences": lambda: PreferencesDialog(settings),
    }


def check_every_form(qtbot: QtBot, window: MainWindow, settings: AppSettings) -> None:
    for name, make in dialogs(window, settings).items():
        dialog = make()
        qtbot.addWidget(dialog)
        shared = {m: n for m, n in mnemonics(dialog).items() if n > 1}
        assert not shared, f"the {name} form gives Alt+{'/'.join(shared)} to several fields"


def test_no_two_fields_of_a_setup_form_share_a_mnemonic(
    qtbot: QtBot, window: MainWindow, sample: Path, settings: AppSettings
) -> None:
    open_sync(window, sample)
    check_every_form(qtbot, window, settings)


@pytest.mark.usefixtures("chinese")
def test_no_two_fields_share_a_mnemonic_in_chinese_either(
    qtbot: QtBot, window: MainWindow, sample: Path, settings: AppSettings
) -> None:
    open_sync(window, sample)
    check_every_form(qtbot, window, settings)
