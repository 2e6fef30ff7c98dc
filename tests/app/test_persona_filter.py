"""Filter the tree by persona, group the backlog by persona, edit a row's
persona in the table: real clicks and keys on the sample project."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.backlog.columns import COLUMNS
from pmdesk.app.main_window import MainWindow
from pmdesk.app.tree.model import RequirementTreeModel
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.project import Project
from pmdesk.core.queries.backlog import KEY
from tests.app.backlog_helpers import open_backlog
from tests.app.conftest import ws
from tests.app.filter_helpers import OFFSCREEN_POPUP, pick

NAMES = [c.name for c in COLUMNS]
# The sample's stories of Xiao Chen (the account manager), and of nobody.
CHEN = {"CRM-3", "CRM-4", "CRM-6", "CRM-21", "CRM-24", "CRM-26"}


@pytest.fixture
def english(tmp_path: Path) -> Path:
    path = tmp_path / "crm-en.pmdesk"
    write_sample(path, "en")
    return path


def _personas(path: Path) -> dict[str, str]:
    with Project.view(path) as project:
        return {p.name: p.uid for p in project.personas()}


def _shown(model: RequirementTreeModel) -> list[str]:
    pending, out = list(model.shown_children_of(None)), []
    while pending:
        uid = pending.pop()
        out.append(uid)
        pending += model.shown_children_of(uid)
    return out


@OFFSCREEN_POPUP
def test_the_tree_filters_by_persona_and_the_backlog_follows(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    pane = open_backlog(qtbot, window, english)
    tree = ws(window).tree_pane
    button = tree.fields["persona"]
    assert button.isVisible()
    assert button.text() == "Persona"
    names = [text for text, _ in button.items()]
    assert names == ["Xiao Chen", "Lao Wang", "Sister Lin", "Xiao Li", "No persona"]
    pick(qtbot, button, "Xiao Chen")
    assert button.text() == "Xiao Chen"
    shown = {pane.model.row_of(u)[KEY] for u in pane.model.shown_uids()}
    assert shown == CHEN  # the table: the matches only
    keys = {tree.model.key_of(u) for u in _shown(tree.model)}
    assert keys > CHEN and "CRM-1" in keys  # the tree: the matches with their ancestors
    pick(qtbot, button, "Xiao Chen", "No persona")  # Xiao Chen off, No persona on
    shown = {pane.model.row_of(u)[KEY] for u in pane.model.shown_uids()}
    assert "CRM-1" in shown and not shown & CHEN and "CRM-40" in shown


def test_the_backlog_groups_by_persona_and_edits_it_in_place(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    pane = open_backlog(qtbot, window, english)
    personas = _personas(english)
    pane.group.setCurrentIndex(pane.group.findData("persona"))
    model = pane.model
    headings = [model.group_at(model.index(r, 0)) for r in model.group_rows()]
    titles = [model.group_title(g) for g in headings if g is not None]
    assert titles == ["Xiao Chen", "Lao Wang", "Sister Lin", "Xiao Li", "No persona"]
    chen = next(g for g in headings if g is not None and g.value == personas["Xiao Chen"])
    assert {model.row_of(u)[KEY] for u in chen.uids} == CHEN
    # Edit CRM-40's persona in its cell: a choice, one undo step, on disk after Save.
    column = NAMES.index("persona")
    pane.view.setColumnHidden(column, False)
    uid = next(u for u in model.shown_uids() if model.row_of(u)[KEY] == "CRM-40")
    index = model.index_of(uid, column)
    assert index.data() == ""
    steps = ws(window).session.undo_stack.count()
    assert model.setData(index, personas["Xiao Li"])
    assert ws(window).session.undo_stack.count() == steps + 1
    qtbot.waitUntil(lambda: model.index_of(uid, column).data() == "Xiao Li")
    assert window.save()
    with Project.view(english) as project:
        assert project.persona_requirements()[uid] == personas["Xiao Li"]
    QTest.keySequence(window, "Ctrl+Z")
    qtbot.waitUntil(lambda: model.index_of(uid, column).data() == "")
