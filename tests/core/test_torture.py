"""The short torture run of the save path (tests/bench/torture.py; the long one is
`python -m tests.bench.run_torture`): two users, one shared folder, real files and
processes, SIGKILL at random moments and at chosen system calls while a colleague
saves, rounds of both users adding, moving and deleting, full disks, sync tools.

Each scenario runs once per test session (a module fixture) and every count
of its table row is one test, so a failing count names itself. Counts that
issue 11 reports as still broken on main are marked xfail (not strict) with the
cause; once the fix is merged, drop the mark and the count is a hard assert.

Seed: PMDESK_TORTURE_SEED=<n> replays the choices of every scenario (the seed is
printed; timing between the processes still varies).
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable

import pytest

from tests.bench import torture
from tests.bench.torture import Result

KILLS = 24
ROUNDS = 10

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork"),
]

_results: dict[str, Result] = {}


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Result]:
    def run(name: str) -> Result:
        if name not in _results:
            seed = int(os.environ.get("PMDESK_TORTURE_SEED") or random.randrange(1 << 32))
            print(f"\ntorture {name}: seed {seed} (PMDESK_TORTURE_SEED={seed} replays it)")
            result = torture.run(
                name, tmp_path_factory.mktemp(name), seed, kills=KILLS, rounds=ROUNDS
            )
            print(torture.table([result]))
            print(torture.details(result))
            _results[name] = result
        result = _results[name]
        if result.skipped:
            pytest.skip(result.skipped)
        return result

    return run


COUNTS: dict[str, Callable[[Result], list[str]]] = {
    "damaged": lambda r: r.damaged,
    "lost_saved": lambda r: [x for v in r.lost_saved.values() for x in v],
    "lost_unsaved": lambda r: [x for v in r.lost_unsaved.values() for x in v],
    "refused": lambda r: r.false_refusals,
    "internal": lambda r: r.internal,
    "unclear": lambda r: r.unclear,
    "leftovers": lambda r: r.leftovers,
    "dead_markers": lambda r: ["a killed save's marker blocked saves"] * r.stale_markers,
    "failed_but_published": lambda r: r.failed_but_published,
    "offered_saved": lambda r: ["recovery offered edits already saved"] * r.offered_saved,
}


def _zero(result: Result, count: str) -> None:
    found = COUNTS[count](result)
    assert not found, f"{len(found)} {count} (seed {result.seed}): {found[:5]}\n" + (
        torture.details(result)
    )


def _open(*reasons: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=False, reason="open on main (issue 11): " + "; ".join(reasons))


SAVE_THEN_COLLEAGUE = (
    "crash during Save, then a colleague saves: the recovered save takes the colleague's "
    "file for its own base and deletes the colleague's rows (WorkingCopy._resume)"
)
KILLED_AFTER_RENAME = (
    "a save killed after its rename is not recognised as finished (the fingerprint "
    "compares ctime): the next start offers its edits for recovery again, and the next "
    "save merges its own file as a colleague's"
)
TEMP_COPIES = "temporary copies of killed saves pile up beside the shared file"
MARKER = "a killed save's marker blocks the next Save for 10 s, then refuses it"
RANKS = (
    "rank collisions: two new rows get the same rank, the merge re-ranks one, and moving "
    "or deleting it later is a false conflict; settling it for one side can undo the "
    "other's deletion"
)
DISK_ERRNO = "full disks: bare OSError (Errno 28) from the save marker and the copies"
DISK_NAMES = "full disks: 'Cannot copy work.pmdesk', 'Cannot write …/state.json'"
DISK_PUBLISHED = "full disks: a save reported as failed after it published"
OLDER = (
    "a sync tool puts an older copy back: Save deletes the rows it lacks (and their "
    "later edits show as conflicts)"
)
DAMAGED_TARGET = (
    "Save over a shared file that a sync tool replaced by a damaged one (zeroed pages, "
    "dropped tables) or removed: target_merge.prepare raises SQLAlchemy's DatabaseError or "
    "a bare FileNotFoundError (new cause, found by this run)"
)
THEIRS_NAME = "a file replaced by another application's database is called theirs.pmdesk"


@pytest.mark.parametrize(
    "count",
    [
        "damaged",
        pytest.param("lost_saved", marks=_open(SAVE_THEN_COLLEAGUE, KILLED_AFTER_RENAME)),
        "lost_unsaved",
        pytest.param("refused", marks=_open(KILLED_AFTER_RENAME, MARKER, RANKS)),
        "internal",
        "unclear",
        pytest.param("leftovers", marks=_open(TEMP_COPIES)),
        pytest.param("dead_markers", marks=_open(MARKER)),
        pytest.param("offered_saved", marks=_open(KILLED_AFTER_RENAME)),
    ],
)
def test_kills_with_a_colleague_saving(scenario: Callable[[str], Result], count: str) -> None:
    result = scenario("kills")
    assert result.kills >= KILLS * 0.9, torture.details(result)
    assert result.kills_with_colleague >= result.kills // 3, torture.details(result)
    _zero(result, count)


@pytest.mark.parametrize(
    "count",
    [
        "damaged",
        pytest.param("lost_saved", marks=_open(RANKS)),
        "lost_unsaved",
        pytest.param("refused", marks=_open(RANKS)),
        "internal",
        "unclear",
        "leftovers",
    ],
)
def test_two_users_rounds(scenario: Callable[[str], Result], count: str) -> None:
    _zero(scenario("rounds"), count)


@pytest.mark.parametrize(
    "count",
    [
        "damaged",
        pytest.param("lost_saved", marks=_open(RANKS)),
        "lost_unsaved",
        pytest.param("refused", marks=_open(RANKS)),
        pytest.param("internal", marks=_open(DISK_ERRNO)),
        pytest.param("unclear", marks=_open(DISK_NAMES)),
        "leftovers",
        pytest.param("failed_but_published", marks=_open(DISK_PUBLISHED)),
    ],
)
def test_full_disks(scenario: Callable[[str], Result], count: str) -> None:
    _zero(scenario("disk"), count)


@pytest.mark.parametrize(
    "count",
    [
        "damaged",
        pytest.param("lost_saved", marks=_open(OLDER)),
        "lost_unsaved",
        pytest.param("refused", marks=_open(OLDER, RANKS)),
        pytest.param("internal", marks=_open(DAMAGED_TARGET)),
        pytest.param("unclear", marks=_open(THEIRS_NAME)),
        "leftovers",
    ],
)
def test_sync_tool_replaces_the_file(scenario: Callable[[str], Result], count: str) -> None:
    _zero(scenario("sync"), count)


def test_the_table_names_every_count() -> None:
    """The table prints one row per scenario with every column filled."""
    text = torture.table([Result("kills", 1, kills=3), Result("disk", 2, skipped="no mount")])
    header, _rule, kills, disk = text.splitlines()
    assert header.count("|") == kills.count("|") == disk.count("|")
    assert "| kills | 1 | 3 |" in kills and "skipped: no mount" in disk
