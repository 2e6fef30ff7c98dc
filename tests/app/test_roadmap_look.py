"""What the roadmap pane remembers and how it looks: colouring and snapping come
back at the next start; the timeline follows a dark theme while pictures for
documents stay light."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.app import dialogs
from pmdesk.app.main_window import MainWindow
from pmdesk.app.roadmap.pane import RoadmapPane
from pmdesk.app.settings import AppSettings
from pmdesk.app.theme import apply_theme
from pmdesk.export.roadmap_style import DARK, LIGHT, STATUS_COLORS
from tests.app.conftest import open_sync, ws
from tests.app.roadmap_helpers import bar_of


def test_colouring_and_snapping_come_back_at_the_next_start(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane, sample: Path, tmp_path: Path
) -> None:
    assert (pane.color_mode, pane.view.snap) == ("status", "day")  # the defaults
    pane.color_by.setCurrentIndex(pane.color_by.findData("priority"))
    pane.snap.setCurrentIndex(pane.snap.findData("week"))
    window.close()  # writes the settings file

    again = MainWindow(AppSettings.at(tmp_path / "settings.ini"), window.data_dir)
    qtbot.addWidget(again)
    again.show()
    open_sync(again, sample)
    restored = ws(again).roadmap_pane
    assert restored.color_by.currentData() == "priority"
    assert restored.snap.currentData() == "week" and restored.view.snap == "week"
    qtbot.waitUntil(lambda: restored.layout_shown is not None)
    assert [label for label, _ in restored.legend.entries] == ["Must", "Should", "Could"]
    again.close()


def test_unknown_stored_choices_fall_back_to_the_defaults(tmp_path: Path) -> None:
    settings = AppSettings.at(tmp_path / "s.ini")
    settings.roadmap_color_by = "colour of the sky"
    settings.roadmap_snap = "fortnight"
    assert (settings.roadmap_color_by, settings.roadmap_snap) == ("status", "day")


@pytest.fixture
def restore_theme() -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, style = app.palette(), app.style().name()
    yield app
    app.setStyle(style)
    app.setPalette(palette)


def lightness(image: QImage, step: int = 7) -> float:
    """The mean lightness of a sample of the pixels (0 black … 1 white)."""
    values = [
        image.pixelColor(x, y).lightnessF()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    ]
    return sum(values) / len(values)


def grab(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def test_the_timeline_follows_a_dark_theme_and_pictures_stay_light(
    qtbot: QtBot,
    window: MainWindow,
    pane: RoadmapPane,
    restore_theme: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = pane.view
    assert view.chart_palette is LIGHT and lightness(grab(view.viewport())) > 0.85
    apply_theme(restore_theme, "dark")  # what Preferences ▸ Theme ▸ Dark does
    qtbot.waitUntil(lambda: view.chart_palette is DARK)
    assert pane.legend.chart_palette is DARK
    for part in (view.viewport(), view.header, view.gutter):
        assert lightness(grab(part)) < 0.3, part
    # A bar keeps its status colour, so the legend still reads.
    bar = bar_of(pane, "CRM-8")  # approved
    assert view.geo is not None
    rect = view.geo.bar_rect(bar)
    view.ensureVisible(rect, 60, 60)
    inside = view.mapFromScene(rect.topLeft()) + QPoint(3, int(rect.height() / 2))
    assert grab(view.viewport()).pixelColor(inside) == QColor(STATUS_COLORS["approved"])

    target = tmp_path / "board.png"
    monkeypatch.setattr(dialogs, "export_path", lambda *_args: target)
    window.commands.export_png.trigger()
    picture = QImage(str(target))
    assert picture.pixelColor(2, 2) == QColor(LIGHT.background)
    assert lightness(picture) > 0.85

    apply_theme(restore_theme, "light")
    qtbot.waitUntil(lambda: view.chart_palette is LIGHT)
    assert lightness(grab(view.header)) > 0.85
