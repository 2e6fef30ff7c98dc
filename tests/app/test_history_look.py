"""How the change log and the History tab read: other entities than requirements
named as a PM names them, both sides of a long change visible, filter labels
and columns sized to what they show."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from pmdesk.app.details.editor import DetailEditor
from pmdesk.app.history.change_log import COLUMNS, ChangeLogDialog
from pmdesk.app.history.delegate import ARROW
from pmdesk.app.history.model import Column
from pmdesk.app.session import ProjectSession
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, CreateBaseline, DeleteBaseline, Update
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.app.test_history import uid_of

OLD_TEXT = "Sales reps open the customer card before every call. " * 6
NEW_TEXT = "Support agents need the last five tickets on the card too. " * 6


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ProjectSession]:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    wc = WorkingCopy.open(path, data_dir=tmp_path / "data", user="Alice")
    try:
        yield ProjectSession(wc)
    finally:
        wc.close(discard=True)


def log_dialog(qtbot: QtBot, session: ProjectSession) -> ChangeLogDialog:
    dialog = ChangeLogDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def subjects(dialog: ChangeLogDialog) -> list[tuple[str, str, bool]]:
    """(entity, the Item cell's text, struck through) of every row."""
    column = COLUMNS.index(Column.SUBJECT)
    found = []
    for row in range(dialog.model.rowCount()):
        index = dialog.model.index(row, column)
        font = index.data(Qt.ItemDataRole.FontRole)
        struck = isinstance(font, QFont) and font.strikeOut()
        found.append((dialog.model.change(row).entity, str(index.data()), struck))
    return found


def make_baselines(session: ProjectSession, kept: str, dropped: str) -> None:
    session.push(CreateBaseline(str(uuid.uuid4()), kept))
    gone = str(uuid.uuid4())
    session.push(CreateBaseline(gone, dropped))
    session.push(DeleteBaseline(gone))
    session.push(Create("release", str(uuid.uuid4()), {"name": "v3.0"}))
    session.push(Create("lane", str(uuid.uuid4()), {"name": "Growth"}))


def test_change_log_names_baselines_and_other_entities(
    qtbot: QtBot, session: ProjectSession
) -> None:
    make_baselines(session, "v1.0 review", "draft")
    dialog = log_dialog(qtbot, session)
    assert subjects(dialog)[:5] == [
        ("lane", "Lane “Growth”", False),
        ("release", "Release “v3.0”", False),
        ("baseline", "Baseline “draft”", True),  # deleted since: struck through
        ("baseline", "Baseline “draft”", True),
        ("baseline", "Baseline “v1.0 review”", False),
    ]
    assert dialog.model.headerData(COLUMNS.index(Column.SUBJECT), Qt.Orientation.Horizontal) == (
        "Item"
    )
    deleted = dialog.model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert str(deleted).endswith("Deleted since.")


def test_change_log_names_a_baseline_in_chinese(
    qtbot: QtBot, chinese: None, session: ProjectSession
) -> None:
    make_baselines(session, "v1.0 评审版", "草稿")
    dialog = log_dialog(qtbot, session)
    assert [text for _, text, _ in subjects(dialog)[:5]] == [
        "泳道「Growth」",
        "版本「v3.0」",
        "基线「草稿」",
        "基线「草稿」",
        "基线「v1.0 评审版」",
    ]
    assert dialog.model.headerData(COLUMNS.index(Column.SUBJECT), Qt.Orientation.Horizontal) == (
        "对象"
    )


def has_ink_at_right_edge(label: QLabel) -> bool:
    image = label.grab().toImage()
    background = QColor(image.pixelColor(image.width() - 1, 0))
    x = image.width() - 1
    return any(image.pixelColor(x, y) != background for y in range(image.height()))


def test_change_log_filter_labels_and_columns_fit_what_they_show(
    qtbot: QtBot, session: ProjectSession
) -> None:
    session.push(Update("requirement", uid_of(session, "CRM-2"), {"owner": "Wang"}))
    dialog = log_dialog(qtbot, session)
    labels = [label for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    assert [label.text() for label in labels] == ["&Person", "&From", "&To"]
    for label in labels:  # no letter cut at the label's right edge ("To" read "Tc")
        assert not has_ink_at_right_edge(label), label.text()

    table, metrics = dialog.table, dialog.table.fontMetrics()
    who = table.columnWidth(COLUMNS.index(Column.WHO))
    assert metrics.horizontalAdvance("Alice") < who < metrics.horizontalAdvance("Alice") + 40
    when = table.columnWidth(COLUMNS.index(Column.WHEN))
    item = table.columnWidth(COLUMNS.index(Column.SUBJECT))
    assert item > 2 * when  # the requirement column takes a share of the room
    title = str(dialog.model.index(0, COLUMNS.index(Column.SUBJECT)).data())
    assert metrics.horizontalAdvance(title) + 12 < item


@pytest.fixture
def editor(qtbot: QtBot, session: ProjectSession) -> Iterator[DetailEditor]:
    editor = DetailEditor(session, TaskRunner())
    qtbot.addWidget(editor)
    editor.resize(700, 700)
    editor.show()
    qtbot.waitExposed(editor)
    yield editor
    editor.close()


def test_history_tab_shows_both_sides_of_a_long_change(
    qtbot: QtBot, editor: DetailEditor, session: ProjectSession
) -> None:
    crm2 = uid_of(session, "CRM-2")
    session.push(Update("requirement", crm2, {"description": OLD_TEXT}))
    session.push(Update("requirement", crm2, {"description": NEW_TEXT}))
    editor.show_requirement(crm2)
    editor.form.tabs.setCurrentWidget(editor.form.history)
    history = editor.form.history
    qtbot.waitUntil(lambda: history.model.rowCount() >= 2)

    table = history.table
    index = history.model.index(0, history.model.columnCount() - 1)  # old → new
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    option.rect = table.visualRect(index)
    shown = history.change_delegate.displayed_text(option, index)
    before, after = shown.split(ARROW)
    assert before.startswith("Sales reps open") and before.endswith("…")
    assert after.startswith("Support agents need") and after.endswith("…")
    assert table.fontMetrics().horizontalAdvance(shown) <= option.rect.width()
    tooltip = str(index.data(Qt.ItemDataRole.ToolTipRole))
    assert NEW_TEXT.strip() in tooltip and OLD_TEXT.strip() in tooltip
