"""The tree's filter bar as a PM uses it: several values per field, tags, dates,
changed since a baseline; what follows the filter (the roadmap, the backlog, the
status bar, the PRD export). Real clicks and keys on the English sample."""

from __future__ import annotations

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
from pmdesk.app.tree.model import RequirementTreeModel
from pmdesk.app.tree.pane import TreePane
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import CreateBaseline
from pmdesk.core.ops.edits import Update
from pmdesk.core.queries.backlog import KEY
from pmdesk.core.snapshot.baselines import new_baseline_uid
from tests.app.backlog_helpers import open_backlog
from tests.app.conftest import ws
from tests.app.filter_helpers import OFFSCREEN_POPUP, pick
from tests.app.keyboard import type_text

# Approved or in progress, tagged "mobile"; CRM-1 is CRM-2's parent, shown for context.
MATCHES = {"CRM-2", "CRM-17", "CRM-20"}


@pytest.fixture
def english(tmp_path: Path) -> Path:
    path = tmp_path / "crm-en.pmdesk"
    write_sample(path, "en")
    return path


def _shown(model: RequirementTreeModel) -> set[str]:
    pending, out = list(model.shown_children_of(None)), set()
    while pending:
        uid = pending.pop()
        out.add(model.key_of(uid))
        pending += model.shown_children_of(uid)
    return out


def _uid(tree: TreePane, key: str) -> str:
    return next(u for u, r in tree.model.rows().items() if r[2] == key)


def _expanded(tree: TreePane) -> set[str]:
    model, view = tree.model, tree.view
    return {model.key_of(u) for u in model.rows() if view.isExpanded(model.index_of(u))}


