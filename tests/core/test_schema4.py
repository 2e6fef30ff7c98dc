"""Schema 4 (setting up a product): the new fields in operations, snapshots,
merges and reads, and older files that keep their values."""

from __future__ import annotations

import base64
import json
import shutil
import struct
import uuid
import zlib
from pathlib import Path

import pytest

from pmdesk.core.errors import OperationError, SnapshotError
from pmdesk.core.merge.files import merge_files
from pmdesk.core.newproject.from_snapshot import import_snapshot_file
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Move, Remove, Update
from pmdesk.core.project import Project
from pmdesk.core.snapshot.convert import dumps, export_snapshot, loads
from pmdesk.core.storage.fileformat import SCHEMA_VERSION, read_header
from pmdesk.core.storage.projectfile import check, open_readonly
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.merge_helpers import copies, edit

DATA = Path(__file__).resolve().parent.parent / "data"


def png(width: int = 2, height: int = 1) -> bytes:
    """A real, tiny PNG picture."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def export_text(path: Path) -> str:
    store = open_readonly(path)
    try:
        return dumps(export_snapshot(store))
    finally:
        store.dispose()


def full_snapshot() -> str:
    """A snapshot that sets every field schema 4 added."""
    r1, r2, lane, ms = (str(uuid.uuid4()) for _ in range(4))
    return json.dumps(
        {
            "pmdesk_snapshot": 1,
            "project": {
                "title": "Orbit PRD",
                "product": "Orbit",
                "version": "1.2",
                "authors": ["Li Lei", "Han Meimei"],
                "organisation": "Acme 公司",
                "logo": base64.b64encode(png()).decode("ascii"),
                "key_prefix": "ORB",
                "language": "en",
            },
            # Listed out of date order: the order is the releases' own (rank).
            "releases": [
                {
                    "uid": r2,
                    "name": "v2.0",
                    "start": "2027-07-01",
                    "end": "2027-09-30",
                    "goal": "Teams **share** dashboards",
                    "status": "planned",
                    "capacity": 120.5,
                },
                {
                    "uid": r1,
                    "name": "v1.0",
                    "start": "2027-01-04",
                    "end": "2027-03-31",
                    "goal": "",
                    "status": "released",
                    "capacity": None,
                },
            ],
            "milestones": [
                {"uid": ms, "name": "Beta", "date": "2027-02-15", "release": r1},
                {"uid": str(uuid.uuid4()), "name": "Launch", "date": "2027-04-01"},
            ],
            "lanes": [{"uid": lane, "name": "Growth", "colour": "#1f77b4"}],
            "requirements": [
                {"title": "Unassessed", "priority": None, "kano": None, "release": r1},
                {"title": "Assessed", "priority": "must", "kano": "basic", "lane": lane},
            ],
        }
    )


def test_every_new_field_round_trips_byte_for_byte(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(full_snapshot(), encoding="utf-8")
    a, b = tmp_path / "a.pmdesk", tmp_path / "b.pmdesk"
    import_snapshot_file(source, a)
    first = export_text(a)
    (tmp_path / "a.json").write_text(first, encoding="utf-8")
    import_snapshot_file(tmp_path / "a.json", b)
    assert export_text(b) == first
    snap = json.loads(first)
    assert snap["project"]["organisation"] == "Acme 公司"
    assert base64.b64decode(snap["project"]["logo"]) == png()
    assert [r["name"] for r in snap["releases"]] == ["v2.0", "v1.0"]
    assert snap["releases"][0]["capacity"] == 120.5
    assert snap["releases"][1]["status"] == "released"
    assert snap["lanes"][0]["colour"] == "#1f77b4"
    assert snap["milestones"][0]["release"] == snap["releases"][1]["uid"]
    assert snap["milestones"][1]["release"] is None
    first_req = snap["requirements"][0]
    assert (first_req["priority"], first_req["kano"]) == (None, None)


def test_the_reads_give_every_new_field(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(full_snapshot(), encoding="utf-8")
    path = tmp_path / "a.pmdesk"
    import_snapshot_file(source, path)
    with Project.view(path) as project:
        info = project.info()
        assert (info.product, info.version, info.organisation) == ("Orbit", "1.2", "Acme 公司")
        assert info.authors == ("Li Lei", "Han Meimei") and info.logo == png()
        releases = project.releases()
        assert [(r.name, r.status, r.capacity) for r in releases] == [
            ("v2.0", "planned", 120.5),
            ("v1.0", "released", None),
        ]
        assert releases[0].goal == "Teams **share** dashboards"
        assert [(lane.name, lane.colour) for lane in project.lanes()] == [("Growth", "#1f77b4")]
        milestones = project.milestones()
        assert [(m.name, m.date, m.release) for m in milestones] == [
            ("Beta", "2027-02-15", releases[1].uid),
            ("Launch", "2027-04-01", None),
        ]


@pytest.mark.parametrize(
    ("change", "path", "says"),
    [
        (("releases", 0, "status", "shipped"), "releases[0].status", "'shipped' is not one of"),
        (("releases", 0, "capacity", -1), "releases[0].capacity", "capacity -1 is negative"),
        (("releases", 0, "goal", "a\nb"), "releases[0].goal", "a goal is one line"),
        (("lanes", 0, "colour", "blue"), "lanes[0].colour", "'blue' is not a colour"),
        (("milestones", 0, "release", "nope"), "milestones[0].release", "is not a release uid"),
        (("project", None, "logo", "bm90IGEgcGljdHVyZQ=="), "project.logo", "not a PNG or JPEG"),
        (("project", None, "logo", "%%%"), "project.logo", "not base64"),
        (("requirements", 0, "kano", "wow"), "requirements[0].kano", "'wow' is not one of"),
    ],
)
def test_a_bad_new_value_is_refused_with_its_path(
    change: tuple[str, int | None, str, object], path: str, says: str
) -> None:
    snap = json.loads(full_snapshot())
    part, index, name, value = change
    item = snap[part] if index is None else snap[part][index]
    item[name] = value
    with pytest.raises(SnapshotError) as e:
        loads(json.dumps(snap))
    assert f"{path}: " in str(e.value) and says in str(e.value)


def test_old_snapshots_import_unchanged_and_new_requirements_are_unassessed(
    tmp_path: Path,
) -> None:
    old = json.loads((DATA / "crm-schema1.json").read_text(encoding="utf-8"))
    snap = loads(json.dumps(old))
    assert snap["releases"][0]["status"] == "planned"
    assert snap["project"]["logo"] is None
    priorities = [n["priority"] for n in snap["requirements"]]
    assert None not in priorities  # existing values are kept
    path = tmp_path / "p.pmdesk"
    write_sample(path, "en")
    store = Project.open(path, data_dir=tmp_path / "data")
    try:
        uid = str(uuid.uuid4())
        store.apply(Create("requirement", uid, {"title": "New"}))
        detail = store.requirement(uid)
        assert detail is not None
        assert (detail.values["priority"], detail.values["kano"]) == (None, None)
    finally:
        store.close(discard=True)


def test_an_older_file_upgrades_with_its_values_and_a_backup(tmp_path: Path) -> None:
    old = DATA / "crm-schema3.pmdesk"
    copy = tmp_path / "old.pmdesk"
    shutil.copy(old, copy)
    wc = WorkingCopy.open(copy, data_dir=tmp_path / "data")
    try:
        assert wc.upgraded_from_backup is not None
        assert wc.upgraded_from_backup.read_bytes() == old.read_bytes()
        snap = export_snapshot(wc.store)
    finally:
        wc.close(discard=True)
    before = json.loads((DATA / "crm-schema3.json").read_text(encoding="utf-8"))
    # Releases keep their order (by start date, then name), now as their rank.
    assert [r["name"] for r in snap["releases"]] == [r["name"] for r in before["releases"]]
    assert len(snap["links"]) == len(before["links"]) > 0
    assert read_header(copy).schema_version < SCHEMA_VERSION  # untouched until saved


def test_a_logo_is_checked_and_named_shortly_in_the_history(tmp_path: Path) -> None:
    path = tmp_path / "p.pmdesk"
    write_sample(path, "en")
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        uid = project.info().uid
        with pytest.raises(OperationError, match="not a PNG or JPEG"):
            project.apply(Update("project", uid, {"logo": b"GIF89a"}))
        with pytest.raises(OperationError, match="at most 1024 KB"):
            project.apply(Update("project", uid, {"logo": png() + b"\0" * 1024 * 1024}))
        applied = project.apply(Update("project", uid, {"logo": png()}))
        assert applied.effects[0].values == {"logo": png()}
        assert project.info().logo == png()
        snap = project.snapshot()
        [entry] = [h for h in snap["history"] if h["field"] == "logo"]
        assert entry["old"] is None and entry["new"]["bytes"] == len(png())
        project.apply(applied.inverse)
        assert project.info().logo is None
    finally:
        project.close(discard=True)


def _release(path: Path, name: str) -> str:
    with Project.view(path) as project:
        return next(r.uid for r in project.releases() if r.name == name)


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "base.pmdesk"
    write_sample(path, "en")
    return path


def test_one_renames_a_release_the_other_moves_it_no_conflict(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    v11 = _release(base, "v1.1")
    edit(mine, "Li", Update("release", v11, {"name": "v1.1 Spring"}))
    edit(theirs, "Wang", Update("release", v11, {"start": "2027-04-05", "end": "2027-06-30"}))
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    assert result.clean, result.conflicts
    assert check(out) == []
    with Project.view(out) as project:
        [release] = [r for r in project.releases() if r.uid == v11]
    assert (release.name, release.start, release.end) == (
        "v1.1 Spring",
        "2027-04-05",
        "2027-06-30",
    )


def test_two_renames_of_one_release_are_a_conflict(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    v11 = _release(base, "v1.1")
    edit(mine, "Li", Update("release", v11, {"name": "v1.1 Spring"}))
    edit(theirs, "Wang", Update("release", v11, {"name": "v1.1 Summer", "status": "in_progress"}))
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    [conflict] = result.conflicts
    assert (conflict.entity, conflict.field, conflict.mine, conflict.theirs) == (
        "release",
        "name",
        "v1.1 Spring",
        "v1.1 Summer",
    )
    merge_files(base, mine, theirs, out, prefer="mine")
    with Project.view(out) as project:
        [release] = [r for r in project.releases() if r.uid == v11]
    assert (release.name, release.status) == ("v1.1 Spring", "in_progress")


def test_new_fields_of_lanes_milestones_and_the_project_merge_field_by_field(
    base: Path,
) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    with Project.view(base) as project:
        lane = project.lanes()[0].uid
        milestone = project.milestones()[0].uid
        info = project.info()
    v10, v11 = _release(base, "v1.0"), _release(base, "v1.1")
    edit(
        mine,
        "Li",
        Update("lane", lane, {"colour": "#aa0000"}),
        Update("project", info.uid, {"logo": png()}),
        Update("milestone", milestone, {"release": v10}),
        Move("release", v11, index=0),
    )
    edit(
        theirs,
        "Wang",
        Update("lane", lane, {"name": "增长"}),
        Update("project", info.uid, {"organisation": "Acme"}),
        Update("release", v10, {"capacity": 40}),
    )
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    assert result.clean, result.conflicts
    with Project.view(out) as project:
        assert next((x.name, x.colour) for x in project.lanes()) == ("增长", "#aa0000")
        assert (project.info().logo, project.info().organisation) == (png(), "Acme")
        assert next(m for m in project.milestones() if m.uid == milestone).release == v10
        releases = project.releases()
        assert releases[0].uid == v11
        assert next(r for r in releases if r.uid == v10).capacity == 40


def test_a_milestone_linked_to_a_release_the_other_side_deleted_loses_the_link(
    base: Path,
) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    with Project.view(base) as project:
        milestone = project.milestones()[0].uid
    v11 = _release(base, "v1.1")
    edit(mine, "Li", Update("milestone", milestone, {"release": v11}))
    edit(theirs, "Wang", Remove((("release", v11),)))
    out = base.with_name("out.pmdesk")
    merge_files(base, mine, theirs, out, prefer="theirs")
    assert check(out) == []
    with Project.view(out) as project:
        assert next(m for m in project.milestones() if m.uid == milestone).release is None


def test_two_logos_are_a_conflict_named_by_size(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pmdesk.cli import main

    mine, theirs = copies(base, "mine", "theirs")
    with Project.view(base) as project:
        uid = project.info().uid
    edit(mine, "Li", Update("project", uid, {"logo": png(2, 1)}))
    edit(theirs, "Wang", Update("project", uid, {"logo": png(400, 300)}))
    out = base.with_name("out.pmdesk")
    assert main(["merge", str(base), str(mine), str(theirs), "-o", str(out)]) == 1
    report = capsys.readouterr().out
    assert "logo" in report and "picture, 1 KB" in report and "b'\\x89PNG" not in report
