"""The merge conflict dialog on real conflicts of real project files: two people
edit copies of the sample, the merge leaves conflicts, the user picks with clicks
and keys, and the merge with those choices comes out clean."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pmdesk.app.i18n import install_translators
from pmdesk.app.merge.conflict_dialog import ConflictDialog, resolve_conflicts
from pmdesk.app.merge.conflict_model import Column
from pmdesk.core.merge.files import PendingMerge, pending_merge_of
from pmdesk.core.merge.three_way import DELETED, Conflict, Edited, MergeResult, Resolution
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Remove, Update
from tests.core.merge_helpers import by_key, copies, edit


@dataclass
class Case:
    pending: PendingMerge
    result: MergeResult
    uids: dict[str, str]  # key → uid
    releases: dict[str, str]  # name → uid

    def conflict(self, key: str, field: str) -> Conflict:
        uid = self.uids[key]
        return next(c for c in self.result.conflicts if c.uid == uid and c.field == field)


@pytest.fixture
def language(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    """The UI language the test runs in (English unless parametrized)."""
    chosen: str = getattr(request, "param", "en")  # set where the test is parametrized
    translators = install_translators(qapp, chosen)
    yield chosen
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def case(tmp_path: Path) -> Case:
    """Li (mine) and Wang (theirs) both edit CRM-3; Li deletes CRM-8 that Wang
    changed; Wang deletes CRM-12 that Li changed; both rewrite CRM-4's first line."""
    base = tmp_path / "base.pmdesk"
    write_sample(base, "en")
    rows = by_key(base)
    uids = {key: str(row["uid"]) for key, row in rows.items()}
    with sqlite3.connect(base) as conn:
        releases = dict(conn.execute("select name, uid from release"))
    mine, theirs = copies(base, "mine", "theirs")
    description = str(rows["CRM-4"]["description"]).splitlines()
    ours, their = list(description), list(description)
    ours[0] += " It loads within two seconds."
    their[0] += " It can be filtered by type."
    edit(
        mine,
        "Li",
        Update(
            "requirement",
            uids["CRM-3"],
            {"title": "Overview card v2", "status": "approved", "release": releases["v1.1"]},
        ),
        Update("requirement", uids["CRM-4"], {"description": "\n".join(ours)}),
        Remove((("requirement", uids["CRM-8"]),)),
        Update("requirement", uids["CRM-12"], {"owner": "Li"}),
    )
    edit(
        theirs,
        "Wang",
        Update(
            "requirement",
            uids["CRM-3"],
            {"title": "Customer card", "status": "review", "release": releases["v2.0"]},
        ),
        Update("requirement", uids["CRM-4"], {"description": "\n".join(their)}),
        Update("requirement", uids["CRM-8"], {"status": "done"}),
        Remove((("requirement", uids["CRM-12"]),)),
    )
    pending = pending_merge_of(base, mine, theirs)
    return Case(pending, pending.result(), uids, releases)


