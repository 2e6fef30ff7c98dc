"""A release whose Musts alone exceed its capacity carries a warning mark on its
band in the exported roadmap picture too (the timeline's is in test_board_pane)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from pmdesk.core.ops import Update
from pmdesk.core.project import Project
from pmdesk.export.roadmap_picture import MARGIN, Picture, roadmap_picture
from pmdesk.export.roadmap_style import LIGHT


def picture(path: Path) -> Picture:
    with Project.view(path) as project:
        found = project.read(lambda conn: roadmap_picture(conn, language="en"))
    assert found is not None
    return found


def mark_pixel(found: Picture, name: str) -> QColor:
    """The colour where the warning triangle of release `name` would be."""
    geo = found.geo
    band = next(b for b in geo.layout.bands if b.name == name)
    rect = geo.band_rect(band)
    h = min(rect.height() - 4, 14.0)
    x = MARGIN + geo.gutter + rect.right() - 5 - 0.8 * h
    y = MARGIN + rect.center().y() + h / 2 - 2
    image = QImage.fromData(found.png())
    return image.pixelColor(round(x), round(y))


def test_the_exported_picture_marks_an_over_capacity_release(sample: Path, tmp_path: Path) -> None:
    before = mark_pixel(picture(sample), "v1.1")
    assert before.name() != QColor(LIGHT.conflict).name()

    project = Project.open(sample, data_dir=tmp_path / "data", user="Li")
    try:
        board = project.releases()
        v11 = next(r.uid for r in board if r.name == "v1.1")
        project.apply(Update("release", v11, {"capacity": 60.0}))  # Musts need 80
        assert project.save().saved
    finally:
        project.close()
    after = picture(sample)
    assert after.over_capacity == {v11}
    assert mark_pixel(after, "v1.1").name() == QColor(LIGHT.conflict).name()
    assert mark_pixel(after, "v1.0").name() != QColor(LIGHT.conflict).name()
