"""The roadmap picture: right size, not blank, valid SVG, and no window needed."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from sqlalchemy import Connection

from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.export import roadmap_picture
from pmdesk.export.roadmap_picture import render_roadmap_png, render_roadmap_svg

TODAY = dt.date(2027, 2, 17)


def inked_pixels(image: QImage, step: int = 3) -> int:
    """Pixels (on a grid) that differ from the white background."""
    white = QColor("#FFFFFF").rgb()
    return sum(
        image.pixel(x, y) != white
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    )


def test_png_has_the_width_asked_for_and_is_drawn(sample_conn: Connection) -> None:
    png = render_roadmap_png(sample_conn, language="zh", width=1200, today=TODAY)
    assert png is not None and png.startswith(b"\x89PNG")
    image = QImage.fromData(png)
    assert image.width() == 1200
    assert 400 < image.height() < 2000  # 4 lanes of the sample, header and legend
    grid = (image.width() // 3) * (image.height() // 3)
    assert inked_pixels(image) > grid // 5  # bars, lanes and text, not an empty canvas


def test_svg_is_xml_with_the_same_drawing(sample_conn: Connection) -> None:
    svg = render_roadmap_svg(sample_conn, language="en", width=1000, today=TODAY)
    assert svg is not None
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and root.get("viewBox", "").split()[2] == "1000"
    text = svg.decode()
    assert "Unassigned" not in text  # every sample requirement has a lane
    assert "v1.0" in text and "CRM-41" in text


def test_nothing_to_draw_gives_none(project_file: Path) -> None:
    store = open_readonly(project_file)
    try:
        with store.engine.connect() as conn:
            assert render_roadmap_png(conn, language="en") is None
            assert render_roadmap_svg(conn, language="en") is None
    finally:
        store.dispose()


def test_works_without_an_application_and_from_a_worker_thread(tmp_path: Path) -> None:
    """The PRD exporter (CLI or a task thread) calls it with no QApplication."""
    code = f"""
import os, threading
os.environ.pop("QT_QPA_PLATFORM", None); os.environ.pop("DISPLAY", None)
os.environ.pop("WAYLAND_DISPLAY", None)
from pathlib import Path
from PySide6.QtGui import QGuiApplication
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.export.roadmap_picture import render_roadmap_png
path = Path({str(tmp_path / "s.pmdesk")!r}); write_sample(path, "en")
store = open_readonly(path)
sizes = []
def work():
    with store.engine.connect() as conn:
        sizes.append(len(render_roadmap_png(conn, language="en", width=800) or b""))
work()
thread = threading.Thread(target=work); thread.start(); thread.join()
print(QGuiApplication.instance() is not None, os.environ["QT_QPA_PLATFORM"], sizes)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    created, platform, sizes = out.stdout.split(maxsplit=2)
    assert (created, platform) == ("True", "offscreen")
    assert all(n > 10_000 for n in eval(sizes)) and len(eval(sizes)) == 2


def test_a_huge_roadmap_is_cut_with_a_note(
    sample_conn: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    def drawn() -> QImage:
        png = render_roadmap_png(sample_conn, language="en", today=TODAY)
        assert png is not None
        return QImage.fromData(png)

    full = drawn()
    monkeypatch.setattr(roadmap_picture, "MAX_BODY_HEIGHT", 300.0)
    svg = render_roadmap_svg(sample_conn, language="en", today=TODAY)
    cut = drawn()
    assert cut.width() == full.width() and cut.height() < full.height() - 300
    assert svg is not None and "more rows not shown" in svg.decode()


def test_lane_colours_and_linked_milestones_are_in_the_picture(
    tmp_path: Path, data_dir: Path
) -> None:
    """Issue 13: a lane's colour marks its name and tints its rows; a milestone
    linked to a release is drawn in that release's colour, as on screen."""
    from pmdesk.core.newproject.sample import write_sample
    from pmdesk.core.ops import Update
    from pmdesk.core.queries.roadmap import roadmap_data
    from pmdesk.core.storage.workingcopy import WorkingCopy
    from pmdesk.export.roadmap_paint import lane_fill
    from pmdesk.export.roadmap_picture import MARGIN, PALETTE, roadmap_picture
    from pmdesk.export.roadmap_style import release_colors

    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    wc = WorkingCopy.open(path, data_dir=data_dir)
    try:
        with wc.store.engine.connect() as conn:
            data = roadmap_data(conn)
        lane, release = data.lanes[1], data.releases[1]
        milestone = next(m for m in data.milestones if m.name == "Design freeze")
        wc.apply(Update("lane", lane.uid, {"colour": "#cc3366"}))
        wc.apply(Update("milestone", milestone.uid, {"release": release.uid}))
        with wc.store.engine.connect() as conn:
            picture = roadmap_picture(conn, language="en", width=1400, today=TODAY)
    finally:
        wc.close(discard=True)
    assert picture is not None
    image = QImage.fromData(picture.png())
    geo = picture.geo
    top = MARGIN + geo.header_height + geo.lane_tops[1]
    assert image.pixelColor(int(MARGIN + 2), int(top + 20)).name() == "#cc3366"
    tinted = lane_fill(PALETTE, 1, "#cc3366")
    assert tinted != QColor(PALETTE.lane_fills[1])
    row_ground = image.pixelColor(int(MARGIN + geo.gutter + 2), int(top + 3))
    assert row_ground.name() == tinted.name()
    index = [m.uid for m in geo.layout.milestones].index(milestone.uid)
    center = geo.milestone_center(index)
    x, y = MARGIN + geo.gutter + center.x(), MARGIN + center.y()
    colour = release_colors(geo.layout)[release.uid]
    assert image.pixelColor(round(x), round(y)).name() == colour.lower()
