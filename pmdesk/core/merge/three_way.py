"""Three-way merge of a project: base, mine and theirs, matched by uid, field by field.

What only one side changed is taken; the same field changed differently on
both sides, and an edit on one side of something the other side deleted, are
conflicts for the user to settle. Fields that must change together merge as
one: a requirement's place in the tree (parent and rank), its RICE inputs, its
dates. A merge never re-ranks a row neither side moved; a place both sides
changed within one parent is a conflict only when another row sits between the
two places. Requirement keys that both sides gave out (both added `REQ-43`) are
renumbered on our side: theirs are already published and may be quoted. Links
hold uids, so they stay right. Nothing is dropped silently: every choice the
merge makes for the user is a `Note`, every choice it cannot make a `Conflict`.

Pure functions on `Tables` (pmdesk.core.schema.rows); no database here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from pmdesk.core.domain import vocabulary
from pmdesk.core.merge.custom_values import (
    CUSTOM,
    custom_conflicts,
    drop_orphans,
    put_custom,
)
from pmdesk.core.merge.keyed import merge_keyed
from pmdesk.core.merge.review_marks import merge_marks
from pmdesk.core.merge.text import merge_text
from pmdesk.core.schema.rows import ENTITIES, Row, Tables

Side = Literal["mine", "theirs"]
ConflictKind = Literal["changed", "added", "deleted_by_mine", "deleted_by_theirs"]
DELETED = "deleted"  # the `field` of a conflict about a whole row


@dataclass(frozen=True)
class Edited:
    """A value the user typed to settle a conflict (for its field's columns)."""

    value: Any


Resolution = Side | Edited


@dataclass(frozen=True)
class Conflict:
    """Both sides changed one field differently, or one deleted what the other changed.

    `base`, `mine` and `theirs` are the field's values (a dict of columns for a
    field of several columns; None where that side has no row).
    """

    entity: str
    uid: str
    field: str
    kind: ConflictKind
    label: str  # how a user names the row: its key, name or title
    base: Any
    mine: Any
    theirs: Any
    # For a deletion: what the other side made point at the row (a child added
    # under it, a link to it), named "CRM-46 Title", so the user sees what goes.
    refers: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.entity}:{self.uid}:{self.field}"


NoteKind = Literal["renumbered", "renamed", "cascaded", "text_merged", "moved_back", "moved_up"]


@dataclass(frozen=True)
class Note:
    """Something the merge did on its own that a user should hear about."""

    kind: NoteKind
    entity: str
    uid: str
    label: str
    detail: str = ""


@dataclass
class MergeResult:
    tables: Tables
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    items_changed: int = 0  # requirements, releases, links… of ours changed, added or removed

    @property
    def clean(self) -> bool:
        return not self.conflicts


class ProjectMismatchError(ValueError):
    """The three files are not copies of one project."""


# Columns that merge as one field; every other column is a field of its own.
GROUPS: dict[str, dict[str, tuple[str, ...]]] = {
    "requirement": {
        "position": ("parent_uid", "rank"),
        "key": ("key", "number"),
        "rice": tuple(f"rice_{p}" for p in vocabulary.RICE_FIELDS),
        "dates": ("start", "end"),
    },
    "release": {"dates": ("start", "end")},
    "link": {"ends": ("from_uid", "to_uid", "type"), "review": ("suspect_at", "reviewed_at")},
}
# Bookkeeping, never a conflict: taken from the side whose edit is newer.
STAMPS: dict[str, tuple[str, ...]] = {
    "requirement": ("created_at", "created_by", "updated_at", "updated_by"),
    "baseline": ("created_at", "created_by", "snapshot"),
}
# Counters that only grow (schema 9: the next requirement number): never a
# conflict, the merge keeps the highest of the three (see `_renumber_keys`).
COUNTERS: dict[str, tuple[str, ...]] = {"project": ("next_number",)}
# Review marks: a link deleted on one side and marked on the other goes (no question).
_MARKS = {"link": ("suspect_at", "reviewed_at")}
# A row's place among its siblings (requirements: with the parent).
_ORDER_FIELDS = frozenset({"position", "rank"})
# Long Markdown fields: edits to different lines on the two sides combine.
TEXTS = {("requirement", "description"), ("section", "body")}
# What requirements belong to by a `<entity>_uid` column: a deleted one is
# cleared from them, unless the other side chose it again (then a conflict).
_GROUPING = ("release", "lane", "persona")
# JSON objects whose keys merge one by one (a requirement's weighted-criteria scores).
KEYED = {("requirement", "scores")}


