"""Issue 12: an edit in the window is shown from the values its effects carry.

A title or status edit runs the operation's own statements and nothing else: the
tree, the details and the roadmap take the new values from the change, and show
exactly what reading the project again would show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from pmdesk.app.main_window import MainWindow
from pmdesk.app.tree.model import Column
from tests.app.conftest import open_sync, ws


@pytest.fixture
def edited(qtbot: QtBot, window: MainWindow, sample: Path) -> tuple[MainWindow, str]:
    """The sample open, CRM-8 shown in the details, the roadmap laid out."""
    open_sync(window, sample)
    window.resize(1500, 1000)
    window.roadmap_dock.show()
    pane = ws(window).roadmap_pane
    found = ws(window).session.project.find_requirements("CRM-8", 50)
    uid = next(r[0] for r in found if r[1] == "CRM-8")
    qtbot.waitUntil(lambda: pane.layout_shown is not None and not pane._stale)
    ws(window).tree_pane.view.select_uid(uid)
    assert ws(window).detail_editor.current_uid == uid
    return window, uid


def statements_during(window: MainWindow, action: Callable[[], object]) -> list[str]:
    assert window.workspace is not None
    engine = ws(window).session.working_copy.store.engine
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement.split(" ")[0] + " " + statement.split(" ")[1])

    event.listen(engine, "before_cursor_execute", note)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return seen


def shown(window: MainWindow, uid: str) -> tuple[object, ...]:
    """What the tree row and the details pane show of `uid`."""
    tree, editor = ws(window).tree_pane, ws(window).detail_editor
    index = tree.model.index_of(uid)
    row = [index.siblingAtColumn(c).data() for c in Column]
    form = editor.form
    fields = {name: field.read() for name, field in editor._fields.items()}
    return (
        row,
        fields,
        form.footer.text(),
        form.header_key.text() if hasattr(form, "header_key") else None,
    )


@pytest.mark.parametrize("kind", ["title", "status", "kind"])
def test_an_edit_runs_only_the_operations_statements(
    qtbot: QtBot, edited: tuple[MainWindow, str], kind: str
) -> None:
    window, uid = edited
    editor = ws(window).detail_editor
    form = editor.form
    if kind == "title":
        QTest.keyClick(form.title, Qt.Key.Key_End)
        QTest.keyClicks(form.title, " v2")

        def press() -> None:
            QTest.keyClick(form.title, Qt.Key.Key_Return)
    else:
        box = form.status if kind == "status" else form.kind
        box.setFocus()

        def press() -> None:
            QTest.keyClick(box, Qt.Key.Key_Down)

    before = shown(window, uid)
    seen = statements_during(window, press)
    qtbot.wait(50)
    after = shown(window, uid)
    assert after != before
    # Read the row for the undo step (it also names it for the Edit menu), write it, log it.
    # A text edit also asks which links rest on it (schema 8: they need review).
    assert seen == [
        "SELECT requirement.uid,",
        "UPDATE requirement",
        "INSERT INTO",
        *(["SELECT link.uid,"] if kind == "title" else []),
    ]
    assert ws(window).session.undo_stack.undoText().endswith("CRM-8")
    assert not ws(window).roadmap_pane._stale
    # Read afresh, the same is shown.
    ws(window).tree_pane.model.reload()
    editor.show_requirement(None)
    ws(window).tree_pane.view.select_uid(uid)
    assert shown(window, uid) == after
