"""The ```` ```pmdesk personas ```` blocks: persona cards and requirements by
persona, parsed, exported to Word, Markdown and PDF (read back) and previewed,
in Chinese and English."""

from __future__ import annotations

import uuid
from pathlib import Path

import docx
import pytest
from PySide6.QtGui import QColor, QImage

from pmdesk.cli import main
from pmdesk.core.domain.directive_filter import DirectiveError, Filter, Term
from pmdesk.core.domain.directives import PersonasDirective, parse_directive
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Remove
from pmdesk.core.project import Project
from pmdesk.export.directive_html import render_section_html
from pmdesk.export.persona_avatar import avatar_colour, avatar_image, initials
from pmdesk.export.persona_blocks import markdown_runs
from tests.core.test_schema4 import png

# The sample's personas and the v1.0 stories that name them (resources/samples).
CHEN = {"zh": "小陈", "en": "Xiao Chen"}
CHEN_V1 = [["CRM-3"], ["CRM-4"], ["CRM-6"], ["CRM-21"]]
GOALS = {"zh": "目标", "en": "Goals"}
STORIES = {"zh": "用户画像「小陈」的需求", "en": "Requirements for Xiao Chen"}


def export(path: Path, fmt: str) -> Path:
    out = path.parent / f"prd.{fmt}"
    assert main(["export", str(path), "--format", fmt, "-o", str(out)]) == 0
    return out


def sample(tmp_path: Path, language: str) -> Path:
    path = tmp_path / f"crm-{language}.pmdesk"
    write_sample(path, language)
    return path


def test_the_directive_is_parsed_and_mistakes_said() -> None:
    assert parse_directive("personas") == PersonasDirective()
    assert parse_directive("personas stories") == PersonasDirective(stories=True)
    found = parse_directive('personas: stories release="v1.0" status!=rejected')
    assert found == PersonasDirective(
        True, Filter((Term("release", "v1.0"), Term("status", "rejected", True)))
    )
    with pytest.raises(DirectiveError) as e:
        parse_directive("personas people")
    assert "'people' is not a personas view" in str(e.value)
    assert "不是 personas 的写法" in e.value.text("zh")
    with pytest.raises(DirectiveError, match="Only personas stories takes filter terms"):
        parse_directive("personas release=v1.0")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_cards_and_stories_in_the_word_export(tmp_path: Path, language: str) -> None:
    document = docx.Document(str(export(sample(tmp_path, language), "docx")))
    texts = [p.text for p in document.paragraphs]
    tables = [[[c.text.strip() for c in row.cells] for row in t.rows] for t in document.tables]
    # A card: the name, then a table of its facts and texts, Markdown lists kept.
    assert CHEN[language] in texts
    card = next(t for t in tables if t[0][1].startswith(("客户经理", "Account manager")))
    assert [row[0] for row in card] == (
        ["角色", "用户占比", "目标", "痛点", "使用场景"]
        if language == "zh"
        else ["Role", "Share of users", "Goals", "Pain points", "Scenarios"]
    )
    assert card[1][1] == "76%"
    assert card[2][1].startswith("• ") and "\n• " in card[2][1]
    # Four avatars, pictures in the file.
    pictures = [r for r in document.part.rels.values() if "image" in r.reltype]
    assert len(pictures) >= 5  # the roadmap and the four personas
    # The stories of Xiao Chen in v1.0, under their numbered caption.
    at = next(i for i, t in enumerate(texts) if t.endswith(STORIES[language]))
    assert texts[at].split()[0] in ("表", "Table")
    chen = next(t for t in tables if t[1:] and t[1][0] == "CRM-3" and len(t) == 5)
    assert [row[:1] for row in chen[1:]] == CHEN_V1
    # The user stories without a persona are listed last.
    unassigned = (
        "未指定用户画像的用户故事" if language == "zh" else "User stories without a persona"
    )
    assert any(t.endswith(unassigned) for t in texts)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_cards_in_markdown_and_pdf(tmp_path: Path, language: str) -> None:
    path = sample(tmp_path, language)
    md = export(path, "md").read_text(encoding="utf-8")
    assert f"**{CHEN[language]}**" in md
    assert f"| **{GOALS[language]}** | • " in md
    assert (tmp_path / "prd-persona-1.png").exists()
    pdf = export(path, "pdf")
    import subprocess

    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert CHEN[language] in text and STORIES[language] in text


def test_the_preview_and_a_project_without_personas(tmp_path: Path) -> None:
    path = sample(tmp_path, "en")
    body = "```pmdesk\npersonas\n```\n\n```pmdesk\npersonas stories kind=story\n```\n"
    with Project.view(path) as view:
        html = view.read(lambda conn: render_section_html(conn, body, language="en"))
        uids = [p.uid for p in view.personas()]
    assert html.count('<img src="data:image/png;base64,') == 4
    assert "<b>Xiao Chen</b>" in html and "<b>Goals</b>" in html
    assert "<b>Requirements for Xiao Chen</b>" in html
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        project.apply(Remove(tuple(("persona", u) for u in uids)))
        html = project.read(lambda conn: render_section_html(conn, body, language="zh"))
    finally:
        project.close(discard=True)
    assert "项目还没有用户画像" in html


def test_avatars_initials_colours_and_photos(tmp_path: Path) -> None:
    assert [initials(n) for n in ("Ann Lee", "bob", "王小明", "李娜", "  ", "Ops-Olga")] == [
        "AL",
        "B",
        "小明",
        "李娜",
        "?",
        "OO",
    ]
    uid = str(uuid.uuid4())
    drawn = avatar_image("Ann", uid, None, 48)
    assert QColor(drawn.pixel(4, 24)).name() == avatar_colour(uid)  # the circle's colour
    assert drawn.pixelColor(0, 0).alpha() == 0  # outside the circle: transparent
    red = avatar_image("Ann", uid, png(40, 30), 48)
    assert QColor(red.pixel(24, 24)).name() == "#ff0000"  # the photo, cut to a circle
    assert isinstance(red, QImage) and red.pixelColor(0, 0).alpha() == 0
    # A persona with a photo: the card's picture is the photo.
    path = sample(tmp_path, "en")
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        project.apply(Create("persona", uid, {"name": "Red", "photo": png(40, 30)}))
        project.save()
    finally:
        project.close()
    md_pictures = export(path, "md").parent / "prd-persona-5.png"
    strip = QImage(str(md_pictures))
    assert QColor(strip.pixel(32, 32)).name() == "#ff0000"


def test_markdown_texts_become_lines_of_a_cell() -> None:
    runs = markdown_runs("Lead **bold** line\n\n1. first\n2. second\n   - inner")
    text = "".join(r.text for r in runs)
    assert text == "Lead bold line\n1. first\n2. second\n    • inner"
    assert any(r.bold and r.text == "bold" for r in runs)


def test_requirements_blocks_filter_by_persona_name(tmp_path: Path) -> None:
    path = sample(tmp_path, "zh")
    body = (
        "```pmdesk\nrequirements: persona=小陈 release=v1.0\n```\n\n"
        '```pmdesk\nrequirements: kind=story persona=""\n```\n'
    )
    with Project.view(path) as view:
        html = view.read(lambda conn: render_section_html(conn, body, language="zh"))
    tables = html.split("<table")[1:]
    assert [k for k in ("CRM-3", "CRM-4", "CRM-6", "CRM-21", "CRM-24") if k in tables[0]] == [
        "CRM-3",
        "CRM-4",
        "CRM-6",
        "CRM-21",
    ]
    assert "CRM-40" in tables[1] and "CRM-3<" not in tables[1]
