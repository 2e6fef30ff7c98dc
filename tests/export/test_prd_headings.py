"""Heading levels never skip: a section's headings nest directly under it.

Read back from the written files: the .md's `#` marks and numbers, and the
.docx's heading styles (Word numbers "Heading N" paragraphs itself, so a level
that skips shows as "4.1.1" with no "4.1").
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.newproject.templates import new_project
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.export.prd_build import ExportOptions
from pmdesk.export.prd_export import export_prd
from tests.export.prd_projects import make_project

_MD_HEADING = re.compile(r"^(#{1,6}) (?:((?:\d+\.)*\d+) )?", re.MULTILINE)


def export(project: Path, fmt: str, language: str) -> Path:
    """Written without the roadmap picture (no headings of its own; drawing it is slow)."""
    target = project.with_name(f"{project.stem}-{language}.{fmt}")
    options = ExportOptions(language=language, roadmap=lambda conn, lang: None)
    store = open_readonly(project)
    try:
        with store.engine.connect() as conn:
            export_prd(conn, fmt, target, options)
    finally:
        store.dispose()
    return target


def md_levels(path: Path) -> list[tuple[int, str]]:
    """(level, number) of each heading outside code in the .md; level 1 is the title."""
    text = re.sub(r"^```.*?^```", "", path.read_text("utf-8"), flags=re.MULTILINE | re.DOTALL)
    return [(len(m[1]), m[2] or "") for m in _MD_HEADING.finditer(text)]


def docx_levels(path: Path) -> list[int]:
    levels = []
    for paragraph in docx.Document(str(path)).paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name.startswith("Heading ") and name[8:].isdigit():
            levels.append(int(name[8:]))
    return levels


def assert_no_skips(levels: list[int], first: int) -> None:
    previous = first - 1
    for level in levels:
        assert level <= previous + 1, f"a heading jumps from level {previous} to {level}"
        previous = level


def assert_numbers_nest(numbers: list[str]) -> None:
    """Every number's parent came before it: no "4.1.1" without "4.1"."""
    seen: set[str] = set()
    for number in filter(None, numbers):
        parent = number.rpartition(".")[0]
        assert not parent or parent in seen, f"{number} has no {parent} before it"
        seen.add(number)


def check(project: Path, language: str) -> None:
    md = md_levels(export(project, "md", language))
    assert_no_skips([level for level, _ in md], 1)
    assert_numbers_nest([number for _, number in md])
    assert_no_skips(docx_levels(export(project, "docx", language)), 1)


AUTHOR_LEVELS = """\
Text before any heading.

## Typed two levels down

#### Then four, skipping three

##### Five

## Two again

### Three

> ## In a quote: not in the contents

###### Six straight after
"""


def test_a_sections_headings_nest_directly_under_it_whatever_levels_were_typed(
    tmp_path: Path,
) -> None:
    project = make_project(
        tmp_path / "p.pmdesk",
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "T", "key_prefix": "REQ", "language": "en"},
            "sections": [
                {"title": "Intro", "body": "plain text"},
                {"title": "Scope", "body": AUTHOR_LEVELS},
                {"title": "Appendix: terms", "body": "### A term\n\n#### Its detail\n"},
            ],
        },
    )
    md = md_levels(export(project, "md", "en"))
    # The title, then "1 Intro", "2 Scope" and its headings renumbered without gaps.
    start = md.index((2, "1"))
    assert md[start : start + 8] == [
        (2, "1"),
        (2, "2"),
        (3, "2.1"),
        (4, "2.1.1"),
        (5, "2.1.1.1"),
        (3, "2.2"),
        (4, "2.2.1"),
        (5, "2.2.1.1"),
    ]
    assert (3, "") in md and (4, "") in md  # the appendix: nested, unnumbered
    assert_no_skips([level for level, _ in md], 1)
    levels = docx_levels(export(project, "docx", "en"))
    assert_no_skips(levels, 1)
    assert levels[1:9] == [1, 1, 2, 3, 4, 2, 3, 4]  # after the revision history


@pytest.mark.parametrize("template", ["prd-zh", "prd-en"])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_templates_export_without_skipped_heading_levels(
    tmp_path: Path, template: str, language: str
) -> None:
    project = tmp_path / f"{template}.pmdesk"
    new_project(project, template=template)
    check(project, language)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_sample_exports_without_skipped_heading_levels(tmp_path: Path, language: str) -> None:
    project = tmp_path / "sample.pmdesk"
    write_sample(project, language)
    check(project, language)
