"""Project ▸ Properties…: the project's title, product, version, authors,
organisation, key prefix, language and logo, changed with keys and clicks as one
undo step, saved, and read back from the file on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QImageWriter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.setup import questions
from pmdesk.app.setup.properties_dialog import ProjectPropertiesDialog
from pmdesk.core.merge.files import read_project
from tests.app.conftest import Answers, open_sync, ws
from tests.app.keyboard import type_text
from tests.app.setup_helpers import back_to, focused, modal
from tests.app.test_read_only import lock_by_colleague

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def write_png(path: Path, width: int = 40, height: int = 20) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    assert image.save(str(path))
    return path.read_bytes()


def on_disk(path: Path) -> dict[str, object]:
    (project,) = read_project(path)["project"].values()
    return dict(project)


def open_properties(qtbot: QtBot, window: MainWindow) -> ProjectPropertiesDialog:
    window.commands.properties.trigger()
    return modal(qtbot, ProjectPropertiesDialog)


def retype(qtbot: QtBot, dialog: ProjectPropertiesDialog, mnemonic: Qt.Key, text: str) -> None:
    """Alt+mnemonic to the field, select what is there, type over it."""
    QTest.keyClick(dialog, mnemonic, ALT)
    widget = focused()
    QTest.keyClick(widget, Qt.Key.Key_A, CTRL)
    type_text(qtbot, widget, text)


def test_properties_are_changed_saved_and_read_back(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    answers: Answers,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_sync(window, sample)
    logo = tmp_path / "logo.png"
    write_png(logo)
    monkeypatch.setattr(questions, "choose_image", lambda _parent: logo)
    before = ws(window).session.project.info()
    dialog = open_properties(qtbot, window)
    retype(qtbot, dialog, Qt.Key.Key_T, "客户管理系统需求")
    assert focused() is dialog.title
    retype(qtbot, dialog, Qt.Key.Key_P, "云客 CRM")
    retype(qtbot, dialog, Qt.Key.Key_V, "2.1")
    assert [dialog.authors.item(i).text() for i in range(dialog.authors.count())] == [
        "张伟",
        "陈静",
    ]
    QTest.keyClick(dialog, Qt.Key.Key_A, ALT)
    assert focused() is dialog.authors
    QTest.keyClick(dialog.authors, Qt.Key.Key_End)
    QTest.keyClick(dialog.authors, Qt.Key.Key_Delete)  # 陈静 is no author any more
    QTest.mouseClick(dialog.add_author, Qt.MouseButton.LeftButton)
    type_text(qtbot, focused(), "李四\n")
    # The delegate commits and closes the editor through queued calls.
    qtbot.waitUntil(lambda: dialog.authors.state() != dialog.authors.State.EditingState)
    retype(qtbot, dialog, Qt.Key.Key_R, "云客科技")  # O&rganisation
    QTest.keyClick(dialog, Qt.Key.Key_L, ALT)
    assert focused() is dialog.language
    QTest.keyClick(dialog.language, Qt.Key.Key_Down)  # English
    QTest.mouseClick(dialog.choose_logo, Qt.MouseButton.LeftButton)
    assert dialog.logo_preview.pixmap() is not None and not dialog.logo_preview.pixmap().isNull()
    assert dialog.remove_logo.isEnabled()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    stack = ws(window).session.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Change project properties"
    info = ws(window).session.project.info()
    assert (info.title, info.product, info.version, info.language) == (
        "客户管理系统需求",
        "云客 CRM",
        "2.1",
        "en",
    )
    assert list(info.authors) == ["张伟", "李四"]
    assert info.organisation == "云客科技"
    assert info.logo == logo.read_bytes()
    assert ws(window).document_pane.language == "en"  # the preview speaks it now

    back_to(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_S, CTRL)
    saved = on_disk(sample)
    assert (saved["title"], saved["product"], saved["version"], saved["language"]) == (
        "客户管理系统需求",
        "云客 CRM",
        "2.1",
        "en",
    )
    assert json.loads(str(saved["authors"])) == ["张伟", "李四"]
    assert saved["organisation"] == "云客科技"
    assert saved["logo"] == logo.read_bytes()

    stack.undo()
    assert ws(window).session.project.info() == before
    assert ws(window).document_pane.language == "zh"
    stack.redo()
    assert ws(window).session.project.info().logo == logo.read_bytes()

    # The dialog shows what the project has now; removing the logo is one more step.
    dialog = open_properties(qtbot, window)
    assert dialog.title.text() == "客户管理系统需求"
    assert dialog.authors.count() == 2
    QTest.mouseClick(dialog.remove_logo, Qt.MouseButton.LeftButton)
    assert not dialog.remove_logo.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert ws(window).session.project.info().logo is None
    assert stack.count() == 2


def test_a_new_key_prefix_renumbers_every_key_and_undo_restores_them(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_sync(window, sample)
    asked: list[tuple[int, str, str]] = []

    def confirm(_parent: object, count: int, old: str, new: str) -> bool:
        asked.append((count, old, new))
        return True

    monkeypatch.setattr(questions, "confirm_renumber", confirm)
    model = ws(window).tree_pane.model
    first = model.children_of(None)[0]
    assert model.row_values(first)[2] == "CRM-1"
    dialog = open_properties(qtbot, window)
    retype(qtbot, dialog, Qt.Key.Key_K, "YK")
    assert "YK-1" in dialog.key_prefix_note.text()
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert asked == [(45, "CRM", "YK")]
    assert not dialog.isVisible()
    assert ws(window).session.project.info().key_prefix == "YK"
    assert model.row_values(first)[2] == "YK-1"
    stack = ws(window).session.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert ws(window).session.project.info().key_prefix == "CRM"
    assert model.row_values(first)[2] == "CRM-1"
    stack.redo()
    assert model.row_values(first)[2] == "YK-1"


def test_declining_the_renumbering_changes_nothing(
    qtbot: QtBot, window: MainWindow, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_sync(window, sample)
    monkeypatch.setattr(questions, "confirm_renumber", lambda *_: False)
    dialog = open_properties(qtbot, window)
    retype(qtbot, dialog, Qt.Key.Key_K, "YK")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.isVisible()  # still there, to change it back or cancel
    assert ws(window).session.undo_stack.count() == 0
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    assert ws(window).session.project.info().key_prefix == "CRM"


def test_a_bad_key_prefix_is_said_and_not_taken(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    dialog = open_properties(qtbot, window)
    retype(qtbot, dialog, Qt.Key.Key_K, "客户")
    assert dialog.key_prefix_note.text() == (
        "A key prefix is 1–10 letters or digits and starts with a letter."
    )
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert ws(window).session.undo_stack.count() == 0


def test_a_logo_over_1_mb_is_made_smaller_instead_of_refused(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A designer's 2400×1200 export, saved uncompressed (about 11 MB): taken,
    scaled to 1000 pixels wide, under 1 MB, and the note says so."""
    open_sync(window, sample)
    big = tmp_path / "logo-print.png"
    image = QImage(2400, 1200, QImage.Format.Format_ARGB32)
    image.fill(QColor("#336699"))
    writer = QImageWriter(str(big))
    writer.setCompression(0)  # none: a big file, as from a print export
    assert writer.write(image)
    assert big.stat().st_size > 5 * 1024 * 1024
    monkeypatch.setattr(questions, "choose_image", lambda _parent: big)
    dialog = open_properties(qtbot, window)
    QTest.mouseClick(dialog.choose_logo, Qt.MouseButton.LeftButton)
    assert dialog.logo_note.text() == (
        "logo-print.png was made smaller to fit in 1 MB (1000 × 500 pixels)."
    )
    assert dialog.logo is not None and len(dialog.logo) <= 1024 * 1024
    assert QImage.fromData(dialog.logo).size().width() == 1000
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert ws(window).session.project.info().logo == dialog.logo


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (b"%PDF-1.4 not a picture", "notes.pdf is not a PNG or JPEG picture."),
        (
            b"\x89PNG\r\n\x1a\n" + bytes(1024 * 1024),
            "notes.pdf is larger than 1 MB: choose a smaller picture.",
        ),
    ],
)
def test_a_logo_that_is_no_picture_or_too_big_is_refused_in_one_sentence(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
    sentence: str,
) -> None:
    open_sync(window, sample)
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(content)
    monkeypatch.setattr(questions, "choose_image", lambda _parent: bad)
    dialog = open_properties(qtbot, window)
    QTest.mouseClick(dialog.choose_logo, Qt.MouseButton.LeftButton)
    assert dialog.logo_note.text() == sentence
    assert dialog.logo is None and not dialog.remove_logo.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert ws(window).session.undo_stack.count() == 0


