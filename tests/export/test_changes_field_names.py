"""The "changes since baseline" table names every changed field by its own name."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from pmdesk.core.newproject.sample import sample_snapshot_path
from pmdesk.core.snapshot.compare import compare
from pmdesk.export.doc import Table, plain_text
from pmdesk.export.prd_revisions import changes_blocks


def _node(nodes: list[dict[str, Any]], key: str) -> dict[str, Any] | None:
    for node in nodes:
        found = node if node["key"] == key else _node(node["children"], key)
        if found is not None:
            return found
    return None


def _changed_rows(language: str) -> dict[str, tuple[str, str]]:
    before = json.loads(sample_snapshot_path(language).read_text(encoding="utf-8"))
    after = copy.deepcopy(before)
    node = _node(after["requirements"], "CRM-9")
    assert node is not None
    node["value"] = 8
    node["horizon"] = "next"
    node["start"] = "2027-07-05"
    node["end"] = "2027-08-27"
    node["persona"] = after["personas"][0]["uid"]
    blocks = changes_blocks(compare(before, after), language)
    table = [b for b in blocks if isinstance(b, Table)][-1]
    return {
        plain_text(row[1]): (plain_text(row[2]), plain_text(row[3]))
        for row in table.rows
        if plain_text(row[0]) in ("CRM-9", "")
    }


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("en", ["Business value", "Horizon", "Start", "End", "Persona"]),
        ("zh", ["业务价值", "规划时段", "开始", "结束", "用户画像"]),
    ],
)
def test_value_horizon_dates_and_persona_changes_are_named(language: str, names: list[str]) -> None:
    rows = _changed_rows(language)
    assert sorted(rows) == sorted(names)  # none of them called "Parent"
    assert rows[names[0]] == ("", "8")
    assert rows[names[1]][1] == ("Next" if language == "en" else "接下来")
    assert rows[names[2]] == ("", "2027-07-05")
