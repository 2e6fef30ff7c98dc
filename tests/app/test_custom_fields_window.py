"""Custom fields (schema 9) through the window: the manager, the details pane's
editors, the backlog's columns and the tree's filter, checked on the file on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMenu, QToolButton
from pytestqt.qtbot import QtBot

from pmdesk.app import dialogs
from pmdesk.app.backlog.custom_columns import slot_name
from pmdesk.app.customfields.window import CustomFieldsWindow
from pmdesk.app.main_window import MainWindow
from pmdesk.core.project import Project
from pmdesk.core.queries.backlog import KEY
from tests.app.backlog_helpers import NAMES, click_header, open_backlog
from tests.app.conftest import Answers, open_sync, ws
from tests.app.keyboard import type_text
from tests.plain_sample import write_sample_without_custom_fields


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The Chinese sample without its own three fields: these tests make theirs."""
    return write_sample_without_custom_fields(tmp_path / "crm.pmdesk", "zh")


def manager(qtbot: QtBot, window: MainWindow) -> CustomFieldsWindow:
    """Project ▸ Custom Fields… by its shortcut."""
    QTest.keySequence(window, "Ctrl+Shift+D")
    found = window.findChildren(CustomFieldsWindow)
    assert len(found) == 1
    qtbot.waitExposed(found[0])
    found[0].activateWindow()  # it commits on focus changes, like the details
    qtbot.waitUntil(found[0].isActiveWindow)
    return found[0]


def add_field(qtbot: QtBot, fields: CustomFieldsWindow, name: str, kind: str) -> str:
    """Add, type the name over the suggested one, pick the kind."""
    QTest.mouseClick(fields.add_button, Qt.MouseButton.LeftButton)
    uid = fields.current_uid()
    assert uid is not None and fields.name.hasFocus() and fields.name.selectedText()
    type_text(qtbot, fields.name, name + "\n")
    qtbot.waitUntil(lambda: fields.records[uid].name == name)
    index = fields.kind.findData(kind)
    fields.kind.setCurrentIndex(index)
    fields.kind.activated.emit(index)  # what a pick from the list sends
    assert fields.records[uid].kind == kind
    return uid


