"""SQLite FTS5 trigram index, in a file of its own beside the working copy.

Derived data, never published: the project file and snapshots know nothing of
it, so colleagues on any pmdesk version see no difference. It is rebuilt when
missing or of another format, brought in step by comparing each doc's text
signature (after opening, recovering or a merge: `stale`), and told of each
edit by its effects (`follow`). `start` builds it on a thread of its own; until
it is ready, `search` reads the project instead (`ScanIndex`: the same answers,
slower), so nothing ever waits for the build.

The index keeps no text of its own (the project has it): two contentless FTS5
tables hold only the trigrams, and `doc` maps their row ids to uids with a
signature of the text. A changed doc gets a new id; its old row id only drops
out of `doc` (a contentless table cannot delete without the old text), so old
trigrams may still name it and are skipped; when such dead rows outnumber the
live ones the index is built again. Candidates are checked against the
project's text as it is now, read by uid.

Queries: a word of 3+ characters is the AND of its trigrams; a word of 1 or 2
characters (登录) is the OR of the indexed trigrams that start with it, found
in the index's vocabulary (every field is indexed with two trailing spaces, so
a word at a field's end starts a trigram too). `LIKE` on the trigram table is
not used: SQLite 3.40 answered it wrongly. Candidates are fetched from the
short fields' index column by column (key, title, tags, owner, persona,
source), then from the index of all the text, and checked by
`matching.match_doc`, which ranks and marks them; fetching stops at the
limit. A word too common for the vocabulary (one Latin letter) is checked on
the candidates only; a query of only such words reads the project until the
limit is reached.
"""

from __future__ import annotations

import contextlib
import ctypes
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from pmdesk.core.search.index import DEFAULT_LIMIT, ScanIndex
from pmdesk.core.search.matching import FIELDS, Doc, Match, Results, match_doc, query_words, rank
from pmdesk.core.search.sources import (
    SEARCHED,
    TEXT_FIELDS,
    Fetch,
    read_docs,
    signature,
    with_dependents,
)

if TYPE_CHECKING:
    from pmdesk.core.ops.base import Effect

FORMAT = "4"
PAD = "  "  # so the last one or two characters of a field start a trigram
MAX_EXPANSION = 400  # trigrams a short word may stand for; more: checked only
_PAGE = 200  # candidate ids fetched at a time
REBUILD_DEAD = 1000  # old rows left by edits before they may outnumber the live ones
_CHUNK = 1000  # docs written at a time while building (memory stays flat)
BUILD_CACHE_KIB = 16 * 1024
# Trigrams FTS5 gathers in memory before writing a segment (its default, 1 MiB,
# makes a 100,000-requirement build write and merge hundreds of small segments:
# a fifth more CPU). 8 MiB: 8 % more CPU than 64 MiB, and the window's peak
# memory while building stays 100 MB lower.
HASH_BYTES = 8 * 1024 * 1024
SHORT = FIELDS[: FIELDS.index("acceptance")]  # key … source: a few words each
_SHORT_COLS = ", ".join(SHORT)
# Two indexes, both contentless: the short fields column by column (small, so
# "in a title" is quick to ask), and every field in one text (a word anywhere,
# or words in different fields). Neither keeps sizes (only ranking functions
# read them; matching ranks itself).
_SCHEMA = f"""
CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE doc(id INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL,
                 uid TEXT NOT NULL UNIQUE, sig INTEGER NOT NULL);
CREATE VIRTUAL TABLE short USING fts5({_SHORT_COLS}, content='', detail='column', columnsize=0,
                                      tokenize='trigram case_sensitive 1');
CREATE VIRTUAL TABLE whole USING fts5(body, content='', detail='none', columnsize=0,
                                      tokenize='trigram case_sensitive 1');
CREATE VIRTUAL TABLE vocab USING fts5vocab(whole, 'row');
INSERT INTO short(short, rank) VALUES ('hashsize', {HASH_BYTES});
INSERT INTO whole(whole, rank) VALUES ('hashsize', {HASH_BYTES});
INSERT INTO meta VALUES ('format', '{FORMAT}'), ('dead', '0'), ('built', '0');
"""

Reader = Callable[[], AbstractContextManager[Fetch]]


