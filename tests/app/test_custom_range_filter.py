"""The tree's filter by a text, number or date custom field (schema 9): a text a
value holds, a range of days or numbers, typed in the button's drop-down; kept by a
saved view and read back from the file; a view saved before holds none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.tree.range_button import RangeButton
from pmdesk.app.views import switcher as views_module
from pmdesk.core.project import Project
from pmdesk.core.queries.criteria import Criteria, ValueRange, find_matches, from_json, to_json
from tests.app.backlog_helpers import open_backlog
from tests.app.conftest import ws
from tests.app.filter_helpers import OFFSCREEN_POPUP
from tests.app.keyboard import type_text
from tests.app.test_saved_views import click_menu, english

__all__ = ["english"]  # the fixture, used by name


def _type(qtbot: QtBot, button: RangeButton, *texts: str) -> None:
    """Open the drop-down, type into its boxes in order (Tab between), close it."""
    menu = button.menu_
    menu.popup(button.mapToGlobal(QPoint(0, button.height())))
    qtbot.waitUntil(menu.isVisible)
    boxes = [button.contains] if button.kind == "text" else [button.low, button.high]
    for box, text in zip(boxes, texts, strict=False):
        box.setFocus()
        type_text(qtbot, box, text)
    QTest.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())


def _expected(path: Path, field: str, keep: Any) -> set[str]:
    with Project.view(path) as project:
        uid = next(f.uid for f in project.custom_fields() if f.name == field)
        values = project.custom_values()
    return {r for r, v in values.items() if uid in v and keep(v[uid])}


@OFFSCREEN_POPUP
def test_text_contains_and_a_date_range_filter_and_a_view_keeps_them(
    qtbot: QtBot, window: MainWindow, english: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_backlog(qtbot, window, english)
    workspace = ws(window)
    tree, switcher = workspace.tree_pane, workspace.views
    fields = {f.name: f.uid for f in workspace.session.project.custom_fields()}
    customer = tree.bar.ranges[fields["Pilot customer"]]
    launch = tree.bar.ranges[fields["Target launch"]]
    assert fields["Platform"] not in tree.bar.ranges  # a list field keeps its list

    _type(qtbot, customer, "suzhou")  # any case
    hengyuan = _expected(english, "Pilot customer", lambda v: "Suzhou" in v)
    assert len(hengyuan) == 2 and tree.matched_uids() == hengyuan
    assert customer.text() == "Pilot customer: suzhou"
    customer.clear()

    _type(qtbot, launch, "2027-03-20", "2027-03-31")
    late_march = _expected(english, "Target launch", lambda v: "2027-03-20" <= v <= "2027-03-31")
    assert len(late_march) > 2 and tree.matched_uids() == late_march
    assert launch.text() == "Target launch: 2027-03-20 – 2027-03-31"

    monkeypatch.setattr(views_module, "ask_view_name", lambda *_: "Late March")
    click_menu(qtbot, switcher, "Save View As…")
    click_menu(qtbot, switcher, "Show All Requirements")
    assert tree.matched_uids() is None and launch.text() == "Target launch"
    click_menu(qtbot, switcher, "Late March")
    assert tree.matched_uids() == late_march
    assert switcher.button.text() == "Late March"

    QTest.keySequence(window, "Ctrl+S")
    qtbot.waitUntil(lambda: workspace.clean)
    with Project.view(english) as project:
        [view] = project.saved_views()
    assert view.criteria == {
        "custom": {fields["Target launch"]: {"low": "2027-03-20", "high": "2027-03-31"}}
    }


def test_ranges_of_numbers_and_old_views_read_as_before() -> None:
    rows = {u: (u, None, u, u, "story", "draft", None, "", None) for u in ("a", "b", "c")}
    values: dict[str, dict[str, Any]] = {"a": {"est": 2}, "b": {"est": 8.5}, "c": {}}
    wanted = Criteria(ranges={"est": ValueRange(low="3", high="")})
    assert find_matches(rows, wanted, custom=values) == {"b"}  # no value: no match
    assert find_matches(rows, Criteria(ranges={"est": ValueRange(high="2")}), custom=values) == {
        "a"
    }
    assert from_json(to_json(wanted)) == wanted
    old = {"choices": {"status": ["draft"]}, "text": "登录"}  # a view saved before ranges
    assert from_json(old).ranges == {} and to_json(from_json(old)) == old
