"""File ▸ New…: title, product, key prefix, language and template, with the
keyboard alone; Enter alone makes a project; the result is untitled until saved."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.setup.new_project_dialog import NewProjectDialog, prefix_for
from pmdesk.core.merge.files import read_project
from tests.app.conftest import Answers, ws
from tests.app.keyboard import type_text
from tests.app.setup_helpers import back_to, focused, modal

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_key_prefix_is_made_from_the_product() -> None:
    assert prefix_for("CRM") == "CRM"
    assert prefix_for("Customer Portal") == "CP"
    assert prefix_for("Salesforce") == "SAL"
    assert prefix_for("客户管理") == "REQ"
    assert prefix_for("") == "REQ"


def test_file_new_with_the_keyboard_alone(
    qtbot: QtBot, window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = modal(qtbot, NewProjectDialog)
    assert focused() is dialog.title
    type_text(qtbot, dialog.title, "客户门户 PRD")
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.product
    type_text(qtbot, dialog.product, "Customer Portal")
    assert dialog.key_prefix.text() == "CP"  # follows the product
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.key_prefix
    dialog.key_prefix.selectAll()
    type_text(qtbot, dialog.key_prefix, "CUP")
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.language
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.template
    QTest.keyClick(dialog, Qt.Key.Key_E, ALT)  # T&emplate
    assert focused() is dialog.template
    QTest.keyClick(dialog.template, Qt.Key.Key_Down)  # PRD template (中文)
    assert dialog.template.currentData() == "prd-zh"
    assert dialog.language.currentData() == "zh"  # the template's language
    QTest.keyClick(dialog, Qt.Key.Key_P, ALT)  # &Product
    assert focused() is dialog.product
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None)
    assert ws(window).untitled
    info = ws(window).session.project.info()
    assert (info.title, info.product, info.key_prefix, info.language) == (
        "客户门户 PRD",
        "Customer Portal",
        "CUP",
        "zh",
    )
    assert ws(window).document_pane.sections.count() > 3  # the template's sections
    answers.save_path = tmp_path / "portal.pmdesk"
    back_to(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_S, CTRL)
    assert answers.asked[-1] == "save_path"
    assert answers.suggested[-1] == "Customer Portal.pmdesk"  # named after the product
    saved = read_project(tmp_path / "portal.pmdesk")["project"]
    (project,) = saved.values()
    assert (project["title"], project["product"], project["key_prefix"]) == (
        "客户门户 PRD",
        "Customer Portal",
        "CUP",
    )
    assert json.loads(project["authors"]) == []


def test_enter_alone_makes_a_blank_project(qtbot: QtBot, window: MainWindow) -> None:
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = modal(qtbot, NewProjectDialog)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None)
    info = ws(window).session.project.info()
    assert info.key_prefix == "REQ"
    assert ws(window).untitled
    assert ws(window).document_pane.sections.count() == 0
    assert not dialog.isVisible()
    # Never saved: the status bar does not say "Saved".
    assert window.save_state_label.text() == "Not saved yet"


def test_escape_makes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = modal(qtbot, NewProjectDialog)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.workspace is None


def test_a_bad_key_prefix_keeps_the_dialog_open(qtbot: QtBot, window: MainWindow) -> None:
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = modal(qtbot, NewProjectDialog)
    QTest.keyClick(dialog, Qt.Key.Key_K, ALT)
    dialog.key_prefix.selectAll()
    type_text(qtbot, dialog.key_prefix, "1X")
    assert "letter" in dialog.template_note.text()
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.isVisible() and window.workspace is None
    assert focused() is dialog.key_prefix
