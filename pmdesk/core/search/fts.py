"""SQLite FTS5 trigram index, in a file of its own beside the working copy.

Derived data, never published: the project file and snapshots know nothing of
it, so colleagues on any pmdesk version see no difference. It is rebuilt when
missing or of another format, brought in step by comparing each doc's text
signature (after opening, recovering or a merge: `stale`), and told of each
edit by its effects (`follow`).

Queries: a word of 3+ characters is the AND of its trigrams; a word of 1 or 2
characters (登录) is the OR of the indexed trigrams that start with it, found
in the index's vocabulary (every field is stored with two trailing spaces, so
a word at a field's end starts a trigram too). `LIKE` on the trigram table is
not used: SQLite 3.40 answered it wrongly. Candidates are fetched from the
short fields' index column by column (key, title, tags, owner, persona,
source), then from the index of all the text, and checked by
`matching.match_doc`, which ranks and marks them; fetching stops at the
limit. A word too common for the vocabulary (one Latin letter) is checked on
the candidates only; a query of only such words scans the text, keys first.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pmdesk.core.search.index import DEFAULT_LIMIT
from pmdesk.core.search.matching import FIELDS, Doc, Match, Results, match_doc, query_words, rank
from pmdesk.core.search.sources import (
    SEARCHED,
    Fetch,
    read_docs,
    signature,
    with_dependents,
)

if TYPE_CHECKING:
    from pmdesk.core.ops.base import Effect

FORMAT = "3"
PAD = "  "  # so the last one or two characters of a field start a trigram
MAX_EXPANSION = 400  # trigrams a short word may stand for; more: checked only
_PAGE = 200  # candidate ids fetched at a time
BUILD_CACHE_KIB = 128 * 1024
SHORT = FIELDS[: FIELDS.index("acceptance")]  # key … source: a few words each
_COLS = ", ".join(FIELDS)
_SHORT_COLS = ", ".join(SHORT)
# Two indexes: the short fields column by column (small, so "in a title" is
# quick to ask), and every field in one text (a word anywhere, or words in
# different fields). Both hold the trigrams of the padded text; the second
# keeps no sizes (only ranking functions read them; matching ranks itself).
_SCHEMA = f"""
CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE doc(id INTEGER PRIMARY KEY, entity TEXT NOT NULL, uid TEXT NOT NULL UNIQUE,
                 sig INTEGER NOT NULL, ord INTEGER NOT NULL, {_COLS});
CREATE VIRTUAL TABLE short USING fts5({_SHORT_COLS}, content='doc', content_rowid='id',
                                      tokenize='trigram', detail='column');
CREATE VIRTUAL TABLE whole USING fts5(body, content='', tokenize='trigram', detail='none',
                                      columnsize=0);