def test_a_field_added_in_the_manager_is_set_in_details_seen_in_the_backlog_and_saved(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    window.resize(1280, 900)
    fields = manager(qtbot, window)
    team = add_field(qtbot, fields, "团队", "choice")
    fields.options.setFocus()
    type_text(qtbot, fields.options, "支付\n增长")
    fields.name.setFocus()  # leaving the options commits them
    qtbot.waitUntil(lambda: fields.records[team].options == ("支付", "增长"))
    stack = ws(window).undo_stack
    assert stack.undoText() == "Change the options of custom field 团队"
    estimate = add_field(qtbot, fields, "Estimate", "number")
    fields.close()

    # The details pane shows an input per field; a choice is one undo step.
    workspace = ws(window)
    uid = workspace.session.project.tree_rows()[0][0]
    window.show_details(uid)
    editor = workspace.detail_editor
    box = editor.form.findChild(QComboBox, f"custom-{team}")
    assert box is not None, [w.objectName() for w in editor.form.findChildren(QComboBox)]
    qtbot.waitUntil(box.isVisible)  # a row added to a shown form shows once events run
    assert [box.itemText(i) for i in range(box.count())] == ["—", "支付", "增长"]
    box.setCurrentIndex(2)
    key = workspace.session.project.requirement(uid).key  # type: ignore[union-attr]
    assert stack.undoText() == f"Set 团队 of {key}"
    number = editor.form.findChild(QLineEdit, f"custom-{estimate}")
    assert number is not None
    number.setFocus()
    type_text(qtbot, number, "lots\n")
    qtbot.waitUntil(editor.form.message.isVisible)
    assert editor.form.message.text() == "Estimate takes a number: 'lots' is not a number."
    number.selectAll()
    type_text(qtbot, number, "3.5\n")
    qtbot.waitUntil(lambda: stack.undoText() == f"Set Estimate of {key}")

    # The backlog: the field's column, from the header's menu, shows the value.
    QTest.keySequence(window, "Ctrl+Shift+B")
    pane = workspace.backlog_pane
    qtbot.waitUntil(lambda: pane.model.loaded and pane.isVisible())
    menu = pane.view.header_menu()
    action = next(a for a in menu.actions() if a.objectName() == f"column_{slot_name(0)}")
    assert action.text() == "团队" and not action.isChecked()
    action.trigger()
    column = NAMES.index(slot_name(0))
    assert not pane.view.isColumnHidden(column)
    assert pane.model.headerData(column, Qt.Orientation.Horizontal) == "团队"
    index = pane.model.index_of(uid, column)
    assert index.data() == "增长"

    assert window.save()
    with Project.view(sample) as project:
        assert [(f.name, f.kind) for f in project.custom_fields()] == [
            ("团队", "choice"),
            ("Estimate", "number"),
        ]
        assert project.custom_values()[uid] == {team: "增长", estimate: 3.5}


def test_deleting_a_field_says_how_many_lose_a_value_and_undo_brings_them_back(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_sync(window, sample)
    fields = manager(qtbot, window)
    team = add_field(qtbot, fields, "Team", "text")
    session = ws(window).session
    uids = [row[0] for row in session.project.tree_rows()[:3]]
    from pmdesk.core.ops.custom import SetCustomValues

    assert session.push(SetCustomValues({u: {team: "Core"} for u in uids}))
    # (English plurals come from the shipped translation, not loaded here)
    assert fields.usage.text().replace("(s)", "s") == "Set in 3 requirements."
    assert not fields.kind.isEnabled()  # a kind is fixed while values exist
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(dialogs, "yes_no", yes)
    fields.list.setFocus()
    QTest.keyClick(fields.list, Qt.Key.Key_Delete)
    assert [text.replace("(s)", "s") for text in asked] == [
        "Delete the custom field “Team”? Its value in 3 requirements goes with it. "
        "Undo brings it back."
    ]
    assert session.project.custom_fields() == [] and session.project.custom_values() == {}
    assert fields.empty.isVisible()
    QTest.keySequence(fields, "Ctrl+Z")  # the manager undoes as the main window does
    assert [f.name for f in session.project.custom_fields()] == ["Team"]
    assert session.project.custom_values() == {u: {team: "Core"} for u in uids}
    assert fields.records[team].name == "Team"


def test_renaming_an_option_renames_it_where_chosen(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    fields = manager(qtbot, window)
    size = add_field(qtbot, fields, "Size", "choices")
    fields.options.setPlainText("S\nM\nL")
    assert fields.commit_options()
    session = ws(window).session
    uid = session.project.tree_rows()[0][0]
    from pmdesk.core.ops.custom import SetCustomValues

    assert session.push(SetCustomValues({uid: {size: ["M", "L"]}}))
    fields.options.setPlainText("S\nMedium\nL")
    assert fields.commit_options()
    assert session.project.custom_values()[uid] == {size: ["Medium", "L"]}
    assert session.undo_stack.undoText() == "Change the options of custom field Size"
    session.undo_stack.undo()
    assert session.project.custom_values()[uid] == {size: ["M", "L"]}
    assert session.project.custom_fields()[0].options == ("S", "M", "L")


def test_backlog_sorts_groups_and_edits_a_custom_choice_column(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = open_backlog(qtbot, window, sample)
    session = ws(window).session
    fields = manager(qtbot, window)
    team = add_field(qtbot, fields, "Team", "choice")
    fields.options.setPlainText("Payments\nGrowth")
    assert fields.commit_options()
    fields.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    model = pane.model
    first, second, third = model.shown_uids()[:3]
    from pmdesk.core.ops.custom import SetCustomValues

    assert session.push(SetCustomValues({first: {team: "Growth"}, second: {team: "Payments"}}))
    column = NAMES.index(slot_name(0))
    assert model.index_of(first, column).data() == "Growth"

    # Sorted by the field: options in the field's order, no value last.
    click_header(qtbot, pane, slot_name(0))
    assert model.shown_uids()[:2] == [second, first]
    assert model.shown_uids()[-1] != second

    # Edited in place: the list of options, a choice commits.
    view = pane.view
    index = model.index_of(third, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findData("Payments"))
    editor.activated.emit(editor.currentIndex())
    qtbot.waitUntil(lambda: model.index_of(third, column).data() == "Payments")
    key = model.row_of(third)[KEY]
    assert session.undo_stack.undoText() == f"Set Team of {key}"

    # Grouped by the field: a group per option in its order, then no value.
    group = pane.group.findData(slot_name(0))
    assert pane.group.itemText(group) == "By Team"
    pane.group.setCurrentIndex(group)
    titles = [model.group_title(model.group_at(model.index(r, 0))) for r in model.group_rows()]  # type: ignore[arg-type]
    assert titles == ["Payments", "Growth", "No value"]

    # The row menu sets it for every selected row, one undo step.
    view.selectAll()
    menu = pane.row_menu()
    sub = menu.findChild(QMenu, "set_custom0")
    assert sub is not None
    next(a for a in sub.actions() if a.text() == "Growth").trigger()
    count = len(model.shown_uids()) - 1  # the first holds Growth already: it is not changed
    assert session.undo_stack.undoText() == f"Set Team of {count} requirements"
    assert all(v.get(team) == "Growth" for v in session.project.custom_values().values())


def test_the_tree_filters_by_a_custom_fields_values(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    fields = manager(qtbot, window)
    team = add_field(qtbot, fields, "Team", "choice")
    fields.options.setPlainText("Payments\nGrowth")
    assert fields.commit_options()
    fields.close()
    workspace = ws(window)
    session = workspace.session
    uid = session.project.tree_rows()[0][0]
    from pmdesk.core.ops.custom import SetCustomValues

    assert session.push(SetCustomValues({uid: {team: "Growth"}}))
    tree = workspace.tree_pane
    button = tree.bar.findChild(QToolButton, f"filter_custom_{team}")
    assert button is not None
    assert [text for text, _ in button.items()] == ["Payments", "Growth", "No value"]  # type: ignore[attr-defined]
    button.set_values(["Growth"])  # type: ignore[attr-defined]
    assert tree.matched_uids() == {uid}
    button.set_values(["-"])  # type: ignore[attr-defined]
    matched = tree.matched_uids()
    assert matched is not None and uid not in matched and len(matched) > 10


def test_a_custom_fields_conflict_is_named_by_the_field_in_the_merge_window() -> None:
    from pmdesk.app.merge.conflict_texts import field_name, value_text
    from pmdesk.core.merge.three_way import Conflict

    tables = {"custom_field": {"f1": {"uid": "f1", "name": "平台"}}}
    conflict = Conflict("requirement", "r1", "custom:f1", "changed", "CRM-3", None, ["iOS"], "Web")
    assert field_name(conflict.field, {}, tables) == "平台"
    assert value_text(conflict, "theirs", tables) == "Web"
    assert "iOS" in value_text(conflict, "mine", tables)


def test_grouping_by_a_custom_field_is_remembered_for_the_project(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = open_backlog(qtbot, window, sample)
    fields = manager(qtbot, window)
    add_field(qtbot, fields, "Team", "person")
    fields.close()
    pane.group.setCurrentIndex(pane.group.findData(slot_name(0)))
    assert pane.model.grouping == slot_name(0)
    pane.save_state()
    assert window.save() and window.close_project()
    pane = open_backlog(qtbot, window, sample)
    assert pane.model.grouping == slot_name(0)
    assert pane.group.currentText() == "By Team"
    model = pane.model
    groups = [model.group_at(model.index(row, 0)) for row in model.group_rows()]
    titles = [model.group_title(g) for g in groups if g is not None]
    assert titles == ["No value"]  # nobody named yet: one group


def test_the_row_menu_sets_a_person_or_several_options_field_of_the_selected_rows(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = open_backlog(qtbot, window, sample)
    fields = manager(qtbot, window)
    contact = add_field(qtbot, fields, "Contact", "person")
    platforms = add_field(qtbot, fields, "Platforms", "choices")
    fields.options.setPlainText("iOS\nWeb")
    assert fields.commit_options()
    fields.close()
    session = ws(window).session
    model = pane.model
    first, second = model.shown_uids()[:2]
    pane.view.select_uid(first)
    menu = pane.row_menu()
    people = menu.findChild(QMenu, f"set_{slot_name(0)}")
    assert people is not None and people.title() == "Set Contact"
    owners = [a.text() for a in people.actions()]
    assert owners[0] == "—" and "张伟" in owners  # the project's owners to pick from
    next(a for a in people.actions() if a.text() == "张伟").trigger()
    several = menu.findChild(QMenu, f"set_{slot_name(1)}")
    assert several is not None
    next(a for a in several.actions() if a.text() == "Web").trigger()
    assert session.project.custom_values() == {first: {contact: "张伟", platforms: ["Web"]}}
    assert model.index_of(first, NAMES.index(slot_name(1))).data() == "Web"
    assert second not in session.project.custom_values()


def test_a_slots_stable_column_id_names_its_field() -> None:
    from pmdesk.app.backlog.custom_columns import CustomValues
    from pmdesk.core.queries.custom import CustomFieldRecord

    values = CustomValues()
    values.set([CustomFieldRecord("a", "A", "text"), CustomFieldRecord("b", "B", "number")], {})
    assert values.column_id(1) == "custom:b" and values.column_id(5) is None
    assert values.slot_named("custom:b") == "custom1" and values.slot_named("custom:z") is None
