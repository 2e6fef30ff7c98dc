"""A redline: the PRD as it is now, with everything that changed since a baseline
shown as Word's tracked changes (`pmdesk export --baseline NAME --redline`).

The PRD is built twice from the same options: once from the baseline's frozen
snapshot (loaded into a scratch project file, so the one builder reads it as
it reads any project) and once from the project now. The two trees are merged
by `redline_diff`; `redline_authors` names who changed each part and when.

The front matter (cover, revision history, contents) and the "changes since"
chapter describe the export itself, not the PRD's text: they are shown as
they are now, unmarked. The roadmap picture is today's in both (pictures
carry no marks).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection

from pmdesk.core.queries.setup import project_info
from pmdesk.core.snapshot.compare import baseline_named, readable_baselines
from pmdesk.core.snapshot.convert import load_snapshot, loads
from pmdesk.core.storage.projectfile import create_empty
from pmdesk.core.storage.sqlite_files import connect
from pmdesk.export.doc import (
    Block,
    Document,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Table,
    plain_text,
)
from pmdesk.export.labels import FIELD_LABELS, TEXT, language_of
from pmdesk.export.prd_build import ExportOptions, Progress, build_document
from pmdesk.export.prd_requirements import clean
from pmdesk.export.redline_authors import Authors
from pmdesk.export.redline_diff import Redliner

Json = dict[str, object]


def redline_document(
    conn: Connection,
    options: ExportOptions,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Document:
    """The PRD now, its changes since `options.baseline` marked as tracked changes.

    Raises what `build_document` raises (an unknown or damaged baseline, a cancel).
    """
    name = options.baseline
    if not name:
        raise ValueError("a redline needs a baseline")
    options = dataclasses.replace(options, today=options.today or dt.date.today())

    def first_half(done: int, total: int) -> None:
        if progress is not None:
            progress(done, 2 * total)

    def second_half(done: int, total: int) -> None:
        if progress is not None:
            progress(total + done, 2 * total)

    now = build_document(conn, options, progress=first_half, cancelled=cancelled)
    found, _ = readable_baselines(conn)  # a damaged or missing one was refused above
    baseline = baseline_named(found, name)
    roadmap = next((b for b in now.blocks if isinstance(b, Image) and b.name == "roadmap"), None)
    then_options = dataclasses.replace(options, baseline=None, roadmap=lambda _c, _l: roadmap)
    then = _baseline_document(baseline.snapshot, then_options, second_half, cancelled)
    authors = Authors(conn, baseline.created_at, baseline.snapshot, project_info(conn).authors)
    language = language_of(options.language)
    chapter = TEXT[language]["changes_since"].format(name=clean(baseline.name))
    redliner = Redliner(authors.stamp, authors.known_key)
    blocks = merge(then.blocks, now.blocks, redliner, language, chapter)
    return dataclasses.replace(now, blocks=blocks)


def _baseline_document(
    snapshot: Json,
    options: ExportOptions,
    progress: Progress,
    cancelled: Callable[[], bool] | None,
) -> Document:
    """The PRD as it was at the baseline, built from its snapshot."""
    text = json.dumps({**snapshot, "baselines": [], "history": []}, ensure_ascii=False)
    content = loads(text, name="The baseline")  # checked, missing fields filled in
    with tempfile.TemporaryDirectory(prefix="pmdesk-redline-") as folder:
        path = Path(folder) / "baseline.pmdesk"
        create_empty(path)
        engine = connect(path, bulk=True)
        try:
            with engine.begin() as c:
                load_snapshot(c, content)
            with engine.connect() as c:
                return build_document(c, options, progress=progress, cancelled=cancelled)
        finally:
            engine.dispose()


def merge(
    before: list[Block], after: list[Block], redliner: Redliner, language: str, chapter: str
) -> list[Block]:
    """`after` with the differences from `before` marked. Front matter, the
    "changes since" chapter (titled `chapter`) and the tables that describe the
    history (revision history, changes since a baseline) are shown as they are now."""
    then, now = before[_body_start(before) :], after[_body_start(after) :]
    keep = _history(now, language)
    inside = False
    for n, block in enumerate(now):
        if isinstance(block, Heading) and block.level == 1:
            inside = not block.numbered and block.text == chapter
        if inside:
            keep.add(n)
    now_errors = {
        plain_text(b.runs) for b in now if isinstance(b, Paragraph) and b.style == "error"
    }
    dropped = _history(then, language) | {  # e.g. "no baseline named…": the scratch file has none
        n
        for n, b in enumerate(then)
        if isinstance(b, Paragraph) and b.style == "error" and plain_text(b.runs) not in now_errors
    }
    then = [b for n, b in enumerate(then) if n not in dropped]
    body = redliner.document(then, now, frozenset(keep))
    return after[: _body_start(after)] + body


def _history(blocks: list[Block], language: str) -> set[int]:
    """Blocks that describe the project's history rather than the PRD: a revision
    table, and what a `changes-since` block lists (its titles and tables)."""
    text, fields = TEXT[language], FIELD_LABELS[language]
    revisions = [text[k] for k in ("rev_version", "rev_date", "rev_author", "rev_summary")]
    lists = (
        [fields["key"], fields["title"]],
        [fields["key"], text["field"], text["before"], text["after"]],
    )
    titles = (text["added"], text["removed"], text["changed"])
    found: set[int] = set()
    listing = False
    for n, block in enumerate(blocks):
        if isinstance(block, Table):
            header = [plain_text(cell) for cell in block.header]
            if header == revisions or (listing and header in lists):
                found.add(n)
            continue
        listing = False
        if isinstance(block, Paragraph):
            said = plain_text(block.runs)
            if said == text["no_changes"] or (block.style == "label" and said.startswith(titles)):
                found.add(n)
                listing = True
    return found


def _body_start(blocks: list[Block]) -> int:
    """Where the PRD's own text starts: after the page break that ends the contents."""
    return next((n + 1 for n, b in enumerate(blocks) if isinstance(b, PageBreak)), 0)
