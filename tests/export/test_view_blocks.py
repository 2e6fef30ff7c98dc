"""A PRD's `view: NAME` block: a saved view's requirements, in tree order, with
the view's columns, in the Word and Markdown exports (read back) and the preview;
a name no view has is said in one sentence."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import docx
import pytest

from pmdesk.cli import main
from pmdesk.core.domain.directive_filter import DirectiveError
from pmdesk.core.domain.directives import SavedViewDirective, parse_directive
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create
from pmdesk.core.project import Project
from pmdesk.export.directive_html import render_section_html

NAME = {"zh": "发布范围", "en": "Release scope"}
HEADER = {
    "zh": ["编号", "标题", "优先级", "负责人", "标签"],
    "en": ["Key", "Title", "Priority", "Owner", "Tags"],
}
CAPTION = {"zh": "视图「发布范围」中的需求", "en": "Requirements in view “Release scope”"}
MISSING = {
    "zh": "项目中没有名为「不存在」的已保存视图（现有视图：发布范围）。",
    "en": "There is no saved view named “Nope” (the views: Release scope).",
}


def project_with(tmp_path: Path, language: str, body: str) -> tuple[Path, list[str]]:
    """The sample with a saved view of the must-have requirements (its columns:
    key, title, priority, owner, tags; the backlog's grouping and sort aside) and a
    section holding `body`; and the keys the view shows, in tree order."""
    path = tmp_path / "crm.pmdesk"
    write_sample(path, language)
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        uid = str(uuid.uuid4())
        values = {
            "name": NAME[language],
            "criteria": {"choices": {"priority": ["must"]}},
            "columns": ["key", "title", "priority", "owner", "tags"],
            "grouping": "release",
            "sort": [["title", "asc"]],
        }
        project.apply(Create("saved_view", uid, values))
        project.apply(Create("section", str(uuid.uuid4()), {"title": "Scope", "body": body}))
        project.save()
        shown = project.saved_view_requirements(uid) or []
        keys = {r[0]: r[2] for r in project.tree_rows()}
    finally:
        project.close()
    return path, [keys[u] for u in shown]


def must_haves(path: Path) -> list[str]:
    """The keys of the must-have requirements, depth first, from the snapshot."""
    with Project.view(path) as project:
        snap = project.snapshot()
    found: list[str] = []

    def walk(nodes: list[dict[str, Any]]) -> None:
        for n in nodes:
            if n["priority"] == "must":
                found.append(n["key"])
            walk(n["children"])

    walk(snap["requirements"])
    return found


def block(body: str) -> str:
    return f"Before.\n\n```pmdesk\n{body}\n```\n\nAfter.\n"


def export(path: Path, fmt: str) -> Path:
    out = path.parent / f"prd.{fmt}"
    assert main(["export", str(path), "--format", fmt, "-o", str(out)]) == 0
    return out


def test_the_directive_is_parsed() -> None:
    assert parse_directive("view: 发布范围") == SavedViewDirective("发布范围")
    assert parse_directive('view "Release  scope"') == SavedViewDirective("Release scope")
    assert parse_directive("view: “v1.0 范围”") == SavedViewDirective("v1.0 范围")
    with pytest.raises(DirectiveError, match="needs the name of a saved view"):
        parse_directive("view")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_view_in_the_word_export(tmp_path: Path, language: str) -> None:
    path, keys = project_with(tmp_path, language, block(f"view: {NAME[language]}"))
    assert keys and keys == must_haves(path)  # tree order, every must-have
    document = docx.Document(str(export(path, "docx")))
    tables = [
        [[cell.text.strip() for cell in row.cells] for row in table.rows]
        for table in document.tables
    ]
    [rows] = [t for t in tables if t and t[0] == HEADER[language]]
    assert [r[0] for r in rows[1:]] == keys
    assert {r[2] for r in rows[1:]} == {"Must"}  # MoSCoW words stay English in both
    text = "\n".join(p.text for p in document.paragraphs)
    assert any(CAPTION[language] in line for line in text.splitlines())


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_view_in_the_markdown_export_and_a_missing_one(tmp_path: Path, language: str) -> None:
    missing = "不存在" if language == "zh" else "Nope"
    body = block(f"view: {NAME[language]}") + block(f"view: {missing}")
    path, keys = project_with(tmp_path, language, body)
    text = export(path, "md").read_text(encoding="utf-8")
    section = text.split("Before.")[1].split("After.")[0]
    lines = [x for x in section.splitlines() if x.startswith("|")]
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
    assert cells[0] == HEADER[language]
    assert [c[0] for c in cells[2:]] == keys
    assert CAPTION[language] in section
    assert MISSING[language] in text.split("Before.")[2]


def test_the_preview_shows_the_same_table(tmp_path: Path) -> None:
    path, keys = project_with(tmp_path, "en", "")
    body = block("view: release SCOPE") + block("view: Nope")  # case and blanks ignored
    with Project.view(path) as project:
        html = project.read(lambda conn: render_section_html(conn, body, language="en"))
    assert "<b>Requirements in view “Release scope”</b>" in html
    assert "<th>Key</th><th>Title</th><th>Priority</th><th>Owner</th><th>Tags</th>" in html
    assert html.count("<tr><td>") == len(keys)
    assert MISSING["en"] in html.replace("&quot;", '"')