def fields_of(entity: str, row: Row) -> dict[str, tuple[str, ...]]:
    """The mergeable fields of an entity's row: name → its columns."""
    grouped = GROUPS.get(entity, {})
    in_group = {c for cols in grouped.values() for c in cols}
    skip = {"uid", *in_group, *STAMPS.get(entity, ()), *COUNTERS.get(entity, ())}
    single = {c: (c,) for c in row if c not in skip}
    return {**single, **grouped}


def _value(row: Row | None, columns: tuple[str, ...]) -> Any:
    if row is None:
        return None
    if len(columns) == 1:
        return row[columns[0]]
    return {c: row[c] for c in columns}


def label_of(entity: str, row: Row | None) -> str:
    if row is None:
        return ""
    for column in ("key", "name", "title"):
        if row.get(column):
            return str(row[column])
    return str(row.get("uid", ""))[:8]


Resolver = Callable[[Conflict], Resolution | None]


def merge(
    base: Tables,
    mine: Tables,
    theirs: Tables,
    *,
    resolutions: Mapping[str, Resolution] | None = None,
    prefer: Side | None = None,
) -> MergeResult:
    """Merge `theirs` into `mine` over their common `base`.

    A conflict is settled by `resolutions[conflict.id]`, else by `prefer`; what
    is left is listed in `conflicts`, and the tables then hold our side's value
    (for a deletion: the row kept, so nothing is lost until the user decides).
    """
    check_same_project(base, mine, theirs)
    chosen = dict(resolutions or {})

    def settle(conflict: Conflict) -> Resolution | None:
        return chosen.get(conflict.id) or prefer

    merger = _Merger(base, mine, theirs, settle)
    merger.run()
    return merger.result


def check_same_project(*copies: Tables) -> None:
    """Raise ProjectMismatchError unless every copy holds the same one project."""
    uids = [set(t.get("project", {})) for t in copies]
    if any(len(u) != 1 for u in uids) or len({next(iter(u)) for u in uids}) != 1:
        raise ProjectMismatchError("the files are not copies of one project")


