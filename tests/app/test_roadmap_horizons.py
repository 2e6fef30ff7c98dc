"""The roadmap's Now / Next / Later mode in the real window: the switch (button,
key, remembered per project), a card dragged to another column as one undo step
saved to the file, "Use release's horizon", the shared selection and the tree's
filter followed, and a read-only project refusing drags."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.roadmap.horizons_panel import HorizonsPanel
from pmdesk.app.roadmap.pane import RoadmapPane
from pmdesk.app.settings import AppSettings
from pmdesk.core.project import Project
from pmdesk.core.roadmap.horizons import HORIZONS, HorizonCard, horizon_board
from tests.app.conftest import Answers, open_sync, ws
from tests.app.test_read_only import lock_by_colleague

TODAY = dt.date(2027, 2, 15)  # v1.0 under way: v1.0 Now, v1.1 Next, v2.0 Later
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def horizons_of(window: MainWindow) -> HorizonsPanel:
    """The roadmap pane in Now / Next / Later mode, read on the fixed date."""
    pane = ws(window).roadmap_pane
    window.resize(1400, 1000)
    window.roadmap_dock.show()
    window.roadmap_dock.raise_()
    window.resizeDocks([window.roadmap_dock], [600], Qt.Orientation.Vertical)
    button = pane.findChild(QToolButton, "roadmapModeButton_horizons")
    assert button is not None
    QTest.mouseClick(button, LEFT)
    assert pane.mode == "horizons"
    panel = pane.horizons
    panel.today = lambda: TODAY
    panel.reload()
    return panel


@pytest.fixture
def panel(window: MainWindow, sample: Path) -> HorizonsPanel:
    open_sync(window, sample)
    return horizons_of(window)


def card(panel: HorizonsPanel, key: str) -> HorizonCard:
    assert panel.board is not None
    found = next((c for c in panel.board.cards if c.key == key), None)
    assert found is not None, f"{key} is not on the board"
    return found


def drag(panel: HorizonsPanel, key: str, horizon: str) -> None:
    """Press on the card, move in steps, release in the column of `horizon`, in the
    card's own lane row."""
    view = panel.view
    uid = card(panel, key).uid
    start = view.card_center(uid)
    assert view.geo is not None
    place = view.geo.place_of(uid)
    assert place is not None
    end = view.column_point(horizon, place[0])  # type: ignore[arg-type]
    QTest.mousePress(view, LEFT, NONE, start)
    for i in range(1, 7):
        QTest.mouseMove(view, start + (end - start) * i / 6)
    QTest.mouseRelease(view, LEFT, NONE, end)


def on_disk(path: Path, key: str) -> HorizonCard:
    with Project.view(path) as project:
        board = project.read(partial(horizon_board, today=TODAY))
    return next(c for c in board.cards if c.key == key)


def test_the_switch_shows_the_board_and_is_remembered_per_project(
    qtbot: QtBot, window: MainWindow, sample: Path, settings: AppSettings
) -> None:
    open_sync(window, sample)
    pane: RoadmapPane = ws(window).roadmap_pane
    assert pane.mode == "timeline" and pane.zoom_in.isVisibleTo(pane)
    panel = horizons_of(window)
    assert not pane.zoom_in.isVisibleTo(pane) and not pane.color_by.isVisibleTo(pane)
    assert pane.horizons_hint.isVisibleTo(pane)
    assert panel.board is not None
    assert {c.horizon for c in panel.board.cards} == set(HORIZONS)
    assert card(panel, "CRM-22").horizon == "next"  # v1.1
    assert card(panel, "CRM-9").horizon == "later"  # v2.0
    assert "CRM-3" not in {c.key for c in panel.board.cards}  # done
    assert settings.roadmap_mode(sample) == "horizons"
    QTest.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert pane.mode == "timeline" and settings.roadmap_mode(sample) == "timeline"
    QTest.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert pane.mode == "horizons"
    # Opened again, the project comes back as it was left; another file does not.
    assert window.close_project()
    open_sync(window, sample)
    assert ws(window).roadmap_pane.mode == "horizons"
    other = sample.with_name("other.pmdesk")
    other.write_bytes(sample.read_bytes())
    assert window.close_project()
    open_sync(window, other)
    assert ws(window).roadmap_pane.mode == "timeline"


