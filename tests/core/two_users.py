"""Two people editing one shared project in a loop, as the window does it.

Li and Wang each have their own data folder (their own working copies) and
share one project file. Every round both add requirements (top level and under
their own ones), move, rename and delete their own requirements, then Li saves
and Wang saves (Wang's save merges Li's; the next round Li's merges Wang's).

Each person only moves, renames and deletes requirements they added, so no
round holds a real conflict: every save that a conflict refuses is a false
one. After every save the shared file must hold each person's requirements
exactly as that person last saved them (parent, rank, title: a merge must not
touch a row its owner did not change), none they deleted, and the project's
own requirements untouched.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pmdesk.core.errors import PmdeskError
from pmdesk.core.merge import Side
from pmdesk.core.merge_rows import read_tables
from pmdesk.core.ops import Create, Move, Remove, Update
from pmdesk.core.projectfile import check
from pmdesk.core.sample import write_sample
from pmdesk.core.target_merge import save_merging
from pmdesk.core.workingcopy import WorkingCopy
from tests.core.merge_helpers import requirements

Place = tuple[str | None, str, str]  # parent uid, rank, title


@dataclass
class Person:
    name: str
    wc: WorkingCopy
    saved: dict[str, Place] = field(default_factory=dict)  # own rows as last saved
    deleted: set[str] = field(default_factory=set)  # own rows deleted and saved
    deleting: set[str] = field(default_factory=set)  # deleted, not saved yet
    recent: list[str] = field(default_factory=list)  # the requirements added last

    def rows(self) -> dict[str, dict[str, Any]]:
        with self.wc.store.engine.connect() as conn:
            return read_tables(conn)["requirement"]

    def own(self, rows: dict[str, dict[str, Any]]) -> dict[str, Place]:
        return {
            u: (r["parent_uid"], r["rank"], r["title"])
            for u, r in rows.items()
            if r["title"].startswith(self.name + " ")
        }


@dataclass
class Tally:
    rounds: int = 0
    saves: int = 0
    false_conflicts: int = 0  # saves refused though nobody edited what the other did
    lost_edits: int = 0  # a saved requirement missing or not as its owner saved it
    undeleted: int = 0  # a saved deletion undone
    changed_untouched: int = 0  # a requirement nobody edited changed place or title
    damaged: int = 0  # the shared file fails `check`
    problems: list[str] = field(default_factory=list)

    def add(self, kind: str, text: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if len(self.problems) < 30:
            self.problems.append(text)


def _children(rows: dict[str, dict[str, Any]], parent: str | None) -> list[str]:
    kids = [u for u, r in rows.items() if r["parent_uid"] == parent]
    return sorted(kids, key=lambda u: (rows[u]["rank"], u))


def _subtree(rows: dict[str, dict[str, Any]], top: str) -> set[str]:
    found, level = {top}, {top}
    while level:
        level = {u for u, r in rows.items() if r["parent_uid"] in level} - found
        found |= level
    return found


def edit_once(
    person: Person, rng: random.Random, counter: list[int], kind: str | None = None
) -> None:
    rows = person.rows()
    own = sorted(person.own(rows))
    # Half the time people go on with something they added lately.
    recent = [u for u in person.recent[-3:] if u in own]
    newest = rng.choice(recent) if recent else (own[-1] if own else None)
    kind = kind or rng.choice(["add_top", "add_child", "move", "move", "delete", "rename"])
    if not own and kind != "add_top":
        kind = "add_top"
    counter[0] += 1
    title = f"{person.name} {counter[0]}"
    if kind == "add_top":
        # The toolbar's Add appends; a drop or "insert above" gives a place.
        index = rng.choice([None, rng.randint(0, len(_children(rows, None)))])
        person.recent.append(str(uuid.UUID(int=rng.getrandbits(128), version=4)))
        person.wc.apply(Create("requirement", person.recent[-1], {"title": title}, None, index))
    elif kind == "add_child":
        parent = rng.choice(own)
        index = rng.randint(0, len(_children(rows, parent)))
        person.recent.append(str(uuid.UUID(int=rng.getrandbits(128), version=4)))
        person.wc.apply(Create("requirement", person.recent[-1], {"title": title}, parent, index))
    elif kind == "move":
        uid = rng.choice([newest, rng.choice(own)])
        places = [None, *(u for u in own if u not in _subtree(rows, uid))]
        parent = rng.choice(places)
        siblings = [u for u in _children(rows, parent) if u != uid]
        person.wc.apply(Move("requirement", uid, parent, index=rng.randint(0, len(siblings))))
    elif kind == "delete":
        uid = rng.choice([newest, rng.choice(own)])
        person.deleting |= _subtree(rows, uid)
        person.wc.apply(Remove((("requirement", uid),)))
    else:
        person.wc.apply(Update("requirement", rng.choice(own), {"title": title}))


def save(person: Person, tally: Tally, settle: Side) -> None:
    """Save as the window does; a refusal is counted, then settled as `settle`."""
    expected = person.own(person.rows())
    try:
        save_merging(person.wc)
    except PmdeskError as e:
        if e.code != "merge.conflicts":
            raise
        tally.add("false_conflicts", f"round {tally.rounds}: {person.name}'s save refused: {e}")
        save_merging(person.wc, prefer=settle)
    tally.saves += 1
    person.saved = expected
    person.deleted |= person.deleting
    person.deleting = set()


def verify(shared: Path, people: list[Person], untouched: dict[str, Place], tally: Tally) -> None:
    rows = requirements(shared)
    if check(shared):
        tally.add("damaged", f"round {tally.rounds}: {check(shared)}")
    for person in people:
        for uid, place in person.saved.items():
            row = rows.get(uid)
            now = None if row is None else (row["parent_uid"], row["rank"], row["title"])
            if now != place:
                tally.add(
                    "lost_edits", f"round {tally.rounds}: {person.name}'s {place} is now {now}"
                )
        for uid in person.deleted & set(rows):
            tally.add(
                "undeleted", f"round {tally.rounds}: {person.name} deleted {rows[uid]['title']}"
            )
    for uid, place in untouched.items():
        row = rows.get(uid)
        now = None if row is None else (row["parent_uid"], row["rank"], row["title"])
        if now != place:
            tally.add("changed_untouched", f"round {tally.rounds}: {place} is now {now}")


def run(folder: Path, rounds: int, seed: int = 11) -> Tally:
    """`rounds` rounds of two people editing and saving one shared project."""
    shared = folder / "share" / "crm.pmdesk"
    shared.parent.mkdir(parents=True)
    write_sample(shared, "en")
    untouched = {
        u: (r["parent_uid"], r["rank"], r["title"]) for u, r in requirements(shared).items()
    }
    rng = random.Random(seed)
    people = [
        Person(
            name, WorkingCopy.open(shared, data_dir=folder / name, user=name, access="edit_anyway")
        )
        for name in ("Li", "Wang")
    ]
    tally = Tally()
    counter = [0]
    try:
        for n in range(rounds):
            tally.rounds = n + 1
            for person in people:
                edit_once(person, rng, counter, rng.choice(["add_top", "add_top", "add_child"]))
                for _ in range(rng.randint(1, 2)):
                    edit_once(person, rng, counter)
            for i, person in enumerate(people):
                # Settle a refused save one way or the other, in turn.
                save(person, tally, "mine" if (n + i) % 2 else "theirs")
                verify(shared, people, untouched, tally)
    finally:
        for person in people:
            person.wc.close(discard=True)
    return tally
