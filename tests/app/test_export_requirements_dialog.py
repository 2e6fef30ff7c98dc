"""File ▸ Export Requirements…: the columns ticked and ordered (remembered for the
next export), or a saved view's rows and columns, read back from the file."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.interop import files
from pmdesk.app.interop.export_dialog import ExportRequirementsDialog
from pmdesk.app.main_window import MainWindow
from pmdesk.core.ops import Create
from tests.app.conftest import open_sync, ws
from tests.interop.conftest import flat


def _dialog(window: MainWindow, qtbot: QtBot) -> ExportRequirementsDialog:
    window.commands.export_requirements.trigger()
    qtbot.waitUntil(
        lambda: window.findChild(ExportRequirementsDialog, "exportRequirementsDialog") is not None
    )
    found = window.findChild(ExportRequirementsDialog, "exportRequirementsDialog")
    assert isinstance(found, ExportRequirementsDialog)
    return found


def test_ticked_columns_are_exported_in_order_and_remembered(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_sync(window, sample)
    out = tmp_path / "out.xlsx"
    monkeypatch.setattr(files, "export_path", lambda parent, suggestion: out)
    dialog = _dialog(window, qtbot)
    assert len(dialog.chosen_columns()) > 20  # everything, the first time
    dialog.tick(["key", "title", "persona", "priority"])
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    rows = [list(r) for r in load_workbook(out)["需求"].iter_rows(values_only=True)]
    assert rows[0] == ["编号", "标题", "用户画像", "优先级"]
    assert len(rows) - 1 == len(ws(window).session.project.tree_rows())

    again = _dialog(window, qtbot)
    assert again.chosen_columns() == ["key", "title", "persona", "priority"]
    again.reject()


def test_a_saved_views_rows_and_columns_as_csv(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_sync(window, sample)
    session = ws(window).session
    view = {
        "name": "Must have",
        "criteria": {"choices": {"priority": ["must"]}},
        "columns": ["priority", "release"],
    }
    assert session.push(Create("saved_view", str(uuid.uuid4()), view))
    musts = [n["key"] for n, _ in flat(session.project.snapshot()) if n["priority"] == "must"]
    out = tmp_path / "out.csv"
    asked: list[str] = []

    def where(parent: object, suggestion: str) -> Path:
        asked.append(suggestion)
        return out

    monkeypatch.setattr(files, "export_path", where)
    dialog = _dialog(window, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData(".csv"))
    QTest.mouseClick(dialog.by_view, Qt.MouseButton.LeftButton)
    assert dialog.by_view.isChecked() and not dialog.columns.isEnabled()
    assert dialog.view.currentText() == "Must have"
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert asked == ["crm - Must have.csv"]
    with open(out, encoding="utf-8-sig", newline="") as f:
        read = list(csv.reader(f))
    assert read[0] == ["编号", "标题", "优先级", "版本"]
    assert [r[0] for r in read[1:]] == musts and musts


def test_reqif_holds_everything_so_the_choices_are_off(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    dialog = _dialog(window, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData(".reqif"))
    assert not dialog.columns.isEnabled() and not dialog.by_view.isEnabled()
    assert "ReqIF" in dialog.note.text() and dialog.export_button.isEnabled()
    dialog.reject()