def test_a_card_dragged_to_now_is_one_undo_step_and_saved(
    qtbot: QtBot, window: MainWindow, panel: HorizonsPanel, sample: Path
) -> None:
    assert card(panel, "CRM-22").derived
    drag(panel, "CRM-22", "now")
    moved = card(panel, "CRM-22")
    assert (moved.horizon, moved.own) == ("now", "now")
    stack = ws(window).undo_stack
    assert stack.count() == 1 and stack.undoText() == "Move CRM-22 to Now"
    assert window.commands.undo.text().endswith("Move CRM-22 to Now")
    with qtbot.waitSignal(panel.refreshed, timeout=3000):
        stack.undo()
    assert card(panel, "CRM-22").derived and card(panel, "CRM-22").horizon == "next"
    with qtbot.waitSignal(panel.refreshed, timeout=3000):
        stack.redo()
    assert card(panel, "CRM-22").own == "now"
    assert window.save()
    saved = on_disk(sample, "CRM-22")
    assert (saved.own, saved.horizon) == ("now", "now")


def test_a_drop_where_the_card_is_changes_nothing(window: MainWindow, panel: HorizonsPanel) -> None:
    drag(panel, "CRM-22", "next")  # its release's horizon already
    assert ws(window).undo_stack.count() == 0
    assert card(panel, "CRM-22").derived


def test_use_the_release_horizon_clears_the_own_one(
    window: MainWindow, panel: HorizonsPanel, sample: Path
) -> None:
    uid = card(panel, "CRM-9").uid
    menu = panel.card_menu(uid)
    clear = menu.findChild(QAction, "useReleaseHorizon")
    assert clear is not None and not clear.isEnabled()  # derived: nothing to clear
    to_now = menu.findChild(QAction, "moveTo_now")
    assert to_now is not None and to_now.isEnabled()
    later = menu.findChild(QAction, "moveTo_later")
    assert later is not None and later.isChecked() and not later.isEnabled()
    to_now.trigger()
    assert card(panel, "CRM-9").own == "now"
    menu = panel.card_menu(uid)
    clear = menu.findChild(QAction, "useReleaseHorizon")
    assert clear is not None and clear.isEnabled()
    clear.trigger()
    back = card(panel, "CRM-9")
    assert back.derived and back.horizon == "later"
    stack = ws(window).undo_stack
    assert stack.count() == 2 and stack.undoText() == "Use the release's horizon for CRM-9"
    assert window.save()
    assert on_disk(sample, "CRM-9").derived


def test_keys_walk_and_move_cards(window: MainWindow, panel: HorizonsPanel) -> None:
    view = panel.view
    uid = card(panel, "CRM-22").uid
    QTest.mouseClick(view, LEFT, NONE, view.card_center(uid))
    assert ws(window).selection.uid == uid  # the shared selection follows
    QTest.keyClick(view, Qt.Key.Key_Right, CTRL)
    assert card(panel, "CRM-22").own == "later"
    QTest.keyClick(view, Qt.Key.Key_Left, CTRL)
    QTest.keyClick(view, Qt.Key.Key_Left, CTRL)
    assert card(panel, "CRM-22").own == "now"
    assert ws(window).undo_stack.count() == 3
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.current is not None and view.current != uid
    assert ws(window).selection.uid == view.current


