"""A PRD's `matrix` block: the value vs effort picture and the table of the
quadrants' requirements, in the Word and Markdown exports (read back) and the
preview; the unassessed named apart; the picture's dots where their figures say."""

from __future__ import annotations

import uuid
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from pmdesk.cli import main
from pmdesk.core.analysis.value_effort import MatrixPoint, matrix_of
from pmdesk.core.domain.directive_filter import DirectiveError, Filter, Term
from pmdesk.core.domain.directives import MatrixDirective, parse_directive
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create
from pmdesk.core.project import Project
from pmdesk.export.directive_html import render_section_html
from pmdesk.export.matrix_picture import DOTS, MatrixPlot, effort_axis_max, matrix_png
from pmdesk.export.roadmap_picture import ensure_gui
from tests.core.value_helpers import keep_only_values

# Values given to requirements of release v1.0 (efforts are the sample's own).
VALUES = {"CRM-2": 8.0, "CRM-3": 3.0, "CRM-4": 6.0, "CRM-12": 9.0, "CRM-13": 2.0}
# With the median effort 1.5 (of 3.0, 1.0, 1.5, 0.5, 1.5):
QUADRANTS = {
    "zh": [
        ["快速见效", "CRM-12"],
        ["", "CRM-4"],
        ["重大投入", "CRM-2"],
        ["顺手可做", "CRM-3"],
        ["", "CRM-13"],
    ],
    "en": [
        ["Quick wins", "CRM-12"],
        ["", "CRM-4"],
        ["Big bets", "CRM-2"],
        ["Fill-ins", "CRM-3"],
        ["", "CRM-13"],
    ],
}
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
HEADER = {
    "zh": ["象限", "编号", "标题", "价值", "投入（人月）"],
    "en": ["Quadrant", "Key", "Title", "Value", "Effort (person-months)"],
}


def block(body: str) -> str:
    return f"Before.\n\n```pmdesk\n{body}\n```\n\nAfter.\n"


def project_with(tmp_path: Path, language: str, body: str) -> Path:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, language)
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        keep_only_values(project, VALUES)
        project.apply(Create("section", str(uuid.uuid4()), {"title": "Matrix", "body": body}))
        project.save()
    finally:
        project.close()
    return path


def export(path: Path, fmt: str) -> Path:
    out = path.parent / f"prd.{fmt}"
    assert main(["export", str(path), "--format", fmt, "-o", str(out)]) == 0
    return out


def test_the_directive_is_parsed() -> None:
    assert parse_directive("matrix") == MatrixDirective()
    assert parse_directive('matrix release="v1.0"') == MatrixDirective(
        Filter((Term("release", "v1.0"),))
    )
    with pytest.raises(DirectiveError, match="not a matrix option"):
        parse_directive("matrix detailed")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_matrix_in_the_word_export(tmp_path: Path, language: str) -> None:
    path = project_with(tmp_path, language, block('matrix release="v1.0"'))
    document = docx.Document(str(export(path, "docx")))
    [rows] = [
        [[c.text.strip() for c in row.cells] for row in t.rows]
        for t in document.tables
        if [c.text.strip() for c in t.rows[0].cells] == HEADER[language]
    ]
    assert [r[:2] for r in rows[1:]] == QUADRANTS[language]
    crm12 = next(r for r in rows if r[1] == "CRM-12")
    assert crm12[3:] == ["9", "0.5"]
    text = "\n".join(p.text for p in document.paragraphs)
    section = text.split("Before.")[1].split("After.")[0]
    figure = "价值与投入矩阵" if language == "zh" else "Value vs effort"
    [caption] = [line for line in section.splitlines() if figure in line]
    assert caption.startswith("图 " if language == "zh" else "Figure ")  # numbered
    unassessed = "未评估价值或投入" if language == "zh" else "Without a value or an effort"
    [line] = [x for x in section.splitlines() if unassessed in x]
    assert "CRM-1" in line and "CRM-12" not in line
    # The picture is in the document.
    names = [p.get("name") for p in document.element.body.iter(f"{WP}docPr")]
    assert "matrix" in names


