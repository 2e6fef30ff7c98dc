"""A requirement's persona in its fact table of the PRD (Markdown and Word, read
back) and in the preview's detailed view, in Chinese and English; none where a
requirement has no persona."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.project import Project
from pmdesk.export.directive_html import render_section_html

# The sample's CRM-7 (a story) is Xiao Li's; CRM-2 (a feature) names no persona.
PERSONA = {"zh": ("用户画像", "小李"), "en": ("Persona", "Xiao Li")}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    out = {}
    for language in ("zh", "en"):
        folder = tmp_path_factory.mktemp(language)
        path = folder / "crm.pmdesk"
        write_sample(path, language)
        for fmt in ("md", "docx"):
            target = folder / f"prd.{fmt}"
            assert main(["export", str(path), "--format", fmt, "-o", str(target)]) == 0
            out[(language, fmt)] = target
    return out


def facts(document: docx.document.Document, key: str) -> dict[str, str]:
    table = next(t for t in document.tables if t.rows[0].cells[1].text == key)
    cells = [c.text for row in table.rows for c in row.cells]
    return dict(zip(cells[::2], cells[1::2], strict=False))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_word_fact_table_names_the_persona(
    exported: dict[tuple[str, str], Path], language: str
) -> None:
    document = docx.Document(str(exported[(language, "docx")]))
    label, name = PERSONA[language]
    assert facts(document, "CRM-7")[label] == name
    assert label not in facts(document, "CRM-2")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_markdown_fact_table_names_the_persona(
    exported: dict[tuple[str, str], Path], language: str
) -> None:
    text = exported[(language, "md")].read_text(encoding="utf-8")
    label, name = PERSONA[language]

    def table_of(key: str) -> str:
        found = re.search(rf"^\| \*\*[^*]+\*\* \| {key} \|.*?(?=\n\n)", text, re.M | re.S)
        assert found is not None, key
        return found[0]

    assert re.search(rf"\| \*\*{label}\*\* \| {name} \|", table_of("CRM-7"))
    assert f"**{label}**" not in table_of("CRM-2")


def test_the_preview_names_the_persona(tmp_path: Path) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    block = '```pmdesk\nrequirements: kind=story owner="Wang Qiang" detailed\n```\n'
    with Project.view(path) as project:
        html = project.read(lambda conn: render_section_html(conn, block, language="en"))
    story = html.split("CRM-7 Merge duplicate customers")[1].split("<h4>")[0]
    assert "Persona: Xiao Li" in story