def test_the_selection_and_the_filter_are_followed(
    qtbot: QtBot, window: MainWindow, panel: HorizonsPanel
) -> None:
    uid = card(panel, "CRM-27").uid
    ws(window).tree_pane.view.select_uid(uid)  # picked in the tree
    assert panel.view.current == uid
    tree = ws(window).tree_pane
    tree.search.setText("流失")  # churn
    qtbot.waitUntil(lambda: panel.board is not None and len(panel.board.cards) < 10)
    assert panel.board is not None
    # Found in a title, or in a description, acceptance, tag… (the core's search).
    found = ws(window).session.project.search("流失", 1000).matches
    assert {c.uid for c in panel.board.cards} <= {m.uid for m in found}
    assert any("流失" in c.title for c in panel.board.cards)
    tree.search.setText("no such words anywhere")
    qtbot.waitUntil(lambda: panel.empty.isVisibleTo(panel))
    assert "filter" in panel.empty.text()
    tree.search.setText("")
    qtbot.waitUntil(lambda: panel.board is not None and len(panel.board.cards) > 30)


def test_a_read_only_project_refuses_drags(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    lock_by_colleague(sample)
    open_sync(window, sample)
    assert ws(window).read_only
    panel = horizons_of(window)
    drag(panel, "CRM-22", "now")
    assert card(panel, "CRM-22").derived
    QTest.keyClick(panel.view, Qt.Key.Key_Right, CTRL)
    assert card(panel, "CRM-22").derived
    menu = panel.card_menu(card(panel, "CRM-22").uid)
    assert all(not a.isEnabled() for a in menu.actions() if a.objectName().startswith("moveTo_"))
    assert ws(window).undo_stack.count() == 0
    assert panel.view.current == card(panel, "CRM-22").uid  # picked all the same


def test_in_chinese(qtbot: QtBot, chinese: None, window: MainWindow, sample: Path) -> None:
    open_sync(window, sample)
    panel = horizons_of(window)
    pane = ws(window).roadmap_pane
    assert pane.mode_actions["horizons"].text() == "现在 / 接下来 / 以后"
    assert panel.view.texts.names["next"] == "接下来"
    drag(panel, "CRM-22", "later")
    assert ws(window).undo_stack.undoText() == "将 CRM-22 移到“以后”"


def test_the_column_heads_stay_in_sight_when_the_board_scrolls(
    window: MainWindow, panel: HorizonsPanel
) -> None:
    from pmdesk.export.horizon_picture import HORIZON_COLORS

    area = panel.area
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0  # the sample's board is taller than the pane
    bar.setValue(bar.maximum())
    heads = area.heads
    assert heads.isVisible() and heads.geometry().bottom() < area.viewport().geometry().top()
    image = heads.grab().toImage()
    geo = panel.view.geo
    assert geo is not None
    for column, horizon in enumerate(HORIZONS):
        rect = geo.column_rect(column)
        x = int(rect.center().x() * image.devicePixelRatio())
        accent = image.pixelColor(x, int(4 * image.devicePixelRatio()))
        assert accent.name() == HORIZON_COLORS[horizon].lower(), horizon


def test_file_export_roadmap_writes_the_board_shown(
    qtbot: QtBot,
    window: MainWindow,
    panel: HorizonsPanel,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """File ▸ Export Roadmap as PNG / SVG in Now / Next / Later mode writes that
    board, filtered as shown, in the project's language."""
    from pmdesk.app import dialogs

    out = {".png": tmp_path / "board.png", ".svg": tmp_path / "board.svg"}
    monkeypatch.setattr(dialogs, "export_path", lambda _w, _s, suffix: out[suffix])
    ws(window).tree_pane.search.setText("流失")  # churn: a few cards
    qtbot.waitUntil(lambda: panel.board is not None and panel.board.size < 10)
    window.export_roadmap(".png")
    window.export_roadmap(".svg")
    image = QImage(str(out[".png"]))
    assert image.width() == 2 * 1100 and image.height() > 200
    svg = out[".svg"].read_text(encoding="utf-8")
    assert "现在" in svg and "接下来" in svg
    assert panel.board is not None
    keys = {c.key for c in panel.board.cards}
    assert keys and all(key in svg for key in keys)
    assert "CRM-9" not in keys and "CRM-9<" not in svg  # filtered out as on screen


def click(panel: HorizonsPanel, key: str, modifier: Qt.KeyboardModifier = NONE) -> None:
    view = panel.view
    QTest.mouseClick(view, LEFT, modifier, view.card_center(card(panel, key).uid))


def test_picked_cards_dragged_together_are_one_undo_step_and_saved(
    qtbot: QtBot, window: MainWindow, panel: HorizonsPanel, sample: Path
) -> None:
    # CRM-22 and CRM-26 are planned for v1.1 (Next), CRM-9 for v2.0 (Later).
    keys = ("CRM-22", "CRM-26", "CRM-9")
    click(panel, "CRM-22")
    click(panel, "CRM-26", CTRL)
    click(panel, "CRM-9", CTRL)
    uids = [card(panel, k).uid for k in keys]
    assert panel.view.picked == uids
    drag(panel, "CRM-26", "now")  # a picked card carries the others along
    assert [(card(panel, k).horizon, card(panel, k).own) for k in keys] == [("now", "now")] * 3
    stack = ws(window).undo_stack
    assert stack.count() == 1 and stack.undoText() == "Move 3 requirements to Now"
    assert window.commands.undo.text().endswith("Move 3 requirements to Now")
    assert panel.view.picked == uids  # still picked, for the next move
    assert window.save()
    assert [on_disk(sample, k).own for k in keys] == ["now"] * 3
    with qtbot.waitSignal(panel.refreshed, timeout=3000):
        stack.undo()  # one step takes all three back
    assert all(card(panel, k).derived for k in keys)
    assert card(panel, "CRM-9").horizon == "later"
    assert window.save()
    assert all(on_disk(sample, k).derived for k in keys)


def test_ctrl_click_takes_a_card_away_and_a_plain_click_picks_one(
    window: MainWindow, panel: HorizonsPanel
) -> None:
    click(panel, "CRM-22")
    click(panel, "CRM-26", CTRL)
    click(panel, "CRM-9", CTRL)
    click(panel, "CRM-26", CTRL)  # taken away again
    assert panel.view.picked == [card(panel, "CRM-22").uid, card(panel, "CRM-9").uid]
    # Ctrl+Left moves the picked cards a column over from the current card's: the
    # last one picked, CRM-9, in Later. CRM-22 is in Next already: CRM-9 alone moves.
    QTest.keyClick(panel.view, Qt.Key.Key_Left, CTRL)
    assert ws(window).undo_stack.undoText() == "Move CRM-9 to Next"
    QTest.keyClick(panel.view, Qt.Key.Key_Left, CTRL)
    assert card(panel, "CRM-22").own == "now" and card(panel, "CRM-9").own == "now"
    assert card(panel, "CRM-26").derived  # not picked: left alone
    assert ws(window).undo_stack.undoText() == "Move 2 requirements to Now"
    # The menu of a picked card acts on every picked card.
    menu = panel.card_menu(card(panel, "CRM-9").uid)
    [back] = [a for a in menu.actions() if a.objectName() == "useReleaseHorizon"]
    back.trigger()
    assert card(panel, "CRM-22").derived and card(panel, "CRM-9").derived
    assert ws(window).undo_stack.undoText() == "Use the release's horizon for 2 requirements"
    click(panel, "CRM-9")  # a plain click on a picked card picks it alone
    assert panel.view.picked == [card(panel, "CRM-9").uid]


def test_shift_click_picks_a_run_in_a_cell(window: MainWindow, panel: HorizonsPanel) -> None:
    view = panel.view
    geo = view.geo
    assert geo is not None
    # The first cell with three cards or more.
    run = next(
        cards
        for row in geo.rows
        for horizon in HORIZONS
        if len(cards := geo.shown(row.lane, horizon)[0]) >= 3
    )
    click(panel, run[0].key)
    click(panel, run[2].key, Qt.KeyboardModifier.ShiftModifier)
    assert view.picked == [c.uid for c in run[:3]]


def test_picked_cards_dragged_in_chinese(
    qtbot: QtBot, chinese: None, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    panel = horizons_of(window)
    click(panel, "CRM-22")
    click(panel, "CRM-26", CTRL)
    drag(panel, "CRM-22", "later")
    assert ws(window).undo_stack.undoText() == "将 2 项需求移到“以后”"
