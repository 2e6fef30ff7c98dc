"""Changes between a baseline snapshot and the project now, matched by uid."""

from __future__ import annotations

import copy
from typing import Any

from pmdesk.core.snapshot.compare import BaselineInfo, compare, find_baseline


def snapshot() -> dict[str, Any]:
    return {
        "releases": [{"uid": "r1", "name": "v1.0"}, {"uid": "r2", "name": "v1.1"}],
        "lanes": [],
        "requirements": [
            {
                "uid": "a",
                "key": "REQ-1",
                "title": "登录",
                "status": "draft",
                "release": "r1",
                "children": [{"uid": "b", "key": "REQ-2", "title": "短信登录"}],
            },
            {"uid": "c", "key": "REQ-3", "title": "注销", "acceptance": ["一键注销"]},
        ],
    }


def test_added_removed_and_changed_fields() -> None:
    before = snapshot()
    after = copy.deepcopy(before)
    first = after["requirements"][0]
    first["title"] = "账号登录"
    first["status"] = "approved"
    first["release"] = "r2"
    moved = first["children"].pop()  # REQ-2 moves under REQ-3
    after["requirements"][1]["children"] = [moved]
    after["requirements"][1]["acceptance"] = ["一键注销", "注销后清除缓存"]
    after["requirements"].append({"uid": "d", "key": "REQ-4", "title": "找回密码"})
    del before["requirements"][1]["acceptance"]
    result = compare(before, after)
    assert [r.key for r in result.added] == ["REQ-4"]
    assert result.removed == []
    changes = {
        r.key: {(f.field, str(f.before), str(f.after)) for f in fs} for r, fs in result.changed
    }
    assert changes["REQ-1"] == {
        ("title", "登录", "账号登录"),
        ("status", "draft", "approved"),
        ("release", "v1.0", "v1.1"),
    }
    assert changes["REQ-2"] == {("parent", "REQ-1", "REQ-3")}
    assert ("acceptance", "[]", "['一键注销', '注销后清除缓存']") in changes["REQ-3"]

    removed = compare(after, before)
    assert [r.key for r in removed.removed] == ["REQ-4"]
    assert compare(before, copy.deepcopy(before)).empty


def test_find_baseline_ignores_case_and_blanks() -> None:
    items = [BaselineInfo("v1.0 评审版", "2027-01-08T10:00:00", "张伟", {})]
    assert find_baseline(items, "  V1.0   评审版 ") is items[0]
    assert find_baseline(items, "v1.1") is None


def deep_chain(levels: int, leaf_title: str) -> dict[str, Any]:
    root: dict[str, Any] = {"uid": "n0", "key": "REQ-0", "title": "0"}
    node = root
    for depth in range(1, levels):
        title = leaf_title if depth == levels - 1 else str(depth)
        child = {"uid": f"n{depth}", "key": f"REQ-{depth}", "title": title}
        node["children"] = [child]
        node = child
    return {"requirements": [root]}


def test_a_deep_tree_compares_without_recursion_limits() -> None:
    before, after = deep_chain(3000, "叶子"), deep_chain(3000, "leaf")
    [(changed, fields)] = compare(before, after).changed
    assert changed.key == "REQ-2999" and (fields[0].before, fields[0].after) == ("叶子", "leaf")
