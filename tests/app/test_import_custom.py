"""The mapping dialog and custom fields (schema 9): a column pmdesk has no field for
is offered as a new custom field (not dropped), can go to one the project has, or
be left out; the import creates the field and the file on disk holds the values."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from pmdesk.app.interop.import_dialog import ImportDialog
from pmdesk.app.main_window import MainWindow
from pmdesk.core.ops import Create
from pmdesk.core.project import Project
from tests.app.conftest import open_sync, ws
from tests.interop.conftest import by_title


def _dialog(window: MainWindow, qtbot: QtBot) -> ImportDialog:
    qtbot.waitUntil(lambda: window.findChild(ImportDialog, "importDialog") is not None)
    found = window.findChild(ImportDialog, "importDialog")
    assert isinstance(found, ImportDialog)
    qtbot.waitUntil(lambda: found.plan is not None and not found.progress.isVisible())
    return found


def _combo(dialog: ImportDialog, header: str) -> QComboBox:
    for row in range(dialog.columns.rowCount()):
        item = dialog.columns.item(row, 0)
        if item is not None and item.text() == header:
            combo = dialog.columns.cellWidget(row, 2)
            assert isinstance(combo, QComboBox)
            return combo
    raise KeyError(header)


def test_unknown_columns_become_custom_fields_one_goes_to_an_existing_one(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    open_sync(window, sample)
    session = ws(window).session
    sprint = str(uuid.uuid4())
    values = {"name": "Sprint", "kind": "text", "options": []}
    assert session.push(Create("custom_field", sprint, values))
    source = tmp_path / "b.csv"
    source.write_text("标题,迭代,工时,备注\n甲,S1,3,老板提的\n乙,S2,5,\n", encoding="utf-8")
    window.import_requirements(source)
    dialog = _dialog(window, qtbot)
    assert _combo(dialog, "工时").currentText() == "New custom field “工时”"
    assert "new custom fields: 迭代, 工时, 备注" in dialog.summary.text()
    texts = [_combo(dialog, "迭代").itemText(i) for i in range(_combo(dialog, "迭代").count())]
    assert "Custom field: Sprint" in texts

    dialog.set_field("迭代", "custom:Sprint")  # the project's own field
    dialog.set_field("备注", "")  # left out
    assert "new custom fields: 工时" in dialog.summary.text()
    assert "Not imported (pmdesk has no field for them): 备注" in dialog.summary.text()
    changes = dialog.preview.item(0, 4)
    assert changes is not None and changes.text() == "title, Sprint, 工时"  # by their names
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    window.commands.save.trigger()

    with Project.view(sample) as project:
        snapshot = project.snapshot()
    fields = {f["name"]: f for f in snapshot["custom_fields"]}
    sample_fields = {"平台", "试点客户", "预计上线"}  # the sample's own
    assert set(fields) == {*sample_fields, "Sprint", "工时"} and fields["工时"]["kind"] == "number"
    found = by_title(snapshot)
    assert found["甲"][0]["custom"] == {sprint: "S1", fields["工时"]["uid"]: 3}
    assert found["乙"][0]["custom"] == {sprint: "S2", fields["工时"]["uid"]: 5}
