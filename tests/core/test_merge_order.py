"""Sibling order in the three-way merge: a merge changes the place of no row
that neither side moved, and a place is a conflict only when both sides moved
the same row to different places. Settling a conflict either way never undoes
a colleague's deletion of another row (a kept row's parent or release). Real
project files, edited through the operations the window uses."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from pmdesk.core.merge.files import merge_files
from pmdesk.core.merge.three_way import Side
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Move, Remove, Update
from pmdesk.core.storage.projectfile import check
from tests.core.merge_helpers import by_key, children, copies, edit, requirements


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "base.pmdesk"
    write_sample(path, "en")
    return path


def uid_of(path: Path, key: str) -> str:
    return str(by_key(path)[key]["uid"])


def places(path: Path) -> dict[str, tuple[str | None, str]]:
    return {u: (r["parent_uid"], r["rank"]) for u, r in requirements(path).items()}


def merged(base: Path, mine: Path, theirs: Path, prefer: Side | None = None) -> Path:
    out = base.with_name(f"out-{prefer}.pmdesk")
    _, result = merge_files(base, mine, theirs, out, prefer=prefer)
    assert result.clean, result.conflicts
    assert check(out) == []
    return out


def test_both_append_at_the_top_level_and_every_row_keeps_its_place(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    ours, their = str(uuid.uuid4()), str(uuid.uuid4())
    edit(mine, "Li", Create("requirement", ours, {"title": "Li's"}))
    edit(theirs, "Wang", Create("requirement", their, {"title": "Wang's"}))
    assert places(mine)[ours] != places(theirs)[their]  # each session has its own ranks
    out = merged(base, mine, theirs)
    expected = {**places(base), ours: places(mine)[ours], their: places(theirs)[their]}
    assert places(out) == expected


def test_siblings_with_one_rank_from_an_older_pmdesk_are_not_re_ranked(base: Path) -> None:
    """An older pmdesk gave both people the same rank for an appended row. The
    merge used to re-rank one of them, a change of a row neither side moved:
    the next move or deletion of it by its owner was refused as a conflict."""
    last = children(base, None)[-1]
    tied = "zz"  # after every rank of the sample
    assert places(base)[uid_of(base, last)][1] < tied
    mine, theirs = copies(base, "mine", "theirs")
    ours, their = str(uuid.UUID(int=2**128 - 1)), str(uuid.UUID(int=1))
    edit(
        mine,
        "Li",
        Create("requirement", ours, {"title": "Li's"}),
        Move("requirement", ours, None, rank=tied),
    )
    edit(
        theirs,
        "Wang",
        Create("requirement", their, {"title": "Wang's"}),
        Move("requirement", their, None, rank=tied),
    )
    out = merged(base, mine, theirs)
    assert places(out)[ours] == places(out)[their] == (None, tied)
    assert children(out, None)[-2:] == [by_key_of(out, their), by_key_of(out, ours)]  # by uid
    # Li moves hers next, Wang deletes his: neither is a conflict.
    mine2, theirs2 = copies(out, "mine2", "theirs2")
    edit(mine2, "Li", Move("requirement", ours, None, index=0))
    edit(theirs2, "Wang", Remove((("requirement", their),)))
    out2 = merged(out, mine2, theirs2)
    assert children(out2, None)[0] == by_key_of(out2, ours)
    assert their not in requirements(out2)


def by_key_of(path: Path, uid: str) -> str:
    return str(requirements(path)[uid]["key"])


def test_both_move_one_row_to_the_same_place_is_no_conflict(base: Path) -> None:
    """Both drag the same requirement to the top: their ranks differ (each
    session ends its ranks its own way) but the place is the same."""
    row = uid_of(base, children(base, None)[-1])
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", Move("requirement", row, None, index=0))
    edit(theirs, "Wang", Move("requirement", row, None, index=0))
    assert places(mine)[row] != places(theirs)[row]
    out = merged(base, mine, theirs)
    assert places(out)[row] == places(theirs)[row]  # theirs is published already
    assert children(out, None) == children(theirs, None)


def test_both_move_one_row_to_different_places_is_a_conflict(base: Path) -> None:
    top = children(base, None)
    row = uid_of(base, top[-1])
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", Move("requirement", row, None, index=0))
    edit(theirs, "Wang", Move("requirement", row, None, index=1))
    _, result = merge_files(base, mine, theirs, base.with_name("out.pmdesk"))
    assert [(c.uid, c.field) for c in result.conflicts] == [(row, "position")]
    settled: tuple[tuple[Side, int], ...] = (("mine", 0), ("theirs", 1))
    for prefer, index in settled:
        out = merged(base, mine, theirs, prefer)
        assert children(out, None)[index] == top[-1]


def test_a_move_against_an_edit_or_a_move_of_another_row_is_no_conflict(base: Path) -> None:
    top = children(base, None)
    a, b = uid_of(base, top[0]), uid_of(base, top[1])
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", Move("requirement", a, None, index=len(top) - 1))
    edit(
        theirs,
        "Wang",
        Update("requirement", a, {"title": "Renamed"}),
        Move("requirement", b, None, index=len(top) - 1),
    )
    out = merged(base, mine, theirs)
    assert places(out)[a] == places(mine)[a] and places(out)[b] == places(theirs)[b]
    assert requirements(out)[a]["title"] == "Renamed"
    untouched = set(places(base)) - {a, b}
    assert {u: places(out)[u] for u in untouched} == {u: places(base)[u] for u in untouched}


@pytest.mark.parametrize("prefer", ["mine", "theirs"])
@pytest.mark.parametrize("deleter", ["Li", "Wang"])
def test_settling_a_place_conflict_either_way_keeps_a_deletion_of_another_row(
    base: Path, prefer: Side, deleter: str
) -> None:
    """One person deletes a row next to one both people moved apart: settling
    the move either way must not bring the deleted neighbour back."""
    top = children(base, None)
    row, gone = uid_of(base, top[-1]), uid_of(base, top[-2])
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", Move("requirement", row, None, index=0))
    edit(theirs, "Wang", Move("requirement", row, None, index=1))
    edit(mine if deleter == "Li" else theirs, deleter, Remove((("requirement", gone),)))
    out = merged(base, mine, theirs, prefer)
    assert gone not in requirements(out)
    assert children(out, None)[0 if prefer == "mine" else 1] == top[-1]


# -- a kept row under a deleted one ----------------------------------------------


def three_levels(base: Path) -> tuple[str, str, str]:
    """An epic with a story with a task, at the end of the top level."""
    epic, story, task = (str(uuid.uuid4()) for _ in range(3))
    edit(
        base,
        "Zhang",
        Create("requirement", epic, {"title": "Epic"}),
        Create("requirement", story, {"title": "Story"}, parent=epic),
        Create("requirement", task, {"title": "Task"}, parent=story),
    )
    return epic, story, task


@pytest.mark.parametrize("deleter", ["Li", "Wang"])
def test_keeping_a_row_a_colleague_deleted_keeps_its_parent_deleted(
    base: Path, deleter: str
) -> None:
    """One person deletes an epic with its stories; the other adds a task under
    one of the stories. Keeping the story (and the new task) used to bring the
    epic back as well, a second conflict that "keep mine" settled the same way:
    a deletion of a row the keeper never touched, undone. The story now moves up
    to the epic's place and the epic stays deleted; its untouched task too."""
    epic, story, task = three_levels(base)
    mine, theirs = copies(base, "mine", "theirs")
    deleting, adding = (mine, theirs) if deleter == "Li" else (theirs, mine)
    edit(deleting, deleter, Remove((("requirement", epic),)))
    new = str(uuid.uuid4())
    edit(adding, "Other", Create("requirement", new, {"title": "New task"}, parent=story))
    _, result = merge_files(base, mine, theirs, base.with_name("out.pmdesk"))
    assert [c.uid for c in result.conflicts] == [story]
    keeper: Side = "theirs" if deleter == "Li" else "mine"
    out = merged(base, mine, theirs, keeper)
    rows = requirements(out)
    assert epic not in rows and task not in rows
    assert (rows[story]["parent_uid"], rows[story]["rank"]) == places(base)[epic]
    assert rows[new]["parent_uid"] == story
    out = merged(base, mine, theirs, "mine" if keeper == "theirs" else "theirs")
    assert not {epic, story, task, new} & set(requirements(out))


