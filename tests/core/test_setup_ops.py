"""Setting up a product: renumbering keys, deleting a release, and the undo
labels and history of releases, lanes, milestones and project properties."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pmdesk.core.errors import OperationError
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Move, Remove, RemoveRelease, RenumberKeys, Update
from pmdesk.core.project import Project
from pmdesk.core.queries.history import LogFilter


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    opened = Project.open(path, data_dir=tmp_path / "data", user="Li")
    yield opened
    opened.close(discard=True)


def release(project: Project, name: str) -> str:
    return next(r.uid for r in project.releases() if r.name == name)


def nodes(project: Project) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def walk(level: list[dict[str, Any]]) -> None:
        for node in level:
            out.append(node)
            walk(node["children"])

    walk(project.snapshot()["requirements"])
    return out


def keys(project: Project) -> dict[str, str]:
    return {n["uid"]: n["key"] for n in nodes(project)}


def in_release(project: Project, uid: str) -> set[str]:
    return {n["uid"] for n in nodes(project) if n["release"] == uid}


def test_renumbering_changes_every_key_keeps_links_and_undoes_exactly(project: Project) -> None:
    before = project.snapshot()
    old_keys = keys(project)
    assert all(k.startswith("CRM-") for k in old_keys.values())
    applied = project.apply(RenumberKeys("ORB"))
    assert str(applied.label) == "Change key prefix to ORB"
    assert project.info().key_prefix == "ORB"
    new_keys = keys(project)
    assert new_keys == {uid: k.replace("CRM-", "ORB-") for uid, k in old_keys.items()}
    after = project.snapshot()
    assert after["links"] == before["links"]  # links are by uid: untouched
    # Each requirement's history says its key changed.
    some = next(iter(old_keys))
    [change] = [c for c in project.history(some) if c.field == "key"]
    assert (change.old, change.new) == (old_keys[some], new_keys[some])
    # A new requirement continues with the new prefix.
    uid = str(uuid.uuid4())
    project.apply(Create("requirement", uid, {"title": "next"}))
    assert keys(project)[uid].startswith("ORB-")
    project.apply(Remove((("requirement", uid),)))
    project.apply(applied.inverse)
    assert keys(project) == old_keys and project.info().key_prefix == "CRM"


@pytest.mark.parametrize("prefix", ["", "1AB", "CRM-", "客户", "ABCDEFGHIJK", "A B"])
def test_an_invalid_prefix_is_refused_in_one_sentence(project: Project, prefix: str) -> None:
    with pytest.raises(OperationError) as e:
        project.apply(RenumberKeys(prefix))
    assert str(e.value) == (
        f"“{prefix}” cannot be a key prefix: use 1 to 10 letters or digits, starting with a letter."
    )
    assert project.info().key_prefix == "CRM"


def test_removing_a_release_moves_its_requirements_in_one_step(project: Project) -> None:
    v10, v11 = release(project, "v1.0"), release(project, "v1.1")
    before = project.snapshot()
    milestone = project.milestones()[0].uid
    project.apply(Update("milestone", milestone, {"release": v11}))
    linked = project.snapshot()
    members = in_release(project, v11)
    assert members
    applied = project.apply(RemoveRelease(v11, move_to=v10))
    assert str(applied.label) == "Delete release v1.1 and move its requirements to v1.0"
    assert [r.name for r in project.releases()] == ["v1.0", "v2.0"]
    assert in_release(project, v10) >= members
    assert next(m for m in project.milestones() if m.uid == milestone).release is None
    project.apply(applied.inverse)
    assert _content(project.snapshot()) == _content(linked)
    assert before["releases"] == linked["releases"]


def test_removing_a_release_to_no_release_clears_and_undo_restores(project: Project) -> None:
    v11 = release(project, "v1.1")
    before = project.snapshot()
    applied = project.apply(RemoveRelease(v11))
    assert str(applied.label) == "Delete release v1.1"
    assert not in_release(project, v11)
    project.apply(applied.inverse)
    assert _content(project.snapshot()) == _content(before)
    with pytest.raises(OperationError, match="same release"):
        project.apply(RemoveRelease(v11, move_to=v11))


def _content(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The snapshot without what an undo itself writes (history, updated stamps)."""
    out = {k: v for k, v in snapshot.items() if k != "history"}

    def strip(level: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {**{k: v for k, v in n.items() if k != "updated"}, "children": strip(n["children"])}
            for n in level
        ]

    out["requirements"] = strip(snapshot["requirements"])
    return out


