"""The details pane's Value (the matrix's height) and Horizon (Now / Next /
Later, or the release's): typed and chosen with real keys, one undo step each,
checked on the file on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.details.editor import DetailEditor
from pmdesk.app.session import ProjectSession
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Update
from pmdesk.core.project import Project
from tests.app.detail_helpers import shown_editor


@pytest.fixture
def opened(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[ProjectSession, DetailEditor, Path]]:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    with shown_editor(qtbot, path, tmp_path / "data") as (session, editor):
        yield session, editor, path


def uid_of(session: ProjectSession, key: str) -> str:
    return next(u for u, k, _t in session.project.find_requirements(key, 5) if k == key)


def on_disk(path: Path, uid: str) -> tuple[object, object]:
    with Project.view(path) as project:
        detail = project.requirement(uid)
        assert detail is not None
        return detail.values["value"], detail.values["horizon"]


def test_type_a_value_and_choose_a_horizon(
    opened: tuple[ProjectSession, DetailEditor, Path],
) -> None:
    session, editor, path = opened
    uid = uid_of(session, "CRM-9")
    editor.show_requirement(uid)
    form = editor.form
    assert form.value.text() == "—"
    assert form.horizon.currentText() == "From its release"
    steps = session.undo_stack.count()
    form.value.setFocus()
    form.value.selectAll()
    QTest.keyClicks(form.value, "7.5")
    QTest.keyClick(form.value, Qt.Key.Key_Return)
    assert session.undo_stack.count() == steps + 1
    form.horizon.setFocus()
    QTest.keyClick(form.horizon, Qt.Key.Key_End)  # the last choice: Later
    assert form.horizon.currentData() == "later"
    assert session.undo_stack.count() == steps + 2
    session.save()
    assert on_disk(path, uid) == (7.5, "later")
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert form.value.text() == "—"
    assert form.horizon.currentData() is None


def test_a_value_set_elsewhere_shows_and_is_kept_exactly(
    opened: tuple[ProjectSession, DetailEditor, Path],
) -> None:
    """A drag on the matrix may store 7.25: showing it must not round it, and
    editing another field must not write it back rounded."""
    session, editor, path = opened
    uid = uid_of(session, "CRM-9")
    editor.show_requirement(uid)
    assert session.push(Update("requirement", uid, {"value": 7.25}))
    form = editor.form
    assert form.value.current() == 7.25
    form.horizon.setFocus()
    QTest.keyClick(form.horizon, Qt.Key.Key_Down)  # Now
    session.save()
    assert on_disk(path, uid) == (7.25, "now")
