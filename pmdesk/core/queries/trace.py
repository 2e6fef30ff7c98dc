"""Traceability questions: suspect links, impact, coverage problems, the matrix.

All read the whole (small) requirement and link tables once and answer in
Python: a project holds thousands of requirements and links, not millions,
and one pass keeps the rules readable.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, select

from pmdesk.core.domain.directives import PROBLEM_CHECKS
from pmdesk.core.domain.directives import ProblemCode as ProblemCode
from pmdesk.core.domain.vocabulary import DEPENDING_LINK_TYPES
from pmdesk.core.schema.tables import Link, Requirement

PROBLEM_CODES = PROBLEM_CHECKS  # the checks, in the Problems tab's order
# Finished or dropped work needs no release or owner any more.
_SETTLED = frozenset({"done", "rejected"})


@dataclass(frozen=True)
class Req:
    uid: str
    key: str
    title: str
    kind: str
    status: str
    number: int


@dataclass(frozen=True)
class Problem:
    code: ProblemCode
    uid: str  # the requirement to select
    key: str
    title: str
    # Other requirements involved: the rejected target, the rest of the cycle (keys).
    others: tuple[str, ...] = ()


@dataclass(frozen=True)
class Impacted:
    uid: str
    key: str
    title: str
    depth: int  # 1: depends on it directly
    via: str  # key of the requirement it depends on, on the way


@dataclass(frozen=True)
class SuspectLink:
    uid: str
    from_uid: str
    from_key: str
    to_uid: str
    to_key: str
    type: str
    suspect_at: str


@dataclass(frozen=True)
class Matrix:
    rows: tuple[Req, ...]
    columns: tuple[Req, ...]
    # (row uid, column uid) → link types between them (either direction), and
    # "contains" where the column sits under the row in the tree.
    cells: dict[tuple[str, str], tuple[str, ...]]

    def covered_rows(self) -> int:
        """Rows with at least one cell: traced to something in the columns."""
        return len({r for r, _ in self.cells})

    def covered_columns(self) -> int:
        return len({c for _, c in self.cells})


def _requirements(conn: Connection) -> dict[str, Req]:
    rows = conn.execute(
        select(
            Requirement.uid,
            Requirement.key,
            Requirement.title,
            Requirement.kind,
            Requirement.status,
            Requirement.number,
        ).order_by(Requirement.number)
    )
    return {r[0]: Req(*r) for r in rows}


def suspect_links(conn: Connection) -> list[SuspectLink]:
    """Every link that needs review, by the depending requirement's number."""
    reqs = _requirements(conn)
    rows = conn.execute(
        select(Link.uid, Link.from_uid, Link.to_uid, Link.type, Link.suspect_at).where(
            Link.suspect_at.is_not(None)
        )
    ).all()
    found = [
        SuspectLink(
            r.uid,
            r.from_uid,
            reqs[r.from_uid].key,
            r.to_uid,
            reqs[r.to_uid].key,
            r.type,
            r.suspect_at,
        )
        for r in rows
        if r.from_uid in reqs and r.to_uid in reqs
    ]
    return sorted(found, key=lambda s: (reqs[s.from_uid].number, reqs[s.to_uid].number))


def suspect_requirements(conn: Connection) -> frozenset[str]:
    """Requirements with a link that needs review (the one that depends, and the changed one)."""
    rows = conn.execute(
        select(Link.from_uid, Link.to_uid).where(Link.suspect_at.is_not(None))
    ).all()
    return frozenset(u for r in rows for u in r)


def _dependents(conn: Connection) -> dict[str, list[str]]:
    """uid → the requirements that rest on it: "A depends on / derived from B" and
    "B blocks A" both make A depend on B."""
    out: dict[str, list[str]] = defaultdict(list)
    for source, target, kind in conn.execute(select(Link.from_uid, Link.to_uid, Link.type)):
        if kind in DEPENDING_LINK_TYPES:
            out[target].append(source)
        elif kind == "blocks":
            out[source].append(target)
    return out


def impact(conn: Connection, uid: str) -> list[Impacted]:
    """Everything that depends on requirement `uid`, transitively, nearest first."""
    reqs = _requirements(conn)
    dependents = _dependents(conn)
    seen = {uid}
    found: list[Impacted] = []
    frontier = [uid]
    depth = 0
    while frontier:
        depth += 1
        following: list[str] = []
        for current in frontier:
            for other in sorted(dependents.get(current, ()), key=lambda u: reqs[u].number):
                if other in seen or other not in reqs:
                    continue
                seen.add(other)
                r = reqs[other]
                found.append(Impacted(other, r.key, r.title, depth, reqs[current].key))
                following.append(other)
        frontier = following
    return found