class _Merger:
    def __init__(self, base: Tables, mine: Tables, theirs: Tables, settle: Resolver) -> None:
        self.base, self.mine, self.theirs = base, mine, theirs
        self.settle = settle
        self.result = MergeResult(tables={e: {} for e in ENTITIES})
        self.out = self.result.tables
        # Rows deleted by one side whose deletion was settled (or is pending).
        self.deleted_by: dict[tuple[str, str], Side] = {}
        self.kept_pending: set[tuple[str, str]] = set()
        # Rows one side deleted and the other changed, kept (settled or pending).
        self.kept: set[str] = set()
        # Rows both sides moved within one parent: settled once all rows are merged.
        self.reordered: list[tuple[str, str, Row | None, Row, Row]] = []

    def run(self) -> None:
        for entity in ENTITIES:
            if entity == "history":
                self._union_history()
                continue
            b, m, t = (
                self.base.get(entity, {}),
                self.mine.get(entity, {}),
                self.theirs.get(entity, {}),
            )
            for uid in _ordered_union(m, t, b):
                self._merge_row(entity, uid, b.get(uid), m.get(uid), t.get(uid))
        self._settle_reorders()
        self._repair_references()
        drop_orphans(self.out)  # values of custom fields the merge deleted
        self._unlink_milestones()
        self._break_cycles()
        self._follow_key_prefix()
        self._renumber_keys()
        self._unique_names("baseline", "name")
        self._unique_links()
        self.result.items_changed = sum(
            1
            for entity in ENTITIES
            if entity != "history"  # their log of the same changes: not more changes
            for uid, row in {**self.mine.get(entity, {}), **self.out[entity]}.items()
            if _uncounted(entity, self.out[entity].get(uid))
            != _uncounted(entity, self.mine.get(entity, {}).get(uid))
        )

    # -- one row -------------------------------------------------------------
    def _merge_row(
        self, entity: str, uid: str, b: Row | None, m: Row | None, t: Row | None
    ) -> None:
        if m is None and t is None:
            return  # deleted on both sides (or never there)
        if b is not None and (m is None or t is None):
            self._deleted_on_one_side(entity, uid, b, m, t)
            return
        if m is None or t is None:
            self.out[entity][uid] = dict(m if m is not None else t)  # type: ignore[arg-type]
            return
        if m == t or t == b:
            self.out[entity][uid] = dict(m)  # ours already (most rows: one side left alone)
        elif m == b:
            self.out[entity][uid] = dict(t)
        else:
            self.out[entity][uid] = self._merge_fields(entity, uid, b, m, t)

    def _deleted_on_one_side(
        self, entity: str, uid: str, b: Row, m: Row | None, t: Row | None
    ) -> None:
        deleter: Side = "mine" if m is None else "theirs"
        other = t if m is None else m
        assert other is not None
        if _content(entity, other) == _content(entity, b):
            self.deleted_by[(entity, uid)] = deleter
            return  # the other side left it alone: the deletion stands
        conflict = _deletion(entity, uid, deleter, other, b, m, t)
        choice = self.settle(conflict)
        if choice == deleter:
            self.deleted_by[(entity, uid)] = deleter
            return
        if choice is None:
            self.result.conflicts.append(conflict)
            self.kept_pending.add((entity, uid))
        if entity == "requirement":
            self.kept.add(uid)
        self.out[entity][uid] = dict(other)

    def _merge_fields(self, entity: str, uid: str, b: Row | None, m: Row, t: Row) -> Row:
        merged = dict(m)
        for name, columns in fields_of(entity, m).items():
            bv, mv, tv = _value(b, columns), _value(m, columns), _value(t, columns)
            if mv == tv or tv == bv:
                continue  # ours already
            if mv == bv:
                _put(merged, columns, tv)
                continue
            if name in _ORDER_FIELDS and m.get("parent_uid") == t.get("parent_uid"):
                self.reordered.append((entity, uid, b, m, t))
                continue
            if (entity, name) in TEXTS and isinstance(bv, str):
                combined = merge_text(bv, mv, tv)
                if combined is not None:
                    merged[name] = combined
                    self.result.notes.append(
                        Note("text_merged", entity, uid, label_of(entity, merged), name)
                    )
                    continue
            if (entity, name) == ("link", "review"):
                _put(merged, columns, merge_marks(mv, tv))  # settled by rule, never asked
                continue
            if (entity, name) == CUSTOM and isinstance(mv, str) and isinstance(tv, str):
                # Key by key; a field both set differently is a conflict of its own.
                merged[name], clashes = custom_conflicts(bv, mv, tv, self.out["custom_field"])
                for key, kind, cb, cm, ct in clashes:
                    label = label_of(entity, m)
                    conflict = Conflict(entity, uid, key, kind, label, cb, cm, ct)  # type: ignore[arg-type]
                    choice = self.settle(conflict)
                    if choice is None:
                        self.result.conflicts.append(conflict)
                    elif choice == "theirs":
                        merged[name] = put_custom(merged[name], key, ct)
                    elif isinstance(choice, Edited):
                        merged[name] = put_custom(merged[name], key, choice.value)
                continue
            if (entity, name) in KEYED and isinstance(mv, str) and isinstance(tv, str):
                keyed = merge_keyed(bv if isinstance(bv, str) else None, mv, tv)
                if keyed is not None:
                    merged[name] = keyed
                    continue
            conflict = Conflict(
                entity,
                uid,
                name,
                "changed" if b is not None else "added",
                label_of(entity, m),
                bv,
                mv,
                tv,
            )
            self._decide(conflict, merged, columns, tv)
        for column in STAMPS.get(entity, ()):
            if column.startswith("updated") and t.get("updated_at", "") > m.get("updated_at", ""):
                merged[column] = t[column]
        return merged

    def _decide(self, conflict: Conflict, row: Row, columns: tuple[str, ...], theirs: Any) -> None:
        """Settle `conflict` as the caller's `settle` says (ours is in `row`
        already), or keep it for the user."""
        choice = self.settle(conflict)
        if choice is None:
            self.result.conflicts.append(conflict)
        elif choice == "theirs":
            _put(row, columns, theirs)
        elif isinstance(choice, Edited):
            _put(row, columns, choice.value)

    def _settle_reorders(self) -> None:
        """Both sides moved a row within one parent. If no other row now sits
        between the two places, both put it in the same place (their ranks
        differ only because each session makes its own): theirs is taken, as
        it is published already. Otherwise it is a conflict."""
        siblings: dict[tuple[str, str | None], list[tuple[str, str]]] = {}
        if self.reordered:
            for entity in {e for e, *_ in self.reordered}:
                for other, row in self.out[entity].items():
                    key = (entity, row.get("parent_uid"))
                    siblings.setdefault(key, []).append((row["rank"], other))
        for entity, uid, b, m, t in self.reordered:
            name, columns = next(
                (n, c) for n, c in fields_of(entity, m).items() if n in _ORDER_FIELDS
            )
            row = self.out[entity][uid]
            low, high = sorted([(m["rank"], uid), (t["rank"], uid)])
            between = siblings[(entity, row.get("parent_uid"))]
            if not any(low < place < high for place in between if place[1] != uid):
                _put(row, columns, _value(t, columns))
                continue
            bv, mv, tv = _value(b, columns), _value(m, columns), _value(t, columns)
            kind: ConflictKind = "changed" if b is not None else "added"
            conflict = Conflict(entity, uid, name, kind, label_of(entity, m), bv, mv, tv)
            self._decide(conflict, row, columns, tv)

    def _union_history(self) -> None:
        history = self.out["history"]
        history.update(self.mine.get("history", {}))
        for uid, row in self.theirs.get("history", {}).items():
            history.setdefault(uid, dict(row))

    # -- consistency -----------------------------------------------------------
    def _repair_references(self) -> None:
        """A kept row must not point at a deleted one.

        The deleting side's cascade already removed what it knew of; what points
        at a deleted row now was added or changed by the other side (a child
        added under a deleted epic, a link to it, a release chosen). That is an
        edit against a deletion: the deleted row is kept while the user decides.
        """
        while True:
            missing = self._dangling()
            if not missing:
                return
            for entity, uid in missing:
                if entity == "requirement" and self._only_kept_children(uid):
                    for child in self._children_in_out(uid):
                        self._move_up(child, uid)
                elif entity in _GROUPING and self._only_kept_members(entity, uid):
                    self._cascade(entity, uid)  # clears the kept rows' reference
                else:
                    self._settle_dangling(entity, uid)

    def _unlink_milestones(self) -> None:
        """A milestone of a release the merge deleted loses the link, as the
        database's ON DELETE SET NULL would do on either side."""
        releases = self.out["release"]
        for row in self.out["milestone"].values():
            if row.get("release_uid") is not None and row["release_uid"] not in releases:
                row["release_uid"] = None

    def _only_kept_members(self, entity: str, uid: str) -> bool:
        """Is a deleted release, lane or persona referred to only by requirements that
        were in it all along, kept against their own deletion? Then nobody
        chose it again: its deletion stands, and they leave it, as the
        requirements the deleting side kept did."""
        deleter = self.deleted_by.get((entity, uid))
        if deleter is None:
            return False
        column = f"{entity}_uid"
        keeper = (self.theirs if deleter == "mine" else self.mine).get("requirement", {})
        base = self.base.get("requirement", {})
        for member, row in self.out["requirement"].items():
            if row[column] != uid:
                continue
            was, kept = base.get(member), keeper.get(member)
            if member not in self.kept or was is None or kept is None:
                return False
            if was[column] != uid or kept[column] != uid:
                return False  # put in it by the keeper: an edit against its deletion
        return True

    def _only_kept_children(self, uid: str) -> bool:
        """Is a deleted requirement referred to only by children that were under
        it all along, on the other side too? Then the other side did nothing to
        the requirement itself: its deletion stands, and the children move up to
        its place. Such a child is one kept because it was changed, or one the
        deleting side had moved out to a place that is gone or lost a conflict
        (it is back under the deleted one by the merge, not by the other side)."""
        deleter = self.deleted_by.get(("requirement", uid))
        if deleter is None or any(
            uid in (link["from_uid"], link["to_uid"]) for link in self.out["link"].values()
        ):
            return False
        keeper = (self.theirs if deleter == "mine" else self.mine).get("requirement", {})
        base = self.base.get("requirement", {})
        for child in self._children_in_out(uid):
            was, kept = base.get(child), keeper.get(child)
            if was is None or kept is None or was["parent_uid"] != uid:
                return False  # added or moved under it: an edit against its deletion
            if kept["parent_uid"] != uid:
                return False
        return True

    def _children_in_out(self, uid: str) -> list[str]:
        return [u for u, r in self.out["requirement"].items() if r["parent_uid"] == uid]

    def _move_up(self, child: str, deleted: str, gone: Collection[str] = ()) -> None:
        """Put a kept child of a deleted requirement where that requirement was
        (or where its nearest kept ancestor has it), and tell the user."""
        reqs = self.out["requirement"]
        sides = (self.mine.get("requirement", {}), self.theirs.get("requirement", {}))
        base = self.base.get("requirement", {})
        parent: str | None = deleted
        rank = reqs[child]["rank"]
        seen: set[str] = set()
        while parent is not None and (parent not in reqs or parent in gone) and parent not in seen:
            seen.add(parent)
            row = sides[0].get(parent) or sides[1].get(parent) or base.get(parent)
            if row is None:
                parent = None
                break
            parent, rank = row["parent_uid"], row["rank"]
        gone_row = next((t[deleted] for t in (*sides, base) if deleted in t), None)
        reqs[child]["parent_uid"], reqs[child]["rank"] = parent, rank
        label = "" if gone_row is None else f"{gone_row['key']} {gone_row['title']}".strip()
        # Put back under the deleted one first (its other place was gone too):
        # the place it ends in is this one, and one note says so.
        self.result.notes[:] = [
            n for n in self.result.notes if not (n.kind == "moved_back" and n.uid == child)
        ]
        self.result.notes.append(
            Note("moved_up", "requirement", child, label_of("requirement", reqs[child]), label)
        )

    def _dangling(self) -> list[tuple[str, str]]:
        reqs = self.out["requirement"]
        found: dict[tuple[str, str], None] = {}
        for row in reqs.values():
            for column, entity in (
                ("parent_uid", "requirement"),
                ("release_uid", "release"),
                ("lane_uid", "lane"),
                ("persona_uid", "persona"),
            ):
                target = row.get(column)
                if target is not None and target not in self.out[entity]:
                    found[(entity, target)] = None
        for row in self.out["link"].values():
            for column in ("from_uid", "to_uid"):
                if row[column] not in reqs:
                    found[("requirement", row[column])] = None
        return list(found)

    def _settle_dangling(self, entity: str, uid: str) -> None:
        deleter = self.deleted_by.get((entity, uid))
        keeper: Side = "theirs" if deleter == "mine" else "mine"
        row = (self.theirs if keeper == "theirs" else self.mine).get(entity, {}).get(uid)
        if row is None or deleter is None:  # pragma: no cover - needs a damaged file
            row = self.base.get(entity, {}).get(uid)
        if row is None:  # pragma: no cover - a reference no side can explain
            self._cascade(entity, uid)
            return
        b = self.base.get(entity, {}).get(uid)
        kept = (None, row) if keeper == "theirs" else (row, None)
        conflict = _deletion(entity, uid, deleter or "theirs", row, b, *kept)
        conflict = replace(conflict, refers=self._referring(entity, uid))
        choice = self.settle(conflict)
        if deleter is not None and choice == deleter:
            self._cascade(entity, uid, deleter)
            return
        if choice is None:
            self.result.conflicts.append(conflict)
        self.deleted_by.pop((entity, uid), None)
        if entity == "requirement":
            self.kept.add(uid)
        self.out[entity][uid] = dict(row)

    def _referring(self, entity: str, uid: str) -> tuple[str, ...]:
        """The requirements that point at a row: its children, the other end of
        its links, or, for a release, lane or persona, the requirements in it."""
        reqs = self.out["requirement"]
        if entity in _GROUPING:
            found = [r for r in reqs.values() if r[f"{entity}_uid"] == uid]
        else:
            others = {
                link["to_uid"] if link["from_uid"] == uid else link["from_uid"]
                for link in self.out["link"].values()
                if uid in (link["from_uid"], link["to_uid"])
            }
            found = [r for u, r in reqs.items() if r["parent_uid"] == uid or u in others]
        return tuple(sorted(f"{r['key']} {r['title']}".strip() for r in found))

    def _cascade(self, entity: str, uid: str, deleter: Side | None = None) -> None:
        """What a deletion takes along: a subtree with its links, a release, lane
        or persona reference (cleared), as the database would on the deleting side.

        A requirement the other side moved under the deleted one, but which the
        deleting side still has, is not deleted: it goes back to its place there
        (a `moved_back` note). One kept against the deletion by the user's choice
        moves up to the deleted one's place (a `moved_up` note). Only what the
        deleting side has not got and nobody chose to keep goes."""
        if entity in _GROUPING:
            column = f"{entity}_uid"
            for row in self.out["requirement"].values():
                if row[column] == uid:
                    row[column] = None
            return
        reqs = self.out["requirement"]
        sides = {"mine": self.mine, "theirs": self.theirs}
        still_there = sides[deleter].get("requirement", {}) if deleter else {}
        doomed = {uid}
        grew = True
        while grew:
            children = {u for u, r in reqs.items() if r["parent_uid"] in doomed} - doomed
            kept = (children & self.kept) - set(still_there)
            for child in kept:  # kept against this deletion by the user's choice: it stays
                self._move_up(child, reqs[child]["parent_uid"], doomed)
            children -= kept
            for child in children & set(still_there):
                reqs[child]["parent_uid"] = still_there[child]["parent_uid"]
                reqs[child]["rank"] = still_there[child]["rank"]
                note = Note(
                    "moved_back", "requirement", child, label_of("requirement", reqs[child])
                )
                self.result.notes.append(note)
            children -= set(still_there)
            grew = bool(children)
            doomed |= children
        for gone in doomed - {uid}:
            row = reqs[gone]  # named with its title: its key may be given out again
            label = f"{row['key']} {row['title']}".strip()
            self.result.notes.append(Note("cascaded", "requirement", gone, label))
            del reqs[gone]
        links = self.out["link"]
        for link_uid in [u for u, r in links.items() if {r["from_uid"], r["to_uid"]} & doomed]:
            del links[link_uid]

    def _break_cycles(self) -> None:
        """We moved A under B while they moved B under A: each move alone is fine,
        together they would cut both out of the tree. Our side's place wins for
        the requirement they moved, and the user is told (a `moved_back` note)."""
        reqs, mine = self.out["requirement"], self.mine.get("requirement", {})
        rooted: set[str] = set()  # known to reach the top level: no need to walk again
        # Our own tree has no cycle: one can only pass through a place we did not choose.
        moved = [
            u for u, r in reqs.items() if u not in mine or r["parent_uid"] != mine[u]["parent_uid"]
        ]
        for start in moved:
            cycle = _cycle_from(reqs, start, rooted)
            while cycle:
                theirs_moved = [
                    u for u in cycle if u in mine and reqs[u]["parent_uid"] != mine[u]["parent_uid"]
                ]
                uid = theirs_moved[0] if theirs_moved else cycle[0]
                was = mine.get(uid) or self.base.get("requirement", {}).get(uid) or {}
                reqs[uid]["parent_uid"] = was.get("parent_uid")
                reqs[uid]["rank"] = was.get("rank", reqs[uid]["rank"])
                self.result.notes.append(
                    Note("moved_back", "requirement", uid, label_of("requirement", reqs[uid]))
                )
                cycle = _cycle_from(reqs, start, rooted)

    def _follow_key_prefix(self) -> None:
        """One side changed the key prefix (RenumberKeys): what the other side
        added meanwhile, still keyed with the old prefix, takes the new one
        (same number; a clash is then renumbered like any other)."""
        prefix = next(iter(self.out["project"].values()))["key_prefix"]
        base_project = next(iter(self.base.get("project", {}).values()), None)
        old = base_project["key_prefix"] if base_project else prefix
        if old == prefix:
            return
        for row in self.out["requirement"].values():
            if row["key"] == vocabulary.format_key(old, row["number"]):
                row["key"] = vocabulary.format_key(prefix, row["number"])

    def _renumber_keys(self) -> None:
        """Both sides gave out the same number: ours moves to a fresh one.

        Each side numbers its new requirements from the project's counter, so
        both hand out the numbers from the base's counter on. Their side's are
        published: a new requirement of ours with a number they gave out (to a
        requirement they kept or one they deleted since) takes a number neither
        side ever gave out, from the merged counter, the highest of the three.
        A key their side published stays theirs even when that requirement did
        not survive the merge (deleted with a parent we deleted): reusing it for
        ours would make "CRM-46" mean two things to the people who saw both."""
        reqs = self.out["requirement"]
        theirs = self.theirs.get("requirement", {})
        base = self.base.get("requirement", {})
        published = {row["key"]: uid for uid, row in theirs.items()}
        by_key: dict[str, list[str]] = {}
        for uid, row in reqs.items():
            by_key.setdefault(row["key"], []).append(uid)
        moving: dict[str, None] = {}
        for key, uids in by_key.items():
            owner = published.get(key)
            if len(uids) < 2 and (owner is None or owner in uids):
                continue
            keep = owner if owner in uids else (None if owner is not None else uids[0])
            moving.update((uid, None) for uid in uids if uid != keep)
        given_out = range(_counter(self.base), _counter(self.theirs))
        for uid, row in reqs.items():
            if uid not in base and uid not in theirs and row["number"] in given_out:
                moving[uid] = None  # ours, new, with a number they gave out too
        numbers = [r["number"] for r in reqs.values()] + [r["number"] for r in theirs.values()]
        next_number = max(
            max(numbers, default=0) + 1, *(_counter(t) for t in (self.base, self.mine, self.theirs))
        )
        project = next(iter(self.out["project"].values()))
        prefix = project["key_prefix"]
        for uid in sorted(moving, key=lambda u: (reqs[u]["number"], u)):
            row = reqs[uid]
            key = row["key"]
            row["number"] = next_number
            row["key"] = vocabulary.format_key(prefix, next_number)
            next_number += 1
            self.result.notes.append(Note("renumbered", "requirement", uid, row["key"], detail=key))
        if "next_number" in project:
            project["next_number"] = next_number

    def _unique_names(self, entity: str, column: str) -> None:
        seen: set[str] = set()
        theirs = self.theirs.get(entity, {})
        rows = sorted(self.out[entity].items(), key=lambda item: item[0] not in theirs)
        for uid, row in rows:
            name = row[column]
            if name not in seen:
                seen.add(name)
                continue
            n = 2
            while f"{name} ({n})" in seen:
                n += 1
            row[column] = f"{name} ({n})"
            seen.add(row[column])
            self.result.notes.append(Note("renamed", entity, uid, row[column], detail=name))

    def _unique_links(self) -> None:
        """Both sides added the same link: one is enough."""
        seen: set[tuple[str, str, str]] = set()
        theirs = self.theirs.get("link", {})
        links = self.out["link"]
        for uid in sorted(links, key=lambda u: u not in theirs):
            row = links[uid]
            ends = (row["from_uid"], row["to_uid"], row["type"])
            if ends in seen:
                del links[uid]
            seen.add(ends)


