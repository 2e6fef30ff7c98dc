"""History in the window: the requirement's History tab follows edits made through
the UI, and the change log filters by person and by day and leads back to the tree."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pmdesk.app.details.editor import DetailEditor
from pmdesk.app.history.change_log import COLUMNS, ChangeLogDialog
from pmdesk.app.history.model import ChangeTableModel, Column
from pmdesk.app.main_window import MainWindow
from pmdesk.app.session import ProjectSession
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Update
from pmdesk.core.queries.history import Change
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.app.conftest import open_sync, ws
from tests.app.keyboard import type_text


def uid_of(session: ProjectSession, key: str) -> str:
    return next(r[0] for r in session.project.find_requirements(key, 50) if r[1] == key)


def shown(model: ChangeTableModel) -> list[list[str]]:
    return [
        [str(model.index(row, col).data()) for col in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


@pytest.fixture
def editor(qtbot: QtBot, tmp_path: Path) -> Iterator[DetailEditor]:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    wc = WorkingCopy.open(path, data_dir=tmp_path / "data", user="Alice")
    session = ProjectSession(wc)
    editor = DetailEditor(session, TaskRunner())
    qtbot.addWidget(editor)
    editor.resize(560, 900)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.show_requirement(uid_of(session, "CRM-2"))
    try:
        yield editor
    finally:
        editor.close()
        wc.close(discard=True)


def test_history_tab_shows_an_edit_made_with_the_keyboard(
    qtbot: QtBot, editor: DetailEditor, qtmodeltester: ModelTester
) -> None:
    form = editor.form
    bar = form.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert form.tabs.currentWidget() is form.history
    assert form.history.pages.currentWidget() is form.history.empty  # nothing edited yet

    form.title.setFocus()
    QTest.keyClick(form.title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, form.title, "Customer 360")
    QTest.keyClick(form.title, Qt.Key.Key_Return)

    model = form.history.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    when, who, field, change = shown(model)[0]
    assert (who, field, change) == ("Alice", "Title", "360° customer view → Customer 360")
    assert when[:2] == "20" and len(when) == len("2027-01-05 09:30")
    qtmodeltester.check(model, force_py=True)

    form.status.setFocus()  # a second edit, through the keyboard, comes on top
    QTest.keyClick(form.status, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert shown(model)[0][2] == "Status"
    assert " → " in shown(model)[0][3]

    editor.show_requirement(uid_of(editor._session, "CRM-5"))
    assert form.history.pages.currentWidget() is form.history.empty


def at(window: MainWindow, monkeypatch: pytest.MonkeyPatch, who: str, when: str) -> None:
    """The next edits are `who`'s, at the UTC time `when`."""
    assert window.workspace is not None
    store = ws(window).session.working_copy.store
    store.user = who
    monkeypatch.setattr(store, "_clock", lambda: when)


def rows_of(dialog: ChangeLogDialog) -> list[tuple[str, str, str, str, str]]:
    model = dialog.model
    field = list(Column).index(Column.FIELD)
    rows = []
    for row in range(model.rowCount()):
        c = model.change(row)
        rows.append((c.by, c.key, str(model.index(row, field).data()), c.old, c.new))
    return rows


def test_change_log_filters_by_person_and_day_and_selects_the_requirement(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
) -> None:
    open_sync(window, sample)
    session = ws(window).session
    crm2, crm5 = uid_of(session, "CRM-2"), uid_of(session, "CRM-5")
    # Noon UTC: the same local day in every time zone from UTC-11 to UTC+11.
    at(window, monkeypatch, "Alice", "2027-01-05T12:00:00")
    session.push(Update("requirement", crm2, {"owner": "王五"}))
    at(window, monkeypatch, "Bob", "2027-01-06T12:00:00")
    session.push(Update("requirement", crm5, {"status": "done"}))
    session.push(Update("requirement", crm2, {"tags": ["a", "b"]}))
    at(window, monkeypatch, "Alice", "2027-01-07T12:00:00")
    session.push(Update("requirement", crm5, {"title": "导入"}))

    window.activateWindow()
    QTest.keyClick(
        window,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.findChild(ChangeLogDialog)
    assert dialog is not None and dialog.isVisible()
    qtmodeltester.check(paged_model(session), force_py=True)
    assert [r[0] for r in rows_of(dialog)] == ["Alice", "Bob", "Bob", "Alice"]
    assert [dialog.person.itemText(i) for i in range(dialog.person.count())] == [
        "Everyone",
        "Alice",
        "Bob",
    ]

    dialog.person.setCurrentIndex(dialog.person.findData("Bob"))
    assert rows_of(dialog) == [
        ("Bob", "CRM-2", "Tags", "客户档案, 360视图, Web, 移动端", "a, b"),
        ("Bob", "CRM-5", "Status", "In progress", "Done"),
    ]
    dialog.person.setCurrentIndex(0)
    dialog.since.setDate(QDate(2027, 1, 6))
    assert [r[2] for r in rows_of(dialog)] == ["Title", "Tags", "Status"]
    dialog.until.setDate(QDate(2027, 1, 6))
    assert [r[2] for r in rows_of(dialog)] == ["Tags", "Status"]
    dialog.person.setCurrentIndex(dialog.person.findData("Alice"))
    assert rows_of(dialog) == []
    assert dialog.empty.isVisible()

    dialog.reset_button.click()
    assert len(rows_of(dialog)) == 4
    # A new edit shows at the top while the log is open.
    at(window, monkeypatch, "Carol", "2027-01-08T12:00:00")
    session.push(Update("requirement", crm2, {"source": "销售部"}))
    qtbot.waitUntil(lambda: len(rows_of(dialog)) == 5)
    assert rows_of(dialog)[0][:3] == ("Carol", "CRM-2", "Source")
    assert dialog.person.findData("Carol") > 0

    view = dialog.table
    target = dialog.model.index(1, 0)  # Alice renamed CRM-5
    view.scrollTo(target)
    point = view.visualRect(target).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)  # as a user does
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert ws(window).tree_pane.view.current_uid() == crm5


def paged_model(session: ProjectSession) -> ChangeTableModel:
    """The log's model with pages of one row, so the tester also fetches more."""

    def page(before: int | None) -> list[Change]:
        return session.project.change_log(before=before, limit=1)

    model = ChangeTableModel(COLUMNS, page)
    model.reload()
    assert model.rowCount() == 1 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2
    return model