def test_read_only_the_properties_are_shown_and_cannot_change(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    lock_by_colleague(sample)
    open_sync(window, sample)
    assert window.commands.properties.isEnabled()
    dialog = open_properties(qtbot, window)
    assert dialog.read_only_note.isVisible()
    assert dialog.read_only_note.text() == (
        "crm.pmdesk is open read-only: its properties cannot be changed here."
    )
    for button in (dialog.choose_logo, dialog.add_author):
        assert not button.isEnabled()
    # The texts are readable, not greyed out, and can be copied, not changed.
    for field in (dialog.title, dialog.product, dialog.organisation, dialog.key_prefix):
        assert field.isEnabled() and field.isReadOnly()
    dialog.title.setFocus()
    type_text(qtbot, dialog.title, "x")
    assert dialog.title.text() == ws(window).session.project.info().title
    assert dialog.buttons.standardButtons() == QDialogButtonBox.StandardButton.Close
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert ws(window).session.undo_stack.count() == 0


def test_tab_reaches_every_field_in_order(qtbot: QtBot, window: MainWindow, sample: Path) -> None:
    open_sync(window, sample)
    dialog = open_properties(qtbot, window)
    dialog.title.setFocus()
    seen = [focused()]
    for _ in range(10):
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
    assert seen[:10] == [
        dialog.title,
        dialog.product,
        dialog.version,
        dialog.authors,
        dialog.add_author,
        dialog.remove_author,
        dialog.organisation,
        dialog.key_prefix,
        dialog.language,
        dialog.choose_logo,
    ]
    QTest.keyClick(dialog, Qt.Key.Key_Escape)


def test_the_dialog_speaks_chinese(
    qtbot: QtBot, chinese: None, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    dialog = open_properties(qtbot, window)
    assert dialog.windowTitle() == "项目属性"
    assert dialog.key_prefix_note.text() == "编号将为 CRM-1、CRM-2 …"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "确定"  # Qt's own buttons are translated too
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
