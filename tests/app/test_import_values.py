"""The mapping dialog's value table: each distinct value of a priority or status
column with what it becomes, preset from the guess, changed by the user, imported
and saved as MAP.json's "values"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from pmdesk.app.interop import files
from pmdesk.app.interop.import_dialog import ImportDialog
from pmdesk.app.main_window import MainWindow
from pmdesk.core.project import Project
from tests.app.conftest import open_sync, ws
from tests.interop.conftest import by_title, run


def _dialog(window: MainWindow, qtbot: QtBot) -> ImportDialog:
    """The dialog, once the file has been read and planned on the task runner."""
    qtbot.waitUntil(lambda: window.findChild(ImportDialog, "importDialog") is not None)
    found = window.findChild(ImportDialog, "importDialog")
    assert isinstance(found, ImportDialog)
    qtbot.waitUntil(lambda: found.plan is not None and not found.progress.isVisible())
    return found


def _rows(dialog: ImportDialog) -> list[tuple[str, ...]]:
    table = dialog.values
    found = []
    for row in range(table.rowCount()):
        combo = table.cellWidget(row, 3)
        assert isinstance(combo, QComboBox)
        cells = [item.text() if (item := table.item(row, c)) else "" for c in range(3)]
        found.append((*cells, combo.currentText()))
    return found


def test_values_are_listed_changed_imported_and_saved(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    open_sync(window, sample)
    source = tmp_path / "backlog.csv"
    source.write_text(
        "标题,优先级,状态\n甲,紧急,草稿\n乙,高,开发中\n丙,低,\n丁,高,草稿\n", encoding="gbk"
    )
    window.import_requirements(source)
    dialog = _dialog(window, qtbot)
    assert _rows(dialog) == [
        ("Priority", "紧急", "1", "— choose —"),
        ("Priority", "高", "2", "Must"),
        ("Priority", "低", "1", "Could"),
        ("Status", "草稿", "2", "Draft"),
        ("Status", "开发中", "1", "In progress"),
    ]
    assert not dialog.import_button.isEnabled()  # 紧急 means nothing to pmdesk yet

    dialog.values.choose("priority", "紧急", "must")
    dialog.values.choose("priority", "低", "wont")  # the user reads 低 otherwise
    assert dialog.problems.count() == 0 and dialog.import_button.isEnabled()
    changes = {dialog.preview.item(r, 3).text(): r for r in range(4)}  # type: ignore[union-attr]
    assert set(changes) == {"甲", "乙", "丙", "丁"}

    saved = tmp_path / "map.json"
    monkeypatch.setattr(files, "mapping_path", lambda parent, **kw: saved)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    mapping = json.loads(saved.read_text(encoding="utf-8"))
    assert mapping["values"] == {
        "priority": {"紧急": "must", "高": "must", "低": "wont"},
        "status": {"草稿": "draft", "开发中": "in_progress"},
    }

    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    window.commands.save.trigger()
    assert not ws(window).session.project.dirty
    with Project.view(sample) as project:
        found = by_title(project.snapshot())
    assert {t: found[t][0]["priority"] for t in "甲乙丙丁"} == {
        "甲": "must",
        "乙": "must",
        "丙": "wont",
        "丁": "must",
    }
    assert found["乙"][0]["status"] == "in_progress"

    # The saved mapping reads the same file the same way on the command line.
    code, _, err = run(capsys, "import", tmp_path / "cli.pmdesk", "--from", source, "--map", saved)
    assert (code, err) == (0, "")
    with Project.view(tmp_path / "cli.pmdesk") as project:
        assert by_title(project.snapshot())["丙"][0]["priority"] == "wont"


def test_mapping_a_column_to_a_vocabulary_field_lists_its_values(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    open_sync(window, sample)
    source = tmp_path / "b.csv"
    source.write_text("Title,Stage,Notes\nA,Now,x\nB,Later,y\nC,Soon,z\n", encoding="utf-8")
    window.import_requirements(source)
    dialog = _dialog(window, qtbot)
    assert dialog.values.isHidden()  # nothing with a fixed vocabulary is mapped
    dialog.set_field("Stage", "horizon")
    assert dialog.values.isVisibleTo(dialog)
    assert [r[1:] for r in _rows(dialog)] == [
        ("Now", "1", "Now"),
        ("Later", "1", "Later"),
        ("Soon", "1", "— choose —"),
    ]
    dialog.values.choose("horizon", "Soon", "next")
    assert dialog.import_button.isEnabled()
    dialog.reject()