def _give_back_memory() -> None:
    """Hand the heap a build freed back to the system: glibc keeps it otherwise
    (70–120 MB after building the index of 100,000 requirements)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def _leaves_text(effect: Effect) -> bool:
    """Whether `effect` leaves the searchable text as it was (a move, a status)."""
    if effect.action == "moved":
        return True
    names = TEXT_FIELDS.get(effect.entity, frozenset())
    return effect.action == "updated" and bool(effect.fields) and names.isdisjoint(effect.fields)


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
        self._background = False  # `start` was asked: never build inside a search
        self._thread: threading.Thread | None = None
        self._unfinished = False  # a first build under way (the file has no journal then)
        self._db = self._open()

    # -- the file ---------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        try:
            db = self._connect()
            found = dict(db.execute("SELECT name, value FROM meta"))
            if found.get("format") == FORMAT and found.get("built") == "1":
                return db  # (a first build cut short, without a journal: never reused)
            db.close()
        except sqlite3.Error:
            pass
        return self._create()

    def _create(self) -> sqlite3.Connection:
        for side in ("", "-wal", "-shm", "-journal"):  # derived: start again
            Path(f"{self.path}{side}").unlink(missing_ok=True)
        db = self._connect()
        with db:
            db.executescript(_SCHEMA)
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
            if self._unfinished:  # written without a journal: never reuse it
                for side in ("", "-wal", "-shm", "-journal"):
                    Path(f"{self.path}{side}").unlink(missing_ok=True)
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    @property
    def ready(self) -> bool:
        """In step with the project: a search answers without building first."""
        return not self._stale and not self._building

    def mark_stale(self) -> None:
        """The project changed by more than its effects say (a merge, a recovery)."""
        self._stale = True

    # -- keeping in step ------------------------------------------------------------
    def start(self) -> None:
        """Build the index, or bring it in step, on a thread of its own; from now
        on a search never waits for a build: until the index is ready it reads
        the project (and a later merge starts the thread again)."""
        with self._queue_lock:
            self._background = True
            if self.ready or self._closing:
                return
            if self._thread is not None and self._thread.is_alive():
                return
            self._thread = threading.Thread(
                target=self._build_quietly, name="pmdesk-search-index", daemon=True
            )
            self._thread.start()

    def _build_quietly(self) -> None:
        # Whatever stops it (the project closed, its file damaged: the database
        # layer's own errors too), the index stays stale and a search reads the
        # project, which says what is wrong; a thread has no one to tell.
        with contextlib.suppress(Exception):
            self.sync()

    def follow(self, effects: Iterable[Effect]) -> None:
        """Take in an applied operation's effects. Once `start`ed, they are only
        noted (the next search, off the GUI thread, indexes them): an edit never
        waits for the index, nor does a bulk edit of 100,000 requirements."""
        wanted: dict[str, set[str]] = {}
        for effect in effects:
            if effect.action == "reloaded" or (
                effect.entity == "persona" and effect.action == "removed"
            ):  # a persona's requirements lost it without an effect of their own
                self._stale = True
            elif effect.entity in SEARCHED and not _leaves_text(effect):
                wanted.setdefault(effect.entity, set()).add(effect.uid)
        if not wanted:
            return
        if self._background or not self._lock.acquire(blocking=False):  # later
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
                try:
                    self._sync()
                except sqlite3.DatabaseError as e:  # (its subclasses: busy, full, closed…)
                    if type(e) is not sqlite3.DatabaseError or self._closing:
                        raise
                    self._db.close()  # a damaged file: build it anew
                    self._db = self._create()
                    self._sync()
            except BaseException:
                self._stale = True  # interrupted (closed), or failed: next time
                raise
            finally:
                self._building = False
            self._drain()

    def _sync(self) -> None:
        known = {uid: (i, sig) for i, uid, sig in self._db.execute("SELECT id, uid, sig FROM doc")}
        if known and self._dead() > max(len(known), REBUILD_DEAD):  # mostly old rows: anew
            self._db.close()
            self._db = self._create()
            known = {}
        fresh = not known
        if fresh:  # a new file: no journal (a failed build is started again)
            self._db.execute("PRAGMA journal_mode=OFF")
            self._unfinished = True
        # A large cache while building: the trigram index's pages stay in memory.
        self._db.execute(f"PRAGMA cache_size = -{BUILD_CACHE_KIB}")
        try:
            with self._transaction(), self._reader() as fetch:
                changed: list[int] = []
                batch: list[tuple[Doc, int]] = []
                for doc in read_docs(fetch):
                    sig = signature(doc)
                    had = known.pop(doc.uid, None)
                    if had is not None:
                        if had[1] == sig:
                            continue
                        changed.append(had[0])
                    batch.append((doc, sig))
                    if len(batch) >= _CHUNK:
                        self._write(changed, batch)
                        changed, batch = [], []
                # What the project no longer has goes with the last batch.
                self._write(changed + [i for i, _ in known.values()], batch)
                self._db.execute("UPDATE meta SET value = '1' WHERE name = 'built'")
        except BaseException:
            if fresh and not self._closing:
                self._db.close()
                self._db = self._create()
                self._unfinished = False
            raise
        finally:
            if not self._closing and self._unfinished:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._unfinished = False
            if not self._closing:
                self._db.execute("PRAGMA cache_size = -2000")  # SQLite's default
                self._db.execute("PRAGMA shrink_memory")
            _give_back_memory()

    def _write(self, gone: Sequence[int], docs: Sequence[tuple[Doc, int]]) -> None:
        if self._closing:  # stop between statements too (interrupt stops one)
            raise sqlite3.OperationalError("the search index was closed")
        self._remove(gone)
        self._insert(docs)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN")
        try:
            yield
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _dead(self) -> int:
        row = self._db.execute("SELECT value FROM meta WHERE name = 'dead'").fetchone()
        return int(row[0]) if row else 0

    def _drain(self) -> None:
        with self._queue_lock:
            queued, self._queued = self._queued, {}
        if queued:
            self._update(queued)

    def _update(self, wanted: dict[str, set[str]]) -> None:
        with self._reader() as fetch:
            wanted = with_dependents(fetch, wanted)
            docs = list(read_docs(fetch, wanted))
        with self._transaction():
            self._remove(self._ids(uid for uids in wanted.values() for uid in uids))
            self._insert([(d, signature(d)) for d in docs])
        live = self._db.execute("SELECT count(*) FROM doc").fetchone()[0]
        if self._dead() > max(live, REBUILD_DEAD):
            self._stale = True  # the next sync builds it anew

    def _ids(self, uids: Iterable[str]) -> list[int]:
        ids = []
        for uid in uids:
            row = self._db.execute("SELECT id FROM doc WHERE uid = ?", (uid,)).fetchone()
            if row is not None:
                ids.append(int(row[0]))
        return ids

    def _remove(self, ids: Sequence[int]) -> None:
        """Forget docs: their trigrams stay, naming ids no longer in `doc`."""
        if not ids:
            return
        self._db.executemany("DELETE FROM doc WHERE id = ?", ((i,) for i in ids))
        self._db.execute(
            "UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE name = 'dead'", (len(ids),)
        )

    def _insert(self, docs: Sequence[tuple[Doc, int]]) -> None:
        """Index `docs` under new ids (none of them indexed now)."""
        if not docs:
            return
        row = self._db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'doc'").fetchone()
        first = (int(row[0]) if row else 0) + 1  # never an id used before
        ids = range(first, first + len(docs))
        self._db.executemany(
            "INSERT INTO doc(id, entity, uid, sig) VALUES (?, ?, ?, ?)",
            ((i, d.entity, d.uid, sig) for i, (d, sig) in zip(ids, docs, strict=True)),
        )
        marks = ", ".join("?" * len(SHORT))
        self._db.executemany(
            f"INSERT INTO short(rowid, {_SHORT_COLS}) VALUES (?, {marks})",
            (
                (i, *(d.fields.get(f, "").lower() + PAD for f in SHORT))
                for i, (d, _) in zip(ids, docs, strict=True)
            ),
        )
        self._db.executemany(
            "INSERT INTO whole(rowid, body) VALUES (?, ?)",
            (
                (i, (PAD.join(d.fields.get(f, "") for f in FIELDS) + PAD).lower())
                for i, (d, _) in zip(ids, docs, strict=True)
            ),
        )

    # -- searching ---------------------------------------------------------------------
    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> Results:
        words = query_words(query)
        if not words:
            return Results(query, ())
        if self._background and not self.ready:
            self.start()  # (again, after a merge)
            with self._reader() as fetch:  # meanwhile: the same answers, by reading
                return ScanIndex(fetch, sqlite=True).search(query, limit)
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
        if not terms:  # only words too common to look up: read until enough
            with self._reader() as fetch:
                for doc in read_docs(fetch):
                    match = match_doc(doc, words)
                    if match is not None:
                        found.add(match, doc.order)
                        if len(found) >= wanted:
                            break
            return found
        every = " AND ".join(f"({t})" for t in terms)
        for column in (*SHORT, None):  # in a key, a title …, then anywhere
            table = "whole" if column is None else "short"
            expr = every if column is None else f"{{{column}}} : ({every})"
            sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid LIMIT ? OFFSET ?"
            self._fill(found, words, wanted, sql, expr)
            if len(found) >= wanted:
                break
        return found

    def _fill(self, found: _Found, words: Sequence[str], wanted: int, sql: str, expr: str) -> None:
        offset = 0
        while len(found) < wanted:
            ids = [r[0] for r in self._db.execute(sql, (expr, _PAGE, offset))]
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
        """The docs of `ids` as the project holds them now (dead ids: none)."""
        if not ids:
            return
        marks = ", ".join("?" * len(ids))
        wanted: dict[str, set[str]] = {}
        for entity, uid in self._db.execute(
            f"SELECT entity, uid FROM doc WHERE id IN ({marks})", tuple(ids)
        ):
            wanted.setdefault(entity, set()).add(uid)
        if wanted:
            with self._reader() as fetch:
                yield from list(read_docs(fetch, wanted))

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
    yield lambda sql, params: db.execute(sql, tuple(params))
