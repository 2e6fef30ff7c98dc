"""Two people editing one shared project in a loop, as the window does it.

Li and Wang each have their own data folder (their own working copies) and
share one project file. Every round both add requirements (top level and
nested), move, rename and delete requirements, then Li saves and Wang saves
(Wang's save merges Li's; the next round Li's merges Wang's). A refused save is
settled with Keep mine or Take theirs, in turn.

Each edit is noted (moved, renamed, deleted with its subtree, something put
under a row), so a save knows the real conflicts before it merges: both sides
moved or renamed one row, or one side deleted a row the other moved, renamed
or put something under. Checked after every save:

- a save refused by a conflict has a real one (`false_conflicts`);
- every edit of either side that is in no real conflict is in the file: a move
  with its exact rank, a new title (`lost_edits`), a deletion (`undeleted`,
  also for every earlier deletion in no real conflict);
- a row neither side touched keeps its parent, rank and title (`changed_untouched`);
- with `meddle` off, people only edit what they added themselves: there is no
  real conflict, and each one's requirements stay exactly as last saved.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

from pmdesk.core.errors import PmdeskError
from pmdesk.core.merge.three_way import Side
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Move, Remove, Update
from pmdesk.core.project_save import save_merging
from pmdesk.core.schema.rows import read_tables
from pmdesk.core.storage.projectfile import check
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.merge_helpers import requirements

Rows = dict[str, dict[str, Any]]
Place = tuple[str | None, str, str]  # parent uid, rank, title


@overload
def place(row: dict[str, Any]) -> Place: ...
@overload
def place(row: dict[str, Any] | None) -> Place | None: ...
def place(row: dict[str, Any] | None) -> Place | None:
    return None if row is None else (row["parent_uid"], row["rank"], row["title"])


@dataclass
class Touched:
    """What one person's edits since their last save did."""

    moved: set[str] = field(default_factory=set)
    renamed: set[str] = field(default_factory=set)
    deleted: set[str] = field(default_factory=set)  # with their subtrees
    under: set[str] = field(default_factory=set)  # rows given a new or moved-in child

    def clashes(self, other: Touched) -> set[str]:
        """Rows in a real conflict between these edits and `other`."""
        found = (self.moved & other.moved) | (self.renamed & other.renamed)
        found |= self.deleted & (other.moved | other.renamed | other.under)
        found |= other.deleted & (self.moved | self.renamed | self.under)
        return found

    def all(self) -> set[str]:
        return self.moved | self.renamed | self.deleted


@dataclass
class Person:
    name: str
    wc: WorkingCopy
    added: set[str] = field(default_factory=set)
    touched: Touched = field(default_factory=Touched)  # since the last save
    published: Touched = field(default_factory=Touched)  # what the last save published
    saved: dict[str, Place] = field(default_factory=dict)  # own rows as last saved
    recent: list[str] = field(default_factory=list)  # the requirements added last

    def rows(self) -> Rows:
        with self.wc.store.engine.connect() as conn:
            return read_tables(conn)["requirement"]


