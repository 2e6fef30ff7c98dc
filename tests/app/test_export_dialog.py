"""File ▸ Export PRD driven through the real window: keys, clicks, files on disk."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pmdesk.app import dialogs
from pmdesk.app.document.export_dialog import ExportDialog
from pmdesk.app.main_window import MainWindow
from pmdesk.core.newproject.from_snapshot import import_snapshot
from pmdesk.core.snapshot.convert import dumps, loads
from tests.app.conftest import Answers, open_sync
from tests.bench.synth import generate


@pytest.fixture
def opened_files(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    files: list[Path] = []
    monkeypatch.setattr(dialogs, "open_file", files.append)
    return files


def closed(dialog: ExportDialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def export_dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_export_markdown_without_rejected_requirements(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened_files: list[Path],
) -> None:
    open_sync(window, sample)
    dialog = export_dialog(qtbot, window)
    # On the label's first letters: a radio button only reacts on its indicator and text.
    at = QPoint(12, dialog.markdown.height() // 2)
    QTest.mouseClick(dialog.markdown, Qt.MouseButton.LeftButton, pos=at)
    assert dialog.markdown.isChecked()
    dialog.statuses["rejected"].click()
    target = tmp_path / "out" / "prd"
    target.parent.mkdir()
    asked: list[tuple[str | Path, str]] = []

    def choose(_parent: QWidget, suggestion: str | Path, fmt: str) -> Path:
        asked.append((suggestion, fmt))
        return target.with_suffix(".md")

    monkeypatch.setattr(dialogs, "export_path", choose)
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=20_000)
    assert asked == [(sample.with_suffix(".md"), ".md")]
    text = (tmp_path / "out" / "prd.md").read_text(encoding="utf-8")
    assert "## 11 需求详情" in text and "CRM-2 客户 360° 视图" in text
    assert "CRM-37 自定义报表设计器" not in text  # rejected, left out
    assert opened_files == [tmp_path / "out" / "prd.md"]
    assert "prd.md" in window.statusBar().currentMessage()
    assert window.settings.export_format == "md"


def test_export_word_in_english(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, opened_files: list[Path]
) -> None:
    open_sync(window, sample)
    dialog = export_dialog(qtbot, window)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.open_after.setChecked(False)
    dialog.fields["kano"].click()  # every field is on by default: leave Kano out
    dialog.start(tmp_path / "prd.docx")
    assert not dialog.language.isEnabled()  # options are frozen while it runs
    qtbot.waitUntil(lambda: closed(dialog), timeout=20_000)
    document = docx.Document(str(tmp_path / "prd.docx"))
    assert "Requirements" in [p.text for p in document.paragraphs]
    facts = [t for t in document.tables if t.rows[0].cells[1].text.startswith("CRM-")]
    labels = {row.cells[i].text for t in facts for row in t.rows for i in (0, 2)}
    assert "Lane" in labels and "Tags" in labels and "Kano" not in labels
    assert opened_files == []


def test_cancel_stops_the_export_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, opened_files: list[Path]
) -> None:
    project = tmp_path / "big.pmdesk"
    import_snapshot(loads(dumps(generate(3000))), project)
    open_sync(window, project)
    dialog = export_dialog(qtbot, window)
    dialog.start(tmp_path / "big.docx")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels a running export
    qtbot.waitUntil(lambda: closed(dialog), timeout=30_000)
    assert not (tmp_path / "big.docx").exists()
    hidden = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert hidden == [".~lock.big.pmdesk#"]  # no temporary file; the lock of the open project
    assert opened_files == []


def test_unwritable_target_says_why_and_keeps_the_dialog(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, answers: Answers
) -> None:
    open_sync(window, sample)
    dialog = export_dialog(qtbot, window)
    dialog.start(tmp_path / "missing" / "prd.docx")
    qtbot.waitUntil(lambda: bool(answers.errors), timeout=20_000)
    assert "does not exist" in answers.errors[0]
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    dialog.reject()


def test_export_needs_an_open_project(window: MainWindow) -> None:
    assert not window.commands.export.isEnabled()