CREATE VIRTUAL TABLE vocab USING fts5vocab(whole, 'row');
"""
_SHORT_PADDED = ", ".join(f"{c} || '{PAD}'" for c in SHORT)
_WHOLE = " || ".join(f"{c} || '{PAD}'" for c in FIELDS)

Reader = Callable[[], AbstractContextManager[Fetch]]


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class FtsIndex:
    """The search index of one working copy (see the module's docstring).

    Thread-safe: the window searches on its task runner while edits arrive on
    the GUI thread; an edit met during a long build is queued, never waited on."""

    def __init__(self, path: Path, reader: Reader) -> None:
        self.path = path
        self._reader = reader
        self._lock = threading.RLock()  # the connection and the index
        self._queue_lock = threading.Lock()  # what arrived during a build
        self._queued: dict[str, set[str]] = {}
        self._stale = True  # in step with the project? Not until a first sync
        self._closing = False
        self._building = False
        self._db = self._open()

    # -- the file ---------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        try:
            db = self._connect()
            row = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
            if row is not None and row[0] == FORMAT:
                return db
            db.close()
        except sqlite3.Error:
            pass
        for side in ("", "-wal", "-shm", "-journal"):  # derived: start again
            Path(f"{self.path}{side}").unlink(missing_ok=True)
        db = self._connect()
        with db:
            db.executescript(_SCHEMA)
            db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
        return db

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=OFF")  # derived data: a crash means a rebuild
        return db

    def close(self) -> None:
        """Close the file; a build under way stops (a project closes at once)."""
        self._closing = True
        if self._building:
            self._db.interrupt()  # thread-safe: ends the statement another thread runs
        with self._lock:
            self._db.close()

    @property
    def ready(self) -> bool:
        """In step with the project: a search answers without building first."""
        return not self._stale and not self._building

    def mark_stale(self) -> None:
        """The project changed by more than its effects say (a merge, a recovery)."""
        self._stale = True

    # -- keeping in step ------------------------------------------------------------
    def follow(self, effects: Iterable[Effect]) -> None:
        wanted: dict[str, set[str]] = {}
        for effect in effects:
            if effect.action == "reloaded" or (
                effect.entity == "persona" and effect.action == "removed"
            ):  # a persona's requirements lost it without an effect of their own
                self._stale = True
            elif effect.entity in SEARCHED:
                wanted.setdefault(effect.entity, set()).add(effect.uid)
        if not wanted:
            return
        if not self._lock.acquire(blocking=False):  # a build is running: after it
            with self._queue_lock:
                for entity, uids in wanted.items():
                    self._queued.setdefault(entity, set()).update(uids)
            return
        try:
            self._update(wanted)
        finally:
            self._lock.release()

    def sync(self) -> None:
        """Bring the whole index in step with the project (builds it when empty)."""
        with self._lock:
            self._stale = False  # edits from now on are followed or queued
            self._building = True
            try:
                self._sync()
            except BaseException:
                self._stale = True  # interrupted (closed), or failed: next time
                raise
            finally:
                self._building = False
            self._drain()

    def _sync(self) -> None:
        with self._reader() as fetch:
            docs = list(read_docs(fetch))
        if self._closing:
            raise sqlite3.OperationalError("the search index was closed")
        known = {uid: (i, sig) for i, uid, sig in self._db.execute("SELECT id, uid, sig FROM doc")}
        fresh, changed = [], []
        for doc in docs:
            had = known.pop(doc.uid, None)
            sig = signature(doc)
            if had is None:
                fresh.append((doc, sig))
            elif had[1] != sig:
                changed.append((doc, sig))
        # A large cache while building: the trigram index of 100,000
        # requirements builds in half the time (its pages stay in memory).
        self._db.execute(f"PRAGMA cache_size = -{BUILD_CACHE_KIB}")
        try:
            with self._db:
                self._remove([i for i, _ in known.values()])
                self._remove(self._ids(d.uid for d, _ in changed))
                self._insert(fresh + changed)
        finally:
            self._db.execute("PRAGMA cache_size = -2000")  # SQLite's default
            self._db.execute("PRAGMA shrink_memory")

    def _drain(self) -> None:
        with self._queue_lock:
            queued, self._queued = self._queued, {}
        if queued:
            self._update(queued)

    def _update(self, wanted: dict[str, set[str]]) -> None:
        with self._reader() as fetch:
            wanted = with_dependents(fetch, wanted)
            docs = list(read_docs(fetch, wanted))
        with self._db:
            self._remove(self._ids(uid for uids in wanted.values() for uid in uids))
            self._insert([(d, signature(d)) for d in docs])

    def _ids(self, uids: Iterable[str]) -> list[int]:
        ids = []
        for uid in uids:
            row = self._db.execute("SELECT id FROM doc WHERE uid = ?", (uid,)).fetchone()
            if row is not None:
                ids.append(int(row[0]))
        return ids

    def _remove(self, ids: Sequence[int]) -> None:
        for i in ids:
            self._db.execute(
                f"INSERT INTO short(short, rowid, {_SHORT_COLS})"
                f" SELECT 'delete', id, {_SHORT_PADDED} FROM doc WHERE id = ?",
                (i,),
            )
            self._db.execute(
                f"INSERT INTO whole(whole, rowid, body) SELECT 'delete', id, {_WHOLE}"
                " FROM doc WHERE id = ?",
                (i,),
            )
            self._db.execute("DELETE FROM doc WHERE id = ?", (i,))

    def _insert(self, docs: Sequence[tuple[Doc, int]]) -> None:
        if not docs:
            return
        first = int(self._db.execute("SELECT coalesce(max(id), 0) + 1 FROM doc").fetchone()[0])
        marks = ", ".join("?" * (len(FIELDS) + 5))
        self._db.executemany(
            f"INSERT INTO doc(id, entity, uid, sig, ord, {_COLS}) VALUES ({marks})",
            (
                (first + n, d.entity, d.uid, sig, d.order, *(d.fields.get(f, "") for f in FIELDS))
                for n, (d, sig) in enumerate(docs)
            ),
        )
        self._db.execute(
            f"INSERT INTO short(rowid, {_SHORT_COLS}) SELECT id, {_SHORT_PADDED}"
            " FROM doc WHERE id >= ?",
            (first,),
        )
        self._db.execute(
            f"INSERT INTO whole(rowid, body) SELECT id, {_WHOLE} FROM doc WHERE id >= ?",
            (first,),
        )

    # -- searching ---------------------------------------------------------------------
    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> Results:
        words = query_words(query)
        if not words:
            return Results(query, ())
        with self._lock:
            if self._stale:
                self.sync()
            self._drain()
            found = self._collect(words, limit + 1)
        ranked = rank(list(found.values()), {m.uid: o for m, o in found.values_orders()})
        return Results(query, tuple(ranked[:limit]), len(ranked) > limit)

    def _collect(self, words: Sequence[str], wanted: int) -> _Found:
        found = _Found()
        terms = [t for t in (self._term(w) for w in words) if t is not None]
        if terms:
            every = " AND ".join(f"({t})" for t in terms)
            for column in (*SHORT, None):  # in a key, a title …, then anywhere
                table = "whole" if column is None else "short"
                expr = every if column is None else f"{{{column}}} : ({every})"
                sql = (
                    f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
                    " ORDER BY rowid LIMIT ? OFFSET ?"
                )
                self._fill(found, words, wanted, sql, (expr,))
                if len(found) >= wanted:
                    break
        else:  # only words too common to look up: scan, best field first
            for column in FIELDS:
                test = " AND ".join(f"instr(lower({column}), ?) > 0" for _ in words)
                sql = f"SELECT id FROM doc WHERE {test} ORDER BY id LIMIT ? OFFSET ?"
                self._fill(found, words, wanted, sql, tuple(words))
                if len(found) >= wanted:
                    break
        return found

    def _fill(
        self, found: _Found, words: Sequence[str], wanted: int, sql: str, params: tuple[Any, ...]
    ) -> None:
        offset = 0
        while len(found) < wanted:
            ids = [r[0] for r in self._db.execute(sql, (*params, _PAGE, offset))]
            offset += len(ids)
            new = [i for i in ids if i not in found.seen]
            found.seen.update(ids)
            for doc in self._docs(new):
                match = match_doc(doc, words)
                if match is not None:
                    found.add(match, doc.order)
            if len(ids) < _PAGE:
                return

    def _docs(self, ids: Sequence[int]) -> Iterator[Doc]:
        if not ids:
            return
        marks = ", ".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT entity, uid, ord, {_COLS} FROM doc WHERE id IN ({marks}) ORDER BY id", ids
        )
        for entity, uid, order, *texts in rows:
            yield Doc(entity, uid, {f: t for f, t in zip(FIELDS, texts, strict=True) if t}, order)

    def _term(self, word: str) -> str | None:
        """The FTS5 expression matching every field that holds `word` (and some
        that do not, which the check drops); None when too common to look up."""
        if len(word) >= 3:
            grams = dict.fromkeys(word[i : i + 3] for i in range(len(word) - 2))
            return " AND ".join(_quoted(g) for g in grams)
        rows = self._db.execute(
            "SELECT term FROM vocab WHERE term >= ? AND term < ? LIMIT ?",
            (word, word + "\U0010ffff", MAX_EXPANSION + 1),
        ).fetchall()
        if len(rows) > MAX_EXPANSION:
            return None
        if not rows:
            return '"\x01\x01\x01"'  # matches nothing: no indexed text holds it
        return " OR ".join(_quoted(r[0]) for r in rows)


class _Found:
    """Matches collected so far, and the candidate ids already looked at."""

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self._matches: dict[str, tuple[Match, int]] = {}

    def add(self, match: Match, order: int) -> None:
        self._matches.setdefault(match.uid, (match, order))

    def __len__(self) -> int:
        return len(self._matches)

    def values(self) -> list[Match]:
        return [m for m, _ in self._matches.values()]

    def values_orders(self) -> list[tuple[Match, int]]:
        return list(self._matches.values())


@contextlib.contextmanager
def fetch_on(db: sqlite3.Connection) -> Iterator[Fetch]:
    """A Fetch over a plain sqlite3 connection (tests, benchmarks)."""
    yield lambda sql, params: db.execute(sql, tuple(params)).fetchall()
