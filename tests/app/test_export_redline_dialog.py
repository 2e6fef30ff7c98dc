"""File ▸ Export PRD's redline option: Word's tracked changes since the chosen baseline."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.document.export_dialog import ExportDialog
from pmdesk.app.main_window import MainWindow
from pmdesk.cli import main
from pmdesk.core.ops import Update
from pmdesk.core.project import Project
from tests.app.conftest import open_sync


def test_redline_option_follows_baseline_and_format(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, data_dir: Path
) -> None:
    assert main(["baseline", str(sample), "v1.0 评审版"]) == 0
    with sqlite3.connect(sample) as db:
        (uid,) = db.execute("SELECT uid FROM requirement WHERE key = 'CRM-2'").fetchone()
    db.close()
    project = Project.open(sample, data_dir=data_dir, user="韩梅梅")
    project.apply(Update("requirement", uid, {"title": "客户全景视图"}))
    project.save()
    project.close()

    open_sync(window, sample)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.redline.isVisible()  # no baseline chosen yet
    dialog.baseline.setCurrentIndex(dialog.baseline.findData("v1.0 评审版"))
    assert dialog.redline.isVisible() and not dialog.redline.isChecked()
    at = QPoint(12, dialog.markdown.height() // 2)
    QTest.mouseClick(dialog.markdown, Qt.MouseButton.LeftButton, pos=at)
    assert not dialog.redline.isVisible()  # Markdown has no tracked changes
    QTest.mouseClick(dialog.docx, Qt.MouseButton.LeftButton, pos=at)
    assert dialog.redline.isVisible()
    QTest.mouseClick(dialog.redline, Qt.MouseButton.LeftButton, pos=at)
    assert dialog.redline.isChecked()
    dialog.open_after.setChecked(False)

    dialog.start(tmp_path / "redline.docx")
    assert not dialog.redline.isEnabled()  # frozen while it runs
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=30_000)
    with zipfile.ZipFile(tmp_path / "redline.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert 'w:author="韩梅梅"' in xml and "<w:delText" in xml
