"""ReqIF out and in: pmdesk → ReqIF → pmdesk loses nothing; files shaped as
DOORS, Polarion and ReqIF Studio write them import; broken ones are named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.interop.conftest import by_title, flat, run, snapshot_of

FIELDS = (
    "uid",
    "key",
    "kind",
    "title",
    "description",
    "acceptance",
    "status",
    "priority",
    "kano",
    "owner",
    "tags",
    "source",
    "start",
    "end",
    "rice",
)
FIXTURES = Path(__file__).parent / "reqif"


def _requirements(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    releases = {r["uid"]: r["name"] for r in snapshot["releases"]}
    lanes = {r["uid"]: r["name"] for r in snapshot["lanes"]}
    return [
        {f: node.get(f) for f in FIELDS}
        | {
            "parent": parent,
            "release": releases.get(node["release"] or ""),
            "lane": lanes.get(node["lane"] or ""),
        }
        for node, parent in flat(snapshot)
    ]


@pytest.mark.parametrize("suffix", [".reqif", ".reqifz"])
def test_pmdesk_to_reqif_to_pmdesk_loses_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    run(capsys, "sample", tmp_path / "s.pmdesk")
    out = tmp_path / f"s{suffix}"
    assert run(capsys, "export", tmp_path / "s.pmdesk", "--format", "reqif", "-o", out)[0] == 0
    code, _, err = run(capsys, "import", tmp_path / "r.pmdesk", "--from", out)
    assert (code, err) == (0, "")
    original, back = snapshot_of(tmp_path / "s.pmdesk"), snapshot_of(tmp_path / "r.pmdesk")
    assert _requirements(back) == _requirements(original)
    assert sorted((lk["from"], lk["to"], lk["type"]) for lk in back["links"]) == sorted(
        (lk["from"], lk["to"], lk["type"]) for lk in original["links"]
    )
    assert back["project"]["title"] == original["project"]["title"]


def test_the_reqif_package_reads_what_pmdesk_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reqif.parser import ReqIFParser

    run(capsys, "sample", tmp_path / "s.pmdesk")
    run(capsys, "export", tmp_path / "s.pmdesk", "--format", "reqif", "-o", tmp_path / "s.reqif")
    bundle = ReqIFParser.parse(str(tmp_path / "s.reqif"))
    assert bundle.exceptions == []
    assert len(bundle.core_content.req_if_content.spec_objects) == len(
        flat(snapshot_of(tmp_path / "s.pmdesk"))
    )


def test_a_doors_module_imports_with_headings_text_and_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "import", tmp_path / "d.pmdesk", "--from", FIXTURES / "doors.reqif"
    )
    assert (code, err) == (0, "")
    assert "Verification Method" in out  # no pmdesk field: named, not silently dropped
    snapshot = snapshot_of(tmp_path / "d.pmdesk")
    assert snapshot["project"]["title"] == "Brake Controller SRS"
    rows = flat(snapshot)
    assert rows[0][0]["title"] == "Braking"
    brakes, parent = rows[1]
    assert parent == rows[0][0]["key"] and brakes["priority"] == "must"
    assert brakes["title"] == "The controller shall apply the brakes within 50 ms."
    assert "- dry road\n- wet road" in brakes["description"]
    assert "| Speed | Distance |\n| --- | --- |\n| 50 km/h | 12 m |" in brakes["description"]
    lamp = rows[2][0]
    assert [(lk["from"], lk["to"], lk["type"]) for lk in snapshot["links"]] == [
        (lamp["uid"], brakes["uid"], "derived_from")
    ]


def test_a_polarion_export_keeps_ids_types_statuses_and_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "import", tmp_path / "p.pmdesk", "--from", FIXTURES / "polarion.reqif"
    )
    assert (code, err) == (0, "")
    snapshot = snapshot_of(tmp_path / "p.pmdesk")
    found = by_title(snapshot)
    feature, _ = found["Transfers"]
    story, parent = found["Transfer to a saved payee"]
    assert (feature["key"], feature["kind"], feature["status"]) == ("MB-10", "feature", "approved")
    assert (story["key"], story["kind"], story["status"], story["end"], parent) == (
        "MB-11",
        "story",
        "draft",
        "2027-03-31",
        "MB-10",
    )
    assert (
        story["description"]
        == "As a customer I want to pick a *saved* payee.\n\n1. open Transfers\n2. pick the payee"
    )
    assert [(lk["from"], lk["type"]) for lk in snapshot["links"]] == [(story["uid"], "depends_on")]


def test_reqif_studio_files_without_long_names_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "import", tmp_path / "s.pmdesk", "--from", FIXTURES / "reqif_studio.reqif"
    )
    assert (code, err) == (0, "")
    rows = flat(snapshot_of(tmp_path / "s.pmdesk"))
    titles = [(n["title"], n["kind"], parent is not None) for n, parent in rows]
    assert titles[0] == ("Heating", "epic", False)  # two specifications: one epic each
    heating = rows[1][0]
    assert (heating["key"], heating["priority"], heating["description"]) == (
        "SH-1",
        "must",
        "The heating can be switched off from the phone.",
    )
    assert rows[3][0]["priority"] == "could"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("this is not xml", "bad.reqif is not XML"),
        ("<?xml version='1.0'?><html/>", "its root element is <html>, not <REQ-IF>"),
        (
            None,
            "ATTRIBUTE-DEFINITION-STRING 'WI-title' refers to datatype 'DT-Nope', "
            "which is not defined",
        ),
        (
            "hierarchy",
            "SPEC-HIERARCHY 'h-MB-11' refers to SPEC-OBJECT 'MB-99', which is not defined",
        ),
        ("relation", "SPEC-RELATION 'MB-11-MB-10' has a TARGET 'MB-77' that is not a SPEC-OBJECT"),
    ],
)
def test_broken_reqif_is_named_by_its_element_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, expected: str
) -> None:
    good = (FIXTURES / "polarion.reqif").read_text(encoding="utf-8")
    if content is None:
        start = good.index('IDENTIFIER="WI-title"')
        end = good.index("</ATTRIBUTE-DEFINITION-STRING>", start)
        content = good[:start] + good[start:end].replace("DT-String", "DT-Nope") + good[end:]
    elif content == "hierarchy":
        content = good.replace(
            "<OBJECT><SPEC-OBJECT-REF>MB-11</SPEC-OBJECT-REF>",
            "<OBJECT><SPEC-OBJECT-REF>MB-99</SPEC-OBJECT-REF>",
        )
    elif content == "relation":
        content = good.replace("<TARGET><SPEC-OBJECT-REF>MB-10", "<TARGET><SPEC-OBJECT-REF>MB-77")
    (tmp_path / "bad.reqif").write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "import", tmp_path / "p.pmdesk", "--from", tmp_path / "bad.reqif")
    assert code == 2 and expected in err, err
    assert not (tmp_path / "p.pmdesk").exists()