def _deletion(
    entity: str, uid: str, deleter: Side, kept: Row, b: Row | None, m: Row | None, t: Row | None
) -> Conflict:
    """One side deleted a row the other changed (or added something under)."""

    def content(row: Row | None) -> dict[str, Any] | None:
        return None if row is None else _content(entity, row)

    kind: ConflictKind = "deleted_by_mine" if deleter == "mine" else "deleted_by_theirs"
    return Conflict(
        entity, uid, DELETED, kind, label_of(entity, kept), content(b), content(m), content(t)
    )


def _uncounted(entity: str, row: Row | None) -> Row | None:
    """A row without its counters: a counter taken from their side is no change of ours."""
    counters = COUNTERS.get(entity)
    if row is None or not counters:
        return row
    return {k: v for k, v in row.items() if k not in counters}


def _counter(tables: Tables) -> int:
    """The project's next requirement number in one copy (1 if it keeps none)."""
    project = next(iter(tables.get("project", {}).values()), None)
    return int((project or {}).get("next_number") or 1)


def _cycle_from(reqs: dict[str, Row], start: str, rooted: set[str]) -> list[str]:
    """The requirements of a parent cycle reached from `start` ([] if none);
    the walk ends at a requirement in `rooted`, and adds the ones it proved."""
    path: list[str] = []
    seen: dict[str, int] = {}
    uid: str | None = start
    while uid is not None and uid in reqs and uid not in rooted:
        if uid in seen:
            return path[seen[uid] :]
        seen[uid] = len(path)
        path.append(uid)
        uid = reqs[uid]["parent_uid"]
    rooted.update(path)
    return []


def _put(row: Row, columns: tuple[str, ...], value: Any) -> None:
    if len(columns) == 1:
        row[columns[0]] = value
    else:
        row.update({c: value[c] for c in columns})


def _content(entity: str, row: Row) -> dict[str, Any]:
    """A row without its bookkeeping columns: what a user changed."""
    skip = {"uid", *STAMPS.get(entity, ()), *_MARKS.get(entity, ())}
    return {k: v for k, v in row.items() if k not in skip}


def _ordered_union(*maps: Mapping[str, Row]) -> list[str]:
    seen: dict[str, None] = {}
    for m in maps:
        seen.update(dict.fromkeys(m))
    return list(seen)
