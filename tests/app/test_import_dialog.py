"""File ▸ Import Requirements: the mapping dialog previews, refuses problems,
imports as one undo step and saves its mapping; Export Requirements writes xlsx."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pmdesk.app.interop import files
from pmdesk.app.interop.import_dialog import ImportDialog
from pmdesk.app.main_window import MainWindow
from tests.app.conftest import open_sync, ws

ROWS = (
    "标题,优先级,状态,父需求,编号,备注\n"
    "导入的史诗,高,草稿,,,老板提的\n"
    "导入的故事,中,开发中,CRM-1,,\n"
)
# PMDESK_SCREENSHOTS=packaging/screenshots renews the README's pictures.
SHOTS = os.environ.get("PMDESK_SCREENSHOTS", "")


def _dialog(window: MainWindow, qtbot: QtBot) -> ImportDialog:
    """The dialog, once the file has been read and planned on the task runner."""
    qtbot.waitUntil(lambda: window.findChild(ImportDialog, "importDialog") is not None)
    found = window.findChild(ImportDialog, "importDialog")
    assert isinstance(found, ImportDialog)
    qtbot.waitUntil(lambda: found.plan is not None and not found.progress.isVisible())
    return found


def _text(dialog: ImportDialog, row: int, column: int) -> str:
    item = dialog.preview.item(row, column)
    return item.text() if item is not None else ""


@pytest.mark.usefixtures("english_ui")
def test_import_previews_then_applies_as_one_undo_step(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_sync(window, sample)
    source = tmp_path / "backlog.csv"
    source.write_text(ROWS, encoding="gbk")
    monkeypatch.setattr(files, "import_path", lambda parent: source)
    before = len(ws(window).session.project.tree_rows())
    window.commands.import_requirements.trigger()
    dialog = _dialog(window, qtbot)
    assert dialog.preview.rowCount() == 2
    assert [_text(dialog, r, 1) for r in range(2)] == ["New", "New"]
    assert "new custom fields: 备注" in dialog.summary.text()  # kept, not dropped
    assert dialog.import_button.isEnabled()
    assert len(ws(window).session.project.tree_rows()) == before  # nothing written yet

    dialog.set_field("优先级", "status")  # 高 is no status: the preview says so, import is off
    assert dialog.problems.count() == 2 and not dialog.import_button.isEnabled()
    assert "2 problems: fix the file or the mapping" in dialog.summary.text()
    assert "row 2: status '高' is not one of" in dialog.problems.item(0).text()
    dialog.set_field("优先级", "priority")
    assert dialog.import_button.isEnabled()

    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    session = ws(window).session
    assert len(session.project.tree_rows()) == before + 2
    assert session.undo_stack.count() == 1
    assert "backlog.csv" in window.commands.undo.text()
    window.commands.undo.trigger()
    assert len(session.project.tree_rows()) == before


def test_the_dialog_saves_the_mapping_it_was_given(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_sync(window, sample)
    source = tmp_path / "b.csv"
    source.write_text(ROWS, encoding="utf-8")
    window.import_requirements(source)
    dialog = _dialog(window, qtbot)
    dialog.set_field("备注", "source")
    saved = tmp_path / "map.json"
    monkeypatch.setattr(files, "mapping_path", lambda parent, **kw: saved)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    mapping = json.loads(saved.read_text(encoding="utf-8"))
    assert mapping["columns"]["备注"] == "source" and mapping["columns"]["标题"] == "title"
    dialog.reject()


def test_export_requirements_writes_a_workbook(
    window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    open_sync(window, sample)
    out = tmp_path / "out.xlsx"
    assert window.export_requirements(out) == out
    book = load_workbook(out)
    assert book.sheetnames == ["需求", "版本", "链接"]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_screenshot_of_the_mapping_dialog(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    tmp_path: Path,
    language: str,
    request: pytest.FixtureRequest,
) -> None:
    request.getfixturevalue("chinese" if language == "zh" else "english_ui")
    open_sync(window, sample)
    source = tmp_path / "backlog.csv"
    source.write_text(
        "编号,标题,优先级,状态,负责人,父需求,截止日期,备注\n"
        "CRM-1,客户档案管理（来自 Excel）,高,已批准,张伟,,2027-03-31,\n"
        "A-2,批量导入客户,中,开发中,李娜,CRM-1,2027-04-15,老板提的\n"
        "A-3,客户合并去重,紧急,草稿,,CRM-1,2027-05-01,\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(
        ws(window).session,
        __import__("pmdesk.interop.run", fromlist=["read_source"]).read_source(source),
        language,
        window,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    assert dialog.problems.count() == 1  # 紧急 is no priority
    said = {"en": "1 problem: fix the file", "zh": "1 个问题：请修改文件"}[language]
    assert said in dialog.summary.text()
    folder = Path(SHOTS) if SHOTS else tmp_path
    assert dialog.grab().save(str(folder / f"import-mapping-{language}.png"))


@pytest.mark.usefixtures("english_ui")
def test_a_value_pmdesk_does_not_know_is_mapped_from_the_problem_list(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_sync(window, sample)
    source = tmp_path / "b.csv"
    source.write_text("标题,优先级\n甲,紧急\n乙,紧急\n丙,高\n", encoding="utf-8")
    window.import_requirements(source)
    dialog = _dialog(window, qtbot)
    assert dialog.problems.count() == 2 and not dialog.import_button.isEnabled()
    assert "2 problems: fix the file or the mapping" in dialog.summary.text()
    asked: list[str] = []

    def choose(parent: object, field: str, value: str, choices: list[tuple[str, str]]) -> str:
        asked.append(value)
        assert ("must", "Must") in choices
        return "must"

    monkeypatch.setattr(files, "choose_value", choose)
    dialog.problems.setCurrentRow(0)
    QTest.keyClick(dialog.problems, Qt.Key.Key_Return)
    assert asked == ["紧急"]
    assert dialog.problems.count() == 0 and dialog.import_button.isEnabled()
    assert dialog.mapping.values == {"priority": {"紧急": "must"}}
    dialog.reject()


def test_a_file_that_cannot_be_read_is_said_in_one_sentence(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    open_sync(window, sample)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    bad = tmp_path / "fake.xlsx"
    bad.write_text("Title\nx\n", encoding="utf-8")
    window.import_requirements(bad)
    qtbot.waitUntil(lambda: bool(said))
    assert said == ["fake.xlsx is a CSV or text file, not an Excel workbook (.xlsx)."]
    qtbot.waitUntil(lambda: window.findChild(ImportDialog, "importDialog") is None)
