"""Schema 7 (personas; a requirement's persona, business value and horizon): the new
fields in operations, history, snapshots, merges and reads, and older files."""

from __future__ import annotations

import base64
import json
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

from pmdesk.core.errors import OperationError, SnapshotError
from pmdesk.core.merge.files import merge_files
from pmdesk.core.merge.report import report
from pmdesk.core.newproject.from_snapshot import import_snapshot_file
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Move, Remove, Update
from pmdesk.core.project import Project
from pmdesk.core.snapshot.convert import loads
from pmdesk.core.storage.fileformat import SCHEMA_VERSION, read_header
from pmdesk.core.storage.projectfile import check
from tests.core.merge_helpers import copies, edit, requirements
from tests.core.test_schema4 import export_text, png

DATA = Path(__file__).resolve().parent.parent / "data"


def full_snapshot() -> str:
    """A snapshot that sets every field schema 7 added."""
    alice, bob, story, other = (str(uuid.uuid4()) for _ in range(4))
    return json.dumps(
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "Orbit", "key_prefix": "ORB", "language": "en"},
            "personas": [
                {
                    "uid": bob,
                    "name": "Bob the buyer",
                    "role": "Purchasing lead",
                    "goals": "- fewer **approvals**",
                    "pain_points": "Spreadsheets",
                    "scenarios": "Monday: orders",
                    "share": 12.5,
                    "photo": base64.b64encode(png()).decode("ascii"),
                },
                {"uid": alice, "name": "销售 Alice"},  # the other fields take defaults
            ],
            "requirements": [
                {
                    "uid": story,
                    "title": "Approve orders in one click",
                    "kind": "story",
                    "persona": bob,
                    "value": 7.5,
                    "horizon": "next",
                },
                {"uid": other, "title": "Nothing new set"},
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
    bob, alice = snap["personas"]  # the list's order is kept
    assert (bob["name"], bob["role"], bob["share"]) == ("Bob the buyer", "Purchasing lead", 12.5)
    assert base64.b64decode(bob["photo"]) == png()
    assert (alice["name"], alice["goals"], alice["share"], alice["photo"]) == (
        "销售 Alice",
        "",
        None,
        None,
    )
    story, other = snap["requirements"]
    assert (story["persona"], story["value"], story["horizon"]) == (bob["uid"], 7.5, "next")
    assert (other["persona"], other["value"], other["horizon"]) == (None, None, None)


def test_the_reads_give_personas_and_the_requirements_theirs(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(full_snapshot(), encoding="utf-8")
    path = tmp_path / "a.pmdesk"
    import_snapshot_file(source, path)
    with Project.view(path) as project:
        bob, alice = project.personas()
        assert (bob.name, bob.stories, bob.photo) == ("Bob the buyer", 1, png())
        assert (alice.name, alice.stories, alice.share) == ("销售 Alice", 0, None)
        [story_uid] = project.persona_requirements()
        assert project.persona_requirements() == {story_uid: bob.uid}
        detail = project.requirement(story_uid)
        assert detail is not None
        assert (detail.values["persona"], detail.values["value"]) == (bob.uid, 7.5)
        assert detail.values["horizon"] == "next"


@pytest.mark.parametrize(
    ("change", "path", "says"),
    [
        (("requirements", 0, "persona", "nope"), "requirements[0].persona", "not a persona uid"),
        (("requirements", 0, "value", 11), "requirements[0].value", "value 11 is not between"),
        (("requirements", 0, "horizon", "soon"), "requirements[0].horizon", "'soon' is not one"),
        (("personas", 0, "share", 120), "personas[0].share", "share 120 is not between 0"),
        (("personas", 0, "photo", "R0lGODlh"), "personas[0].photo", "not a PNG or JPEG"),
        (("personas", 1, "name", " "), "personas[1].name", "a name cannot be empty"),
    ],
)
def test_a_bad_new_value_is_refused_with_its_path(
    change: tuple[str, int, str, object], path: str, says: str
) -> None:
    snap = json.loads(full_snapshot())
    part, index, name, value = change
    snap[part][index][name] = value
    with pytest.raises(SnapshotError) as e:
        loads(json.dumps(snap))
    assert f"{path}: " in str(e.value) and says in str(e.value)


def test_a_schema6_file_upgrades_and_takes_personas(tmp_path: Path) -> None:
    copy = tmp_path / "old.pmdesk"
    shutil.copy(DATA / "crm-schema6.pmdesk", copy)
    assert read_header(copy).schema_version == 6
    project = Project.open(copy, data_dir=tmp_path / "data")
    try:
        assert project.personas() == []
        story = _first_uid(copy)
        persona = str(uuid.uuid4())
        project.apply(Create("persona", persona, {"name": "Ops Olga", "share": 30}))
        project.apply(Update("requirement", story, {"persona": persona, "horizon": "now"}))
        project.save()
    finally:
        project.close()
    assert read_header(copy).schema_version == SCHEMA_VERSION >= 7
    assert check(copy) == []
    on_disk = requirements(copy)[story]
    assert (on_disk["persona_uid"], on_disk["horizon"], on_disk["value"]) == (persona, "now", None)


def _first_uid(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT uid FROM requirement ORDER BY uid").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "base.pmdesk"
    write_sample(path, "en")
    return path


def _story(path: Path) -> str:
    return next(uid for uid, r in requirements(path).items() if r["kind"] == "story")


def test_personas_are_created_edited_reordered_and_removed_with_undo(base: Path) -> None:
    project = Project.open(base, data_dir=base.parent / "data")
    try:
        existing = [p.uid for p in project.personas()]
        a, b = str(uuid.uuid4()), str(uuid.uuid4())
        made = project.apply(Create("persona", a, {"name": "Ann"}))
        assert str(made.label) == "Create persona Ann"
        project.apply(Create("persona", b, {"name": "Ben", "role": "Admin"}))
        assert [p.name for p in project.personas()][-2:] == ["Ann", "Ben"]
        moved = project.apply(Move("persona", b, index=0))
        assert project.personas()[0].uid == b and str(moved.label) == "Reorder persona Ben"
        renamed = project.apply(Update("persona", a, {"name": "Anna"}))
        assert str(renamed.label) == "Rename persona Ann to Anna"
        with pytest.raises(OperationError, match="share"):
            project.apply(Update("persona", a, {"share": -1}))
        with pytest.raises(OperationError, match="persona"):
            project.apply(Update("requirement", _story(base), {"persona": "no-such-uid"}))
        story = _story(base)
        project.apply(Update("requirement", story, {"persona": a, "value": 8}))
        removed = project.apply(Remove((("persona", a),)))
        assert str(removed.label) == "Delete persona Anna"
        # The story loses its persona, and a view hears of it from the effects.
        cleared = [e for e in removed.effects if e.entity == "requirement"]
        assert [(e.uid, dict(e.values)) for e in cleared] == [(story, {"persona": None})]
        detail = project.requirement(story)
        assert detail is not None and detail.values["persona"] is None
        assert detail.values["value"] == 8
        # Undo puts back the persona and the story's link to it.
        project.apply(removed.inverse)
        detail = project.requirement(story)
        assert detail is not None and detail.values["persona"] == a
        assert next(p for p in project.personas() if p.uid == a).stories == 1
        history = [h for h in project.snapshot()["history"] if h["entity"] == "persona"]
        assert {h["field"] for h in history} >= {"created", "name", "position", "deleted"}
        assert [p.uid for p in project.personas()] == [b, *existing, a]
    finally:
        project.close(discard=True)


def test_one_renames_a_persona_the_other_edits_its_goals_no_conflict(base: Path) -> None:
    persona = str(uuid.uuid4())
    edit(base, "Li", Create("persona", persona, {"name": "Ann", "goals": "old"}))
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", Update("persona", persona, {"name": "Anna"}))
    edit(theirs, "Wang", Update("persona", persona, {"goals": "ship faster"}))
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    assert result.clean, result.conflicts
    with Project.view(out) as project:
        [merged] = [p for p in project.personas() if p.uid == persona]
        assert (merged.name, merged.goals) == ("Anna", "ship faster")


def test_value_horizon_and_persona_of_one_story_merge_field_by_field(base: Path) -> None:
    ann, ben = str(uuid.uuid4()), str(uuid.uuid4())
    edit(
        base, "Li", Create("persona", ann, {"name": "Ann"}), Create("persona", ben, {"name": "Ben"})
    )
    story = _story(base)
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", Update("requirement", story, {"persona": ann, "value": 6}))
    edit(theirs, "Wang", Update("requirement", story, {"persona": ben, "horizon": "later"}))
    out = base.with_name("out.pmdesk")
    pending, result = merge_files(base, mine, theirs, out)
    assert [(c.entity, c.field) for c in result.conflicts] == [("requirement", "persona_uid")]
    said = report(result, pending.mine, pending.theirs).splitlines()  # `pmdesk merge`'s words
    assert said[1:] == ["    mine:   Ann", "    theirs: Ben"] and said[0].endswith(": persona")
    merge_files(base, mine, theirs, out, prefer="theirs")
    row = requirements(out)[story]
    assert (row["persona_uid"], row["value"], row["horizon"]) == (ben, 6, "later")


def test_a_persona_deleted_while_a_colleague_links_a_story_to_it(base: Path) -> None:
    """Deleted on one side, chosen for a story on the other: the deletion is a
    conflict naming the story; either answer leaves a consistent file."""
    persona = str(uuid.uuid4())
    edit(base, "Li", Create("persona", persona, {"name": "Ann"}))
    story = _story(base)
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", Remove((("persona", persona),)))
    edit(theirs, "Wang", Update("requirement", story, {"persona": persona}))
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    [conflict] = result.conflicts
    assert (conflict.entity, conflict.uid, conflict.kind) == ("persona", persona, "deleted_by_mine")
    key = requirements(base)[story]["key"]
    assert any(r.startswith(key) for r in conflict.refers)

    merge_files(base, mine, theirs, out, prefer="mine")  # the deletion stands
    assert check(out) == []
    assert requirements(out)[story]["persona_uid"] is None
    with Project.view(out) as project:
        assert persona not in {p.uid for p in project.personas()}

    out.unlink()
    merge_files(base, mine, theirs, out, prefer="theirs")  # the persona is kept, linked
    assert check(out) == []
    assert requirements(out)[story]["persona_uid"] == persona
    with Project.view(out) as project:
        assert [p.stories for p in project.personas() if p.uid == persona] == [1]


def test_a_deleted_persona_its_stories_left_alone_goes_without_a_question(base: Path) -> None:
    persona = str(uuid.uuid4())
    story = _story(base)
    edit(
        base,
        "Li",
        Create("persona", persona, {"name": "Ann"}),
        Update("requirement", story, {"persona": persona}),
    )
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", Update("requirement", story, {"title": "Renamed story"}))
    edit(theirs, "Wang", Remove((("persona", persona),)))
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    assert result.clean, result.conflicts
    assert check(out) == []
    row = requirements(out)[story]
    assert (row["title"], row["persona_uid"]) == ("Renamed story", None)


def test_a_baseline_compares_persona_and_keeps_no_photos(tmp_path: Path) -> None:
    path = tmp_path / "p.pmdesk"
    write_sample(path, "en")
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        persona = str(uuid.uuid4())
        project.apply(Create("persona", persona, {"name": "Ann", "photo": png()}))
        made = project.create_baseline("v1")
        [baseline] = project.snapshot()["baselines"]
        [kept] = [p for p in baseline["snapshot"]["personas"] if p["uid"] == persona]
        assert kept["photo"] is None and kept["name"] == "Ann"
        story = next(  # a story that names no persona yet (the sample's name some)
            u
            for u, r in requirements(path).items()
            if r["kind"] == "story" and not r["persona_uid"]
        )
        project.apply(Update("requirement", story, {"persona": persona, "horizon": "now"}))
        comparison = project.compare_baseline(baseline["uid"])
        assert comparison is not None and made is not None
        [(_, fields)] = [(s, f) for s, f in comparison.changed if s.uid == story]
        assert {(f.field, f.before, f.after) for f in fields} == {
            ("persona", None, "Ann"),
            ("horizon", None, "now"),
        }
    finally:
        project.close(discard=True)
