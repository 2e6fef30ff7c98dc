"""File ▸ Export PRD as PDF, through the real window: a click on "PDF", a file on disk."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pmdesk.app import dialogs
from pmdesk.app.document.export_dialog import ExportDialog
from pmdesk.app.main_window import MainWindow
from tests.app.conftest import open_sync


def export_dialog(window: MainWindow) -> ExportDialog:
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def closed(dialog: ExportDialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_the_pdf_choice_exports_a_pdf_and_is_remembered(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(dialogs, "open_file", opened.append)
    open_sync(window, sample)
    dialog = export_dialog(window)
    assert dialog.pdf.text() == "PDF (.pdf)"
    at = QPoint(12, dialog.pdf.height() // 2)  # on the label: radio buttons react there
    QTest.mouseClick(dialog.pdf, Qt.MouseButton.LeftButton, pos=at)
    assert dialog.pdf.isChecked() and not dialog.docx.isChecked()
    asked: list[tuple[str | Path, str]] = []

    def choose(_parent: QWidget, suggestion: str | Path, suffix: str) -> Path:
        asked.append((suggestion, suffix))
        return tmp_path / "prd.pdf"

    monkeypatch.setattr(dialogs, "export_path", choose)
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # runs on a worker
    qtbot.waitUntil(lambda: closed(dialog), timeout=60_000)
    assert asked == [(sample.with_suffix(".pdf"), ".pdf")]
    out = tmp_path / "prd.pdf"
    assert out.read_bytes().startswith(b"%PDF-")
    assert opened == [out]
    assert "prd.pdf" in window.statusBar().currentMessage()
    assert window.settings.export_format == "pdf"
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "需求详情" in text and "CRM-2" in text
    again = window.export_dialog()  # the next export starts from the same choice
    assert again is not None and again.pdf.isChecked()
    again.reject()
