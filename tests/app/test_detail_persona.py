"""The details pane's persona choice and user story template, driven with real
clicks and keys, checked on the file on disk and the undo stack."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.details.editor import DetailEditor
from pmdesk.app.session import ProjectSession
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Remove, Update
from pmdesk.core.project import Project
from pmdesk.core.storage.workingcopy import WorkingCopy

_EDITORS: list[DetailEditor] = []


def _make(qtbot: QtBot, tmp_path: Path, language: str) -> Iterator[tuple[ProjectSession, Path]]:
    path = tmp_path / f"crm-{language}.pmdesk"
    write_sample(path, language)
    wc = WorkingCopy.open(path, data_dir=tmp_path / "data")
    session = ProjectSession(wc)
    try:
        yield session, path
    finally:
        while _EDITORS:  # before the project closes: an editor commits what is pending
            _EDITORS.pop().close()
        wc.close(discard=True)


@pytest.fixture(params=["en", "zh"])
def opened(
    request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path
) -> Iterator[tuple[ProjectSession, Path, str]]:
    for session, path in _make(qtbot, tmp_path, request.param):
        yield session, path, request.param


def _editor(qtbot: QtBot, session: ProjectSession) -> DetailEditor:
    editor = DetailEditor(session, TaskRunner())
    qtbot.addWidget(editor)
    _EDITORS.append(editor)
    editor.resize(560, 1500)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def _new_story(session: ProjectSession, kind: str = "story") -> str:
    uid = str(uuid.uuid4())
    assert session.push(Create("requirement", uid, {"title": "Close the day", "kind": kind}))
    return uid


def test_choose_a_persona_then_insert_the_story_template(
    qtbot: QtBot, opened: tuple[ProjectSession, Path, str]
) -> None:
    session, path, language = opened
    ann = str(uuid.uuid4())
    session.push(Create("persona", ann, {"name": "店长 Ann" if language == "zh" else "Ann"}))
    story = _new_story(session)
    editor = _editor(qtbot, session)
    editor.show_requirement(story)
    form = editor.form
    assert form.story_template.isVisible()
    # The persona: chosen from the list with the keyboard, one undo step.
    names = [form.persona.itemText(i) for i in range(form.persona.count())]
    assert names[0] == "—" and names[-1] == ("店长 Ann" if language == "zh" else "Ann")
    assert not form.persona.itemIcon(names.index(names[-1])).isNull()  # the avatar
    steps = session.undo_stack.count()
    form.persona.setFocus()
    QTest.keyClick(form.persona, Qt.Key.Key_End)  # the last choice: Ann
    assert form.persona.currentData() == ann
    assert session.undo_stack.count() == steps + 1
    steps += 1
    QTest.mouseClick(form.story_template, Qt.MouseButton.LeftButton)
    expected = (
        "作为店长 Ann，我希望…，以便…。" if language == "zh" else "As Ann, I want …, so that …."
    )
    assert form.description.value() == expected
    assert session.undo_stack.count() == steps + 1
    qtbot.waitUntil(lambda: not form.story_template.isVisible())
    # The first "…" is selected: typing replaces it.
    assert form.description.text.textCursor().selectedText() == "…"
    session.save()
    with Project.view(path) as project:
        detail = project.requirement(story)
        assert detail is not None
        assert (detail.values["persona"], detail.values["description"]) == (ann, expected)
    session.undo_stack.undo()
    qtbot.waitUntil(form.story_template.isVisible)


def test_the_template_is_offered_only_to_stories_without_a_description(
    qtbot: QtBot, tmp_path: Path
) -> None:
    for session, _path in _make(qtbot, tmp_path, "en"):
        feature = _new_story(session, "feature")
        editor = _editor(qtbot, session)
        editor.show_requirement(feature)
        assert not editor.form.story_template.isVisible()
        editor.form.kind.setCurrentIndex(editor.form.kind.findData("story"))
        qtbot.waitUntil(editor.form.story_template.isVisible)
        QTest.mouseClick(editor.form.story_template, Qt.MouseButton.LeftButton)
        assert editor.form.description.value() == "As a <persona>, I want …, so that …."
        editor.form.description.text.selectAll()
        QTest.keyClick(editor.form.description.text, Qt.Key.Key_Delete)
        qtbot.waitUntil(editor.form.story_template.isVisible)  # empty again: offered again


def test_deleting_the_persona_empties_the_choice_and_undo_brings_it_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    for session, _path in _make(qtbot, tmp_path, "en"):
        ann = str(uuid.uuid4())
        session.push(Create("persona", ann, {"name": "Ann"}))
        story = _new_story(session)
        session.push(Update("requirement", story, {"persona": ann}))
        editor = _editor(qtbot, session)
        editor.show_requirement(story)
        assert editor.form.persona.currentData() == ann
        session.push(Remove((("persona", ann),)))
        assert editor.form.persona.currentData() is None
        assert editor.form.persona.findData(ann) < 0
        session.undo_stack.undo()
        assert editor.form.persona.currentData() == ann
