"""Helpers for the roadmap tests (the `pane` fixture is in conftest): find bars,
read what the project stores, drag with the mouse as a hand does."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Connection

from pmdesk.app.main_window import MainWindow
from pmdesk.app.roadmap import pane as roadmap_pane
from pmdesk.app.roadmap.pane import RoadmapPane
from pmdesk.app.roadmap.view import RoadmapView
from pmdesk.core.queries.roadmap import RoadmapData, roadmap_data
from pmdesk.core.roadmap.layout import Band, Bar, Diamond, RoadmapLayout
from pmdesk.export.roadmap_geometry import TIER_HEIGHT
from tests.app.conftest import ws


def shown_layout(shower: RoadmapPane | RoadmapView) -> RoadmapLayout:
    """The layout the pane (or its view, mid-drag) shows; the test fails here if none."""
    layout = shower.layout_shown
    assert layout is not None, "the roadmap shows no layout"
    return layout


def bar_of(pane: RoadmapPane, key: str) -> Bar:
    return next(b for b in shown_layout(pane).bars if b.key == key)


def stored(window: MainWindow, uid: str) -> dict[str, Any]:
    """The requirement's values as the project stores them."""
    detail = ws(window).session.project.requirement(uid)
    assert detail is not None
    return detail.values


def on_screen(pane: RoadmapPane, bar: Bar, where: str = "middle") -> QPoint:
    """The viewport point of a bar's middle or of a point just inside one of its ends."""
    view, geo = pane.view, pane.view.geo
    assert geo is not None
    rect = geo.bar_rect(bar)
    x = {"middle": rect.center().x(), "start": rect.left() + 2, "end": rect.right() - 2}[where]
    point = QPointF(x, rect.center().y())
    view.ensureVisible(rect, 60, 60)
    return view.mapFromScene(point)


def drag(qtbot: QtBot, pane: RoadmapPane, start: QPoint, dx: float, dy: float = 0) -> None:
    """Press, move in steps and release, as a hand on a mouse does."""
    viewport = pane.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        step = start + QPoint(round(dx * i / 5), round(dy * i / 5))
        QTest.mouseMove(viewport, step)
    end = start + QPoint(round(dx), round(dy))
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def days(pane: RoadmapPane, n: float) -> float:
    assert pane.view.geo is not None
    return n * pane.view.geo.ppd


# -- the margins: release bands and milestones on the axis, lane names ------------------
def band_of(pane: RoadmapPane, name: str) -> Band:
    return next(b for b in shown_layout(pane).bands if b.name == name)


def milestone_of(pane: RoadmapPane, name: str) -> Diamond:
    return next(m for m in shown_layout(pane).milestones if m.name == name)


def _header_point(pane: RoadmapPane, body_x: float, y: float) -> QPoint:
    """The header strip's point over body x `body_x` (scrolled into sight first)."""
    view, geo = pane.view, pane.view.geo
    assert geo is not None
    view.ensureVisible(QRectF(body_x - 40, view.verticalScrollBar().value() + 1, 80, 1), 80, 0)
    return QPoint(round(body_x + geo.gutter - view.horizontalScrollBar().value()), round(y))


def on_band(pane: RoadmapPane, band: Band, where: str = "middle") -> QPoint:
    """The header point of a release band's middle, or just inside one of its ends."""
    geo = pane.view.geo
    assert geo is not None
    rect = geo.band_rect(band)
    x = {"middle": rect.center().x(), "start": rect.left() + 2, "end": rect.right() - 2}[where]
    return _header_point(pane, x, rect.center().y())


def on_milestone(pane: RoadmapPane, milestone: Diamond) -> QPoint:
    geo = pane.view.geo
    assert geo is not None
    index = shown_layout(pane).milestones.index(milestone)
    center = geo.milestone_center(index)
    return _header_point(pane, center.x(), center.y())


def on_axis(pane: RoadmapPane, day: dt.date) -> QPoint:
    """A point on the time axis (the ticks, above the bands) at the middle of `day`."""
    geo = pane.view.geo
    assert geo is not None
    x = geo.x((day - shown_layout(pane).origin).days + 0.5)
    return _header_point(pane, x, TIER_HEIGHT / 2)


def on_lane_name(pane: RoadmapPane, name: str) -> QPoint:
    """The gutter point of a lane's name (its first row)."""
    view, geo = pane.view, pane.view.geo
    assert geo is not None
    i = next(i for i, lane in enumerate(shown_layout(pane).lanes) if lane.name == name)
    top = geo.lane_tops[i]
    view.verticalScrollBar().setValue(round(top))
    return QPoint(20, round(top + 16 - view.verticalScrollBar().value()))


def drag_on(
    qtbot: QtBot, pane: RoadmapPane, widget: QWidget, start: QPoint, dx: float, dy: float = 0
) -> None:
    """Press, move in steps and release on a margin of the view; waits for the redraw."""
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        QTest.mouseMove(widget, start + QPoint(round(dx * i / 5), round(dy * i / 5)))
    end = start + QPoint(round(dx), round(dy))
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def right_click(pane: RoadmapPane, widget: QWidget, pos: QPoint) -> QMenu:
    """Right-click at `pos` of `widget` (a margin or the viewport): the menu shown."""
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    menu = pane.editing.menu
    assert menu is not None and menu.isVisible(), "no context menu came up"
    return menu


def entry(menu: QMenu, text: str) -> QAction:
    found = next((a for a in menu.actions() if a.text() == text), None)
    assert found is not None, f"no {text!r} in {[a.text() for a in menu.actions()]}"
    return found


def choose(menu: QMenu, text: str) -> None:
    """Click the menu's entry `text` with the mouse."""
    action = entry(menu, text)
    assert action.isEnabled(), f"{text!r} is disabled"
    QTest.mouseClick(
        menu,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        menu.actionGeometry(action).center(),
    )


def counting_reads(monkeypatch: pytest.MonkeyPatch, pane: RoadmapPane) -> list[str]:
    """Notes each re-read of the roadmap and each new layout shown."""
    reads: list[str] = []

    def counted(conn: Connection, *, rejected: bool = False) -> RoadmapData:
        reads.append("read")
        return roadmap_data(conn, rejected=rejected)

    monkeypatch.setattr(roadmap_pane, "roadmap_data", counted)
    pane.refreshed.connect(lambda: reads.append("refreshed"))
    return reads
