"""Broken pmdesk blocks are listed before an export writes anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmdesk.cli import main
from pmdesk.export.doc import ExportProblem
from pmdesk.export.prd_build import ExportOptions
from tests.export.prd_projects import make_project
from tests.export.test_prd_build import build

BODY = (
    "Who is in scope.\n\n```pmdesk\nrequirements: priority=urgent\n```\n\n```pmdesk\ngantt\n```\n"
)


def broken_project(path: Path, language: str = "en") -> Path:
    return make_project(
        path,
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "T", "key_prefix": "REQ", "language": language},
            "requirements": [{"title": "Login"}],
            "sections": [{"title": "Intro", "body": "fine"}, {"title": "Scope", "body": BODY}],
        },
    )


def test_the_document_lists_each_broken_block_with_its_section_and_line(tmp_path: Path) -> None:
    project = broken_project(tmp_path / "p.pmdesk")
    problems = build(project, ExportOptions(language="en")).problems
    assert problems == [
        ExportProblem(
            "Scope", 3, "'urgent' is not a priority; use one of must, should, could, wont."
        ),
        ExportProblem(
            "Scope",
            7,
            "Unknown pmdesk block 'gantt'; use one of requirements, roadmap, milestones, "
            "releases, revision-history, changes-since, personas, kano, ranking, matrix, "
            "moscow, view.",
        ),
    ]
    chinese = build(project, ExportOptions(language="zh")).problems
    assert [(p.section, p.line) for p in chinese] == [("Scope", 3), ("Scope", 7)]
    assert chinese[0].message == "「urgent」不是有效的 priority；可用：must, should, could, wont。"


def test_a_missing_baseline_and_unknown_release_are_problems_too(tmp_path: Path) -> None:
    body = '```pmdesk\nrequirements: release="v9"\n```\n\n```pmdesk\nchanges-since: v0\n```\n'
    project = make_project(
        tmp_path / "p.pmdesk",
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "T", "key_prefix": "REQ"},
            "releases": [{"name": "v1.0"}],
            "requirements": [{"title": "Login"}],
            "sections": [{"title": "计划", "body": body}],
        },
    )
    problems = build(project, ExportOptions(language="zh")).problems
    assert [(p.section, p.line) for p in problems] == [("计划", 1), ("计划", 5)]
    assert "v9" in problems[0].message and "v0" in problems[1].message


def test_a_clean_project_has_no_problems(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "p.pmdesk",
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "T"},
            "sections": [{"title": "S", "body": "x"}],
        },
    )
    assert build(project).problems == []


def test_cli_export_names_each_problem_on_stderr_and_still_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = broken_project(tmp_path / "p.pmdesk")
    out = tmp_path / "prd.md"
    assert main(["export", str(project), "--format", "md", "-o", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "pmdesk: Section “Scope”, line 3: 'urgent' is not a priority; "
        "use one of must, should, could, wont.",
        "pmdesk: Section “Scope”, line 7: Unknown pmdesk block 'gantt'; use one of "
        "requirements, roadmap, milestones, releases, revision-history, changes-since, personas, "
        "kano, ranking, matrix, moscow, view.",
    ]
    assert out.exists()


def test_cli_export_strict_writes_nothing_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = broken_project(tmp_path / "p.pmdesk", "zh")
    out = tmp_path / "prd.docx"
    code = main(["export", str(project), "--format", "docx", "-o", str(out), "--strict"])
    assert code == 1
    err = capsys.readouterr().err.splitlines()
    sentence = "「urgent」不是有效的 priority；可用：must, should, could, wont。"
    assert err[0] == f"pmdesk: 「Scope」第 3 行：{sentence}"
    assert err[2:] == ["pmdesk: nothing was written: the document has 2 problems (--strict)."]
    assert not out.exists() and list(tmp_path.iterdir()) == [project]
    # A project without problems exports under --strict as usual.
    clean = make_project(tmp_path / "c.pmdesk", {"pmdesk_snapshot": 1, "project": {"title": "T"}})
    assert (
        main(
            ["export", str(clean), "--format", "md", "-o", str(out.with_suffix(".md")), "--strict"]
        )
        == 0
    )


def test_a_comment_above_a_broken_block_keeps_the_authors_line_numbers(tmp_path: Path) -> None:
    body = "<!-- 待补充：\n评审意见\n-->\nWho is in scope.\n\n```pmdesk\ngantt\n```\n"
    project = make_project(
        tmp_path / "p.pmdesk",
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "T", "key_prefix": "REQ", "language": "en"},
            "sections": [{"title": "Scope", "body": body}],
        },
    )
    problems = build(project, ExportOptions(language="en")).problems
    assert [(p.section, p.line) for p in problems] == [("Scope", 6)]  # as the editor numbers it
