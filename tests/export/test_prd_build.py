"""The document tree the renderers share: order, directives, filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.export.doc import (
    CodeBlock,
    Cover,
    Document,
    Heading,
    Image,
    Paragraph,
    Table,
    plain_text,
)
from pmdesk.export.prd_build import ExportOptions, build_document
from tests.export.prd_projects import make_project


def build(path: Path, options: ExportOptions | None = None) -> Document:
    store = open_readonly(path)
    try:
        with store.engine.connect() as conn:
            return build_document(conn, options or ExportOptions())
    finally:
        store.dispose()


def level1(document: Document) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 1]


def test_generated_chapters_come_before_the_appendix(tmp_path: Path, png_bytes: bytes) -> None:
    project = tmp_path / "crm.pmdesk"
    write_sample(project, "zh")
    picture = Image(png_bytes, 40, 20, "路线图", "roadmap")
    document = build(
        project, ExportOptions(today=dt.date(2027, 1, 8), roadmap=lambda conn, lang: picture)
    )
    titles = level1(document)
    assert titles.index("需求详情") < titles.index("附录：术语表") < titles.index("附录：需求一览")
    # The sample's own sections show the revision history and the roadmap, so the
    # document adds neither a second time.
    assert "修订记录" not in titles and titles.count("路线图") == 1
    assert sum(1 for b in document.blocks if b is picture) == 1
    cover = document.blocks[0]
    assert isinstance(cover, Cover)
    assert ("日期", "2027 年 1 月 8 日") in cover.facts


def test_status_filter_keeps_parents_as_bare_headings(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "p.pmdesk",
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "T", "key_prefix": "REQ"},
            "requirements": [
                {
                    "title": "草稿史诗",
                    "kind": "epic",
                    "status": "draft",
                    "description": "史诗描述",
                    "children": [{"title": "已批准故事", "status": "approved"}],
                },
                {"title": "被拒绝", "status": "rejected"},
            ],
        },
    )
    document = build(project, ExportOptions(statuses=frozenset({"approved"})))
    blocks = document.blocks
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "需求详情")
    chapter = blocks[start + 1 : start + 5]
    assert isinstance(chapter[0], Heading) and chapter[0].text == "REQ-1 草稿史诗"
    assert isinstance(chapter[1], Heading) and chapter[1].text == "REQ-2 已批准故事"
    texts = [plain_text(b.runs) for b in blocks if isinstance(b, Paragraph)]
    assert "史诗描述" not in texts  # the parent is there for context only
    assert not any("被拒绝" in str(b) for b in blocks)


def test_detailed_block_followed_by_code_in_one_section(tmp_path: Path) -> None:
    body = "```pmdesk\nrequirements: detailed\n```\n\n```sql\nselect 1;\n```\n"
    project = make_project(
        tmp_path / "p.pmdesk",
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "T", "key_prefix": "REQ", "language": "en"},
            "requirements": [{"title": "Login", "description": "```\ninner code\n```"}],
            "sections": [{"title": "Details", "body": body}],
        },
    )
    document = build(project, ExportOptions(language="en"))
    codes = [b for b in document.blocks if isinstance(b, CodeBlock)]
    assert [c.text for c in codes][:3] == ["inner code", "select 1;", "inner code"]
    assert any(isinstance(b, Table) and b.kind == "facts" for b in document.blocks)


def test_block_errors_and_unknown_releases_are_named_in_place(tmp_path: Path) -> None:
    body = '```pmdesk\nrequirements: release="v9"\n```\n\n```pmdesk\nchanges-since: v0\n```\n'
    project = make_project(
        tmp_path / "p.pmdesk",
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "T", "key_prefix": "REQ", "language": "en"},
            "releases": [{"name": "v1.0"}],
            "requirements": [{"title": "Login"}],
            "sections": [{"title": "S", "body": body}],
        },
    )
    document = build(project, ExportOptions(language="en"))
    errors = [
        plain_text(b.runs)
        for b in document.blocks
        if isinstance(b, Paragraph) and b.style == "error"
    ]
    assert errors == [
        "pmdesk block error: The project has no release named “v9” (releases: v1.0).",
        "pmdesk block error: The project has no baseline named “v0” (baselines: —).",
    ]


def test_filtered_tables_indent_only_under_shown_parents(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "p.pmdesk",
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "T", "key_prefix": "REQ"},
            "requirements": [
                {
                    "title": "甲",
                    "status": "approved",
                    "children": [
                        {
                            "title": "乙",
                            "status": "draft",
                            "children": [{"title": "丙", "status": "approved"}],
                        }
                    ],
                },
                {
                    "title": "丁",
                    "status": "draft",
                    "children": [{"title": "戊", "status": "approved"}],
                },
            ],
            "sections": [{"title": "S", "body": "```pmdesk\nrequirements: status=approved\n```"}],
        },
    )
    document = build(project)
    table = next(
        b
        for b in document.blocks
        if isinstance(b, Table) and len(b.header) == 6  # the block's
    )
    titles = [plain_text(row[1]) for row in table.rows]
    # 丙 sits one step under 甲 (乙 is not shown); 戊's parent is not shown at all.
    assert titles == ["甲", "\u00a0\u00a0\u00a0丙", "戊"]


def test_a_roadmap_taller_than_a_page_is_summarised_to_the_top_levels(tmp_path: Path) -> None:
    stories = [
        {"title": f"故事 {n}", "kind": "story", "start": "2027-01-04", "end": "2027-02-01"}
        for n in range(60)
    ]
    project = make_project(
        tmp_path / "p.pmdesk",
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "T", "key_prefix": "REQ"},
            "requirements": [
                {
                    "title": "史诗",
                    "kind": "epic",
                    "start": "2027-01-04",
                    "end": "2027-03-31",
                    "children": stories,
                },
            ],
        },
    )
    [picture] = [b for b in build(project).blocks if isinstance(b, Image)]
    assert picture.caption == "图 1\u3000路线图（概览：只画出上层需求，另有 60 项需求未画出）"
    assert picture.height < 600  # one epic row, not sixty story rows
