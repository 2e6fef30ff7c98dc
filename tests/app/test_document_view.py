"""The document pane gives the texts room: editor and preview side by side or one
of them alone, the section list collapsible, all remembered; the preview numbers
headings as the PRD does, follows the caret and follows in-page links (issue 14)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.document.pane import DocumentPane
from pmdesk.app.main_window import MainWindow
from pmdesk.app.settings import AppSettings
from tests.app.conftest import open_sync, ws

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def roomy_pane(qtbot: QtBot, window: MainWindow, sample: Path) -> DocumentPane:
    open_sync(window, sample)
    window.resize(1600, 1000)
    window.roadmap_dock.hide()
    window.detail_dock.hide()
    pane = ws(window).document_pane
    qtbot.waitUntil(lambda: pane.texts.width() > 700)
    return pane


def rendered(qtbot: QtBot, pane: DocumentPane, text: str, shows: str) -> None:
    """Put `text` in the editor as a paste would, and wait for its preview."""
    pane.editor.setPlainText(text)
    qtbot.waitUntil(lambda: shows in pane.preview.toPlainText(), timeout=10_000)


def test_view_buttons_and_keys_choose_what_shows(
    qtbot: QtBot, window: MainWindow, sample: Path, settings: AppSettings
) -> None:
    pane = roomy_pane(qtbot, window, sample)
    editor_width, preview_width = pane.texts.sizes()
    assert editor_width > 200 and preview_width > 200  # side by side at first
    assert pane.view_buttons["both"].isChecked()

    QTest.mouseClick(pane.view_buttons["preview"], LEFT)
    assert not pane.editor.isVisible() and pane.preview.isVisible()
    qtbot.waitUntil(lambda: pane.preview.width() > editor_width + preview_width - 10)
    assert settings.document_view == "preview"

    QTest.mouseClick(pane.view_buttons["editor"], LEFT)
    assert pane.editor.isVisible() and not pane.preview.isVisible()
    assert pane.view_buttons["editor"].isChecked() and not pane.view_buttons["preview"].isChecked()

    pane.editor.setFocus()
    QTest.keyClick(pane.editor, Qt.Key.Key_2, CTRL)
    assert pane.editor.isVisible() and pane.preview.isVisible()
    editor_now, preview_now = pane.texts.sizes()  # as they were (the handle's pixels aside)
    assert abs(editor_now - editor_width) <= 4 and abs(preview_now - preview_width) <= 4
    QTest.keyClick(pane.editor, Qt.Key.Key_3, CTRL)
    assert pane.view == "preview" and not pane.editor.isVisible()
    assert settings.document_view == "preview"


def test_section_list_collapses_and_is_remembered(
    qtbot: QtBot, window: MainWindow, sample: Path, settings: AppSettings, data_dir: Path
) -> None:
    pane = roomy_pane(qtbot, window, sample)
    width = pane.splitter.sizes()[0]
    assert width > 100 and pane.sections_button.isChecked()
    before = pane.texts.width()

    QTest.mouseClick(pane.sections_button, LEFT)
    assert pane.splitter.sizes()[0] == 0
    qtbot.waitUntil(lambda: pane.sections.visibleRegion().isEmpty())
    qtbot.waitUntil(lambda: pane.texts.width() >= before + width - 10)
    assert not settings.document_sections_shown

    QTest.mouseClick(pane.sections_button, LEFT)
    assert pane.splitter.sizes()[0] == width
    qtbot.waitUntil(lambda: pane.sections.width() > 100)
    QTest.keyClick(pane.editor, Qt.Key.Key_F9)  # its key, from the editor
    assert pane.splitter.sizes()[0] == 0 and not pane.sections_button.isChecked()
    QTest.keyClick(pane.editor, Qt.Key.Key_F9)
    assert pane.splitter.sizes()[0] == width and pane.sections_button.isChecked()

    # Dragged shut by its handle, the list is collapsed and the button says so.
    handle = pane.splitter.handle(1)
    middle = QPoint(handle.width() // 2, handle.height() // 2)
    QTest.mousePress(handle, LEFT, Qt.KeyboardModifier.NoModifier, middle)
    QTest.mouseMove(handle, middle - QPoint(width + 50, 0))
    QTest.mouseRelease(handle, LEFT, Qt.KeyboardModifier.NoModifier, middle - QPoint(width + 50, 0))
    assert pane.splitter.sizes()[0] == 0
    assert not pane.sections_button.isChecked()
    assert not settings.document_sections_shown

    # Remembered: the next window opens the pane as it was left.
    QTest.mouseClick(pane.view_buttons["preview"], LEFT)
    window.close()
    again = MainWindow(settings, data_dir)
    qtbot.addWidget(again)
    again.show()
    open_sync(again, sample)
    other = ws(again).document_pane
    assert other.splitter.sizes()[0] == 0 and not other.sections_button.isChecked()
    assert other.view == "preview" and not other.editor.isVisible()
    again.close()


def test_preview_follows_the_caret(qtbot: QtBot, window: MainWindow, sample: Path) -> None:
    pane = roomy_pane(qtbot, window, sample)
    lines = [f"## 第 {n} 节\n\n第 {n} 节的正文，写得足够长，占满一行又一行。" for n in range(1, 41)]
    rendered(qtbot, pane, "\n\n".join(lines), "第 40 节的正文")
    bar = pane.preview.verticalScrollBar()
    assert bar.maximum() > 1000
    pane.editor.setFocus()

    QTest.keyClick(pane.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() > 1000  # the last heading, not the top, is beside the caret
    shown = pane.preview.cursorForPosition(QPoint(10, pane.editor.cursorRect().top() + 4))
    assert "第 40 节" in shown.block().text() or "第 40 节的正文" in shown.block().text()

    cursor = pane.editor.textCursor()
    middle = pane.editor.document().findBlockByNumber(40)  # "## 第 11 节"
    cursor.setPosition(middle.position())
    pane.editor.setTextCursor(cursor)
    place = pane.editor.cursorRect().top() + 4
    assert "11 第 11 节" in pane.preview.cursorForPosition(QPoint(10, place)).block().text()

    QTest.keyClick(pane.editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0


def test_preview_numbers_headings_and_follows_links(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = roomy_pane(qtbot, window, sample)
    pane.sections.setCurrentRow(4)  # 功能需求总览, chapter 5 of the PRD
    filler = "\n\n".join(f"第 {n} 段。" for n in range(60))
    rendered(
        qtbot,
        pane,
        f"## 细节\n\n{filler}\n\n[回到本章](#5-功能需求总览) [看细节](#51-细节) "
        "[背景](#2-背景与目标)",
        "回到本章",
    )
    text = pane.preview.toPlainText()
    assert text.startswith("5 功能需求总览") and "5.1 细节" in text
    bar = pane.preview.verticalScrollBar()

    def click(words: str) -> None:
        bar.setValue(bar.maximum())
        found = pane.preview.document().find(words)
        assert not found.isNull(), words
        place = QTextCursor(found)
        place.setPosition(found.selectionStart() + 1)
        spot = pane.preview.cursorRect(place).center()
        QTest.mouseClick(pane.preview.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, spot)

    def top(words: str) -> int:
        block = pane.preview.document().find(words).block()
        return round(pane.preview.document().documentLayout().blockBoundingRect(block).top())

    click("回到本章")
    assert bar.value() == top("5 功能需求总览") < 10  # back at the section's heading
    click("看细节")
    assert bar.value() == top("5.1 细节") and 0 < bar.value() < bar.maximum()

    # A chapter in another section: that section opens at its heading.
    with qtbot.waitSignal(pane.preview_rendered, timeout=10_000):
        click("背景")
    assert pane.sections.currentRow() == 1
    assert pane.preview.toPlainText().startswith("2 背景与目标")
