"""The read-only preview shows the sample project's tree and PRD."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pmdesk.app.preview_window import PreviewWindow
from pmdesk.core.sample import write_sample


def test_preview_shows_sample_tree_and_sections(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    before = path.read_bytes()
    window = PreviewWindow(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.tree.topLevelItemCount() == 6
    first = window.tree.topLevelItem(0)
    assert first.text(0) == "CRM-1" and first.childCount() > 0
    assert "read-only" in window.windowTitle()
    assert "背景" in window.document.toPlainText()
    assert path.read_bytes() == before  # a preview never writes