def test_the_matrix_in_the_markdown_export_and_preview(tmp_path: Path) -> None:
    path = project_with(tmp_path, "en", block("matrix release=v1.0"))
    text = export(path, "md").read_text(encoding="utf-8")
    section = text.split("Before.")[-1].split("After.")[0]
    lines = [x for x in section.splitlines() if x.startswith("|")]
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
    assert cells[0] == HEADER["en"]
    assert [[c[0].strip("*"), c[1]] for c in cells[2:]] == QUADRANTS["en"]  # names in bold
    assert "Value vs effort](<prd-matrix.png>)" in section  # the picture beside the file
    assert (path.parent / "prd-matrix.png").stat().st_size > 10_000
    with Project.view(path) as project:
        html = project.read(
            lambda conn: render_section_html(conn, block("matrix release=v1.0"), language="en")
        )
    assert '<img src="data:image/png;base64,' in html
    assert "<th>Quadrant</th><th>Key</th>" in html
    assert "Without a value or an effort (not on the matrix): CRM-1," in html


def test_nothing_assessed_says_so_and_an_unknown_release_is_a_problem(tmp_path: Path) -> None:
    path = project_with(tmp_path, "zh", "")
    with Project.view(path) as project:
        html = project.read(
            lambda conn: render_section_html(conn, block("matrix release=v2.0"), language="zh")
        )
        typo = project.read(
            lambda conn: render_section_html(conn, block("matrix release=v9"), language="zh")
        )
    assert "符合条件的需求都还没有同时评估价值和投入。" in html
    assert "<img" not in html
    assert "pmdesk 内容块有误：</b>项目中没有名为「v9」的版本" in typo


def test_each_dot_is_where_its_figures_say() -> None:
    ensure_gui()
    points = [
        MatrixPoint("a", "R-1", "one", 9.0, 0.5),
        MatrixPoint("b", "R-2", "two", 2.0, 4.0),
        MatrixPoint("c", "R-3", "three", None, 1.0),
    ]
    matrix = matrix_of(points)
    png, width, height = matrix_png(matrix, "en", 600, scale=1.0)
    image = QImage.fromData(png)
    assert (image.width(), image.height()) == (width, height)
    plot = MatrixPlot(QRectF(0, 0, width, height), matrix)
    assert plot.axis_max == effort_axis_max(matrix) == 5.0  # past 4.0, a round number
    for point in matrix.points:
        assert point.effort is not None and point.value is not None
        centre = plot.places[point.uid]
        assert centre.x() == pytest.approx(
            plot.plot.left() + point.effort / 5.0 * plot.plot.width()
        )
        assert centre.y() == pytest.approx(
            plot.plot.bottom() - point.value / 10 * plot.plot.height()
        )
        pixel = QColor(image.pixel(int(centre.x()), int(centre.y())))
        assert pixel.name() == QColor(DOTS[matrix.quadrant(point)]).name()


def test_a_crowd_at_a_corner_stays_on_the_plot_and_apart() -> None:
    """Twelve requirements of value 10 and the least effort: spread around their
    place, kept inside the frame, each its own dot to hover or click."""
    ensure_gui()
    crowd = [MatrixPoint(f"u{n}", f"R-{n}", "", 10.0, 0.05) for n in range(12)]
    matrix = matrix_of([*crowd, MatrixPoint("far", "R-99", "", 1.0, 4.0)])
    plot = MatrixPlot(QRectF(0, 0, 600, 430), matrix)
    places = [plot.places[p.uid] for p in crowd]
    for place in places:
        assert plot.plot.contains(place)
    assert len({(round(p.x()), round(p.y())) for p in places}) == 12
    for point in crowd:
        assert plot.point_at(plot.places[point.uid]) == point
    png, _, _ = matrix_png(matrix, "zh", 600, scale=1.0)  # paints without a failure
    assert QImage.fromData(png).width() == 600
