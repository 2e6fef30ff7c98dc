"""A PRD's `ranking` block: requirements by score as a numbered table in the Word
and Markdown exports (read back) and the preview; the facts tables show the score
of the project's model."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import docx
import pytest

from pmdesk.cli import main
from pmdesk.core.domain.directive_filter import DirectiveError, Filter, Term
from pmdesk.core.domain.directives import RankingDirective, parse_directive
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Operation, Update
from pmdesk.core.project import Project
from pmdesk.export.directive_html import render_section_html

HEADER = {
    "zh": ["排名", "编号", "标题", "覆盖面", "影响力", "信心", "投入", "得分"],
    "en": ["Rank", "Key", "Title", "Reach", "Impact", "Confidence", "Effort", "Score"],
}
CAPTION = {"zh": "按 RICE 排名（前 5 项）", "en": "Requirements ranked by RICE (top 5)"}


def project_with(tmp_path: Path, language: str, body: str, *ops: Operation) -> Path:
    """The sample project with a section holding `body`, after `ops`."""
    path = tmp_path / "crm.pmdesk"
    write_sample(path, language)
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        for op in ops:
            project.apply(op)
        title = "优先级排序" if language == "zh" else "Prioritisation"
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


def expected_rice(path: Path, release: str, top: int) -> list[tuple[str, str]]:
    """(key, score) of the top requirements of `release` by RICE, worked out here
    from the snapshot's inputs: reach × impact × confidence ÷ effort."""
    with Project.view(path) as project:
        snap = project.snapshot()
    release_uid = next(r["uid"] for r in snap["releases"] if r["name"] == release)
    found: list[tuple[float, int, str]] = []

    def walk(nodes: list[dict[str, Any]]) -> None:
        for n in nodes:
            rice = n["rice"] or {}
            parts: list[Any] = [rice.get(p) for p in ("reach", "impact", "confidence", "effort")]
            if n["release"] == release_uid and None not in parts:
                reach, impact, confidence, effort = (float(p) for p in parts)
                score = round(reach * impact * confidence / effort, 2)
                found.append((score, int(n["key"].split("-")[1]), n["key"]))
            walk(n["children"])

    walk(snap["requirements"])
    found.sort(key=lambda f: (-f[0], f[1]))
    return [(key, f"{score:,.0f}" if score >= 100 else f"{score:g}") for score, _, key in found][
        :top
    ]


def ranked_tables(document: Any, first: str) -> list[list[list[str]]]:
    tables = []
    for table in document.tables:
        rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
        if rows and rows[0][0] == first:
            tables.append(rows)
    return tables


def test_the_directive_is_parsed() -> None:
    assert parse_directive("ranking") == RankingDirective()
    assert parse_directive("ranking by=rice top=20 release=v1.0") == RankingDirective(
        "rice", 20, Filter((Term("release", "v1.0"),))
    )
    assert parse_directive("ranking: top=3 by=WSJF kind=feature") == RankingDirective(
        "wsjf", 3, Filter((Term("kind", "feature"),))
    )
    with pytest.raises(DirectiveError, match="not a scoring model"):
        parse_directive("ranking by=moscow")
    with pytest.raises(DirectiveError, match="whole number"):
        parse_directive("ranking top=twenty")
    with pytest.raises(DirectiveError, match="once"):
        parse_directive("ranking top=3 top=4")
    with pytest.raises(DirectiveError, match="not a ranking option"):
        parse_directive("ranking detailed")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_ranking_in_the_word_export(tmp_path: Path, language: str) -> None:
    path = project_with(tmp_path, language, block("ranking by=rice top=5 release=v1.0"))
    document = docx.Document(str(export(path, "docx")))
    [rows] = ranked_tables(document, HEADER[language][0])
    assert rows[0] == HEADER[language]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert [(r[1], r[-1]) for r in rows[1:]] == expected_rice(path, "v1.0", 5)
    assert all(r[5].endswith("%") for r in rows[1:])  # confidence as people write it
    text = "\n".join(p.text for p in document.paragraphs)
    [caption] = [line for line in text.splitlines() if CAPTION[language] in line]
    assert caption.startswith("表 " if language == "zh" else "Table ")  # numbered
    assert "pmdesk" not in text.split("Before.")[1].split("After.")[0]  # no problem line


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_ranking_in_the_markdown_export(tmp_path: Path, language: str) -> None:
    path = project_with(tmp_path, language, block("ranking by=rice top=5 release=v1.0"))
    text = export(path, "md").read_text(encoding="utf-8")
    section = text.split("Before.")[-1].split("After.")[0]
    lines = [x for x in section.splitlines() if x.startswith("|")]
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
    assert cells[0] == HEADER[language]
    body = [c for c in cells[2:]]  # after the header's rule
    assert [(c[0], c[1], c[-1]) for c in body] == [
        (str(n), key, score) for n, (key, score) in enumerate(expected_rice(path, "v1.0", 5), 1)
    ]
    assert CAPTION[language] in section


