"""Project ▸ Personas…: add, name, describe, photograph, reorder and delete
personas with real clicks and keys; each edit one undo step; the file on disk."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.app import dialogs
from pmdesk.app.i18n import install_translators
from pmdesk.app.main_window import MainWindow
from pmdesk.app.personas.cards import ROW_MIME
from pmdesk.app.personas.window import PersonasWindow
from pmdesk.app.setup import questions
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Update
from pmdesk.core.project import Project
from tests.app.conftest import Answers, open_sync, ws
from tests.core.test_schema4 import png


@pytest.fixture
def plurals(qapp: QApplication) -> Iterator[None]:
    """English plural forms ("3 requirements"), as the app installs them."""
    translators = install_translators(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def english(tmp_path: Path) -> Path:
    path = tmp_path / "crm-en.pmdesk"
    write_sample(path, "en")
    return path


def personas_window(qtbot: QtBot, window: MainWindow) -> PersonasWindow:
    action = window.commands.personas
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+U"
    action.trigger()
    found = [w for w in window.findChildren(PersonasWindow) if w.isVisible()]
    assert len(found) == 1
    qtbot.waitExposed(found[0])
    found[0].activateWindow()
    qtbot.waitUntil(found[0].isActiveWindow)
    return found[0]


def on_disk(path: Path) -> list[tuple[str, str, float | None]]:
    with Project.view(path) as project:
        return [(p.name, p.role, p.share) for p in project.personas()]


def undo_text(window: MainWindow) -> str:
    return ws(window).session.undo_stack.undoText()


def test_a_persona_added_named_described_and_saved(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    open_sync(window, english)
    pw = personas_window(qtbot, window)
    existing = on_disk(english)
    QTest.mouseClick(pw.add_button, Qt.MouseButton.LeftButton)
    assert undo_text(window) == "Create persona New persona"
    assert pw.name.hasFocus() and pw.name.selectedText() == "New persona"
    QTest.keyClicks(pw.name, "Li Na")
    QTest.keyClick(pw.name, Qt.Key.Key_Tab)  # leaving the line commits it
    assert undo_text(window) == "Rename persona New persona to Li Na"
    assert pw.role.hasFocus()
    QTest.keyClicks(pw.role, "Store manager")
    QTest.keyClick(pw.role, Qt.Key.Key_Tab)
    assert pw.share.hasFocus()
    pw.share.lineEdit().selectAll()
    QTest.keyClicks(pw.share, "35")
    QTest.keyClick(pw.share, Qt.Key.Key_Tab)
    # The sample's four personas stand for 98% of the users: 35% more is too many.
    qtbot.waitUntil(
        lambda: pw.total.text() == "The shares add up to 133%: more than all the users."
    )
    goals = pw.texts["goals"]
    goals.setFocus()
    QTest.keyClicks(goals, "- close the day in **5 minutes**")
    QTest.keyClick(goals, Qt.Key.Key_Tab)  # focus out commits the text
    qtbot.waitUntil(lambda: pw.cards.item(pw.cards.count() - 1).text() == "Li Na")
    steps = ws(window).session.undo_stack.count()
    assert window.save()
    assert on_disk(english) == [*existing, ("Li Na", "Store manager", 35.0)]
    with Project.view(english) as project:
        assert project.personas()[-1].goals == "- close the day in **5 minutes**"
    # Each edit was one step: undo takes the goals away, then the share.
    window.commands.undo.trigger()
    qtbot.waitUntil(lambda: pw.texts["goals"].toPlainText() == "")
    window.commands.undo.trigger()
    qtbot.waitUntil(lambda: pw.share.text() == pw.share.specialValueText())
    assert ws(window).session.undo_stack.count() == steps == 5  # create, name, role, share, goals


def test_photo_chosen_refused_and_removed(
    qtbot: QtBot, window: MainWindow, english: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    open_sync(window, english)
    pw = personas_window(qtbot, window)
    QTest.mouseClick(pw.add_button, Qt.MouseButton.LeftButton)
    gif = tmp_path / "face.gif"
    gif.write_bytes(b"GIF89a" + b"\0" * 40)
    chosen: list[Path] = [gif]
    monkeypatch.setattr(questions, "choose_image", lambda *_: chosen.pop(0))
    steps = ws(window).session.undo_stack.count()
    QTest.mouseClick(pw.choose_photo, Qt.MouseButton.LeftButton)
    assert pw.photo_note.text() == "face.gif is not a PNG or JPEG picture."
    assert ws(window).session.undo_stack.count() == steps  # nothing changed
    photo = tmp_path / "face.png"
    photo.write_bytes(png(40, 30))
    chosen.append(photo)
    QTest.mouseClick(pw.choose_photo, Qt.MouseButton.LeftButton)
    assert pw.photo_note.text() == ""
    assert undo_text(window) == "Set the photo of persona New persona"
    qtbot.waitUntil(pw.remove_photo.isEnabled)
    assert window.save()
    with Project.view(english) as project:
        assert project.personas()[-1].photo == png(40, 30)
    QTest.mouseClick(pw.remove_photo, Qt.MouseButton.LeftButton)
    assert undo_text(window) == "Remove the photo of persona New persona"
    qtbot.waitUntil(lambda: not pw.remove_photo.isEnabled())


def test_reorder_with_keys_and_delete_says_how_many_stories_lose_it(
    qtbot: QtBot,
    window: MainWindow,
    english: Path,
    monkeypatch: pytest.MonkeyPatch,
    plurals: None,
) -> None:
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    open_sync(window, english)
    session = ws(window).session
    session.push(Create("persona", a, {"name": "Ann"}))
    session.push(Create("persona", b, {"name": "Ben"}))
    stories = sorted(r[0] for r in session.project.backlog_rows())[:3]
    for uid in stories:
        session.push(Update("requirement", uid, {"persona": b}))
    pw = personas_window(qtbot, window)
    order = pw.cards.uids()
    assert order[-2:] == [a, b]
    pw.cards.select_uid(b)
    pw.cards.setFocus()
    QTest.keyClick(pw.cards, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: pw.cards.uids()[-2:] == [b, a])
    assert undo_text(window) == "Reorder persona Ben"
    assert pw.cards.current_uid() == b
    assert pw.stories.text() == "3 requirements name this persona."
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(dialogs, "yes_no", answer)
    QTest.keyClick(pw.cards, Qt.Key.Key_Delete)
    assert asked == [
        "Delete the persona “Ben”? 3 requirements will lose it and have no persona. "
        "Undo brings it back."
    ]
    qtbot.waitUntil(lambda: b not in pw.cards.uids())
    assert window.save()
    with Project.view(english) as project:
        assert b not in [p.uid for p in project.personas()]
        assert not set(stories) & set(project.persona_requirements())
    window.commands.undo.trigger()
    qtbot.waitUntil(lambda: b in pw.cards.uids())
    with Project.view(english) as project:
        assert b not in [p.uid for p in project.personas()]  # not saved yet
    now = session.project.persona_requirements()
    assert {uid: now.get(uid) for uid in stories} == dict.fromkeys(stories, b)


def test_the_window_reads_in_chinese_and_is_read_only_when_locked(
    qtbot: QtBot, window: MainWindow, sample: Path, chinese: None
) -> None:
    open_sync(window, sample)
    pw = personas_window(qtbot, window)
    assert pw.windowTitle() == "用户画像"
    assert pw.choose_photo.text() == "选择照片…"
    pw.lock_editing()
    assert not pw.add_button.isEnabled() and pw.name.isReadOnly()
    QApplication.processEvents()


def test_a_card_dropped_below_another_moves_there(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    open_sync(window, english)
    pw = personas_window(qtbot, window)
    cards = pw.cards
    first, second, third = cards.uids()[:3]
    dragged = cards.mimeData([cards.item(0)])  # what a drag of the first card carries
    assert bytes(dragged.data(ROW_MIME).data()).decode() == first
    mime = QMimeData()
    mime.setData(ROW_MIME, first.encode())
    target = cards.visualItemRect(cards.item(2))
    drop = QDropEvent(
        QPointF(target.center().x(), target.bottom() - 2),  # the third card's lower half
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    cards.dropEvent(drop)
    qtbot.waitUntil(lambda: cards.uids()[:3] == [second, third, first])
    assert undo_text(window).startswith("Reorder persona ")
    assert window.save()
    with Project.view(english) as project:
        assert [p.uid for p in project.personas()][:3] == [second, third, first]
    # A drop from elsewhere (no card in it) moves nothing.
    foreign = QMimeData()
    foreign.setText("a persona")
    elsewhere = QDropEvent(
        QPointF(target.center()),
        Qt.DropAction.MoveAction,
        foreign,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    cards.dropEvent(elsewhere)
    assert cards.uids()[:3] == [second, third, first]


def test_typing_then_closing_the_project_asks_and_saves_it(
    qtbot: QtBot, window: MainWindow, english: Path, answers: Answers
) -> None:
    open_sync(window, english)
    pw = personas_window(qtbot, window)
    goals = pw.texts["goals"]
    goals.setFocus()
    goals.selectAll()
    QTest.keyClicks(goals, "Typed just before closing")
    answers.save_changes = QMessageBox.StandardButton.Save
    assert window.close_project()  # asks (the typing counts as a change), saves
    assert answers.asked == ["save"]
    qtbot.waitUntil(lambda: not window.findChildren(PersonasWindow))
    assert window.workspace is None
    with Project.view(english) as project:
        assert project.personas()[0].goals == "Typed just before closing"