def show(qtbot: QtBot, case: Case) -> ConflictDialog:
    dialog = ConflictDialog(case.result.conflicts, case.pending.mine, case.pending.theirs, ["Wang"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # shortcuts work in the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def cell(dialog: ConflictDialog, conflict: Conflict, column: Column) -> str:
    return str(dialog.model.index_of(conflict, column).data())


def test_the_conflicts_read_as_a_user_knows_them(qtbot: QtBot, language: str, case: Case) -> None:
    assert {c.field for c in case.result.conflicts} == {
        "title",
        "status",
        "release_uid",
        "description",
        DELETED,
    }
    dialog = show(qtbot, case)
    count = len(case.result.conflicts)
    assert dialog.header.text() == (
        f"Wang also changed {count} things you changed. Choose which version to keep."
    )
    status = case.conflict("CRM-3", "status")
    assert [cell(dialog, status, c) for c in Column] == [
        "Status",
        "Approved",
        "In review",
        "Choose…",
    ]
    release = case.conflict("CRM-3", "release_uid")
    assert [cell(dialog, release, c) for c in Column] == ["Release", "v1.1", "v2.0", "Choose…"]
    # Grouped by requirement: the group row names it by key and title.
    group = dialog.model.index_of(status).parent()
    assert group.data() == "CRM-3  Overview card v2"
    # Deletions in a sentence, with their own choices.
    dialog.select(case.conflict("CRM-8", DELETED))
    assert dialog.title.text() == "You deleted CRM-8; Wang changed its status."
    assert dialog.mine_pane.button.text() == "Delete it"
    assert dialog.theirs_pane.button.text() == "Keep their version"
    assert "Status: Done (was Approved)" in dialog.theirs_pane.short.text()
    assert not dialog.edit_button.isEnabled()
    dialog.select(case.conflict("CRM-12", DELETED))
    assert dialog.title.text() == "Wang deleted CRM-12; you changed its owner."
    assert dialog.mine_pane.button.text() == "Keep my version"
    # A description shows whole, in a scrollable view.
    dialog.select(case.conflict("CRM-4", "description"))
    assert "It loads within two seconds." in dialog.mine_pane.long.toPlainText()
    assert dialog.mine_pane.value.currentWidget() is dialog.mine_pane.long


def test_the_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, case: Case
) -> None:
    dialog = show(qtbot, case)
    qtmodeltester.check(dialog.model)
    dialog.model.set_all("theirs")
    qtmodeltester.check(dialog.model)


def test_keys_and_clicks_settle_every_conflict_and_the_merge_takes_them(
    qtbot: QtBot, case: Case
) -> None:
    dialog = show(qtbot, case)
    order = dialog.model.conflicts()
    assert dialog.current_conflict() == order[0]
    assert not dialog.ok_button.isEnabled()
    # 1 keeps mine, 2 takes theirs, each moving on to the next conflict (across groups).
    wanted = {}
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_2]
    for conflict, key in zip(order, keys, strict=False):
        assert dialog.current_conflict() == conflict
        QTest.keyClick(dialog.view, key)
        wanted[conflict.id] = "mine" if key == Qt.Key.Key_1 else "theirs"
    assert not dialog.ok_button.isEnabled()
    # The rest by clicking the buttons under each side.
    for conflict in order[4:]:
        dialog.select(conflict)
        QTest.mouseClick(dialog.theirs_pane.button, Qt.MouseButton.LeftButton)
        wanted[conflict.id] = "theirs"
        assert dialog.theirs_pane.button.isChecked()
        assert not dialog.mine_pane.button.isChecked()
    assert dialog.ok_button.isEnabled()
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.resolutions() == wanted

    merged = case.pending.result(dialog.resolutions())
    assert merged.clean
    reqs = merged.tables["requirement"]
    for conflict in order:
        side = case.pending.mine if wanted[conflict.id] == "mine" else case.pending.theirs
        if conflict.field == DELETED:
            assert (conflict.uid in reqs) == (conflict.uid in side["requirement"])
        elif conflict.field == "release_uid":
            assert (
                reqs[conflict.uid]["release_uid"]
                == side["requirement"][conflict.uid]["release_uid"]
            )
        else:
            assert (
                reqs[conflict.uid][conflict.field]
                == side["requirement"][conflict.uid][conflict.field]
            )


def test_arrows_move_through_conflicts_past_the_group_rows(qtbot: QtBot, case: Case) -> None:
    dialog = show(qtbot, case)
    order = dialog.model.conflicts()
    dialog.view.setFocus()
    for expected in order[1:]:
        QTest.keyClick(dialog.view, Qt.Key.Key_Down)
        assert dialog.current_conflict() == expected
    for expected in reversed(order[:-1]):
        QTest.keyClick(dialog.view, Qt.Key.Key_Up)
        assert dialog.current_conflict() == expected