@dataclass
class Tally:
    rounds: int = 0
    saves: int = 0
    real_conflicts: int = 0  # saves refused by a real conflict (meddling only)
    false_conflicts: int = 0  # saves refused without a real conflict
    lost_edits: int = 0  # a saved move or rename not in the file
    undeleted: int = 0  # a saved deletion undone without a real conflict
    changed_untouched: int = 0  # a requirement nobody edited changed place or title
    damaged: int = 0  # the shared file fails `check`
    contested: set[str] = field(default_factory=set)  # rows ever in a real conflict
    problems: list[str] = field(default_factory=list)

    def add(self, kind: str, text: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if len(self.problems) < 30:
            self.problems.append(f"round {self.rounds}: {text}")

    def summary(self) -> str:
        return (
            f"{self.rounds} rounds, {self.saves} saves: {self.false_conflicts} false conflicts "
            f"({self.real_conflicts} real), {self.lost_edits} lost edits, "
            f"{self.undeleted} deletions undone, {self.changed_untouched} untouched rows "
            f"changed, {self.damaged} damaged"
        )


def _children(rows: Rows, parent: str | None) -> list[str]:
    kids = [u for u, r in rows.items() if r["parent_uid"] == parent]
    return sorted(kids, key=lambda u: (rows[u]["rank"], u))


def _subtree(rows: Rows, top: str) -> set[str]:
    found, level = {top}, {top}
    while level:
        level = {u for u, r in rows.items() if r["parent_uid"] in level} - found
        found |= level
    return found


def edit_once(
    person: Person,
    editable: set[str],
    rng: random.Random,
    counter: list[int],
    kind: str | None = None,
) -> None:
    """One edit as `person`, of the requirements in `editable` (or a new one)."""
    rows = person.rows()
    rows_ = sorted(editable & set(rows))
    # Half the time people go on with something they added lately.
    recent = [u for u in person.recent[-3:] if u in rows_]
    target = rng.choice(recent or rows_) if rows_ and rng.random() < 0.5 else None
    if rows_ and target is None:
        target = rng.choice(rows_)
    kind = kind or rng.choice(["add_top", "add_child", "move", "move", "delete", "rename"])
    if target is None:
        kind = "add_top"
    assert target is not None or kind == "add_top"
    counter[0] += 1
    title = f"{person.name} {counter[0]}"
    touched = person.touched
    if kind in ("add_top", "add_child"):
        parent = None if kind == "add_top" else target
        index = rng.choice([None, rng.randint(0, len(_children(rows, parent)))])
        uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        person.wc.apply(Create("requirement", uid, {"title": title}, parent, index))
        person.added.add(uid)
        person.recent.append(uid)
        if parent is not None:
            touched.under.add(parent)
    elif kind == "move":
        assert target is not None
        places = [None, *(u for u in rows_ if u not in _subtree(rows, target))]
        parent = rng.choice(places)
        siblings = [u for u in _children(rows, parent) if u != target]
        person.wc.apply(Move("requirement", target, parent, index=rng.randint(0, len(siblings))))
        touched.moved.add(target)
        if parent is not None:
            touched.under.add(parent)
    elif kind == "delete":
        assert target is not None
        touched.deleted |= _subtree(rows, target)
        person.wc.apply(Remove((("requirement", target),)))
    else:
        assert target is not None
        person.wc.apply(Update("requirement", target, {"title": title}))
        touched.renamed.add(target)


def save(person: Person, other: Person, shared: Path, tally: Tally, settle: Side) -> None:
    """Save as the window does; a refusal is counted, then settled as `settle`,
    and the file is checked against both people's edits."""
    ours = person.rows()
    theirs = requirements(shared)  # what the other person saved last
    clashes = person.touched.clashes(other.published)
    try:
        result = save_merging(person.wc)
    except PmdeskError as e:
        if e.code != "merge.conflicts":
            raise
        if clashes:
            tally.real_conflicts += 1
        else:
            tally.add("false_conflicts", f"{person.name}'s save refused: {e}")
        result = save_merging(person.wc, prefer=settle)
    tally.saves += 1
    noted = {n.uid for n in result.notes} if result is not None else set()
    tally.contested |= clashes
    skip = clashes | noted
    mine, yours = person.touched, other.published
    person.published, person.touched = mine, Touched()
    person.saved = {u: p for u, r in ours.items() if u in person.added and (p := place(r))}

    rows = requirements(shared)
    problems = check(shared)
    if problems:
        tally.add("damaged", str(problems))
    for edits, source, who in ((mine, ours, person.name), (yours, theirs, other.name)):
        for uid in (edits.moved | edits.renamed) - skip - edits.deleted:
            if uid not in source:
                continue  # deleted with a parent by the same person later
            now, was = rows.get(uid), source[uid]
            if now is None or (uid in edits.moved and place(now)[:2] != place(was)[:2]):
                tally.add("lost_edits", f"{who} moved {was['title']}: now {place(now)}")
            elif uid in edits.renamed and now["title"] != was["title"]:
                tally.add("lost_edits", f"{who} renamed {was['title']}: now {now['title']}")
    for uid in (person.published.deleted | other.published.deleted) - tally.contested - noted:
        if uid in rows:
            tally.add("undeleted", f"{rows[uid]['title']} came back")
    for uid, row in theirs.items():
        if uid in mine.all() | yours.all() | mine.under | skip or uid not in rows:
            continue
        if place(rows[uid]) != place(row):
            tally.add("changed_untouched", f"{place(row)} is now {place(rows[uid])}")


def verify_owners(shared: Path, people: list[Person], tally: Tally) -> None:
    """Without meddling: each person's requirements are exactly as last saved."""
    rows = requirements(shared)
    for person in people:
        for uid, saved in person.saved.items():
            if place(rows.get(uid)) != saved:
                tally.add("lost_edits", f"{person.name}'s {saved} is now {place(rows.get(uid))}")


def run(folder: Path, rounds: int, *, meddle: bool = False, seed: int = 11) -> Tally:
    """`rounds` rounds of two people editing and saving one shared project;
    `meddle`: each also moves, renames, deletes and adds under the other's."""
    shared = folder / "share" / "crm.pmdesk"
    shared.parent.mkdir(parents=True)
    write_sample(shared, "en")
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
                editable = person.added | (people[0].added | people[1].added if meddle else set())
                first = rng.choice(["add_top", "add_top", "add_child"])
                edit_once(person, editable, rng, counter, first)
                for _ in range(rng.randint(1, 2)):
                    edit_once(person, editable, rng, counter)
            for i, person in enumerate(people):
                settle: Side = "mine" if (n + i) % 2 else "theirs"
                save(person, people[1 - i], shared, tally, settle)
                if not meddle:
                    verify_owners(shared, people, tally)
    finally:
        for person in people:
            person.wc.close(discard=True)
    return tally