def test_undo_labels_say_what_happened(project: Project) -> None:
    v11 = release(project, "v1.1")
    lane = project.lanes()[0]
    milestone = project.milestones()[0]
    info = project.info()
    cases = [
        (
            Update("release", v11, {"start": "2027-04-05", "end": "2027-06-30"}),
            "Move release v1.1 to 2027-04-05 – 2027-06-30",
        ),
        (Update("release", v11, {"name": "v1.1 Spring"}), "Rename release v1.1 to v1.1 Spring"),
        (
            Update("release", v11, {"status": "in_progress"}),
            "Set release v1.1 Spring to In progress",
        ),
        (Update("release", v11, {"goal": "Faster"}), "Set the goal of release v1.1 Spring"),
        (Update("release", v11, {"capacity": 30}), "Set the capacity of release v1.1 Spring"),
        (Move("release", v11, index=0), "Reorder release v1.1 Spring"),
        (Update("lane", lane.uid, {"name": "增长"}), f"Rename lane {lane.name} to 增长"),
        (Update("lane", lane.uid, {"colour": "#aa0000"}), "Set the colour of lane 增长"),
        (
            Update("milestone", milestone.uid, {"date": "2027-05-01"}),
            f"Move milestone {milestone.name} to 2027-05-01",
        ),
        (
            Update("milestone", milestone.uid, {"release": v11}),
            f"Link milestone {milestone.name} to release v1.1 Spring",
        ),
        (
            Update("milestone", milestone.uid, {"release": None}),
            f"Unlink milestone {milestone.name} from its release",
        ),
        (Update("project", info.uid, {"product": "Orbit"}), "Set product name"),
        (Update("project", info.uid, {"authors": ["Li"]}), "Set authors"),
        (Update("project", info.uid, {"version": "2", "title": "T"}), "Edit project properties"),
        (Create("lane", str(uuid.uuid4()), {"name": "Ops"}), "Create lane Ops"),
    ]
    for operation, text in cases:
        assert str(project.apply(operation).label) == text
    applied = project.apply(Remove((("lane", lane.uid),)))
    assert str(applied.label) == "Delete lane 增长"
    assert str(project.apply(applied.inverse).label) == "Restore lane 增长"


def test_the_change_log_names_release_lane_milestone_and_project_changes(
    project: Project,
) -> None:
    v11 = release(project, "v1.1")
    milestone = project.milestones()[0].uid
    project.apply(Update("release", v11, {"status": "released", "capacity": 12.5}))
    project.apply(Update("milestone", milestone, {"release": v11}))
    project.apply(Update("project", project.info().uid, {"organisation": "Acme"}))
    log = project.change_log(LogFilter())
    shown = {(c.entity, c.field): (c.title, c.old, c.new) for c in log[:4]}
    assert shown[("release", "status")] == ("v1.1", "planned", "released")
    assert shown[("release", "capacity")] == ("v1.1", "", "12.5")
    assert shown[("milestone", "release")][2] == "v1.1"
    assert shown[("project", "organisation")][1:] == ("", "Acme")
    # A logo is named by its size: the history keeps no copy of the picture.
    logo = b"\x89PNG\r\n\x1a\n" + bytes(3000)
    project.apply(Update("project", project.info().uid, {"logo": logo}))
    [change] = project.change_log(LogFilter(), limit=1)
    assert (change.field, change.old, change.new) == ("logo", "", "picture, 3 KB")
