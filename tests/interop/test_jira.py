"""A Jira CSV export as Jira writes it: repeated columns, ids, epic links,
wiki markup, issue links."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from pmdesk.interop.wiki import wiki_to_markdown
from tests.interop.conftest import by_title, run, snapshot_of

HEADERS = [
    "Summary",
    "Issue key",
    "Issue id",
    "Parent id",
    "Issue Type",
    "Status",
    "Priority",
    "Assignee",
    "Reporter",
    "Created",
    "Labels",
    "Labels",
    "Fix Version/s",
    "Fix Version/s",
    "Sprint",
    "Sprint",
    "Custom field (Story Points)",
    "Custom field (Epic Link)",
    "Description",
    "Outward issue link (Blocks)",
    "Inward issue link (Blocks)",
    "Outward issue link (Relates)",
    "Comment",
    "Comment",
]
ROWS = [
    [
        "Checkout revamp",
        "SHOP-1",
        "10001",
        "",
        "Epic",
        "In Progress",
        "High",
        "Ann Lee",
        "Bo",
        "04/Jan/27 10:00 AM",
        "checkout",
        "",
        "2027.1",
        "",
        "",
        "",
        "",
        "",
        "h2. Goal\n*Fewer* steps.",
        "",
        "",
        "",
        "",
        "",
    ],
    [
        "Pay with Alipay",
        "SHOP-2",
        "10002",
        "",
        "Story",
        "To Do",
        "Medium",
        "Chen Wei",
        "Bo",
        "05/Jan/27 9:12 AM",
        "payments",
        "china",
        "2027.1",
        "2027.2",
        "Sprint 3",
        "Sprint 4",
        "5",
        "SHOP-1",
        "As a buyer I pay with Alipay.\n\n* fast\n** really\n\n||Case||Result||\n|ok|paid|",
        "SHOP-3",
        "",
        "OTHER-9",
        "looks good",
        "ship it",
    ],
    [
        "Alipay callback",
        "SHOP-3",
        "10003",
        "10002",
        "Sub-task",
        "Done",
        "Low",
        "",
        "Bo",
        "06/Jan/27 9:00 AM",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "Handle {{notify_url}}.",
        "",
        "SHOP-2",
        "",
        "",
        "",
    ],
]


def _write(path: Path, headers: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([headers, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def test_a_jira_export_becomes_a_tree_with_releases_links_and_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "jira.csv"
    _write(source, HEADERS, ROWS)
    code, out, err = run(capsys, "import", tmp_path / "p.pmdesk", "--from", source)
    assert (code, err) == (0, "")
    assert "Sprint" in out and "Comment" in out  # listed as not imported
    snapshot = snapshot_of(tmp_path / "p.pmdesk")
    found = by_title(snapshot)
    epic, _ = found["Checkout revamp"]
    story, story_parent = found["Pay with Alipay"]
    task, task_parent = found["Alipay callback"]
    assert (epic["key"], epic["kind"], epic["status"], epic["priority"]) == (
        "SHOP-1",
        "epic",
        "in_progress",
        "must",
    )
    assert (story_parent, task_parent) == ("SHOP-1", "SHOP-2")
    assert (story["kind"], task["kind"], task["status"]) == ("story", "requirement", "done")
    assert story["tags"] == ["payments", "china"]
    assert story["rice"]["effort"] == 5
    assert story["owner"] == "Chen Wei"
    releases = {r["uid"]: r["name"] for r in snapshot["releases"]}
    assert sorted(releases.values()) == ["2027.1"]
    assert releases[story["release"]] == "2027.1"
    assert epic["description"] == "## Goal\n**Fewer** steps."
    assert "- fast\n  - really" in story["description"]
    assert "| Case | Result |" in story["description"] and "| ok | paid |" in story["description"]
    assert task["description"] == "Handle `notify_url`."
    links = {(lk["from"], lk["to"], lk["type"]) for lk in snapshot["links"]}
    assert links == {(story["uid"], task["uid"], "blocks")}  # once, not once per side


def test_chinese_jira_headers_are_understood(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "jira.csv"
    _write(
        source,
        ["摘要", "问题关键字", "问题类型", "状态", "优先级", "经办人", "标签", "标签", "修复版本"],
        [["导出报表", "BI-7", "故事", "进行中", "最高", "王芳", "报表", "导出", "v2"]],
    )
    code, _, err = run(
        capsys, "import", tmp_path / "p.pmdesk", "--from", source, "--format", "jira"
    )
    assert (code, err) == (0, "")
    node, _ = by_title(snapshot_of(tmp_path / "p.pmdesk"))["导出报表"]
    assert (
        node["key"],
        node["kind"],
        node["status"],
        node["priority"],
        node["owner"],
        node["tags"],
    ) == ("BI-7", "story", "in_progress", "must", "王芳", ["报表", "导出"])


def test_wiki_markup_becomes_markdown() -> None:
    text = (
        "h1. Title\n# one\n# two\n[docs|https://x.org] and -gone- _it_\n{code:java}\nint a;\n{code}"
    )
    assert wiki_to_markdown(text) == (
        "# Title\n1. one\n1. two\n[docs](https://x.org) and ~~gone~~ *it*\n```java\nint a;\n```"
    )


def test_a_later_jira_export_updates_the_same_issues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "jira.csv"
    _write(source, HEADERS, ROWS)
    run(capsys, "import", tmp_path / "p.pmdesk", "--from", source)
    later = [list(r) for r in ROWS]
    later[1][5] = "Done"  # SHOP-2's status
    later.append(
        [
            "Refunds",
            "SHOP-4",
            "10004",
            "",
            "Story",
            "To Do",
            "Low",
            "",
            "Bo",
            "",
            "",
            "",
            "2027.2",
            "",
            "",
            "",
            "",
            "SHOP-1",
            "",
            "",
            "",
            "",
            "",
            "",
        ]
    )
    _write(source, HEADERS, later)
    code, out, err = run(capsys, "import", tmp_path / "p.pmdesk", "--from", source, "--update")
    assert (code, err) == (0, "")
    assert "1 requirements created, 1 updated" in out
    snapshot = snapshot_of(tmp_path / "p.pmdesk")
    found = by_title(snapshot)
    assert len(found) == 4
    assert found["Pay with Alipay"][0]["status"] == "done"
    assert found["Refunds"][1] == "SHOP-1"
    assert sorted(r["name"] for r in snapshot["releases"]) == ["2027.1", "2027.2"]
