"""The roadmap in Word: on sideways pages, every label whole and printed large
enough to read at 100 %, the milestones kept on the sideways pages under it."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from pathlib import Path

import pytest
from lxml import etree  # type: ignore[import-untyped]
from PySide6.QtGui import QColor, QImage, QPainter

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.queries.roadmap import roadmap_data
from pmdesk.core.roadmap.layout import layout_roadmap
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.export.picture_pages import Cuts, encode, mark, page_parts
from pmdesk.export.roadmap_picture import DOCUMENT_UNITS, Picture, ensure_gui
from pmdesk.export.roadmap_style import texts_for
from tests.export.docx_read import NS, part, w

EMU_PER_TWIP = 635


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("roadmap")
    project = folder / "crm.pmdesk"
    write_sample(project, "zh")
    out = {"project": project}
    for lang in ("zh", "en"):
        out[lang] = folder / f"crm-{lang}.docx"
        args = ["export", str(project), "--format", "docx", "-o", str(out[lang]), "--lang", lang]
        assert main(args) == 0
    return out


def sections_of(body: etree._Element) -> list[tuple[etree._Element, list[etree._Element]]]:
    """(sectPr, the body's children in that section) in order."""
    out: list[tuple[etree._Element, list[etree._Element]]] = []
    current: list[etree._Element] = []
    for child in body:
        current.append(child)
        inner = child.find("w:pPr/w:sectPr", NS)
        if inner is not None or child.tag == w("sectPr"):
            out.append((inner if inner is not None else child, current))
            current = []
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_roadmap_fills_sideways_pages_with_the_milestones_under_it(
    sample: dict[str, Path], lang: str
) -> None:
    body = part(sample[lang], "word/document.xml").find("w:body", NS)
    sideways = [
        (section, children)
        for section, children in sections_of(body)
        if section.find("w:pgSz", NS).get(w("orient")) == "landscape"
    ]
    assert len(sideways) == 1
    section, children = sideways[0]
    size, margins = section.find("w:pgSz", NS), section.find("w:pgMar", NS)
    across = int(size.get(w("w"))) - 2 * int(margins.get(w("left")))
    down = int(size.get(w("h"))) - int(margins.get(w("top"))) - int(margins.get(w("bottom")))
    extents = [e for child in children for e in child.iter(f"{{{NS['wp']}}}extent")]
    assert len(extents) >= 2  # cut into parts, each a page at most
    for extent in extents:
        assert int(extent.get("cx")) == across * EMU_PER_TWIP
        assert int(extent.get("cy")) < down * EMU_PER_TWIP
        # Labels are 12 of the picture's DOCUMENT_UNITS: printed at 8.5 points or more.
        points = 12 * int(extent.get("cx")) / EMU_PER_TWIP / DOCUMENT_UNITS / 20
        assert points >= 8.5
    texts = ["".join(t.text or "" for t in c.iter(w("t"))) for c in children]
    label = "里程碑" if lang == "zh" else "Milestones"
    assert label in texts  # the milestones' table stays on the sideways pages
    assert any(c.tag == w("tbl") for c in children)
    styles = {
        style.get(w("val"))
        for c in children
        if c.tag == w("p") and (style := c.find("w:pPr/w:pStyle", NS)) is not None
    }
    assert styles <= {"Heading1", "Caption", "Label", "TableText"}  # text turns upright


def test_every_label_is_whole_and_clear_of_the_next_bar(
    sample: dict[str, Path], qapp: object
) -> None:
    ensure_gui()
    store = open_readonly(sample["project"])
    with store.engine.connect() as conn:
        layout = layout_roadmap(roadmap_data(conn), dt.date(2027, 1, 15))
    store.dispose()
    picture = Picture(layout, texts_for("zh"), int(DOCUMENT_UNITS), printed=True)
    geo = picture.geo
    assert picture.layout.rows >= layout.rows  # labels beside bars take room of their own
    beside = 0
    for row in range(picture.layout.rows):
        bars = picture.layout.bars_in_row(row)
        for bar, after in pairwise(bars):
            end = geo.x(bar.x1)
            if geo.label_width(bar) > geo.x(bar.x1) - geo.x(bar.x0) - 12:
                end += 5 + geo.label_width(bar)
                beside += 1
            assert geo.x(after.x0) >= end, (bar.key, after.key)
    assert beside > 0


def striped_picture(rows: int, header: int = 40, row: int = 20, legend: int = 30) -> bytes:
    """A picture with a header, `rows` rows in two lanes and a legend, with cuts."""
    height = header + rows * row + legend
    image = QImage(200, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.fillRect(0, 0, 200, header, QColor("#123456"))
    p.fillRect(0, header + rows * row, 200, legend, QColor("#654321"))
    p.end()
    tops = [header + n * row for n in range(rows)]
    body = header + rows * row
    mark(image, Cuts(header, body, (header, header + rows // 2 * row, body), tuple(tops), 50))
    return encode(image)


def test_a_tall_picture_is_cut_at_rows_with_the_header_on_every_part(qapp: object) -> None:
    png = striped_picture(40)
    parts = page_parts(png, 300, 400, tail=20)
    assert len(parts) == 3
    heights = [h for _, _, h in parts]
    assert heights[0] <= 300 and all(h <= 400 for h in heights)
    for data, _, _ in parts:
        image = QImage.fromData(data)
        assert image.pixelColor(10, 5).name() == "#123456"  # the header atop each
    last = QImage.fromData(parts[-1][0])
    assert last.pixelColor(10, last.height() - 5).name() == "#654321"  # the legend last
    first = QImage.fromData(parts[0][0])
    assert first.pixelColor(10, first.height() - 5).name() != "#654321"
    # The rows come through once each: the bodies add up to the original body.
    assert sum(h - 40 for h in heights) - 30 == 40 * 20


def test_a_picture_that_fits_or_has_no_cuts_comes_back_whole(qapp: object) -> None:
    png = striped_picture(4)
    assert page_parts(png, 1000, 1000) == [(png, 200, 40 + 80 + 30)]
