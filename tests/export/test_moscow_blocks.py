"""A PRD's `moscow` block: per release its requirements by MoSCoW priority, the
capacity against the planned effort and a warning when the Musts exceed it, in
the Word and Markdown exports (read back) and the preview."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import docx
import pytest

from pmdesk.cli import main
from pmdesk.core.domain.directive_filter import DirectiveError, Filter, Term
from pmdesk.core.domain.directives import MoscowDirective, parse_directive
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Operation, Update
from pmdesk.core.project import Project
from pmdesk.export.directive_html import render_section_html

HEADER = {
    "zh": ["MoSCoW", "编号", "标题", "投入（人月）"],
    "en": ["MoSCoW", "Key", "Title", "Effort (person-months)"],
}
WARNING = {"zh": "⚠ 仅 Must 需求就需要", "en": "⚠ The Musts alone need"}


def block(body: str) -> str:
    return f"Before.\n\n```pmdesk\n{body}\n```\n\nAfter.\n"


def sample(tmp_path: Path, language: str) -> tuple[Path, dict[str, Any]]:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, language)
    with Project.view(path) as project:
        snap = project.snapshot()
    return path, snap


def with_section(path: Path, body: str, *ops: Operation) -> Path:
    project = Project.open(path, data_dir=path.parent / "data")
    try:
        for op in ops:
            project.apply(op)
        project.apply(Create("section", str(uuid.uuid4()), {"title": "MoSCoW", "body": body}))
        project.save()
    finally:
        project.close()
    return path


def release_uid(snap: dict[str, Any], name: str) -> str:
    return str(next(r["uid"] for r in snap["releases"] if r["name"] == name))


def expected(snap: dict[str, Any], release: str) -> dict[str | None, list[str]]:
    """The keys of each priority in a release, worked out from the snapshot:
    rejected requirements left out, in key order."""
    found: dict[str | None, list[tuple[int, str]]] = {}

    def walk(nodes: list[dict[str, Any]]) -> None:
        for n in nodes:
            if n["release"] == release and n["status"] != "rejected":
                found.setdefault(n["priority"], []).append((int(n["key"].split("-")[1]), n["key"]))
            walk(n["children"])

    walk(snap["requirements"])
    return {p: [k for _, k in sorted(keys)] for p, keys in found.items()}


def export(path: Path, fmt: str) -> Path:
    out = path.parent / f"prd.{fmt}"
    assert main(["export", str(path), "--format", fmt, "-o", str(out)]) == 0
    return out


def moscow_tables(document: Any, language: str) -> list[list[list[str]]]:
    tables = []
    for table in document.tables:
        rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
        if rows and rows[0] == HEADER[language]:
            tables.append(rows)
    return tables


def test_the_directive_is_parsed() -> None:
    assert parse_directive("moscow") == MoscowDirective()
    assert parse_directive('moscow release="v1.0"') == MoscowDirective(
        Filter((Term("release", "v1.0"),))
    )
    assert parse_directive("moscow: kind=feature status!=done") == MoscowDirective(
        Filter((Term("kind", "feature"), Term("status", "done", negated=True)))
    )
    with pytest.raises(DirectiveError, match="not a moscow option"):
        parse_directive("moscow detailed")
    with pytest.raises(DirectiveError, match="not a priority"):
        parse_directive("moscow priority=urgent")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_an_over_capacity_release_in_the_word_export(tmp_path: Path, language: str) -> None:
    path, snap = sample(tmp_path, language)
    v1 = release_uid(snap, "v1.0")
    # 100 person-days: far less than the Musts of v1.0 need.
    with_section(path, block('moscow release="v1.0"'), Update("release", v1, {"capacity": 100}))
    document = docx.Document(str(export(path, "docx")))
    [rows] = moscow_tables(document, language)
    keys = expected(snap, v1)
    groups: dict[str, list[str]] = {}
    current = ""
    for row in rows[1:]:
        current = row[0] or current  # the priority names the first row of its group
        groups.setdefault(current, []).append(row[1])
    assert groups["Must"] == keys["must"]
    assert groups["Should"] == keys["should"]
    assert list(groups)[:2] == ["Must", "Should"]  # Must first, then Should …
    text = "\n".join(p.text for p in document.paragraphs)
    section = text.split("Before.")[1].split("After.")[0]
    assert "v1.0" in section  # the table's caption
    capacity = "版本 v1.0：容量 100 人天" if language == "zh" else "v1.0: capacity 100 person-days"
    assert capacity in section
    assert WARNING[language] in section
    [warning] = [p for p in document.paragraphs if p.text.startswith(WARNING[language])]
    assert all(run.bold for run in warning.runs if run.text.strip())


def test_a_release_within_capacity_has_no_warning(tmp_path: Path) -> None:
    path, snap = sample(tmp_path, "en")
    v2 = release_uid(snap, "v2.0")
    with_section(path, block("moscow release=v2.0"), Update("release", v2, {"capacity": 1000}))
    text = export(path, "md").read_text(encoding="utf-8")
    section = text.split("Before.")[-1].split("After.")[0]
    lines = [x for x in section.splitlines() if x.startswith("|")]
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
    assert cells[0] == HEADER["en"]
    assert [c[1] for c in cells[2:]] == expected(snap, v2)["could"]
    assert "Release v2.0: capacity 1,000 person-days" in section
    assert WARNING["en"] not in section


def test_every_release_and_an_unknown_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, snap = sample(tmp_path, "zh")
    with_section(path, block("moscow") + block("moscow release=v9"))
    document = docx.Document(str(export(path, "docx")))
    tables = moscow_tables(document, "zh")
    assert len(tables) == len(snap["releases"])  # every release has requirements
    text = "\n".join(p.text for p in document.paragraphs)
    assert "pmdesk 内容块有误" in text  # a typo is a problem line, not an empty table
    assert "项目中没有名为「v9」的版本（现有版本：v1.0、v1.1、v2.0）" in text
    assert "未设容量" in text
    # Listed before anything is written: --strict writes nothing.
    out = path.parent / "strict.docx"
    assert main(["export", str(path), "--format", "docx", "-o", str(out), "--strict"]) != 0
    assert not out.exists()
    assert "v9" in capsys.readouterr().err


def test_the_preview(tmp_path: Path) -> None:
    path, snap = sample(tmp_path, "en")
    v1 = release_uid(snap, "v1.0")
    with_section(path, "", Update("release", v1, {"capacity": 100}))
    with Project.view(path) as project:
        html = project.read(
            lambda conn: render_section_html(conn, block("moscow release=v1.0"), language="en")
        )
    assert "<b>MoSCoW priorities of release v1.0</b>" in html
    assert "<th>MoSCoW</th><th>Key</th><th>Title</th>" in html
    assert 'style="color:#b00020"><b>⚠ The Musts alone need' in html
    # The warning comes before the table, where a reader starts.
    assert html.index("⚠") < html.index("<b>MoSCoW priorities of release v1.0</b>")
