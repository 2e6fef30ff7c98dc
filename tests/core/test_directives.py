"""pmdesk blocks: parsing, filter matching, and the rows they select in the sample."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection

from pmdesk.core.domain.directive_filter import DirectiveError, Filter, Term, matches, parse_filter
from pmdesk.core.domain.directives import (
    ChangesSinceDirective,
    RequirementsDirective,
    RevisionHistoryDirective,
    RoadmapDirective,
    parse_directive,
)
from pmdesk.core.newproject.sample import sample_snapshot_path
from pmdesk.core.queries.content import release_names, requirements_for

SAMPLE_BLOCK = 'requirements: release="v1.0" status!=rejected'


# --- parsing -------------------------------------------------------------------------


def test_bare_requirements_selects_everything_as_a_table() -> None:
    assert parse_directive("requirements") == RequirementsDirective(Filter(()), detailed=False)
    assert parse_directive("  requirements:  \n") == RequirementsDirective()


def test_sample_block_parses_to_two_terms() -> None:
    assert parse_directive(SAMPLE_BLOCK) == RequirementsDirective(
        Filter((Term("release", "v1.0"), Term("status", "rejected", negated=True)))
    )


def test_quoted_values_keep_spaces_and_chinese() -> None:
    directive = parse_directive('requirements: release="v1.0 评审 版" owner=张伟 lane="销售协同"')
    assert isinstance(directive, RequirementsDirective)
    assert directive.filter.terms == (
        Term("release", "v1.0 评审 版"),
        Term("owner", "张伟"),
        Term("lane", "销售协同"),
    )


def test_full_width_quotes_from_chinese_input_methods() -> None:
    directive = parse_directive("requirements: release=“二期 版本”")
    assert isinstance(directive, RequirementsDirective)
    assert directive.filter.terms == (Term("release", "二期 版本"),)


def test_terms_may_span_lines_and_detailed_is_a_view_word() -> None:
    directive = parse_directive("requirements:\n  status=draft\n  status=review\n  detailed\n")
    assert directive == RequirementsDirective(
        Filter((Term("status", "draft"), Term("status", "review"))), detailed=True
    )
    assert parse_directive("requirements: table") == RequirementsDirective()


def test_other_kinds() -> None:
    assert parse_directive("roadmap") == RoadmapDirective()
    assert parse_directive("revision-history\n") == RevisionHistoryDirective()
    assert parse_directive("changes-since: v1.0 评审版") == ChangesSinceDirective("v1.0 评审版")
    assert parse_directive('changes-since: "v1.0 评审版"') == ChangesSinceDirective("v1.0 评审版")


def test_parse_filter_alone() -> None:
    assert parse_filter('tag=MVP priority!=wont owner=""') == Filter(
        (Term("tag", "MVP"), Term("priority", "wont", negated=True), Term("owner", ""))
    )
    with pytest.raises(DirectiveError):
        parse_filter("detailed")


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("", "empty"),
        ("requirement: status=draft", "'requirement'"),
        ("gantt", "'gantt'"),
        ("requirements: colour=red", "'colour'"),
        ("requirements: status=urgent", "'urgent' is not a status"),
        ("requirements: priority=high", "must, should, could, wont"),
        ('requirements: release="v1.0', "closing quote"),
        ('requirements: release=v"1.0"', "Quote the whole value"),
        ('requirements: release="v1.0"status=draft', "space after"),
        ("requirements: owner=", "no value"),
        ("requirements: =draft", "no field name"),
        ("requirements: status", "'status' is not a filter term"),
        ("requirements: status!draft", "Unexpected '!'"),
        ("requirements: table detailed", "either table or detailed"),
        ("roadmap: lane=x", "takes no options"),
        ("revision-history v1", "takes no options"),
        ("changes-since:", "needs a baseline name"),
        ('changes-since: "v1.0', "closing quote"),
    ],
)
def test_mistakes_are_one_clear_sentence(body: str, says: str) -> None:
    with pytest.raises(DirectiveError) as caught:
        parse_directive(body)
    message = str(caught.value)
    assert says in message
    assert "\n" not in message and message.endswith(".")


# --- matching ------------------------------------------------------------------------

DRAFT_BY_ZHANG = {
    "status": "draft",
    "priority": "must",
    "kind": "story",
    "kano": "basic",
    "owner": "张伟",
    "tags": ["MVP", "隐私"],
}


def _f(text: str) -> Filter:
    return parse_filter(text)


def test_empty_filter_matches_everything() -> None:
    assert matches(Filter(), DRAFT_BY_ZHANG, None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("status=draft", True),
        ("status=review", False),
        ("status!=draft", False),
        ("status!=rejected", True),
        ("status=review status=draft", True),  # the same field repeated ORs
        ("status=review status=done", False),
        ("status=draft priority=should", False),  # different fields AND
        ("status=draft priority=must kind=story kano=basic", True),
        ("status=draft status=review status!=draft", False),
        ("owner=张伟", True),
        ("owner!=张伟", False),
        ('owner=""', False),  # "" means "no owner"
        ("tag=MVP", True),
        ("tag=mvp", True),  # free text compares case-insensitively
        ("tag!=隐私", False),
        ("tag=AI tag=隐私", True),
        ("tag=AI", False),
        ('release="v1.0 评审 版"', True),
        ('release="V1.0  评审 版"', True),
        ("release=v1.1", False),
        ('release!="v1.0 评审 版"', False),
        ('release=""', False),
        ("lane=销售协同", True),
        ("lane!=销售协同", False),
    ],
)
def test_matches(text: str, expected: bool) -> None:
    assert matches(_f(text), DRAFT_BY_ZHANG, "v1.0 评审 版", "销售协同") is expected


def test_empty_value_matches_unset_fields() -> None:
    unowned = {**DRAFT_BY_ZHANG, "owner": "", "tags": []}
    assert matches(_f('owner="" release="" lane="" tag=""'), unowned, None, None)
    assert not matches(_f('release!=""'), unowned, None, None)
    assert matches(_f("release!=v1.0"), unowned, None, None)


# --- the rows a block selects, on the bundled sample ---------------------------------


def _snapshot_nodes() -> list[tuple[int, dict[str, Any], str | None]]:
    """Every requirement of the sample snapshot, depth-first, with its release name."""
    snapshot = json.loads(Path(sample_snapshot_path("zh")).read_text(encoding="utf-8"))
    release_of = {r["uid"]: r["name"] for r in snapshot["releases"]}
    out: list[tuple[int, dict[str, Any], str | None]] = []

    def walk(nodes: list[dict[str, Any]], depth: int) -> None:
        for node in nodes:
            out.append((depth, node, release_of.get(node.get("release") or "")))
            walk(node.get("children", []), depth + 1)

    walk(snapshot["requirements"], 0)
    return out


def test_sample_block_selects_v1_requirements_except_rejected(sample_conn: Connection) -> None:
    expected = [
        node["key"]
        for _, node, release in _snapshot_nodes()
        if release == "v1.0" and node["status"] != "rejected"
    ]
    directive = parse_directive(SAMPLE_BLOCK)
    assert isinstance(directive, RequirementsDirective)
    rows = requirements_for(sample_conn, directive)
    assert [row.key for row in rows] == expected
    assert "CRM-37" not in expected  # rejected, in v1.0: the filter really excluded it
    assert "CRM-22" not in expected  # v1.1 child of a v1.0 feature
    assert all(row.release == "v1.0" and row.status != "rejected" for row in rows)


def test_everything_in_tree_order_with_depth(sample_conn: Connection) -> None:
    nodes = _snapshot_nodes()
    rows = requirements_for(sample_conn, RequirementsDirective())
    assert [(r.key, r.depth) for r in rows] == [(n["key"], d) for d, n, _ in nodes]


def test_rows_carry_plain_values(sample_conn: Connection) -> None:
    rows = requirements_for(sample_conn, parse_filter("tag=MVP owner=李娜"))
    assert [r.key for r in rows] == ["CRM-3"]
    row = rows[0]
    assert (row.kind, row.status, row.priority, row.release, row.depth) == (
        "story",
        "done",
        "must",
        "v1.0",
        2,
    )
    assert row.lane == "客户数据"
    assert isinstance(row.acceptance, tuple) and row.acceptance
    assert "MVP" in row.tags
    epic = requirements_for(sample_conn, parse_filter("kind=feature owner=李娜 status=in_progress"))
    assert [r.key for r in epic] == ["CRM-2", "CRM-18", "CRM-20"]
    assert epic[0].rice_score is not None and epic[0].rice_score > 0


def test_lane_filter_and_repeated_status(sample_conn: Connection) -> None:
    nodes = _snapshot_nodes()
    snapshot = json.loads(Path(sample_snapshot_path("zh")).read_text(encoding="utf-8"))
    lane_uid = {lane["name"]: lane["uid"] for lane in snapshot["lanes"]}["数据智能"]
    expected = [
        n["key"]
        for _, n, _ in nodes
        if n.get("lane") == lane_uid and n["status"] in ("draft", "idea")
    ]
    rows = requirements_for(sample_conn, parse_filter("lane=数据智能 status=draft status=idea"))
    assert [r.key for r in rows] == expected and expected


def test_release_names_by_start(sample_conn: Connection) -> None:
    assert release_names(sample_conn) == ["v1.0", "v1.1", "v2.0"]