def test_a_row_kept_by_choice_survives_deleting_its_parent(base: Path) -> None:
    """Li renames a story and adds a task under its epic; Wang deletes the
    epic. Keep the story (mine), delete the epic (theirs): the story used to go
    with the epic all the same. It stays, in the epic's place."""
    from pmdesk.core.merge.files import pending_merge_of

    epic, story, task = three_levels(base)
    mine, theirs = copies(base, "mine", "theirs")
    added = str(uuid.uuid4())
    edit(
        mine,
        "Li",
        Update("requirement", story, {"title": "Story, renamed"}),
        Create("requirement", added, {"title": "Added"}, parent=epic),
    )
    edit(theirs, "Wang", Remove((("requirement", epic),)))
    pending = pending_merge_of(base, mine, theirs)
    ids = {c.uid: c.id for c in pending.result().conflicts}
    assert set(ids) == {epic, story}
    result = pending.result({ids[story]: "mine", ids[epic]: "theirs"})
    assert result.clean
    rows = result.tables["requirement"]
    assert epic not in rows and added not in rows and task not in rows
    assert rows[story]["title"] == "Story, renamed"
    assert (rows[story]["parent_uid"], rows[story]["rank"]) == places(base)[epic]
    assert [n.kind for n in result.notes if n.uid == story] == ["moved_up"]


