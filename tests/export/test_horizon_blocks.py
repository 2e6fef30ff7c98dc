"""A PRD's `roadmap view=horizons` block: the Now / Next / Later picture in the Word
and Markdown exports (read back) and the preview, its cards in the column of
their horizon, filtered by the usual terms; the plain `roadmap` block unchanged."""

from __future__ import annotations

import datetime as dt
import uuid
from functools import partial
from pathlib import Path

import docx
import pytest
from PySide6.QtGui import QColor, QImage

from pmdesk.cli import main
from pmdesk.core.domain.directive_filter import DirectiveError, Filter, Term
from pmdesk.core.domain.directives import HorizonsDirective, RoadmapDirective, parse_directive
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create
from pmdesk.core.project import Project
from pmdesk.core.roadmap.horizons import HORIZONS, horizon_board
from pmdesk.export.directive_html import render_section_html
from pmdesk.export.horizon_blocks import horizons_board
from pmdesk.export.horizon_geometry import HorizonGeometry, horizon_texts
from pmdesk.export.horizon_picture import horizons_png, priority_color
from pmdesk.export.roadmap_picture import ensure_gui

CAPTION = {"zh": "路线图：现在 / 接下来 / 以后", "en": "Roadmap: Now / Next / Later"}


def project_with(tmp_path: Path, language: str, body: str) -> Path:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, language)
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        title = "路线图阶段" if language == "zh" else "Horizons"
        project.apply(Create("section", str(uuid.uuid4()), {"title": title, "body": body}))
        project.save()
    finally:
        project.close()
    return path


def block(body: str) -> str:
    return f"Before.\n\n```pmdesk\n{body}\n```\n\nAfter.\n"


def export(path: Path, fmt: str) -> Path:
    out = path.parent / f"prd.{fmt}"
    assert main(["export", str(path), "--format", fmt, "-o", str(out)]) == 0
    return out


def test_the_directive_is_parsed() -> None:
    assert parse_directive("roadmap") == RoadmapDirective()  # unchanged
    assert parse_directive("roadmap view=timeline") == RoadmapDirective()
    assert parse_directive("roadmap view=horizons") == HorizonsDirective()
    assert parse_directive('roadmap: view=horizons kind=feature lane="Sales Collaboration"') == (
        HorizonsDirective(Filter((Term("kind", "feature"), Term("lane", "Sales Collaboration"))))
    )
    for wrong, words in [
        ("roadmap view=gantt", "view=horizons"),
        ("roadmap kind=feature", "view=horizons"),
        ("roadmap view=horizons view=horizons", "view=horizons"),
        ("roadmap view=horizons big", "not a filter term"),
        ("roadmap view=horizons detailed", "not a roadmap option"),
        ("roadmap view=horizons kind=saga", "not a kind"),
        ("roadmap view=timeline kind=feature", "no filter terms"),
    ]:
        with pytest.raises(DirectiveError, match=words):
            parse_directive(wrong)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_picture_in_the_word_export(tmp_path: Path, language: str) -> None:
    path = project_with(tmp_path, language, block("roadmap view=horizons"))
    document = docx.Document(str(export(path, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    captions = [line for line in text.splitlines() if CAPTION[language] in line]
    assert len(captions) == 1, captions
    assert captions[0].startswith("图 " if language == "zh" else "Figure ")
    assert dt.date.today().isoformat() in captions[0]  # "as of" the export's day
    section = text.split("Before.")[1].split("After.")[0]
    assert "pmdesk" not in section  # no problem line
    # The timeline still has its own chapter: the horizons are not the roadmap picture.
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert any(h.endswith("路线图" if language == "zh" else "Roadmap") for h in headings)
    pictures = [
        part
        for part in document.part.package.parts
        if part.content_type == "image/png" and b"IHDR" in part.blob[:32]
    ]
    assert any(QImage.fromData(p.blob).width() == 1280 for p in pictures)  # 640 at 2×


def test_the_picture_in_the_markdown_export_and_the_preview(tmp_path: Path) -> None:
    body = block("roadmap view=horizons") + block("roadmap view=horizons kind=saga")
    path = project_with(tmp_path, "en", body)
    out = export(path, "md")
    text = out.read_text(encoding="utf-8")
    pictures = [p for p in out.parent.iterdir() if p.suffix == ".png" and "horizons" in p.name]
    assert len(pictures) == 1 and pictures[0].name in text
    assert CAPTION["en"] in text
    with Project.view(path) as project:
        html = project.read(lambda conn: render_section_html(conn, body, language="zh"))
    assert html.count("data:image/png;base64,") == 1
    assert CAPTION["zh"] in html
    assert "saga" in html  # the mistyped block: one sentence in its place


def test_a_filter_keeps_only_its_cards(tmp_path: Path) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    today = dt.date(2027, 2, 15)
    with Project.view(path) as project:
        every = project.read(partial(horizon_board, today=today))
        features = project.read(
            partial(
                horizons_board,
                directive=HorizonsDirective(Filter((Term("kind", "feature"),))),
                today=today,
            )
        )
        lane = project.read(
            partial(
                horizons_board,
                directive=HorizonsDirective(Filter((Term("lane", "Sales Collaboration"),))),
                today=today,
            )
        )
    assert {c.key for c in features.cards} == {c.key for c in every.cards if c.kind == "feature"}
    assert features.cards and len(features.cards) < len(every.cards)
    names = {lane.uid: lane.name for lane in every.lanes}
    assert {names[str(c.lane_uid)] for c in lane.cards} == {"Sales Collaboration"}
    assert lane.rows() == [row.uid for row in every.lanes]  # every lane stays a row


@pytest.mark.parametrize("language", ["zh", "en"])
def test_each_card_is_drawn_in_its_column_tinted_by_priority(tmp_path: Path, language: str) -> None:
    ensure_gui()
    path = tmp_path / "crm.pmdesk"
    write_sample(path, language)
    with Project.view(path) as project:
        board = project.read(partial(horizon_board, today=dt.date(2027, 2, 15)))
    png, width, height = horizons_png(board, language, 640, scale=2.0, cap=None)
    image = QImage.fromData(png)
    assert (image.width(), image.height()) == (2 * width, 2 * height)
    geo = HorizonGeometry(board, width, horizon_texts(language), legend=True, compact=True)
    assert height == int(geo.height + 0.5)
    for card in board.cards:
        place = geo.place_of(card.uid)
        assert place is not None, card.key
        row, column, index = place
        assert HORIZONS[column] == card.horizon
        box = geo.card_rect(row, column, index)
        strip = QColor(image.pixel(int((box.left() + 3.5) * 2), int(box.center().y() * 2)))
        assert strip.name() == QColor(priority_color(card.priority)).name(), card.key
