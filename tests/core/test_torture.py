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
from pathlib import Path

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
            seed = int(os.environ.get("PMDESK_TORTURE_SEED") or _default_seed())
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


def _default_seed() -> int:
    """CI replays one seed, so that a red build means a change broke something (as
    Hypothesis runs derandomized there); a run at a desk draws a new one each time."""
    return CI_SEED if os.environ.get("CI") else random.randrange(1 << 32)


CI_SEED = 1205

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
    "gave_up": lambda r: r.gave_up,
}


# What every scenario must keep at zero; some scenarios add counts of their own.
EVERY = ["damaged", "lost_saved", "lost_unsaved", "refused", "internal", "unclear", "leftovers"]


def _zero(result: Result, count: str) -> None:
    found = COUNTS[count](result)
    assert not found, f"{len(found)} {count} (seed {result.seed}): {found[:5]}\n" + (
        torture.details(result)
    )


@pytest.mark.parametrize("count", [*EVERY, "dead_markers", "offered_saved", "gave_up"])
def test_kills_with_a_colleague_saving(scenario: Callable[[str], Result], count: str) -> None:
    result = scenario("kills")
    assert result.kills >= KILLS * 0.9, torture.details(result)
    assert result.kills_with_colleague >= result.kills // 3, torture.details(result)
    _zero(result, count)


@pytest.mark.parametrize("count", [*EVERY, "gave_up"])
def test_two_users_rounds(scenario: Callable[[str], Result], count: str) -> None:
    _zero(scenario("rounds"), count)


@pytest.mark.parametrize("count", [*EVERY, "failed_but_published"])
def test_full_disks(scenario: Callable[[str], Result], count: str) -> None:
    _zero(scenario("disk"), count)


@pytest.mark.parametrize("count", EVERY)
def test_sync_tool_replaces_the_file(scenario: Callable[[str], Result], count: str) -> None:
    _zero(scenario("sync"), count)


def test_the_table_names_every_count() -> None:
    """The table prints one row per scenario with every column filled."""
    text = torture.table([Result("kills", 1, kills=3), Result("disk", 2, skipped="no mount")])
    header, _rule, kills, disk = text.splitlines()
    assert header.count("|") == kills.count("|") == disk.count("|")
    assert "| kills | 1 | 3 |" in kills and "skipped: no mount" in disk


def test_sync_seed_705685390_loses_no_unsaved_edit(tmp_path: Path) -> None:
    """This seed ends with the file write-protected by the sync tool: Save is
    refused and the edits wait in the working copy (see
    test_a_sync_tool_write_protects_the_file_the_edits_wait_in_the_working_copy);
    the run's sync tool makes the file writable again, as it repairs damage."""
    result = torture.run("sync", tmp_path, 705685390, kills=KILLS, rounds=ROUNDS)
    _zero(result, "lost_unsaved")
