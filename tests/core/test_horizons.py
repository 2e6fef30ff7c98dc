"""Now / Next / Later in core: the horizon derived from releases on a fixed date,
the requirement's own horizon winning, done and rejected work left out, and
the cards' order within a lane."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from functools import partial
from pathlib import Path

import pytest

from pmdesk.core.domain import vocabulary
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Remove, Update
from pmdesk.core.project import Project
from pmdesk.core.roadmap.horizon_update import board_after, needs_full_read
from pmdesk.core.roadmap.horizons import (
    HORIZONS,
    Horizon,
    HorizonBoard,
    HorizonCard,
    HorizonRelease,
    derive_horizon,
    horizon_board,
    horizon_card,
    release_horizons,
    set_horizon_operation,
)

TODAY = dt.date(2027, 5, 10)  # the clock the tests fix


def release(
    uid: str, start: str | None, end: str | None, status: str = "planned"
) -> HorizonRelease:
    return HorizonRelease(uid, uid, start, end, status)


def test_releases_under_way_are_now_the_first_ahead_next_the_rest_later() -> None:
    releases = [
        release("shipped", "2027-01-04", "2027-03-31", "released"),
        release("current", "2027-04-01", "2027-06-30"),  # contains today, still "planned"
        release("q3a", "2027-07-01", "2027-09-30"),
        release("q3b", "2027-07-01", "2027-08-15"),  # starts the same day: Next too
        release("q4", "2027-10-01", "2027-12-31"),
        release("someday", None, None),  # undated, after dated ones
    ]
    assert release_horizons(releases, TODAY) == {
        "shipped": "now",  # open work in a shipped release has slipped: today's work
        "current": "now",
        "q3a": "next",
        "q3b": "next",
        "q4": "later",
        "someday": "later",
    }


def test_status_and_overdue_releases() -> None:
    releases = [
        release("overdue", "2027-01-04", "2027-03-31"),  # past its end, never released
        release("early", "2027-08-01", "2027-09-30", "in_progress"),  # started ahead of plan
        release("no-start", None, "2027-05-10"),  # its end is today: under way
        release("ahead", "2027-05-11", None),
    ]
    assert release_horizons(releases, TODAY) == {
        "overdue": "now",
        "early": "now",
        "no-start": "now",
        "ahead": "next",
    }


def test_undated_releases_take_their_order() -> None:
    releases = [release("a", None, None), release("b", None, None), release("c", None, None)]
    assert release_horizons(releases, TODAY) == {"a": "next", "b": "later", "c": "later"}
    assert release_horizons([], TODAY) == {}


def test_a_requirement_without_its_own_horizon() -> None:
    by_release: dict[str, Horizon] = {"r1": "now", "r2": "next"}
    assert derive_horizon("draft", "r2", by_release) == "next"
    assert derive_horizon("in_progress", "r2", by_release) == "now"  # work under way
    assert derive_horizon("in_progress", None, by_release) == "now"
    assert derive_horizon("approved", None, by_release) == "later"  # no release
    assert derive_horizon("approved", "gone", by_release) == "later"


def test_a_drop_changes_only_what_it_must() -> None:
    derived = HorizonCard("u", "CRM-1", "t", "feature", "draft", None, "r", None, None, "next")
    assert set_horizon_operation(derived, "next") is None  # already shown there
    assert set_horizon_operation(derived, None) is None  # nothing of its own to clear
    op = set_horizon_operation(derived, "now")
    assert op == Update("requirement", "u", {"horizon": "now"})
    own = HorizonCard("u", "CRM-1", "t", "feature", "draft", None, "r", None, "later", "later")
    assert set_horizon_operation(own, "later") is None
    assert set_horizon_operation(own, None) == Update("requirement", "u", {"horizon": None})


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    return path


def test_the_sample_on_a_fixed_date(sample: Path, tmp_path: Path) -> None:
    """The sample's v1.0 runs 2027-01-04 – 03-31, v1.1 04-01 – 06-30, v2.0 07-01 –
    09-30: on 2027-02-15 v1.0 is Now, v1.1 Next, v2.0 Later; before any of them
    started, v1.0 is Next and only the work in progress is Now."""
    project = Project.open(sample, data_dir=tmp_path / "data", user="Li")
    try:
        board = project.read(partial(horizon_board, today=dt.date(2027, 2, 15)))
        names = {r.uid: r.name for r in board.releases}
        shown = {c.key: c for c in board.cards}
        assert "CRM-3" not in shown  # done
        assert "CRM-37" not in shown  # rejected
        for card in board.cards:
            assert card.derived
            if card.status != "in_progress":
                expected = {"v1.0": "now", "v1.1": "next", "v2.0": "later"}
                assert card.horizon == expected[names[str(card.release_uid)]], card.key
        early = project.read(partial(horizon_board, today=dt.date(2026, 12, 6)))
        now = {c.key for c in early.cards if c.horizon == "now"}
        assert now == {c.key for c in early.cards if c.status == "in_progress"}
        assert {c.horizon for c in early.cards if names[str(c.release_uid)] == "v1.0"} == {
            "now",
            "next",
        }
        # Rows follow the lanes; within a cell Must comes first, then key order.
        for lane in board.rows():
            for horizon in ("now", "next", "later"):
                cards = board.cell(lane, horizon)
                ranks = [("must", "should", "could", "wont", None).index(c.priority) for c in cards]
                assert ranks == sorted(ranks)
        assert sum(board.count(h) for h in ("now", "next", "later")) == len(board.cards)
    finally:
        project.close(discard=True)


def test_the_horizons_are_the_vocabulary_s() -> None:
    assert HORIZONS == vocabulary.HORIZONS


def test_an_own_horizon_wins_and_is_kept_in_the_file(sample: Path, tmp_path: Path) -> None:
    """Schema 7's `horizon`: set, it wins over the release; cleared, the release
    decides again; a done requirement keeps it in the file but leaves the board."""
    project = Project.open(sample, data_dir=tmp_path / "data", user="Li")
    read = partial(horizon_board, today=dt.date(2027, 2, 15))
    try:
        board = project.read(read)
        crm9 = next(c for c in board.cards if c.key == "CRM-9")
        assert (crm9.horizon, crm9.derived) == ("later", True)  # v2.0
        op = set_horizon_operation(crm9, "now")
        assert op is not None
        project.apply(op)
        project.save()
    finally:
        project.close()
    with Project.view(sample) as view:
        crm9 = next(c for c in view.read(read).cards if c.key == "CRM-9")
    assert (crm9.horizon, crm9.own, crm9.derived) == ("now", "now", False)
    project = Project.open(sample, data_dir=tmp_path / "data", user="Li")
    try:
        project.apply(Update("requirement", crm9.uid, {"status": "done"}))
        assert "CRM-9" not in {c.key for c in project.read(read).cards}
        project.apply(Update("requirement", crm9.uid, {"status": "draft", "horizon": None}))
        again = next(c for c in project.read(read).cards if c.key == "CRM-9")
        assert (again.horizon, again.derived) == ("later", True)
    finally:
        project.close(discard=True)


def cells(board: HorizonBoard) -> dict[tuple[str | None, str], list[str]]:
    return {
        (lane, h): [c.key for c in board.cell(lane, h)]
        for lane in board.rows()
        for h in HORIZONS
        if board.cell(lane, h)
    }


def read_card(project: Project, releases: Mapping[str, Horizon], uid: str) -> HorizonCard | None:
    return project.read(partial(horizon_card, uid=uid, releases=releases))


def test_an_edit_s_effects_give_the_board_a_full_read_gives(sample: Path, tmp_path: Path) -> None:
    """Each edit's effects applied to the board (`board_after`) give what reading
    the whole board again gives: same cards in the same cells, in the same order."""
    project = Project.open(sample, data_dir=tmp_path / "data", user="Li")
    read = partial(horizon_board, today=dt.date(2027, 2, 15))
    try:
        board = project.read(read)
        uid = {c.key: c.uid for c in board.cards}
        lanes = [lane.uid for lane in board.lanes]
        v20 = next(r.uid for r in board.releases if r.name == "v2.0")
        new = str(uuid.uuid4())
        edits = [
            Update("requirement", uid["CRM-22"], {"horizon": "now"}),
            Update("requirement", uid["CRM-22"], {"priority": "must", "title": "Renamed"}),
            Update("requirement", uid["CRM-23"], {"lane": lanes[0], "release": v20}),
            Update("requirement", uid["CRM-24"], {"status": "in_progress"}),
            Update("requirement", uid["CRM-25"], {"status": "done"}),
            Update("requirement", uid["CRM-25"], {"status": "review"}),  # back again
            Update("requirement", uid["CRM-26"], {"lane": None, "horizon": "later"}),
            Update("requirement", uid["CRM-26"], {"horizon": None}),
            Update("requirement", uid["CRM-27"], {"description": "Only the text"}),
        ]
        for op in edits:
            effects = project.apply(op).effects
            assert not needs_full_read(effects)
            releases = board.release_horizons
            after = board_after(
                board,
                effects,
                partial(read_card, project, releases),
            )
            full = project.read(read)
            assert cells(after) == cells(full), op
            assert after.cards == full.cards
            board = after
        # Requirements created or deleted (a subtree: its root's effect alone) are
        # read again whole, as releases and lanes are.
        created = project.apply(Create("requirement", new, {"title": "New", "release": v20}))
        removed = project.apply(Remove((("requirement", uid["CRM-20"]),)))
        assert needs_full_read(created.effects) and needs_full_read(removed.effects)
        unchanged = project.apply(Update("requirement", uid["CRM-27"], {"source": "x"}))
        assert board_after(board, unchanged.effects, lambda u: None) is board
        release_edit = project.apply(Update("release", v20, {"status": "in_progress"}))
        assert needs_full_read(release_edit.effects)
    finally:
        project.close(discard=True)
