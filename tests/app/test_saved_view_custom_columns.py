"""A saved view keeps a custom field's column, grouping and sort by the field, not
by the backlog slot that showed it: a field added before it moves it to another
slot, and the view still brings back the same field."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pmdesk.app.backlog.custom_columns import slot_name
from pmdesk.app.main_window import MainWindow
from pmdesk.core.ops import Create, Move
from tests.app.backlog_helpers import open_backlog
from tests.app.conftest import ws
from tests.plain_sample import write_sample_without_custom_fields


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The Chinese sample without its own three fields: the test's field takes slot 0."""
    return write_sample_without_custom_fields(tmp_path / "crm.pmdesk", "zh")


def test_a_views_custom_column_follows_its_field_to_another_slot(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = open_backlog(qtbot, window, sample)
    workspace = ws(window)
    session = workspace.session
    assert session.push(Create("custom_field", "f-team", {"name": "Team", "kind": "person"}))
    team = slot_name(0)
    qtbot.waitUntil(lambda: pane.group.findData(team) >= 0)
    pane.arrange(["key", "title", team], team, [(team, "desc")])
    assert pane.model.grouping == team
    view = workspace.views.save_as("By team")
    assert view is not None
    saved = next(v for v in session.project.saved_views() if v.uid == view)
    assert "custom:f-team" in saved.columns and saved.grouping == "custom:f-team"
    assert [list(k) for k in saved.sort] == [["custom:f-team", "desc"]]

    # Another field comes first: Team is shown by the second slot now.
    assert session.push(Create("custom_field", "f-size", {"name": "Size", "kind": "choices"}))
    assert session.push(Move("custom_field", "f-size", index=0))
    qtbot.waitUntil(lambda: pane.model.names.custom.column_id(1) == "custom:f-team")
    pane.arrange(["key", "title"], None, [])
    assert workspace.views.apply(view)
    moved = slot_name(1)
    assert pane.model.grouping == moved
    assert pane.model.sort_order == [(moved, False)]
    columns, grouping, sort = pane.arrangement()
    assert "custom:f-team" in columns and "custom:f-size" not in columns
    assert grouping == "custom:f-team" and sort == [("custom:f-team", "desc")]