def test_alt_shortcuts_choose_for_the_selected_conflict(qtbot: QtBot, case: Case) -> None:
    dialog = show(qtbot, case)
    first = dialog.current_conflict()
    assert first is not None
    QTest.keyClick(dialog.view, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert dialog.resolutions() == {first.id: "theirs"}
    QTest.keyClick(dialog.view, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert dialog.resolutions() == {first.id: "mine"}
    assert cell(dialog, first, Column.DECISION) == "Yours"


@pytest.mark.parametrize("side", ["mine", "theirs"])
def test_keep_all_mine_or_take_all_theirs(qtbot: QtBot, case: Case, side: str) -> None:
    dialog = show(qtbot, case)
    button = dialog.all_mine if side == "mine" else dialog.all_theirs
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert set(dialog.resolutions().values()) == {side}
    assert len(dialog.resolutions()) == len(case.result.conflicts)
    merged = case.pending.result(dialog.resolutions())
    assert merged.clean
    reqs = merged.tables["requirement"]
    if side == "mine":
        assert case.uids["CRM-8"] not in reqs and reqs[case.uids["CRM-12"]]["owner"] == "Li"
        assert reqs[case.uids["CRM-3"]]["title"] == "Overview card v2"
    else:
        assert reqs[case.uids["CRM-8"]]["status"] == "done" and case.uids["CRM-12"] not in reqs
        assert reqs[case.uids["CRM-3"]]["title"] == "Customer card"


def test_edit_a_title(qtbot: QtBot, case: Case) -> None:
    dialog = show(qtbot, case)
    dialog.select(case.conflict("CRM-3", "status"))
    assert not dialog.edit_button.isEnabled()  # a status is picked, not typed
    title = case.conflict("CRM-3", "title")
    dialog.select(title)
    assert dialog.edit_button.isEnabled()
    QTest.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    editor = dialog.editor
    assert editor is not None and editor.line is not None
    assert editor.line.text() == "Overview card v2"  # prefilled with mine
    editor.line.clear()
    assert not editor.ok_button.isEnabled()  # a title cannot be blank
    QTest.keyClicks(editor.line, "Customer overview card v3")
    QTest.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.resolutions() == {title.id: Edited("Customer overview card v3")}
    assert cell(dialog, title, Column.DECISION) == "Edited"
    assert "Customer overview card v3" in dialog.edited.text()

    resolutions: dict[str, Resolution] = {c.id: "mine" for c in case.result.conflicts}
    merged = case.pending.result(resolutions | dialog.resolutions())
    assert merged.clean
    assert merged.tables["requirement"][title.uid]["title"] == "Customer overview card v3"


def test_edit_a_description_starts_from_both_versions(qtbot: QtBot, case: Case) -> None:
    dialog = show(qtbot, case)
    dialog.select(case.conflict("CRM-4", "description"))
    QTest.keyClick(dialog.view, Qt.Key.Key_F2)
    editor = dialog.editor
    assert editor is not None and editor.text is not None
    text = editor.text.toPlainText()
    assert "It loads within two seconds." in text and "It can be filtered by type." in text
    assert text.index("two seconds") < text.index("filtered by type")
    QTest.mouseClick(
        editor.buttons.button(editor.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert dialog.resolutions() == {}


def _click_later(qtbot: QtBot, buttons: Callable[[ConflictDialog], list[QPushButton]]) -> None:
    """Click buttons of the modal conflict dialog once it runs."""

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConflictDialog)
        for button in buttons(dialog):
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


@pytest.mark.parametrize("language", ["zh_CN"], indirect=True)
def test_in_chinese(qtbot: QtBot, language: str, case: Case) -> None:
    dialog = show(qtbot, case)
    count = len(case.result.conflicts)
    assert dialog.header.text() == f"Wang 同时修改了你修改过的 {count} 处内容，请选择保留哪个版本。"
    status = case.conflict("CRM-3", "status")
    assert [cell(dialog, status, c) for c in Column] == ["状态", "已批准", "评审中", "待选择…"]
    dialog.select(case.conflict("CRM-8", DELETED))
    assert dialog.title.text() == "你删除了 CRM-8，而 Wang 修改了它的状态。"
    assert dialog.theirs_pane.button.text() == "保留对方的版本"
    assert dialog.ok_button.text() == "合并"
    dialog.select(case.conflict("CRM-4", "description"))
    assert dialog.before.text().startswith("原值：…")
    assert cell(dialog, case.conflict("CRM-4", "description"), Column.MINE).startswith("…")


def test_resolve_conflicts_is_none_when_cancelled(qtbot: QtBot, case: Case) -> None:
    _click_later(qtbot, lambda d: [d.all_theirs, d.cancel_button])
    answer = resolve_conflicts(
        None, case.result.conflicts, case.pending.mine, case.pending.theirs, ["Wang"]
    )
    assert answer is None


def test_resolve_conflicts_gives_the_choices(qtbot: QtBot, case: Case) -> None:
    _click_later(qtbot, lambda d: [d.all_mine, d.ok_button])
    answer = resolve_conflicts(
        None, case.result.conflicts, case.pending.mine, case.pending.theirs, ["Wang"]
    )
    assert answer == {c.id: "mine" for c in case.result.conflicts}


def test_descriptions_differing_at_the_end_read_apart_in_the_list(qtbot: QtBot, case: Case) -> None:
    """Both sides keep the opening ("As a **sales rep who…") and add a sentence
    to the first paragraph: the cells start just before the difference, without
    Markdown markers, and the panes tint only the words that differ."""
    dialog = show(qtbot, case)
    description = case.conflict("CRM-4", "description")
    mine, theirs = cell(dialog, description, Column.MINE), cell(dialog, description, Column.THEIRS)
    assert mine.startswith("…") and theirs.startswith("…")
    assert "questions again. It loads within two seconds." in mine[:60]
    assert "questions again. It can be filtered by type." in theirs[:60]
    assert "**" not in mine and "- " not in mine
    assert "Manual events" in mine  # the list items follow, one line

    dialog.select(description)
    tinted = [
        [mark.cursor.selectedText() for mark in pane.long.extraSelections()]
        for pane in (dialog.mine_pane, dialog.theirs_pane)
    ]
    assert tinted == [["loads within two seconds"], ["can be filtered by type"]]


def test_the_value_before_both_edits_is_shown(qtbot: QtBot, case: Case) -> None:
    rows = case.pending.base["requirement"]
    dialog = show(qtbot, case)
    title = case.conflict("CRM-3", "title")
    dialog.select(title)
    assert dialog.before.isVisible()
    assert dialog.before.text() == f"Before: {rows[title.uid]['title']}"
    tip = dialog.model.index_of(title, Column.FIELD).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"Before: {rows[title.uid]['title']}"
    dialog.select(case.conflict("CRM-3", "release_uid"))
    assert dialog.before.text() == "Before: v1.0"
    dialog.select(case.conflict("CRM-4", "description"))
    assert dialog.before.text().startswith("Before: …")  # from where the sides differ
    assert "questions again." in dialog.before.text()
    assert "It loads" not in dialog.before.text()
    assert dialog.before.toolTip() == rows[case.uids["CRM-4"]]["description"]
    dialog.select(case.conflict("CRM-8", DELETED))  # says "(was …)" itself
    assert not dialog.before.isVisible()


def test_choosing_with_keys_keeps_the_next_conflict_in_view(qtbot: QtBot, case: Case) -> None:
    dialog = show(qtbot, case)
    dialog.resize(980, 380)  # the list shows three rows, and the details take its room
    qtbot.waitUntil(lambda: dialog.view.viewport().height() < 80)
    order = dialog.model.conflicts()
    for _conflict in order[:-1]:
        QTest.keyClick(dialog.view, Qt.Key.Key_1)
        qtbot.wait(50)  # the details below change size, and the list with them
        viewport = dialog.view.viewport().rect()
        current = dialog.view.currentIndex()
        for column in Column:
            assert viewport.contains(dialog.view.visualRect(current.siblingAtColumn(column)))
    assert dialog.current_conflict() == order[-1]


def test_a_deletion_names_what_was_added_under_it(tmp_path: Path) -> None:
    import uuid as uuid_

    from pmdesk.app.merge.conflict_texts import changed_details
    from pmdesk.core.merge.files import pending_merge_of
    from pmdesk.core.newproject.sample import write_sample
    from pmdesk.core.ops import Create, Remove
    from tests.core.merge_helpers import by_key, copies, edit

    base = tmp_path / "base.pmdesk"
    write_sample(base, "en")
    mine, theirs = copies(base, "mine", "theirs")
    crm14 = by_key(base)["CRM-14"]["uid"]
    edit(mine, "Li", Remove((("requirement", crm14),)))
    new = {"title": "Wang's child"}
    edit(theirs, "Wang", Create("requirement", str(uuid_.uuid4()), new, parent=crm14))
    pending = pending_merge_of(base, mine, theirs)
    [conflict] = pending.result().conflicts
    text = changed_details(conflict, pending.theirs)
    assert text == "Added under it or linked to it:\n• CRM-46 Wang's child"
