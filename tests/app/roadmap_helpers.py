"""Helpers for the roadmap tests (the `pane` fixture is in conftest): find bars,
read what the project stores, drag with the mouse as a hand does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.roadmap.pane import RoadmapPane
from pmdesk.app.roadmap.view import RoadmapView
from pmdesk.core.roadmap.layout import Bar, RoadmapLayout
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