def test_keeping_a_row_a_colleague_deleted_keeps_its_release_deleted(base: Path) -> None:
    """Wang deletes a release and a requirement in it; Li edited that
    requirement. Keeping it used to bring the release back too (asked as a
    second conflict): Li never touched the release. It stays deleted, and the
    kept requirement leaves it, as Wang's other requirements did."""
    from pmdesk.core.merge.files import pending_merge_of

    release, member, other = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    edit(
        base,
        "Zhang",
        Create("release", release, {"name": "v9"}),
        Create("requirement", member, {"title": "In v9", "release": release}),
        Create("requirement", other, {"title": "Also in v9", "release": release}),
    )
    mine, theirs = copies(base, "mine", "theirs")
    edit(
        theirs,
        "Wang",
        Remove((("requirement", member),)),
        Remove((("release", release),)),
    )
    edit(mine, "Li", Update("requirement", member, {"title": "In v9, edited"}))
    pending = pending_merge_of(base, mine, theirs)
    assert [c.uid for c in pending.result().conflicts] == [member]
    out = merged(base, mine, theirs, "mine")
    rows = requirements(out)
    assert rows[member]["title"] == "In v9, edited" and rows[member]["release_uid"] is None
    assert rows[other]["release_uid"] is None
    assert release not in pending_merge_of(out, out, out).base["release"]


def test_the_report_says_where_a_kept_row_went(base: Path) -> None:
    from pmdesk.core.merge.report import note_line

    epic, story, _ = three_levels(base)
    mine, theirs = copies(base, "mine", "theirs")
    edit(theirs, "Wang", Remove((("requirement", epic),)))
    edit(mine, "Li", Update("requirement", story, {"title": "Story, edited"}))
    _, result = merge_files(base, mine, theirs, base.with_name("out.pmdesk"), prefer="mine")
    [note] = [n for n in result.notes if n.kind == "moved_up"]
    epic_key = requirements(base)[epic]["key"]
    story_key = requirements(base)[story]["key"]
    gone = f"{epic_key} Epic"
    assert (
        note_line(note)
        == f"{story_key} was kept and moved up to where {gone} was: {gone} was deleted"
    )


