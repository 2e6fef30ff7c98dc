"""A saved view that filters by a custom field (schema 9) brings that filter back."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.views import switcher as views_module
from tests.app.backlog_helpers import open_backlog
from tests.app.conftest import ws
from tests.app.filter_helpers import OFFSCREEN_POPUP, pick
from tests.app.test_saved_views import click_menu, english

__all__ = ["english"]  # the fixture, used by name


@OFFSCREEN_POPUP
def test_a_view_filtering_by_a_custom_field_brings_that_filter_back(
    qtbot: QtBot, window: MainWindow, english: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample's Platform field: a view of the iOS work shows it again, its button
    ticked (the filter bar dropped custom values when a view was applied)."""
    open_backlog(qtbot, window, english)
    workspace = ws(window)
    tree, switcher = workspace.tree_pane, workspace.views
    platform = next(
        f.uid for f in workspace.session.project.custom_fields() if f.name == "Platform"
    )
    button = tree.bar.custom[platform]
    pick(qtbot, button, "iOS")
    matches = tree.matched_uids()
    assert matches
    monkeypatch.setattr(views_module, "ask_view_name", lambda *_: "iOS work")
    click_menu(qtbot, switcher, "Save View As…")
    click_menu(qtbot, switcher, "Show All Requirements")
    assert tree.matched_uids() is None and not button.values()

    click_menu(qtbot, switcher, "iOS work")
    assert button.values() == frozenset({"iOS"})
    assert tree.matched_uids() == matches
    assert switcher.button.text() == "iOS work"  # not "iOS work *": as it was saved
