"""The JSON snapshot contract: lossless, byte-stable, validated before writing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pmdesk.core.errors import PmdeskError, SnapshotError
from pmdesk.core.newproject.from_snapshot import import_snapshot_file
from pmdesk.core.newproject.sample import sample_snapshot_path
from pmdesk.core.snapshot.convert import dumps, export_snapshot, loads
from pmdesk.core.storage.projectfile import open_readonly


def export_text(path: Path) -> str:
    store = open_readonly(path)
    try:
        return dumps(export_snapshot(store))
    finally:
        store.dispose()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_sample_round_trips_byte_for_byte(tmp_path: Path, language: str) -> None:
    a, b = tmp_path / "a.pmdesk", tmp_path / "b.pmdesk"
    import_snapshot_file(sample_snapshot_path(language), a)
    first = export_text(a)
    assert export_text(a) == first  # exporting twice gives identical bytes
    (tmp_path / "a.json").write_text(first, encoding="utf-8")
    import_snapshot_file(tmp_path / "a.json", b)
    assert export_text(b) == first
    # The bundled file itself survives the trip: same uids, keys, titles and order.
    original = json.loads(sample_snapshot_path(language).read_text(encoding="utf-8"))
    exported = json.loads(first)

    def walk(nodes: list[dict[str, Any]]) -> list[object]:
        return [(n["uid"], n["key"], n["title"], n["rice"], walk(n["children"])) for n in nodes]

    assert walk(exported["requirements"]) == walk(original["requirements"])
    assert exported["sections"] == original["sections"]
    assert exported["links"] == sorted(
        original["links"], key=lambda x: (x["from"], x["to"], x["type"], x["uid"])
    )


def test_snapshot_text_is_sorted_utf8_two_space(tmp_path: Path) -> None:
    path = tmp_path / "a.pmdesk"
    import_snapshot_file(sample_snapshot_path("zh"), path)
    text = export_text(path)
    # Keys sorted: the sample's custom fields (schema 9) between baselines and history.
    assert text.startswith('{\n  "baselines": [],\n  "custom_fields": [\n    {\n      "kind": ')
    assert '\n  ],\n  "history": [],\n' in text
    assert "客户" in text and "\\u" not in text
    assert text.endswith("}\n")


def test_missing_uids_keys_and_optional_fields_are_filled() -> None:
    snap = loads(
        json.dumps(
            {
                "pmdesk_snapshot": 1,
                "project": {"key_prefix": "CRM"},
                "requirements": [{"title": "A", "children": [{"title": "B"}, {"key": "CRM-5"}]}],
            }
        )
    )
    top = snap["requirements"][0]
    assert top["uid"] and top["status"] == "draft" and top["acceptance"] == []
    keys = [top["key"]] + [c["key"] for c in top["children"]]
    assert keys == ["CRM-6", "CRM-7", "CRM-5"]


def _problem(data: dict[str, object]) -> str:
    with pytest.raises(SnapshotError) as info:
        loads(json.dumps({"pmdesk_snapshot": 1, **data}))
    return str(info.value)


def test_bad_value_is_refused_with_its_json_path() -> None:
    message = _problem(
        {
            "requirements": [
                {},
                {},
                {},
                {"title": "x", "children": [{"priority": "urgent"}]},
            ]
        }
    )
    assert message == (
        "requirements[3].children[0].priority: 'urgent' is not one of must, should, could, wont"
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"requirements": [{"uid": "a"}, {"uid": "a"}]}, "requirements[1].uid: 'a' is used twice"),
        (
            {"requirements": [{"key": "X-1"}, {"key": "X-1"}]},
            "requirements[1].key: 'X-1' is used twice",
        ),
        (
            {"requirements": [{"start": "2027-02-30"}]},
            "requirements[0].start: '2027-02-30' is not a date",
        ),
        (
            {"requirements": [{"release": "nope"}]},
            "requirements[0].release: 'nope' is not a release uid",
        ),
        ({"requirements": [{"priorty": "must"}]}, "requirements[0].priorty: is not a field"),
        (
            {"requirements": [{"rice": {"effort": 0}}]},
            "requirements[0].rice: effort 0 is not above 0",
        ),
        ({"links": [{"from": "a", "to": "b"}]}, "links[0].from: 'a' is not a requirement uid"),
        ({"releases": [{"name": ""}]}, "releases[0].name: a name cannot be empty"),
        ({"requirements": {"a": 1}}, "requirements: expected a list, found an object"),
        ({"project": {"language": "fr"}}, "project.language: 'fr' is not one of zh, en"),
    ],
)
def test_each_kind_of_bad_value_names_its_path(data: dict[str, object], expected: str) -> None:
    assert expected in _problem(data)


def test_not_json_and_not_a_snapshot_and_newer_version() -> None:
    with pytest.raises(SnapshotError, match="not valid JSON"):
        loads("{nope")
    with pytest.raises(SnapshotError, match="not a pmdesk snapshot"):
        loads('{"title": 1}')
    with pytest.raises(SnapshotError, match=r"version 2.*update pmdesk"):
        loads('{"pmdesk_snapshot": 2}')


def test_refused_import_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({"pmdesk_snapshot": 1, "requirements": [{"kind": "saga"}]}))
    target = tmp_path / "new.pmdesk"
    with pytest.raises(SnapshotError):
        import_snapshot_file(source, target)
    assert list(tmp_path.iterdir()) == [source]


def test_import_does_not_overwrite_without_replace(tmp_path: Path) -> None:
    target = tmp_path / "a.pmdesk"
    import_snapshot_file(sample_snapshot_path("zh"), target)
    before = target.read_bytes()
    with pytest.raises(PmdeskError, match="exists already"):
        import_snapshot_file(sample_snapshot_path("en"), target)
    assert target.read_bytes() == before
    import_snapshot_file(sample_snapshot_path("en"), target, replace=True)
    assert "Yunfan" in export_text(target)


def test_control_characters_and_huge_text_survive_the_round_trip(tmp_path: Path) -> None:
    weird = "tab\there\x01\x0b bell\x07 ✓ 𝄞 " + "长" * 200_000
    source = tmp_path / "s.json"
    source.write_text(
        json.dumps({"pmdesk_snapshot": 1, "sections": [{"title": weird, "body": weird}]})
    )
    target = tmp_path / "a.pmdesk"
    import_snapshot_file(source, target)
    assert json.loads(export_text(target))["sections"][0]["body"] == weird