def two_epics(base: Path) -> tuple[str, str, str, str]:
    """Two epics at the end of the top level, each with one story."""
    epic_a, story_a, epic_b, story_b = (str(uuid.uuid4()) for _ in range(4))
    edit(
        base,
        "Zhang",
        Create("requirement", epic_a, {"title": "Epic A"}),
        Create("requirement", story_a, {"title": "Story A"}, parent=epic_a),
        Create("requirement", epic_b, {"title": "Epic B"}),
        Create("requirement", story_b, {"title": "Story B"}, parent=epic_b),
    )
    return epic_a, story_a, epic_b, story_b


@pytest.mark.parametrize("mover", ["Li", "Wang"])
def test_a_row_whose_both_places_were_deleted_moves_up_and_brings_back_neither(
    base: Path, mover: str
) -> None:
    """Li moves Story A under Story B, then deletes Epic A; Wang edits Story A
    and deletes Story B. Settled for Wang, Story B stays deleted and Story A
    went back to Wang's place, under Epic A, which brought Epic A back: a
    deletion of a row Wang never touched, undone. Story A now moves up to
    Epic A's place; both deletions stand."""
    epic_a, story_a, epic_b, story_b = two_epics(base)
    mine, theirs = copies(base, "mine", "theirs")
    moving, editing = (mine, theirs) if mover == "Li" else (theirs, mine)
    edit(
        moving,
        mover,
        Move("requirement", story_a, story_b),
        Remove((("requirement", epic_a),)),
    )
    edit(
        editing,
        "Other",
        Update("requirement", story_a, {"title": "Story A, edited"}),
        Remove((("requirement", story_b),)),
    )
    editor: Side = "theirs" if mover == "Li" else "mine"
    _, result = merge_files(base, mine, theirs, base.with_name("out.pmdesk"), prefer=editor)
    out = merged(base, mine, theirs, editor)
    rows = requirements(out)
    assert epic_a not in rows and story_b not in rows
    assert rows[story_a]["title"] == "Story A, edited"
    assert (rows[story_a]["parent_uid"], rows[story_a]["rank"]) == places(base)[epic_a]
    assert rows[epic_b] == requirements(base)[epic_b]
    assert [n.kind for n in result.notes if n.uid == story_a] == ["moved_up"]


@pytest.mark.parametrize("mover", ["Li", "Wang"])
def test_a_place_conflict_settled_for_a_deleted_parent_keeps_it_deleted(
    base: Path, mover: str
) -> None:
    """Li moves Story A under Epic B, then deletes Epic A; Wang moves Story A
    to the top of Epic A. Settling the place for Wang puts it under Epic A,
    which Li deleted and Wang never touched: Epic A stays deleted and Story A
    takes its place."""
    epic_a, story_a, epic_b, _ = two_epics(base)
    sibling = str(uuid.uuid4())
    edit(base, "Zhang", Create("requirement", sibling, {"title": "Sibling"}, parent=epic_a))
    mine, theirs = copies(base, "mine", "theirs")
    moving, reordering = (mine, theirs) if mover == "Li" else (theirs, mine)
    edit(
        moving,
        mover,
        Move("requirement", story_a, epic_b),
        Remove((("requirement", epic_a),)),
    )
    edit(reordering, "Other", Move("requirement", story_a, epic_a, index=1))
    other: Side = "theirs" if mover == "Li" else "mine"
    out = merged(base, mine, theirs, other)
    rows = requirements(out)
    assert epic_a not in rows and sibling not in rows
    assert (rows[story_a]["parent_uid"], rows[story_a]["rank"]) == places(base)[epic_a]
