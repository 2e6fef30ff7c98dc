"""Crash safety: a pmdesk process killed with SIGKILL at random moments, while it
edits and saves, never damages the published file and never loses an edit it
had acknowledged (DESIGN "Editing model": every operation commits to the
working copy; Save publishes atomically; a leftover working copy is recovered).

Each cycle forks the test process (pmdesk already imported, no database open),
so a cycle costs milliseconds. The child opens the project with
leftover="recover" — from the second cycle on that resumes what the previous,
killed child left — then creates requirements titled "edit 1", "edit 2", …
and saves every few edits, reporting each step through a pipe *after* it
returned. The parent kills it after a random delay and checks the files.

Seed: PMDESK_CRASH_SEED=<n> replays a run (the seed is printed).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
import traceback
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pytest
from sqlalchemy import select

from pmdesk.core.errors import PmdeskError
from pmdesk.core.ops import Create
from pmdesk.core.schema.tables import Requirement
from pmdesk.core.snapshot.convert import export_snapshot
from pmdesk.core.storage.projectfile import check, new_project, open_readonly
from pmdesk.core.storage.workingcopy import WorkingCopy, find_recoverable
from pmdesk.core.storage.workingcopy_slot import WORK

CYCLES = 240
MIN_CYCLES = 200
TITLE = "edit {}"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork"),
]


# -- the child: edit and save until killed ----------------------------------
def _say(fd: int, line: str) -> None:
    os.write(fd, f"{line}\n".encode())  # one short write: atomic on a pipe


def _edit_numbers(titles: list[str]) -> list[int]:
    """The N of every "edit N" title, in any order (other titles are an error)."""
    numbers = []
    for title in titles:
        word, _, number = title.partition(" ")
        if word != "edit" or not number.isdigit():
            raise AssertionError(f"unexpected requirement title {title!r}")
        numbers.append(int(number))
    return numbers


def _child(target: Path, data_dir: Path, out: int, seed: int) -> NoReturn:
    """Runs in the forked child; leaves only by SIGKILL (or os._exit on an error)."""
    try:
        rng = random.Random(seed)
        wc = WorkingCopy.open(target, data_dir=data_dir, leftover="recover")
        with wc.store.reading() as session:
            numbers = _edit_numbers(list(session.execute(select(Requirement.title)).scalars()))
        if sorted(numbers) != list(range(1, len(numbers) + 1)):
            raise AssertionError(f"the working copy holds edits {sorted(numbers)}")
        n = len(numbers)
        _say(out, f"opened {n}")
        while True:
            for _ in range(rng.randint(3, 7)):
                n += 1
                wc.apply(Create("requirement", str(uuid.uuid4()), {"title": TITLE.format(n)}))
                _say(out, f"ack {n}")
            _say(out, f"saving {n}")
            try:
                wc.save()
            except PmdeskError as e:
                if "changed by someone else" not in str(e):
                    raise
                # Nobody else writes the target: the refusal is a pmdesk bug, which
                # the test reports at the end; saving anyway keeps the run going.
                _say(out, f"refused {n}")
                wc.save(overwrite_changes=True)
            _say(out, f"saved {n}")
    except BaseException as e:
        text = "".join(traceback.format_exception(e)).strip().replace("\n", " | ")
        _say(out, f"error {text}")
    finally:
        os._exit(70)


# -- the parent: what a cycle reported, and what the files hold -------------
@dataclass
class Report:
    """The lines one child wrote before it was killed."""

    lines: list[str]
    opened: int | None = None
    acked: list[int] = field(default_factory=list)
    saved: int | None = None  # the last completed save
    in_flight: int | None = None  # a save that started and did not finish
    refused: int = 0  # saves refused as "changed by someone else"
    error: str | None = None

    @classmethod
    def parse(cls, raw: bytes) -> Report:
        report = cls(raw.decode().splitlines())
        for line in report.lines:
            word, _, rest = line.partition(" ")
            if word == "error":
                report.error = rest
            elif word == "opened":
                report.opened = int(rest)
            elif word == "ack":
                report.acked.append(int(rest))
            elif word == "saving":
                report.in_flight = int(rest)
            elif word == "refused":
                assert report.in_flight == int(rest), report.lines
                report.refused += 1
            elif word == "saved":
                assert report.in_flight == int(rest), report.lines
                report.saved, report.in_flight = int(rest), None
            else:
                raise AssertionError(f"unexpected line from the child: {line!r}")
        return report

    @property
    def phase(self) -> str:
        if self.opened is None:
            return "open"
        return "save" if self.in_flight is not None else "edit"


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def _walk_titles(nodes: list[dict[str, Any]]) -> list[str]:
    return [t for n in nodes for t in [n["title"], *_walk_titles(n["children"])]]


def _published_count(target: Path, *, snapshot: bool) -> int:
    """How many edits the published file holds: 1..count, checked contiguous."""
    problems = check(target)
    assert problems == [], f"the published file is damaged: {problems}"
    store = open_readonly(target)
    try:
        if snapshot:
            titles = _walk_titles(export_snapshot(store)["requirements"])
        else:
            with store.reading() as session:
                titles = list(session.execute(select(Requirement.title)).scalars())
    finally:
        store.dispose()
    numbers = sorted(_edit_numbers(titles))
    assert numbers == list(range(1, len(numbers) + 1)), f"published holds {numbers}"
    return len(numbers)


def _working_count(work: Path) -> int:
    """How many edits a (dead) working copy holds: 1..count, checked contiguous.

    Read-only, so reading does not checkpoint the WAL the next child resumes from.
    """
    conn = sqlite3.connect(f"{work.resolve().as_uri()}?mode=ro", uri=True)
    try:
        titles = [r[0] for r in conn.execute("SELECT title FROM requirement")]
    finally:
        conn.close()
    numbers = sorted(_edit_numbers(titles))
    assert numbers == list(range(1, len(numbers) + 1)), f"working copy holds {numbers}"
    return len(numbers)


def _run_child(target: Path, data_dir: Path, seed: int, delay: float) -> Report:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        try:
            os.close(read_end)
        finally:
            _child(target, data_dir, write_end, seed)
    os.close(write_end)
    try:
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        report = Report.parse(_read_all(read_end))
    finally:
        os.close(read_end)
    assert report.error is None, f"the child failed: {report.error}"
    assert os.WIFSIGNALED(status), f"the child exited by itself ({status}): {report.lines}"
    assert os.WTERMSIG(status) == signal.SIGKILL
    return report


def test_sigkill_during_edits_and_saves_loses_nothing(tmp_path: Path, data_dir: Path) -> None:
    seed = int(os.environ.get("PMDESK_CRASH_SEED") or random.randrange(1 << 32))
    rng = random.Random(seed)
    print(f"\ncrash test seed {seed} (PMDESK_CRASH_SEED={seed} replays it)")
    target = tmp_path / "plan.pmdesk"
    new_project(target, title="crash", key_prefix="REQ")
    target = target.resolve()

    published = 0  # the published file holds edits 1..published
    known = 0  # the working copy held edits 1..known at least (acknowledged or opened)
    phases = {"open": 0, "edit": 0, "save": 0}
    resumed = saves = 0
    refused: list[int] = []  # cycles whose first save was refused as a conflict
    started = time.monotonic()

    for cycle in range(CYCLES):
        leftovers = find_recoverable(data_dir)
        resumed += bool(leftovers)
        # Some kills land while the child opens (and resumes), the rest anywhere
        # in the stream of edits and saves.
        delay = rng.uniform(0.0, 0.03) if rng.random() < 0.25 else rng.uniform(0.03, 0.12)
        report = _run_child(target, data_dir, rng.randrange(1 << 32), delay)
        where = f"cycle {cycle} (seed {seed}, killed during {report.phase}): {report.lines[-4:]}"
        phases[report.phase] += 1
        saves += sum(line.startswith("saved ") for line in report.lines)
        refused += [cycle] * report.refused

        # Recovery presented every edit the earlier children acknowledged.
        # (At most one more: an edit committed just before a kill, not yet acknowledged.)
        if report.opened is not None:
            assert known <= report.opened <= known + 1, f"recovered 1..{report.opened}; {where}"
            known = report.opened
        if report.acked:
            assert report.acked == list(range(known + 1, known + 1 + len(report.acked))), where
            known = report.acked[-1]

        # (1) The published file is healthy and is the last save or the interrupted one.
        allowed = {published if report.saved is None else report.saved, report.in_flight}
        count = _published_count(target, snapshot=cycle % 20 == 0)
        assert count in allowed, f"published holds 1..{count}, expected one of {allowed}; {where}"
        published = count

        # (2) The working copy holds every acknowledged edit (and at most one more).
        if report.opened is not None:
            works = list((data_dir / "working").glob(f"*/{WORK}"))
            assert len(works) == 1, f"{works}; {where}"
            held = _working_count(works[0])
            assert known <= held <= known + 1, f"working copy holds 1..{held}; {where}"

        # (3) The next open finds them: in a leftover working copy, or all saved.
        leftovers = find_recoverable(data_dir)
        if leftovers:
            assert [item.target for item in leftovers] == [target], where
            held = _working_count(leftovers[0].slot / WORK)
        else:
            held = published
        assert held >= known, f"the next open would find 1..{held}, acknowledged {known}; {where}"

    elapsed = time.monotonic() - started
    final = _published_count(target, snapshot=True)
    stray = sorted(p.name for p in target.parent.glob(f".{target.name}.*.tmp"))
    print(
        f"{sum(phases.values())} kills in {elapsed:.1f} s: {phases['open']} while opening, "
        f"{phases['edit']} while editing, {phases['save']} while saving; "
        f"{resumed} opens resumed a leftover working copy; {known} edits acknowledged, "
        f"{final} published, {saves} saves completed; {len(stray)} stray temp files "
        f"beside the target; {len(refused)} saves refused as conflicts"
    )
    assert sum(phases.values()) >= MIN_CYCLES
    assert phases["save"] > 0, "no kill landed while a save was running"
    assert phases["open"] > 0, "no kill landed while the project was being opened"
    assert resumed > 0, "no cycle resumed a leftover working copy"
    # A save interrupted after the target was replaced but before the working
    # copy's state.json recorded it leaves a stale target fingerprint; the
    # recovered session then takes its own save for someone else's change.
    assert not refused, (
        f"{len(refused)} saves after recovering from a kill were refused as "
        f"'changed by someone else' (cycles {refused[:10]}), though only pmdesk wrote the file"
    )
