"""The searchable text of a project, read with plain SQL (any database).

Each `Source` names an entity, the SELECT that reads its rows and how a row
becomes a `Doc`. Adding an entity to search is one more Source here (and its
fields' names in matching.ENTITY_FIELDS); the indexes need no change.
A requirement's text holds its persona's name, so a persona's rename also
re-reads the requirements of that persona (`dependents`).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pmdesk.core.search.matching import Doc

Fetch = Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]]  # (sql, params) → rows


def _list_text(value: object, sep: str) -> str:
    text = str(value or "[]")
    if text == "[]":
        return ""
    if text.startswith('["') and text.endswith('"]') and "\\" not in text:
        # pmdesk's own JSON list of strings with nothing escaped: its items are
        # the text between '", "' (an item holding that would hold a backslash).
        return sep.join(text[2:-2].split('", "'))
    try:
        items = json.loads(str(value or "[]"))
    except ValueError:
        return str(value or "")
    return sep.join(str(i) for i in items) if isinstance(items, list) else str(items)


@dataclass(frozen=True)
class Source:
    entity: str
    select: str  # columns: uid first; `WHERE {uid_column} IN (…)` may be appended
    to_doc: Callable[[Sequence[Any]], Doc]
    uid_column: str = "uid"
    # (entity, SELECT of its uids whose text holds ours; `IN (…)` appended)
    dependents: tuple[str, str] | None = None
    # The fields (as an Effect names them) its text is made of: an edit of others
    # (a bulk status change, a move) leaves the index alone.
    fields: frozenset[str] = frozenset()
    # Its text as SQL columns of `select` (SQLite's instr/lower pick candidates).
    columns: tuple[str, ...] = ()


def _requirement(row: Sequence[Any]) -> Doc:
    uid, key, title, description, acceptance, owner, tags, source, number, persona = row
    fields = {
        "key": str(key or ""),
        "title": str(title or ""),
        "tags": _list_text(tags, " "),
        "owner": str(owner or ""),
        "persona": str(persona or ""),
        "source": str(source or ""),
        "acceptance": _list_text(acceptance, "\n"),
        "description": str(description or ""),
    }
    return Doc("requirement", str(uid), fields, int(number or 0))


def _persona(row: Sequence[Any]) -> Doc:
    uid, name, role, goals, pain_points, scenarios = row
    text = "\n".join(str(t) for t in (goals, pain_points, scenarios) if t)
    fields = {"title": str(name or ""), "tags": str(role or ""), "description": text}
    return Doc("persona", str(uid), fields, 2 * 10**9)


def _section(row: Sequence[Any]) -> Doc:
    uid, title, body = row
    return Doc(
        "section", str(uid), {"title": str(title or ""), "description": str(body or "")}, 10**9
    )


SOURCES: tuple[Source, ...] = (
    Source(
        "requirement",
        "SELECT r.uid, r.key, r.title, r.description, r.acceptance, r.owner, r.tags,"
        " r.source, r.number, p.name FROM requirement r LEFT JOIN persona p"
        " ON p.uid = r.persona_uid",
        _requirement,
        uid_column="r.uid",
        fields=frozenset(
            ("key", "title", "description", "acceptance", "owner", "tags", "source", "persona")
        ),
        columns=(
            "r.key",
            "r.title",
            "r.tags",
            "r.owner",
            "p.name",
            "r.source",
            "r.acceptance",
            "r.description",
        ),
    ),
    Source(
        "section",
        "SELECT uid, title, body FROM section",
        _section,
        fields=frozenset(("title", "body")),
    ),
    Source(
        "persona",
        "SELECT uid, name, role, goals, pain_points, scenarios FROM persona",
        _persona,
        dependents=("requirement", "SELECT uid FROM requirement WHERE persona_uid"),
        fields=frozenset(("name", "role", "goals", "pain_points", "scenarios")),
    ),
)
SEARCHED = frozenset(s.entity for s in SOURCES)
TEXT_FIELDS = {s.entity: s.fields for s in SOURCES}
_BATCH = 500  # uids per IN (…): well under SQLite's variable limit


def read_docs(fetch: Fetch, uids: dict[str, set[str]] | None = None) -> Iterator[Doc]:
    """Every searchable doc, or only those of `uids` (entity → uids)."""
    for source in SOURCES:
        if uids is None:
            for row in fetch(source.select, ()):
                yield source.to_doc(row)
            continue
        wanted = sorted(uids.get(source.entity, ()))
        for i in range(0, len(wanted), _BATCH):
            chunk = wanted[i : i + _BATCH]
            marks = ", ".join("?" * len(chunk))
            for row in fetch(f"{source.select} WHERE {source.uid_column} IN ({marks})", chunk):
                yield source.to_doc(row)


def read_candidates(fetch: Fetch, words: Sequence[str]) -> Iterator[Doc]:
    """The docs that may hold every word of `words` (lower-cased): every doc
    `match_doc` accepts, and few others. SQLite's `instr(lower(…))` picks them
    without building a Python object per row (a project of 100,000 requirements
    reads in a third of the time); it lowers ASCII letters only, so a word
    holding another letter with a case (Ä), or a quote or backslash (JSON
    lists escape them), is not used to pick (nor is a Turkish İ or a Kelvin
    sign in the text lowered to i or k: no word is found in them this way);
    one character is in nearly every doc: not used either."""
    usable = [w for w in words if _plain(w)]
    for source in SOURCES:
        if not (usable and source.columns):
            for row in fetch(source.select, ()):
                yield source.to_doc(row)
            continue
        anywhere = " OR ".join(f"instr(lower({c}), ?) > 0" for c in source.columns)
        where = " AND ".join(f"({anywhere})" for _ in usable)
        params = [w for w in usable for _ in source.columns]
        for row in fetch(f"{source.select} WHERE {where}", params):
            yield source.to_doc(row)


def _plain(word: str) -> bool:
    cased = (c for c in word if ord(c) > 127 and c.lower() != c.upper())
    return len(word) > 1 and not ('"' in word or "\\" in word or any(cased))


def with_dependents(fetch: Fetch, uids: dict[str, set[str]]) -> dict[str, set[str]]:
    """`uids` and the docs whose text holds theirs (a persona's requirements)."""
    out = {entity: set(found) for entity, found in uids.items()}
    for source in SOURCES:
        wanted = sorted(uids.get(source.entity, ()))
        if source.dependents is None or not wanted:
            continue
        entity, select = source.dependents
        for i in range(0, len(wanted), _BATCH):
            chunk = wanted[i : i + _BATCH]
            marks = ", ".join("?" * len(chunk))
            for (uid,) in fetch(f"{select} IN ({marks})", chunk):
                out.setdefault(entity, set()).add(str(uid))
    return out


def signature(doc: Doc) -> int:
    """A 63-bit checksum of the doc's text: tells an index which docs changed
    (CRC-32 and Adler-32 together: fast, and a change that keeps both is
    vanishingly rare). A source builds its fields in one order, so they are
    taken as they come."""
    data = "\x1f".join(doc.fields.values()).encode("utf-8", "surrogatepass")
    return ((zlib.crc32(data) << 31) ^ zlib.adler32(data)) & (2**63 - 1)
