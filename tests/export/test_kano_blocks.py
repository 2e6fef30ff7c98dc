"""A PRD's `kano` block: the survey's table and Better–Worse picture in the
Word and Markdown exports (read back) and the preview; a missing or damaged
survey is one problem line, never a failed export."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from pmdesk.cli import main
from pmdesk.core.analysis.kano_apply import analyse_kano_survey, requirement_kanos
from pmdesk.core.analysis.kano_survey import sample_survey_path
from pmdesk.core.domain.directive_filter import DirectiveError
from pmdesk.core.domain.directives import KanoDirective, parse_directive
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create
from pmdesk.core.project import Project
from pmdesk.export.directive_html import render_section_html
from pmdesk.export.kano_picture import DOTS, KanoPlot, kano_png, points_of
from pmdesk.export.roadmap_picture import ensure_gui

# CRM-6 of the sample survey (worked out by hand in tests/core/test_kano_apply.py):
# respondents, counts A O M I R Q, Better, Worse.
CRM_6 = ["30", "3", "8", "13", "5", "0", "1", "0.38", "-0.72"]
MUST_BE = {"zh": "必备", "en": "Must-be"}
ATTRACTIVE = {"zh": "魅力", "en": "Attractive"}


def project_with(tmp_path: Path, language: str, body: str) -> Path:
    """The sample project in a shared folder beside its survey, with a section
    holding `body`."""
    share = tmp_path / "share"
    share.mkdir(exist_ok=True)
    path = share / "crm.pmdesk"
    write_sample(path, language)
    shutil.copy(sample_survey_path(language), share)
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        title = "Kano 分析" if language == "zh" else "Kano analysis"
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


def table_rows(document: docx.document.Document, header: str) -> list[list[str]]:
    """The rows of the one table whose header row ends with `header`."""
    found = []
    for table in document.tables:
        rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
        if rows and rows[0][-1] == header:
            found.append(rows)
    assert len(found) == 1, f"{len(found)} tables headed {header}"
    return found[0]


def test_the_directive_is_parsed() -> None:
    assert parse_directive("kano") == KanoDirective()
    assert parse_directive("kano survey=kano_survey_zh.csv") == KanoDirective("kano_survey_zh.csv")
    assert parse_directive("kano: survey=“问卷 1.csv”") == KanoDirective("问卷 1.csv")
    with pytest.raises(DirectiveError, match="survey=FILE"):
        parse_directive("kano file=a.csv")
    with pytest.raises(DirectiveError, match="one survey file"):
        parse_directive("kano survey=a.csv b.csv")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_survey_in_the_word_export(tmp_path: Path, language: str) -> None:
    survey = f"kano_survey_{language}.csv"
    path = project_with(tmp_path, language, block(f"kano survey={survey}"))
    out = export(path, "docx")
    document = docx.Document(str(out))
    rows = table_rows(document, "Worse")
    header = rows[0]
    assert header[3:9] == ["A", "O", "M", "I", "R", "Q"] and header[-2:] == ["Better", "Worse"]
    crm6 = next(r for r in rows if r[0] == "CRM-6")
    assert crm6[2:9] + crm6[10:] == CRM_6 and crm6[9] == MUST_BE[language]
    crm26 = next(r for r in rows if r[0] == "CRM-26")
    assert crm26[9] == ATTRACTIVE[language] and crm26[10:] == ["0.63", "-0.26"]
    assert len(rows) == 9  # the header and the survey's 8 requirements
    # The picture follows the table, with its caption naming the survey.
    pictures = [
        part
        for part in document.part.package.parts
        if part.content_type == "image/png" and b"IHDR" in part.blob[:32]
    ]
    kano = [p for p in pictures if QImage.fromData(p.blob).width() == 1000]  # drawn at 2×
    assert len(kano) == 1, [QImage.fromData(p.blob).size() for p in pictures]
    text = "\n".join(p.text for p in document.paragraphs)
    # Numbered captions: the table's above it, the picture's under it.
    figure = "图 " if language == "zh" else "Figure "
    table = "表 " if language == "zh" else "Table "
    captions = [line for line in text.splitlines() if survey in line]
    assert len(captions) == 2, captions
    assert captions[0].startswith(table) and captions[1].startswith(figure)
    assert "Better" in captions[1]
    assert "pmdesk" not in text.split("Before.")[1].split("After.")[0]  # no problem line


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_survey_in_the_markdown_export(tmp_path: Path, language: str) -> None:
    path = project_with(tmp_path, language, block(f"kano survey=kano_survey_{language}.csv"))
    out = export(path, "md")
    text = out.read_text(encoding="utf-8")
    table = text.split("After.")[0].split("Before.")[-1]  # the block's own table
    line = next(x for x in table.splitlines() if x.startswith("| CRM-6 "))
    cells = [c.strip() for c in line.strip("|").split("|")]
    assert cells[2:9] + cells[10:] == CRM_6 and cells[9] == MUST_BE[language]
    pictures = [p for p in out.parent.iterdir() if p.suffix == ".png" and "kano" in p.name]
    assert len(pictures) == 1 and pictures[0].name in text


def test_without_a_survey_the_categories_now(tmp_path: Path) -> None:
    path = project_with(tmp_path, "zh", block("kano"))
    with Project.view(path) as project:
        kanos = project.read(requirement_kanos)
    document = docx.Document(str(export(path, "docx")))
    rows = table_rows(document, "Kano 分类")
    assert rows[0] == ["编号", "标题", "Kano 分类"]
    assessed = [k for k, r in kanos.items() if r.kano is not None]
    assert sorted(r[0] for r in rows[1:]) == sorted(assessed)
    assert next(r for r in rows if r[0] == "CRM-6")[2] == "基本型"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_missing_or_damaged_survey_is_a_problem_line(tmp_path: Path, language: str) -> None:
    body = block("kano survey=gone.csv") + block("kano survey=bad.csv")
    path = project_with(tmp_path, language, body)
    (path.parent / "bad.csv").write_bytes(b"PK\x03\x04 a workbook, not a CSV")
    document = docx.Document(str(export(path, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    lead = "Kano 问卷无法读取" if language == "zh" else "The Kano survey cannot be read"
    problems = [line for line in text.splitlines() if lead in line]
    assert len(problems) == 2
    assert "gone.csv" in problems[0] and "bad.csv" in problems[1]
    if language == "zh":  # the sentence in the document's language
        assert "不存在" in problems[0] and "does not exist" not in problems[0]
    else:
        assert "does not exist" in problems[0]


def test_the_preview_shows_the_table_and_the_picture(tmp_path: Path) -> None:
    path = project_with(tmp_path, "zh", "")
    body = block("kano survey=kano_survey_zh.csv") + block("kano survey=gone.csv")
    # The window's preview reads its working copy (in the data folder): the
    # survey is still found beside the project file.
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        html = project.read(lambda conn: render_section_html(conn, body, language="zh"))
    finally:
        project.close()
    row = '<tr><td>CRM-6</td><td>新建客户实时查重</td><td align="right">30</td>'
    assert row in html.replace("\n", "")
    assert '<td>必备</td><td align="right">0.38</td>' in html
    assert html.count("data:image/png;base64,") == 1
    assert "Kano 问卷无法读取" in html and "gone.csv" in html


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_picture_puts_each_dot_at_its_coefficients(tmp_path: Path, language: str) -> None:
    ensure_gui()
    path = tmp_path / "crm.pmdesk"
    write_sample(path, language)
    with Project.view(path) as project:
        found = analyse_kano_survey(sample_survey_path(language), project.read(requirement_kanos))
    points = points_of(found.results, {})
    png, width, height = kano_png(points, language, 640, scale=2.0)
    image = QImage.fromData(png)
    assert (image.width(), image.height()) == (2 * width, 2 * height) and width == 640
    plot = KanoPlot(QRectF(0, 0, width, height))
    for point in points:
        centre = plot.position(point)
        assert centre.x() == pytest.approx(plot.plot.left() + abs(point.worse) * plot.plot.width())
        colour = QColor(image.pixel(int(centre.x() * 2), int(centre.y() * 2)))
        assert colour.name() == QColor(DOTS[point.quadrant]).name(), point.key
    quadrants = {p.key: p.quadrant for p in points}
    assert quadrants["CRM-6"] == "M" and quadrants["CRM-24"] == "A"
    assert quadrants["CRM-25"] == "O" and quadrants["CRM-37"] == "I"


def test_a_missing_survey_is_listed_and_strict_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project_with(tmp_path, "en", block("kano survey=gone.csv"))
    out = path.parent / "strict.docx"
    assert main(["export", str(path), "--format", "docx", "-o", str(out), "--strict"]) != 0
    assert not out.exists()
    told = capsys.readouterr().err
    assert "Kano analysis" in told and "gone.csv" in told