@OFFSCREEN_POPUP
def test_two_statuses_and_a_tag_filter_every_view_and_clearing_keeps_expansion(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    backlog = open_backlog(qtbot, window, english)
    window.roadmap_dock.show()
    roadmap = ws(window).roadmap_pane
    qtbot.waitUntil(lambda: roadmap.layout_shown is not None)
    layout = roadmap.layout_shown
    assert layout is not None
    tree = ws(window).tree_pane
    # The user opens two epics and leaves the rest closed.
    tree.view.collapseAll()
    for key in ("CRM-10", "CRM-27"):
        tree.view.expand(tree.model.index_of(_uid(tree, key)))
    assert _expanded(tree) == {"CRM-10", "CRM-27"}

    pick(qtbot, tree.fields["status"], "Approved", "In progress")
    assert tree.fields["status"].text() == "2 statuses"
    pick(qtbot, tree.fields["tags"], "mobile")
    assert tree.fields["tags"].text() == "mobile"

    # The tree: the matches, and CRM-1 above CRM-2 drawn muted (context, not a match).
    assert _shown(tree.model) == MATCHES | {"CRM-1"}
    crm1, crm2 = _uid(tree, "CRM-1"), _uid(tree, "CRM-2")
    muted = tree.model.data(tree.model.index_of(crm1, 1), Qt.ItemDataRole.ForegroundRole)
    assert muted is not None and tree.model.is_context(crm1)
    assert tree.model.data(tree.model.index_of(crm2, 1), Qt.ItemDataRole.ForegroundRole) is None
    # The backlog table: the matches only.
    assert {backlog.model.row_of(u)[KEY] for u in backlog.model.shown_uids()} == MATCHES
    # The roadmap: only the matches' bars are drawn (and can be grabbed).
    drawn = {b.key for b in roadmap.view.shown_bars()}
    assert drawn and drawn <= MATCHES and {"CRM-2", "CRM-20"} <= drawn
    assert any(b.key == "CRM-5" for b in layout.bars)  # there, not drawn
    # The status bar counts them.
    # (Tests run on the source texts: the English .qm says "requirements".)
    assert window.counts_label.text() == "3 of 45 requirement(s) shown"

    # Escape in the filter box clears it all; what the user had open is open again.
    tree.search.setFocus()
    QTest.keyClick(tree.search, Qt.Key.Key_Escape)
    assert tree.fields["status"].text() == "Status" and tree.fields["tags"].text() == "Tags"
    assert tree.matched_uids() is None and not tree.model.filtering
    # Open as before, and the row the user is on stays in sight (its parents open).
    current = tree.view.current_uid()
    assert current is not None
    around = {tree.model.key_of(u) for u in tree.model.with_ancestors([current])}
    assert {"CRM-10", "CRM-27"} <= _expanded(tree) <= {"CRM-10", "CRM-27"} | around
    assert "CRM-5" not in around and "CRM-5" not in _expanded(tree)
    assert backlog.model.shown_count() == 45
    assert len(roadmap.view.shown_bars()) == len(layout.bars)
    assert window.counts_label.text() == "45 requirement(s)"


def test_the_text_box_finds_descriptions_and_says_when_nothing_matches(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    open_backlog(qtbot, window, english)
    tree = ws(window).tree_pane
    QTest.keySequence(window, "Ctrl+F")
    assert tree.search.hasFocus()
    # "PIPL" is in one title (CRM-42), and in tags and descriptions of others.
    type_text(qtbot, tree.search, "PIPL")
    qtbot.waitUntil(lambda: tree.matched_uids() is not None)
    keys = {tree.model.key_of(u) for u in tree.matched_uids() or ()}
    assert keys == {"CRM-38", "CRM-40", "CRM-42", "CRM-43"}
    assert not tree.empty.isVisibleTo(tree)
    QTest.keyClick(tree.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, tree.search, "zzqx nothing")
    qtbot.waitUntil(lambda: tree.matched_uids() == set())
    assert tree.empty.isVisibleTo(tree) and tree.empty.text() == "No requirements match"
    QTest.keyClick(tree.search, Qt.Key.Key_Escape)
    assert tree.search.text() == "" and not tree.empty.isVisibleTo(tree)


@OFFSCREEN_POPUP
def test_dates_and_changes_since_a_baseline(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    open_backlog(qtbot, window, english)
    tree = ws(window).tree_pane
    session = ws(window).session
    assert not tree.bar.baseline.isVisibleTo(tree)  # no baseline yet
    session.push(CreateBaseline(new_baseline_uid(), "v1.0"))  # as the Baselines window
    crm9 = _uid(tree, "CRM-9")
    session.push(Update("requirement", crm9, {"title": "Registry auto-fill"}))
    assert tree.bar.baseline.isVisibleTo(tree)
    tree.bar.baseline.setCurrentIndex(tree.bar.baseline.findText("Changed since v1.0"))
    assert {tree.model.key_of(u) for u in tree.matched_uids() or ()} == {"CRM-9"}
    tree.bar.baseline.setCurrentIndex(0)

    dates = tree.bar.dates
    dates.first.setDate(dates.first.date().fromString("2027-04-01", "yyyy-MM-dd"))
    dates.last.setDate(dates.last.date().fromString("2027-05-10", "yyyy-MM-dd"))
    dates.on.click()
    within = {tree.model.key_of(u) for u in tree.matched_uids() or ()}
    assert within == {"CRM-22", "CRM-29"}  # start and end inside April to 10 May
    dates.mode.setCurrentIndex(1)  # overlapping the range
    overlapping = {tree.model.key_of(u) for u in tree.matched_uids() or ()}
    assert overlapping == within | {"CRM-26", "CRM-30", "CRM-32", "CRM-36"}
    assert dates.text() == "2027-04-01 – 2027-05-10"


@OFFSCREEN_POPUP
def test_export_the_filtered_set(
    qtbot: QtBot,
    window: MainWindow,
    english: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dialogs, "open_file", lambda _path: None)
    open_backlog(qtbot, window, english)
    tree = ws(window).tree_pane
    pick(qtbot, tree.fields["status"], "Approved", "In progress")
    pick(qtbot, tree.fields["tags"], "mobile")
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.only_filtered.isChecked()
    assert dialog.only_filtered.text() == "The 3 requirements the filter shows"
    at = QPoint(12, dialog.markdown.height() // 2)
    QTest.mouseClick(dialog.markdown, Qt.MouseButton.LeftButton, pos=at)
    target = tmp_path / "filtered.md"

    def choose(_parent: QWidget, _suggestion: str | Path, _fmt: str) -> Path:
        return target

    monkeypatch.setattr(dialogs, "export_path", choose)
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=20_000)
    text = target.read_text(encoding="utf-8")
    for key in MATCHES:
        assert f"{key} " in text
    for key in ("CRM-5 ", "CRM-19 ", "CRM-45 "):  # (CRM-1 heads CRM-2's chapter)
        assert key not in text


@OFFSCREEN_POPUP
def test_an_edit_under_a_kano_filter_joins_or_leaves_it(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    backlog = open_backlog(qtbot, window, english)
    tree = ws(window).tree_pane
    pick(qtbot, tree.fields["kano"], "Delighter")
    keys = {"CRM-9", "CRM-24", "CRM-31", "CRM-33"}
    assert {tree.model.key_of(u) for u in tree.matched_uids() or ()} == keys
    crm5 = _uid(tree, "CRM-5")
    ws(window).session.push(Update("requirement", crm5, {"kano": "delighter"}))
    assert {tree.model.key_of(u) for u in tree.matched_uids() or ()} == keys | {"CRM-5"}
    assert crm5 in backlog.model.shown_uids()
    QTest.keySequence(window, "Ctrl+Z")
    assert {tree.model.key_of(u) for u in tree.matched_uids() or ()} == keys


def test_needs_review_finds_both_ends_of_a_suspect_link(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    """CRM-13 depends on CRM-11 in the sample: a new title for CRM-11 makes the
    link suspect, and "Needs review" shows the two until it is marked reviewed."""
    open_backlog(qtbot, window, english)
    tree = ws(window).tree_pane
    session = ws(window).session
    assert tree.bar.needs_review.isVisibleTo(tree)
    session.push(Update("requirement", _uid(tree, "CRM-11"), {"title": "Tier rules, again"}))
    QTest.mouseClick(tree.bar.needs_review, Qt.MouseButton.LeftButton)
    assert tree.bar.needs_review.isChecked()
    assert {tree.model.key_of(u) for u in tree.matched_uids() or ()} == {"CRM-11", "CRM-13"}
    session.undo_stack.undo()  # the edit and its marks go
    tree.bar.needs_review.setChecked(False)
    tree.bar.needs_review.setChecked(True)
    assert {tree.model.key_of(u) for u in tree.matched_uids() or ()} == set()