def test_ice_ranking_facts_tables_and_what_is_left_out(tmp_path: Path) -> None:
    with Project.view(write_and_view(tmp_path)) as project:
        uids = {key: uid for uid, key, _ in project.find_requirements("CRM-", 50)}
        puid = project.info().uid
    ice = {"CRM-2": (5, 8, 3), "CRM-3": (9, 9, 2), "CRM-4": (5, 8, 3)}  # 120, 162, 120
    ops: list[Operation] = [Update("project", puid, {"scoring": "ice"})]
    for key, (impact, confidence, ease) in ice.items():
        values = {"impact": impact, "confidence": confidence, "ease": ease}
        ops.append(Update("requirement", uids[key], {"ice": values}))
    shared = tmp_path / "shared"
    shared.mkdir()
    path = project_with(shared, "zh", block("ranking"), *ops)
    document = docx.Document(str(export(path, "docx")))
    [rows] = ranked_tables(document, "排名")
    assert rows == [
        ["排名", "编号", "标题", "影响力", "信心", "易实现度", "得分"],
        ["1", "CRM-3", rows[1][2], "9", "9", "2", "162"],
        ["2", "CRM-2", rows[2][2], "5", "8", "3", "120"],
        ["2", "CRM-4", rows[3][2], "5", "8", "3", "120"],  # equal scores share a rank
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "按 ICE 排名" in text
    with Project.view(path) as project:
        others = project.counts().requirements - 3
    assert f"另有 {others} 项需求未填齐 ICE 的输入，未参与排名。" in text
    # A requirement's facts table shows the score of the project's model.
    [facts] = [
        [cell.text.strip() for row in table.rows for cell in row.cells]
        for table in document.tables
        if [cell.text.strip() for cell in table.rows[0].cells][:2] == ["编号", "CRM-3"]
    ]
    assert facts[facts.index("ICE 得分") + 1] == "162"
    assert "RICE 得分" not in facts


def write_and_view(tmp_path: Path) -> Path:
    path = tmp_path / "plain.pmdesk"
    write_sample(path, "zh")
    return path


def test_the_preview_shows_the_same_table(tmp_path: Path) -> None:
    path = project_with(tmp_path, "en", "")
    body = block("ranking by=rice top=3") + block("ranking by=wsjf")
    with Project.view(path) as project:
        html = project.read(lambda conn: render_section_html(conn, body, language="en"))
    assert "<b>Requirements ranked by RICE (top 3)</b>" in html
    assert "<th>Rank</th><th>Key</th><th>Title</th><th>Reach</th>" in html
    assert html.count('<tr><td align="right">') == 3  # three ranked rows
    assert "No requirement has every WSJF input yet, so none can be ranked." in html


def test_the_preview_of_a_detailed_list_shows_the_projects_score(tmp_path: Path) -> None:
    path = project_with(tmp_path, "en", "")
    with Project.view(path) as view:
        uid = next(u for u, key, _ in view.find_requirements("CRM-2", 5) if key == "CRM-2")
        puid = view.info().uid
    body = block("requirements: tag=Web detailed")
    wsjf = {"business_value": 8, "time_criticality": 5, "risk_reduction": 3, "job_size": 5}
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        before = project.read(lambda conn: render_section_html(conn, body, language="en"))
        project.apply(Update("project", puid, {"scoring": "wsjf"}))
        project.apply(Update("requirement", uid, {"wsjf": wsjf}))
        after = project.read(lambda conn: render_section_html(conn, body, language="en"))
    finally:
        project.close()
    assert "RICE: 20266.7" in before
    assert "RICE:" not in after and "WSJF: 3.2" in after  # (8 + 5 + 3) ÷ 5
