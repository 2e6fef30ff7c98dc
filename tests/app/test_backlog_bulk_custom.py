"""Edit Selected… sets a custom field of the selected rows (schema 9): the
sample's 试点客户, 平台 and 预计上线, one undo step each, saved
to the file; an empty value clears it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from pmdesk.app.backlog.bulk_dialog import BulkEditDialog
from pmdesk.app.details.custom_inputs import ChoicesButton
from pmdesk.app.main_window import MainWindow
from pmdesk.core.project import Project
from pmdesk.core.queries.backlog import KEY
from tests.app.backlog_helpers import click_row, open_backlog
from tests.app.conftest import ws
from tests.app.keyboard import type_text
from tests.app.test_backlog_bulk import bulk_dialog, choose

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _saved(path: Path) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """({field name: uid}, {key: {field uid: value}}) of the file as saved."""
    with Project.view(path) as project:
        fields = {f.name: f.uid for f in project.custom_fields()}
        keys = {str(r[KEY]): str(r[0]) for r in project.backlog_rows()}
        values = project.custom_values()
    return fields, {key: values.get(uid, {}) for key, uid in keys.items()}


def _ok(qtbot: QtBot, dialog: BulkEditDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_set_a_text_field_then_several_options_of_the_selected_rows(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    fields, before = _saved(sample)
    customer, platform = fields["试点客户"], fields["平台"]
    pane = open_backlog(qtbot, window, sample)
    uids = pane.model.shown_uids()
    click_row(qtbot, pane, uids[1])
    click_row(qtbot, pane, uids[4], SHIFT)  # four rows
    keys = [str(pane.model.row_of(u)[KEY]) for u in uids[1:5]]

    dialog = bulk_dialog(qtbot, window)
    assert [dialog.field.itemText(i) for i in range(dialog.field.count())][-3:] == [
        "平台",
        "试点客户",
        "预计上线",
    ]
    choose(dialog.field, f"custom:{customer}")
    edit = dialog.input(f"custom:{customer}")
    assert isinstance(edit, QLineEdit) and edit.isVisible()
    edit.setFocus()
    type_text(qtbot, edit, "宁波海天塑机")
    _ok(qtbot, dialog)
    stack = ws(window).undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Set 试点客户 of 4 requirements"  # the UI speaks English

    dialog = bulk_dialog(qtbot, window)
    choose(dialog.field, f"custom:{platform}")
    button = dialog.input(f"custom:{platform}")
    assert isinstance(button, ChoicesButton)
    for action in button.options():
        action.setChecked(action.text() in ("iOS", "Android"))
    _ok(qtbot, dialog)
    assert stack.count() == 2

    assert window.save()
    _, after = _saved(sample)
    for key in keys:
        assert after[key][customer] == "宁波海天塑机"
        assert after[key][platform] == ["iOS", "Android"]  # in the list's order
    others = [k for k in before if k not in keys]
    assert all(after[k] == before[k] for k in others)  # the other rows untouched

    window.commands.undo.trigger()  # Edit ▸ Undo, one step: the platforms as they were
    assert stack.index() == 1, stack.undoText()
    window.commands.undo.trigger()
    assert stack.index() == 0
    assert window.save()
    assert _saved(sample)[1] == before


def test_an_empty_value_clears_the_field_in_chinese(
    qtbot: QtBot, window: MainWindow, sample: Path, chinese: None
) -> None:
    fields, before = _saved(sample)
    launch = fields["预计上线"]
    held = [k for k, v in before.items() if launch in v]
    pane = open_backlog(qtbot, window, sample)
    click_row(qtbot, pane, pane.model.shown_uids()[0])
    QTest.keySequence(pane.view, "Ctrl+A")
    dialog = bulk_dialog(qtbot, window)
    choose(dialog.field, f"custom:{launch}")
    assert dialog.field.currentText() == "预计上线"  # the field's own name
    _ok(qtbot, dialog)  # no date given: cleared everywhere
    # Named by the requirements that change: those holding a date.
    assert ws(window).undo_stack.undoText() == f"设置 {len(held)} 条需求的预计上线"
    assert window.save()
    _, after = _saved(sample)
    assert held and all(launch not in after[k] for k in held)
