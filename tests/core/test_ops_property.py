"""Property: any sequence of operations, followed by their inverses in reverse
order, restores the exact previous project (checked on a real SQLite file)."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmdesk.core.domain import vocabulary
from pmdesk.core.errors import OperationError
from pmdesk.core.ops import (
    Batch,
    Create,
    Move,
    MoveBlock,
    Operation,
    Remove,
    RemoveRelease,
    RenumberKeys,
    Update,
)
from pmdesk.core.snapshot.convert import export_snapshot
from pmdesk.core.storage.projectfile import new_project
from pmdesk.core.storage.sqlite_files import connect
from pmdesk.core.storage.store import ProjectStore
from tests.core.helpers import snapshot_without_history

TITLES = st.text(min_size=0, max_size=12)
LOGO = b"\x89PNG\r\n\x1a\n" + b"\0" * 20  # enough of a PNG for the field's check
DATES = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "template.pmdesk"
    new_project(path, title="property")
    return path


def _uids(snap: dict[str, Any], part: str) -> list[str]:
    if part == "requirements":
        out: list[str] = []

        def walk(nodes: list[dict[str, Any]]) -> None:
            for n in nodes:
                out.append(n["uid"])
                walk(n["children"])

        walk(snap["requirements"])
        return out
    return [x["uid"] for x in snap[part]]


def draw_operation(data: st.DataObject, snap: dict[str, Any]) -> Operation:
    reqs = _uids(snap, "requirements")

    def pick(xs: Sequence[str]) -> str:
        return data.draw(st.sampled_from(xs))

    choices = ["create_req", "create_release", "create_lane", "create_section"]
    choices += ["create_milestone", "project", "renumber"]
    if reqs:
        choices += ["update_req", "move_req", "move_block", "delete_req", "link", "batch"]
    if snap["releases"]:
        choices += ["delete_release", "edit_release", "move_release", "remove_release"]
        choices += ["assign_release"] if reqs else []
        choices += ["link_milestone"] if snap["milestones"] else []
    if snap["lanes"]:
        choices += ["move_lane", "edit_lane"]
    if snap["sections"]:
        choices += ["move_section", "delete_section"]
    if snap["links"]:
        choices += ["delete_link"]
    kind = pick(choices)
    new = str(uuid.uuid4())
    index = data.draw(st.one_of(st.none(), st.integers(0, 6)))
    if kind == "create_req":
        parent = data.draw(st.one_of(st.none(), st.sampled_from(reqs))) if reqs else None
        values: dict[str, object] = {
            "title": data.draw(TITLES),
            "kind": pick(vocabulary.KINDS),
            "acceptance": data.draw(st.lists(TITLES, max_size=3)),
        }
        return Create("requirement", new, values, parent=parent, index=index)
    if kind == "create_release":
        return Create("release", new, {"name": "v" + data.draw(TITLES), "start": data.draw(DATES)})
    if kind == "create_milestone":
        return Create("milestone", new, {"name": "M" + data.draw(TITLES), "date": data.draw(DATES)})
    if kind == "project":
        values = data.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "title": TITLES,
                    "product": TITLES,
                    "version": TITLES,
                    "authors": st.lists(TITLES, max_size=3),
                    "organisation": TITLES,
                    "logo": st.sampled_from([None, LOGO]),
                },
            )
        )
        return Update("project", snap["project"]["uid"], values)
    if kind == "renumber":
        return RenumberKeys(pick(["REQ", "CRM", "X1", "bad prefix"]))
    if kind == "edit_release":
        values = data.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "name": st.just("v").map(lambda v: v + data.draw(TITLES)),
                    "start": DATES,
                    "end": DATES,
                    "goal": st.text(alphabet="ab *", max_size=8),
                    "status": st.sampled_from(vocabulary.RELEASE_STATUSES),
                    "capacity": st.one_of(st.none(), st.integers(0, 500)),
                },
            )
        )
        return Update("release", pick(_uids(snap, "releases")), values)
    if kind == "move_release":
        return Move("release", pick(_uids(snap, "releases")), index=index)
    if kind == "remove_release":
        releases = _uids(snap, "releases")
        return RemoveRelease(
            pick(releases), data.draw(st.one_of(st.none(), st.sampled_from(releases)))
        )
    if kind == "link_milestone":
        release = data.draw(st.one_of(st.none(), st.sampled_from(_uids(snap, "releases"))))
        return Update("milestone", pick(_uids(snap, "milestones")), {"release": release})
    if kind == "edit_lane":
        colour = data.draw(st.one_of(st.none(), st.sampled_from(["#1f77b4", "#FFAA00"])))
        return Update("lane", pick(_uids(snap, "lanes")), {"colour": colour})
    if kind == "create_lane":
        return Create("lane", new, {"name": "L" + data.draw(TITLES)}, index=index)
    if kind == "create_section":
        return Create(
            "section", new, {"title": data.draw(TITLES), "body": data.draw(TITLES)}, index=index
        )
    if kind == "update_req":
        values = data.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "title": TITLES,
                    "status": st.sampled_from(vocabulary.STATUSES),
                    "priority": st.sampled_from(vocabulary.PRIORITIES),
                    "tags": st.lists(TITLES, max_size=3),
                    "rice": st.one_of(
                        st.none(),
                        st.fixed_dictionaries(
                            {
                                "reach": st.integers(0, 10_000),
                                "impact": st.sampled_from([0.25, 0.5, 1, 2, 3]),
                                "confidence": st.sampled_from([0.5, 0.8, 1.0]),
                                "effort": st.integers(1, 12),
                            }
                        ),
                    ),
                    "start": DATES,
                },
            )
        )
        return Update("requirement", pick(reqs), values)
    if kind == "move_req":
        parent = data.draw(st.one_of(st.none(), st.sampled_from(reqs)))
        return Move("requirement", pick(reqs), parent=parent, index=index)
    if kind == "move_block":
        uids = data.draw(st.lists(st.sampled_from(reqs), min_size=1, max_size=4, unique=True))
        parent = data.draw(st.one_of(st.none(), st.sampled_from(reqs)))
        return MoveBlock("requirement", tuple(uids), parent=parent, index=index)
    if kind == "delete_req":
        return Remove((("requirement", pick(reqs)),))
    if kind == "link":
        return Create(
            "link", new, {"from": pick(reqs), "to": pick(reqs), "type": pick(vocabulary.LINK_TYPES)}
        )
    if kind == "batch":
        return Batch(
            (
                Update("requirement", pick(reqs), {"status": "approved"}),
                Remove((("requirement", pick(reqs)),)),
            )
        )
    if kind == "delete_release":
        return Remove((("release", pick(_uids(snap, "releases"))),))
    if kind == "assign_release":
        return Update("requirement", pick(reqs), {"release": pick(_uids(snap, "releases"))})
    if kind == "move_lane":
        return Move("lane", pick(_uids(snap, "lanes")), index=index)
    if kind == "move_section":
        return Move("section", pick(_uids(snap, "sections")), index=index)
    if kind == "delete_section":
        return Remove((("section", pick(_uids(snap, "sections"))),))
    return Remove((("link", pick(_uids(snap, "links"))),))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), steps=st.integers(1, 25))
def test_inverses_in_reverse_order_restore_the_project(
    template: Path, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, steps: int
) -> None:
    path = tmp_path_factory.mktemp("prop") / "p.pmdesk"
    shutil.copy(template, path)
    store = ProjectStore(connect(path, journal="wal", keep_open=True), "prop")
    try:
        states = [snapshot_without_history(store)]
        inverses: list[Operation] = []
        for _ in range(steps):
            op = draw_operation(data, export_snapshot(store))
            try:
                applied = store.apply(op)
            except OperationError:
                # A refused operation changes nothing at all.
                assert snapshot_without_history(store) == states[-1]
                continue
            inverses.append(applied.inverse)
            states.append(snapshot_without_history(store))
        for inverse in reversed(inverses):
            states.pop()
            store.apply(inverse)
            assert snapshot_without_history(store) == states[-1]
    finally:
        store.dispose()