def _cycles(conn: Connection, reqs: dict[str, Req]) -> list[list[str]]:
    """Strongly connected groups (2 or more) of the "depends on" graph (Tarjan)."""
    graph: dict[str, list[str]] = defaultdict(list)
    for source, target in conn.execute(
        select(Link.from_uid, Link.to_uid).where(Link.type == "depends_on")
    ):
        graph[source].append(target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for start in sorted(graph, key=lambda u: reqs[u].number if u in reqs else 0):
        if start in index:
            continue
        # Iterative: a long chain of dependencies must not hit the recursion limit.
        work = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            nexts = graph.get(node, [])
            if i < len(nexts):
                work.append((node, i + 1))
                nxt = nexts[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group, key=lambda u: reqs[u].number))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return sorted(groups, key=lambda g: reqs[g[0]].number)


def problems(conn: Connection, codes: tuple[ProblemCode, ...] = PROBLEM_CODES) -> list[Problem]:
    """The coverage checks, in the order of `codes`, each by requirement number."""
    reqs = _requirements(conn)
    extra = {
        r[0]: r[1:]
        for r in conn.execute(
            select(
                Requirement.uid,
                Requirement.acceptance,
                Requirement.owner,
                Requirement.release_uid,
                Requirement.parent_uid,
            )
        )
    }
    out: list[Problem] = []

    def add(code: ProblemCode, uid: str, others: tuple[str, ...] = ()) -> None:
        r = reqs[uid]
        out.append(Problem(code, uid, r.key, r.title, others))

    children: dict[str | None, list[str]] = defaultdict(list)
    for uid, (_, _, _, parent) in extra.items():
        children[parent].append(uid)

    def has_story_below(uid: str) -> bool:
        pending = list(children.get(uid, ()))
        while pending:
            current = pending.pop()
            if reqs[current].kind == "story":
                return True
            pending += children.get(current, ())
        return False

    linked_stories: set[str] = set()
    links = conn.execute(select(Link.from_uid, Link.to_uid, Link.type)).all()
    for source, target, _ in links:
        if reqs.get(source) and reqs[source].kind == "story":
            linked_stories.add(target)
        if reqs.get(target) and reqs[target].kind == "story":
            linked_stories.add(source)
    for code in codes:
        if code == "story_no_acceptance":
            for uid, r in reqs.items():
                if r.kind == "story" and r.status != "rejected" and not json.loads(extra[uid][0]):
                    add(code, uid)
        elif code == "feature_no_stories":
            for uid, r in reqs.items():
                if (
                    r.kind == "feature"
                    and r.status != "rejected"
                    and uid not in linked_stories
                    and not has_story_below(uid)
                ):
                    add(code, uid)
        elif code in ("no_release", "no_owner"):
            column = 2 if code == "no_release" else 1
            for uid, r in reqs.items():
                if r.status not in _SETTLED and not extra[uid][column]:
                    add(code, uid)
        elif code == "link_to_rejected":
            for source, target, _ in sorted(
                links, key=lambda link: (reqs[link[0]].number, reqs[link[1]].number)
            ):
                if reqs[target].status == "rejected" and reqs[source].status != "rejected":
                    add(code, source, (reqs[target].key,))
        elif code == "dependency_cycle":
            for group in _cycles(conn, reqs):
                add(code, group[0], tuple(reqs[u].key for u in group))
    return out


def matrix(
    conn: Connection, row_kind: str | frozenset[str], column_kind: str | frozenset[str]
) -> Matrix:
    """Requirements of `row_kind` × of `column_kind`, cells by link type (and
    "contains" where a column requirement lies under a row requirement). A side
    given as a set of uids (a saved view's requirements) takes those instead."""
    reqs = _requirements(conn)

    def chosen(r: Req, side: str | frozenset[str]) -> bool:
        return r.uid in side if isinstance(side, frozenset) else r.kind == side

    rows = tuple(r for r in reqs.values() if chosen(r, row_kind))
    columns = tuple(r for r in reqs.values() if chosen(r, column_kind))
    row_uids, column_uids = {r.uid for r in rows}, {c.uid for c in columns}
    cells: dict[tuple[str, str], set[str]] = defaultdict(set)
    for source, target, kind in conn.execute(select(Link.from_uid, Link.to_uid, Link.type)):
        if source in row_uids and target in column_uids:
            cells[(source, target)].add(kind)
        if target in row_uids and source in column_uids:
            cells[(target, source)].add(kind)
    parents: dict[str, str | None] = {
        uid: parent for uid, parent in conn.execute(select(Requirement.uid, Requirement.parent_uid))
    }
    for column in column_uids:
        parent = parents.get(column)
        while parent is not None:
            if parent in row_uids:
                cells[(parent, column)].add("contains")
            parent = parents.get(parent)
    order = ("contains", *sorted({k for v in cells.values() for k in v} - {"contains"}))
    return Matrix(
        rows,
        columns,
        {key: tuple(k for k in order if k in kinds) for key, kinds in cells.items()},
    )
