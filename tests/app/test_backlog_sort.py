"""The backlog table sorts by header clicks: stable, Shift+click for more keys,
empty values last both ways, Chinese titles by pinyin; it groups by a field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pmdesk.app.backlog.columns import rice_of
from pmdesk.app.main_window import MainWindow
from pmdesk.core.domain.vocabulary import PRIORITIES
from pmdesk.core.ops import Update
from pmdesk.core.queries.backlog import PRIORITY, TITLE
from tests.app.backlog_helpers import click_header, header_text, open_backlog, shown_keys
from tests.app.conftest import ws


def test_header_clicks_sort_stably_with_empty_priorities_last(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = open_backlog(qtbot, window, sample)
    model = pane.model
    tree_order = shown_keys(pane)
    first, second = model.shown_uids()[3], model.shown_uids()[7]
    for uid in (first, second):  # not assessed yet
        assert ws(window).session.push(Update("requirement", uid, {"priority": None}))
    unassessed = {model.row_of(first)[0], model.row_of(second)[0]}

    click_header(qtbot, pane, "priority")
    uids = model.shown_uids()
    priorities = [model.row_of(u)[PRIORITY] for u in uids]
    assert priorities[-2:] == [None, None] and set(uids[-2:]) == unassessed
    ranks = [PRIORITIES.index(p) for p in priorities[:-2]]
    assert ranks == sorted(ranks)
    # Stable: within one priority the rows keep the tree's order.
    musts = [k for k, p in zip(shown_keys(pane), priorities, strict=True) if p == "must"]
    assert musts == [k for k in tree_order if k in musts]
    assert header_text(pane, "priority").endswith("▲")

    click_header(qtbot, pane, "priority")  # again: the other way, empties still last
    priorities = [model.row_of(u)[PRIORITY] for u in model.shown_uids()]
    assert priorities[-2:] == [None, None]
    ranks = [PRIORITIES.index(p) for p in priorities[:-2]]
    assert ranks == sorted(ranks, reverse=True)
    assert header_text(pane, "priority").endswith("▼")


def test_shift_click_adds_a_second_key_and_the_header_shows_the_order(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = open_backlog(qtbot, window, sample)
    model = pane.model
    click_header(qtbot, pane, "priority")
    click_header(qtbot, pane, "score", shift=True)
    click_header(qtbot, pane, "score", shift=True)  # the second key, the other way
    assert model.sort_order == [("priority", True), ("score", False)]
    assert header_text(pane, "priority").endswith("▲1")
    assert header_text(pane, "score").endswith("▼2")
    rows = [model.row_of(u) for u in model.shown_uids()]
    for priority in ("must", "should"):
        scores = [rice_of(r) for r in rows if r[PRIORITY] == priority]
        filled = [s for s in scores if s is not None]
        assert filled == sorted(filled, reverse=True)
        assert scores == filled + [None] * (len(scores) - len(filled))  # empty scores last
    click_header(qtbot, pane, "title")  # a plain click: that key alone
    assert model.sort_order == [("title", True)]
    assert header_text(pane, "priority") == "Priority"


def test_chinese_titles_sort_by_pinyin(
    qtbot: QtBot, window: MainWindow, sample: Path, chinese: None
) -> None:
    pane = open_backlog(qtbot, window, sample)
    click_header(qtbot, pane, "title")
    titles = [pane.model.row_of(u)[TITLE] for u in pane.model.shown_uids()]
    # bào < gēn < kè < liú < píng (by code point 客 < 平 < 报 < 流 < 跟)
    epics = ["报表与看板", "跟进拜访", "客户档案管理", "流失预警", "平台、权限与合规"]
    assert [t for t in titles if t in epics] == epics
    assert header_text(pane, "title") == "标题 ▲"


def test_grouping_by_release_puts_rows_under_their_release(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = open_backlog(qtbot, window, sample)
    model = pane.model
    pane.group.setCurrentIndex(pane.group.findData("release"))
    headings = [model.group_at(model.index(r, 0)) for r in model.group_rows()]
    names = [model.group_title(g) for g in headings if g is not None]
    assert names[:3] == ["v1.0", "v1.1", "v2.0"]
    for group in headings:
        assert group is not None
        assert {model.row_of(u)[10] for u in group.uids} == {group.value}
    assert model.shown_count() == model.count()
    pane.view.viewport().repaint()  # the headings paint across the table
    QApplication.processEvents()


def test_every_columns_keys_computed_at_once_equal_its_keys_row_by_row(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    """`sort_values` (C where a column allows) says what `sort_value` says of
    each row: every column, the custom fields' slots too, with empty values."""
    from pmdesk.app.backlog.columns import COLUMNS, sort_values

    pane = open_backlog(qtbot, window, sample)
    model = pane.model
    first = model.shown_uids()[0]
    for field, value in (("priority", None), ("owner", ""), ("rice", None)):
        assert ws(window).session.push(Update("requirement", first, {field: value}))
    rows, names = model._rows, model.names
    for column in COLUMNS:
        by_row = {uid: column.sort_value(row, names) for uid, row in rows.items()}
        assert sort_values(column, rows, names) == by_row, column.name


def test_the_shown_columns_sort_keys_are_ready_before_the_first_click(
    qtbot: QtBot, window: MainWindow, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: at 100,000 rows a first click computed the column's keys (a RICE
    score each) on the spot; the shown columns' keys are computed while the
    window waits, so the click only sorts."""
    from pmdesk.app.backlog import arrange, columns
    from pmdesk.app.backlog.columns import Column

    pane = open_backlog(qtbot, window, sample)
    model = pane.model
    qtbot.waitUntil(lambda: not model.warming)
    computed: list[str] = []
    real = columns.sort_values

    def counted(column: Column, *args: Any) -> dict[str, Any]:
        computed.append(column.name)
        return real(column, *args)

    monkeypatch.setattr(arrange, "sort_values", counted)
    click_header(qtbot, pane, "score")
    scores = [rice_of(model.row_of(u)) for u in model.shown_uids()]
    filled = [s for s in scores if s is not None]
    assert filled and filled in (sorted(filled), sorted(filled, reverse=True))
    assert computed == []  # ready: the click only sorted
    click_header(qtbot, pane, "effort")  # hidden until now: computed when clicked
    assert computed == ["effort"]


def test_a_title_edited_after_another_text_columns_keys_sorts_among_the_titles(
    qtbot: QtBot,
) -> None:
    """Found by review: text columns sort by ranks of one collation; a second text
    column with many new texts (the owners, computed ahead after the titles)
    numbers every text again, and the titles' ranks kept from before no longer
    compared with an edited title's new one: it sorted 49 places off."""
    from pmdesk.app.backlog.arrange import SortKeys
    from pmdesk.app.backlog.columns import Names
    from pmdesk.core.queries.backlog import BACKLOG_COLUMNS, OWNER, UID

    def row(uid: str, title: str, owner: str) -> tuple[Any, ...]:
        values: list[Any] = [None] * len(BACKLOG_COLUMNS)
        values[UID], values[TITLE], values[OWNER] = uid, title, owner
        return tuple(values)

    rows = {f"u{i:03d}": row(f"u{i:03d}", f"m{i:03d}", f"a{i:03d}") for i in range(100)}
    keys = SortKeys(Names())
    keys.of("title", rows)
    keys.of("owner", rows)  # 100 new texts: every text numbered again
    rows["u050"] = row("u050", "m050x", "a050")  # between m050 and m051
    keys.update("u050", rows["u050"])
    title = keys.of("title", rows)
    assert sorted(rows, key=title.__getitem__).index("u050") == 50
