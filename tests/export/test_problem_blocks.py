"""A PRD's `problems` block: the coverage checks' findings grouped by check, in
the Word and Markdown exports (read back) and the preview, in Chinese and English."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import docx
import pytest
from sqlalchemy import select

from pmdesk.cli import main
from pmdesk.core.domain.directive_filter import DirectiveError, Filter, Term
from pmdesk.core.domain.directives import PROBLEM_CHECKS, ProblemsDirective, parse_directive
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Operation, Update
from pmdesk.core.project import Project
from pmdesk.core.queries.trace import PROBLEM_CODES
from pmdesk.core.schema.tables import Requirement
from pmdesk.export.directive_html import render_section_html
from pmdesk.export.doc import Table, plain_text

HEADER = {
    "zh": ["检查项", "编号", "标题", "详情"],
    "en": ["Check", "Key", "Title", "Detail"],
}
GROUPS = {
    "zh": {
        "story_no_acceptance": "没有验收标准的用户故事",
        "feature_no_stories": "没有用户故事的功能",
        "no_release": "未排入版本的需求",
        "no_owner": "没有负责人的需求",
        "link_to_rejected": "指向已拒绝需求的关联",
        "dependency_cycle": "循环依赖",
    },
    "en": {
        "story_no_acceptance": "Stories without acceptance criteria",
        "feature_no_stories": "Features without stories",
        "no_release": "Requirements without a release",
        "no_owner": "Requirements without an owner",
        "link_to_rejected": "Links to rejected requirements",
        "dependency_cycle": "Dependency cycles",
    },
}


def block(body: str) -> str:
    return f"Before.\n\n```pmdesk\n{body}\n```\n\nAfter.\n"


def flawed_sample(tmp_path: Path, language: str, body: str) -> Path:
    """The sample (whose features CRM-9, 11, 35 and 36 have no stories) with one
    problem of each other kind but a missing release, and a section holding `body`."""
    path = tmp_path / "crm.pmdesk"
    write_sample(path, language)
    with Project.view(path) as view:
        uids = dict(view.read(lambda c: c.execute(select(Requirement.key, Requirement.uid)).all()))

    def link(source: str, target: str) -> Operation:
        values = {"from": uids[source], "to": uids[target], "type": "depends_on"}
        return Create("link", str(uuid.uuid4()), values)

    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        for op in (
            Update("requirement", uids["CRM-22"], {"acceptance": []}),
            Update("requirement", uids["CRM-26"], {"owner": ""}),
            link("CRM-33", "CRM-37"),  # CRM-37 is rejected
            link("CRM-24", "CRM-29"),
            link("CRM-29", "CRM-24"),
            Create("section", str(uuid.uuid4()), {"title": "Open points", "body": body}),
        ):
            project.apply(op)
        project.save()
    finally:
        project.close()
    return path


def export(path: Path, fmt: str) -> Path:
    out = path.parent / f"prd.{fmt}"
    assert main(["export", str(path), "--format", fmt, "-o", str(out)]) == 0
    return out


def grouped(rows: list[list[str]]) -> dict[str, list[list[str]]]:
    """Check name (its count stripped) → its rows' other cells; the name is on
    the first row of its group only."""
    groups: dict[str, list[list[str]]] = {}
    current = ""
    for row in rows:
        current = row[0] or current
        groups.setdefault(current.split("（")[0].split(" (")[0], []).append(row[1:])
    return groups


def test_the_directive_is_parsed() -> None:
    assert PROBLEM_CHECKS == PROBLEM_CODES  # the block names what the core checks
    assert parse_directive("problems") == ProblemsDirective()
    assert parse_directive("problems check=no-owner check=no_release") == ProblemsDirective(
        ("no_release", "no_owner")
    )
    assert parse_directive('problems: check!=dependency_cycle release="v1.0"') == (
        ProblemsDirective(PROBLEM_CHECKS[:-1], Filter((Term("release", "v1.0"),)))
    )
    with pytest.raises(DirectiveError, match="'no_tests' is not a check"):
        parse_directive("problems check=no_tests")
    with pytest.raises(DirectiveError, match="not a problems option"):
        parse_directive("problems detailed")
    with pytest.raises(DirectiveError, match="not a status"):
        parse_directive("problems status=open")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_check_in_the_word_export(tmp_path: Path, language: str) -> None:
    path = flawed_sample(tmp_path, language, block("problems"))
    document = docx.Document(str(export(path, "docx")))
    [table] = [
        [[c.text.strip() for c in row.cells] for row in t.rows]
        for t in document.tables
        if [c.text.strip() for c in t.rows[0].cells] == HEADER[language]
    ]
    names = GROUPS[language]
    groups = grouped(table[1:])
    assert list(groups) == [  # the checks' order; no_release found nothing
        names["story_no_acceptance"],
        names["feature_no_stories"],
        names["no_owner"],
        names["link_to_rejected"],
        names["dependency_cycle"],
    ]
    assert [r[0] for r in groups[names["story_no_acceptance"]]] == ["CRM-22"]
    assert [r[0] for r in groups[names["feature_no_stories"]]] == [
        "CRM-9",
        "CRM-11",
        "CRM-35",
        "CRM-36",
    ]
    assert [r[0] for r in groups[names["no_owner"]]] == ["CRM-26"]
    [rejected] = groups[names["link_to_rejected"]]
    assert rejected[0] == "CRM-33"
    assert rejected[2] == (
        "关联到 CRM-37（已拒绝）" if language == "zh" else "linked to CRM-37 (rejected)"
    )
    [cycle] = groups[names["dependency_cycle"]]
    assert cycle[0] == "CRM-24" and cycle[2] == "CRM-24 → CRM-29 → CRM-24"
    # The count stands by the check's name.
    assert ("没有用户故事的功能（4）" if language == "zh" else "Features without stories (4)") in [
        r[0] for r in table
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    section = text.split("Before.")[1].split("After.")[0]
    if language == "zh":
        assert "6 项覆盖检查共发现 8 个问题。" in section
        assert "未发现问题的检查：未排入版本的需求。" in section
    else:
        assert "8 problems found by 6 coverage checks." in section
        assert "Checks that found no problem: Requirements without a release." in section


def test_chosen_checks_and_a_filter_in_the_markdown_export(tmp_path: Path) -> None:
    body = block('problems check=feature-no-stories check=no_owner release="v1.0"')
    path = flawed_sample(tmp_path, "en", body)
    text = export(path, "md").read_text(encoding="utf-8")
    section = text.split("Before.")[-1].split("After.")[0]
    lines = [x for x in section.splitlines() if x.startswith("|")]
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
    # No detail to show: the column is left out.
    assert cells[0] == HEADER["en"][:3]
    # In v1.0: CRM-11 and CRM-35 (CRM-9, CRM-36 and CRM-26 are planned later).
    assert [c[0] for c in cells[2:]] == ["**Features without stories (2)**", ""]
    # Each key links to its requirement's heading.
    assert cells[2][1].startswith("[CRM-11](<#") and "crm-11-" in cells[2][1]
    assert cells[3][1].startswith("[CRM-35](<#") and "crm-35-" in cells[3][1]
    assert "2 problems found by 2 coverage checks." in section
    assert "Checks that found no problem: Requirements without an owner." in section
    assert "Dependency cycles" not in section


def test_a_clean_project_says_so(tmp_path: Path) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    with Project.view(path) as project:
        html = project.read(
            lambda conn: render_section_html(
                conn, block("problems check=no_owner check=dependency_cycle"), language="zh"
            )
        )
    assert "覆盖检查（没有负责人的需求、循环依赖）均未发现问题。" in html
    assert "<table" not in html


def test_the_preview(tmp_path: Path) -> None:
    path = flawed_sample(tmp_path, "en", "")
    with Project.view(path) as project:
        html: Any = project.read(
            lambda conn: render_section_html(conn, block("problems"), language="en")
        )
    assert "<p><b>Problems found by the coverage checks</b></p>" in html
    assert "<th>Check</th><th>Key</th><th>Title</th><th>Detail</th>" in html
    assert "<td>Dependency cycles (1)</td><td>CRM-24</td>" in html
    assert "CRM-24 → CRM-29 → CRM-24" in html


def test_an_export_of_the_filter_lists_its_requirements_problems(tmp_path: Path) -> None:
    from pmdesk.core.storage.projectfile import open_readonly
    from pmdesk.export.prd_build import ExportOptions, build_document

    path = flawed_sample(tmp_path, "en", block("problems"))
    store = open_readonly(path)
    try:
        with store.engine.connect() as conn:
            keys = ("CRM-9", "CRM-24", "CRM-29")  # the tree filtered to these
            rows = conn.execute(select(Requirement.uid).where(Requirement.key.in_(keys)))
            uids = frozenset(r[0] for r in rows)
            document = build_document(conn, ExportOptions(language="en", uids=uids))
    finally:
        store.dispose()
    [table] = [t for t in document.blocks if isinstance(t, Table) and t.caption.endswith("checks")]
    shown = [[plain_text(cell) for cell in row[:2]] for row in table.rows]
    assert shown == [
        ["Features without stories (1)", "CRM-9"],
        ["Dependency cycles (1)", "CRM-24"],
    ]
