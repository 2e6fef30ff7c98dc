"""Two document trees (the PRD at a baseline and now) → one tree whose runs say
what was inserted and deleted (`doc.TrackedChange`), for Word's tracked changes.

Blocks are aligned first (difflib over the blocks' whole text; what differs is
aligned again by what a block is: a requirement's heading by its anchor, a
table by its kind and header, a row by its first cell), then text is compared
word by word inside paired paragraphs, headings and table cells. Chinese and
Japanese have no spaces between words, so their text is compared character by
character; a paragraph rewritten beyond recognition is shown as the old one
deleted and the new one inserted, not as a sieve of single characters.

A changed code block becomes a code paragraph (the same lines, same style)
whose words carry the marks. Pictures cannot carry a mark: a picture is shown
as it is now, so accepting every change gives exactly the PRD of now and
rejecting every change the baseline's text (its pictures aside).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import Any, Protocol

from pmdesk.export.doc import (
    Block,
    CodeBlock,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Run,
    Runs,
    Table,
    TrackedChange,
    plain_text,
)
from pmdesk.export.redline_authors import Stamp

FIRST_ID = 1_000_000  # above the heading bookmarks' ids (one per block)
ID_STEP = 3  # each change's id, its paragraph mark's (+1) and its row's (+2): redline_xml
REWRITTEN = 0.4  # below this similarity a paragraph is shown deleted and inserted whole

_CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+|\s+|.", re.DOTALL)

Owner = str | None
"""What a block belongs to, for who changed it: `req:KEY`, `section:TITLE` or None."""


class Stamping(Protocol):
    """Who changed `owner` and when; `before`: a deletion, named as the baseline had it."""

    def __call__(self, owner: Owner, *, before: bool = False) -> Stamp: ...


def tokens(runs: Runs) -> list[tuple[str, Run]]:
    """Words, blanks, punctuation and single CJK characters, each with its run's look.
    A picture's alt text stays whole (the renderer frames it as one label)."""
    out: list[tuple[str, Run]] = []
    for run in runs:
        look = dataclasses.replace(run, text="", change=None)
        if run.image or run.text == "\n":
            out.append((run.text, look))
        else:
            out.extend((piece, look) for piece in _TOKEN.findall(run.text))
    return out


class Redliner:
    """Merges a baseline's blocks with today's; `stamp(owner)` says who changed what."""

    def __init__(self, stamp: Stamping, known_key: Callable[[str], bool]) -> None:
        self.stamp = stamp
        self.known_key = known_key
        self.next_id = FIRST_ID

    def change(self, inserted: bool, owner: Owner) -> TrackedChange:
        stamp = self.stamp(owner, before=not inserted)
        self.next_id += ID_STEP
        return TrackedChange(inserted, stamp.author, stamp.date, self.next_id)

    # -- block lists --------------------------------------------------------------

    def document(
        self, old: Sequence[Block], new: Sequence[Block], keep: frozenset[int] = frozenset()
    ) -> list[Block]:
        """`new` with `old`'s differences marked; blocks of `new` at `keep` are kept unmarked.

        Chapters and requirements are aligned first, by their headings (a requirement's
        anchor is its key), so 10,000 requirements are not one difflib problem of
        100,000 blocks; only what differs is compared block by block.
        """
        old_owners, new_owners = owners(old), owners(new)
        a, b = _chapters(old), _chapters(new)
        names_a = [name for name, _, _ in a]
        names_b = [("keep", start) if start in keep else name for name, start, _ in b]
        out: list[Block] = []
        matcher = SequenceMatcher(None, names_a, names_b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for (_, s1, e1), (_, s2, e2) in zip(a[i1:i2], b[j1:j2], strict=True):
                    if old[s1:e1] == new[s2:e2]:
                        out.extend(new[s2:e2])
                        continue
                    inside = frozenset(n - s2 for n in range(s2, e2) if n in keep)
                    out += self.blocks(
                        old[s1:e1], new[s2:e2], old_owners[s1:e1], new_owners[s2:e2], inside
                    )
                continue
            olds = [n for _, s1, e1 in a[i1:i2] for n in range(s1, e1)]
            news = [n for _, s2, e2 in b[j1:j2] for n in range(s2, e2)]
            out += self.blocks(
                [old[n] for n in olds],
                [new[n] for n in news],
                [old_owners[n] for n in olds],
                [new_owners[n] for n in news],
                frozenset(at for at, n in enumerate(news) if n in keep),
            )
        return out

    def blocks(
        self,
        old: Sequence[Block],
        new: Sequence[Block],
        old_owners: Sequence[Owner],
        new_owners: Sequence[Owner],
        keep: frozenset[int] = frozenset(),
    ) -> list[Block]:
        """`new` with `old`'s differences marked; blocks of `new` at `keep` are kept unmarked."""
        a = [_signature(b) for b in old]
        b = [("keep", j) if j in keep else _signature(x) for j, x in enumerate(new)]
        out: list[Block] = []
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag == "equal":
                out.extend(new[j1:j2])
                continue
            # What differs is compared up to the first kept block; after it, all is new.
            cut = next((j for j in range(j1, j2) if j in keep), j2)
            out += self._region(old[i1:i2], new[j1:cut], old_owners[i1:i2], new_owners[j1:cut])
            for j in range(cut, j2):
                out += [new[j]] if j in keep else self.whole(new[j], True, new_owners[j])
        return out

    def _region(
        self,
        old: Sequence[Block],
        new: Sequence[Block],
        old_owners: Sequence[Owner],
        new_owners: Sequence[Owner],
    ) -> list[Block]:
        """Blocks that differ: pair those of the same kind, mark the rest whole."""
        a, b = [_kind(x) for x in old], [_kind(x) for x in new]
        out: list[Block] = []
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag == "equal":
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    out += self.pair(old[i], new[j], new_owners[j] or old_owners[i])
                continue
            for i in range(i1, i2):
                out += self.whole(old[i], False, old_owners[i])
            for j in range(j1, j2):
                out += self.whole(new[j], True, new_owners[j])
        return out

    # -- one block ----------------------------------------------------------------

    def whole(self, block: Block, inserted: bool, owner: Owner) -> list[Block]:
        """A block inserted or deleted whole, every run marked. What cannot carry a
        mark is kept when inserted and left out when deleted."""
        if isinstance(block, Heading):
            runs = self.marked(block.runs or [Run(block.text)], inserted, owner)
            # A deleted heading takes no number, so the others keep the numbers of now.
            numbered = block.numbered and inserted
            return [dataclasses.replace(block, runs=runs, numbered=numbered)]
        if isinstance(block, Paragraph):
            return [dataclasses.replace(block, runs=self.marked(block.runs, inserted, owner))]
        if isinstance(block, Table):
            header = [self.marked(cell, inserted, owner) for cell in block.header]
            rows = [self._whole_row(row, inserted, owner) for row in block.rows]
            return [dataclasses.replace(block, header=header, rows=rows)]
        if isinstance(block, ListBlock):
            items = [
                ListItem(self._whole_blocks(item.blocks, inserted, owner), item.checked)
                for item in block.items
            ]
            return [dataclasses.replace(block, items=items)]
        if isinstance(block, Quote):
            return [Quote(self._whole_blocks(block.blocks, inserted, owner))]
        if isinstance(block, CodeBlock):  # the same lines as a code paragraph, marked
            return [Paragraph(self.marked([Run(block.text)], inserted, owner), "code")]
        return [block] if inserted else []

    def _whole_blocks(self, blocks: Sequence[Block], inserted: bool, owner: Owner) -> list[Block]:
        """Blocks inside a list item or quote, marked whole."""
        return [marked for b in _inner(blocks) for marked in self.whole(b, inserted, owner)]

    def _whole_row(self, row: Sequence[Runs], inserted: bool, owner: Owner) -> list[Runs]:
        owner = self._row_owner(row, owner)
        return [self.marked(cell, inserted, owner) for cell in row]

    def marked(self, runs: Runs, inserted: bool, owner: Owner) -> Runs:
        return [dataclasses.replace(r, change=self.change(inserted, owner)) for r in runs]

    def pair(self, old: Block, new: Block, owner: Owner) -> list[Block]:
        """Two versions of one block: the differences inside it marked."""
        if isinstance(old, Heading) and isinstance(new, Heading):
            runs = self.runs(old.runs or [Run(old.text)], new.runs or [Run(new.text)], owner)
            return [dataclasses.replace(new, runs=runs)]
        if isinstance(old, Paragraph) and isinstance(new, Paragraph):
            return [dataclasses.replace(new, runs=self.runs(old.runs, new.runs, owner))]
        if isinstance(old, Table) and isinstance(new, Table) and _columns(old) == _columns(new):
            return [self._table(old, new, owner)]
        if isinstance(old, ListBlock) and isinstance(new, ListBlock):
            return [dataclasses.replace(new, items=self._items(old.items, new.items, owner))]
        if isinstance(old, Quote) and isinstance(new, Quote):
            owners = [owner] * max(len(old.blocks), len(new.blocks))
            return [Quote(self.blocks(_inner(old.blocks), _inner(new.blocks), owners, owners))]
        if isinstance(old, CodeBlock) and isinstance(new, CodeBlock):
            return [Paragraph(self.runs([Run(old.text)], [Run(new.text)], owner), "code")]
        if type(old) is type(new) and not isinstance(old, Table):
            return [new]  # a picture: shown as it is now
        return self.whole(old, False, owner) + self.whole(new, True, owner)

    def _items(self, old: list[ListItem], new: list[ListItem], owner: Owner) -> list[ListItem]:
        a = [_blocks_text(item.blocks) for item in old]
        b = [_blocks_text(item.blocks) for item in new]
        out: list[ListItem] = []
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag == "equal":
                out.extend(new[j1:j2])
                continue
            for n in range(max(i2 - i1, j2 - j1)):
                was = old[i1 + n] if i1 + n < i2 else None
                now = new[j1 + n] if j1 + n < j2 else None
                if was is not None and now is not None:
                    owners = [owner] * max(len(was.blocks), len(now.blocks))
                    inner = self.blocks(_inner(was.blocks), _inner(now.blocks), owners, owners)
                    out.append(ListItem(inner, now.checked))
                elif was is not None:
                    out.append(ListItem(self._whole_blocks(was.blocks, False, owner), was.checked))
                elif now is not None:
                    out.append(ListItem(self._whole_blocks(now.blocks, True, owner), now.checked))
        return out

    # -- tables -------------------------------------------------------------------

    def _row_owner(self, row: Sequence[Runs], owner: Owner) -> Owner:
        """A row that starts with a requirement's key belongs to that requirement."""
        first = plain_text(row[0]).strip() if row else ""
        return f"req:{first}" if first and self.known_key(first) else owner

    def _table(self, old: Table, new: Table, owner: Owner) -> Table:
        header = [self.runs(o, n, owner) for o, n in zip(old.header, new.header, strict=True)]
        a = [tuple(plain_text(c) for c in row) for row in old.rows]
        b = [tuple(plain_text(c) for c in row) for row in new.rows]
        rows: list[list[Runs]] = []
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag == "equal":
                rows.extend(new.rows[j1:j2])
                continue
            first_a = [x[0] if x else "" for x in a[i1:i2]]
            first_b = [x[0] if x else "" for x in b[j1:j2]]
            matcher = SequenceMatcher(None, first_a, first_b, autojunk=False)
            for t, k1, k2, l1, l2 in matcher.get_opcodes():
                if t == "equal":
                    for i, j in zip(range(i1 + k1, i1 + k2), range(j1 + l1, j1 + l2), strict=True):
                        rows.append(self._row(old.rows[i], new.rows[j], owner))
                    continue
                rows += [
                    self._whole_row(old.rows[i], False, owner) for i in range(i1 + k1, i1 + k2)
                ]
                rows += [self._whole_row(new.rows[j], True, owner) for j in range(j1 + l1, j1 + l2)]
        return dataclasses.replace(new, header=header, rows=rows)

    def _row(self, old: list[Runs], new: list[Runs], owner: Owner) -> list[Runs]:
        owner = self._row_owner(new, owner)
        width = max(len(old), len(new))
        old = old + [[] for _ in range(width - len(old))]
        new = new + [[] for _ in range(width - len(new))]
        return [self.runs(o, n, owner) for o, n in zip(old, new, strict=True)]

    # -- text ---------------------------------------------------------------------

    def runs(self, old: Runs, new: Runs, owner: Owner) -> Runs:
        """`new` with the words that differ from `old` marked (old ones deleted first)."""
        a, b = tokens(old), tokens(new)
        if a == b:
            return new
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        if matcher.ratio() < REWRITTEN:
            return self.marked(old, False, owner) + self.marked(new, True, owner)
        pieces: list[tuple[str, Run, bool | None]] = []
        deleted: list[tuple[str, Run]] = []
        inserted: list[tuple[str, Run]] = []
        opcodes = _tidy(matcher.get_opcodes(), a)
        for tag, i1, i2, j1, j2 in opcodes:
            if tag == "equal":
                pieces += [(t, look, False) for t, look in deleted]
                pieces += [(t, look, True) for t, look in inserted]
                deleted, inserted = [], []
                pieces += [(t, look, None) for t, look in b[j1:j2]]
            else:
                deleted += a[i1:i2]
                inserted += b[j1:j2]
        pieces += [(t, look, False) for t, look in deleted]
        pieces += [(t, look, True) for t, look in inserted]
        return self._joined(pieces, owner)

    def _joined(self, pieces: list[tuple[str, Run, bool | None]], owner: Owner) -> Runs:
        """Neighbouring tokens of one look and one change as one run; a line break
        and a picture's label stay runs of their own (see `tokens`)."""
        out: Runs = []
        text: list[str] = []
        group: tuple[Run, bool | None] | None = None
        for piece, look, state in pieces:
            alone = piece == "\n" or look.image
            if alone or (look, state) != group:
                self._flush(out, text, group, owner)
                text, group = [], (look, state)
            text.append(piece)
            if alone:
                self._flush(out, text, group, owner)
                text, group = [], None
        self._flush(out, text, group, owner)
        return out

    def _flush(
        self, out: Runs, text: list[str], group: tuple[Run, bool | None] | None, owner: Owner
    ) -> None:
        if group is None or not text:
            return
        look, state = group
        change = None if state is None else self.change(state, owner)
        out.append(dataclasses.replace(look, text="".join(text), change=change))


def _tidy(
    opcodes: Sequence[tuple[str, int, int, int, int]], a: list[tuple[str, Run]]
) -> list[tuple[str, int, int, int, int]]:
    """Let a change swallow a lone blank or one-character match between two changes,
    so "the quick brown" → "a slow red" reads as one replacement, not a sieve."""
    out = list(opcodes)
    for n in range(1, len(out) - 1):
        tag, i1, i2, j1, j2 = out[n]
        if tag != "equal" or out[n - 1][0] == "equal" or out[n + 1][0] == "equal":
            continue
        text = "".join(t for t, _ in a[i1:i2])
        if not text.strip() or len(text) == 1:
            out[n] = ("replace", i1, i2, j1, j2)
    return out


def _signature(block: Block) -> tuple[Any, ...]:
    """What must be the same for a block to be unchanged."""
    if isinstance(block, Heading):
        return ("h", block.level, block.anchor, block.text, _runs_key(block.runs or []))
    if isinstance(block, Paragraph):
        return ("p", block.style, _runs_key(block.runs))
    if isinstance(block, Table):
        cells = tuple(tuple(_runs_key(c) for c in row) for row in [block.header, *block.rows])
        return ("t", block.kind, cells)
    if isinstance(block, ListBlock | Quote):
        return (type(block).__name__, repr(block))
    return (type(block).__name__, repr(block)[:2000])


def _runs_key(runs: Runs) -> tuple[tuple[str, Run], ...]:
    return tuple((r.text, dataclasses.replace(r, text="")) for r in runs)


def _kind(block: Block) -> tuple[Any, ...]:
    """What makes two different blocks two versions of one: a requirement's
    heading by its anchor, a table by its kind and columns."""
    if isinstance(block, Heading):
        return ("h", block.anchor) if block.anchor else ("h", block.level)
    if isinstance(block, Paragraph):
        return ("p", block.style)
    if isinstance(block, Table):
        return ("t", block.kind, _columns(block))
    if isinstance(block, ListBlock):
        return ("l", block.ordered)
    return (type(block).__name__,)


def _columns(table: Table) -> int:
    return max([len(table.header), *(len(r) for r in table.rows)], default=0)


def _blocks_text(blocks: Sequence[Block]) -> str:
    return repr(blocks)


def _inner(blocks: Sequence[Block]) -> list[Block]:
    """Blocks inside a list item or quote as Word shows them: a heading there is a
    bold label line (render_docx), so its changes are marked on that line."""
    return [
        Paragraph([Run(b.text, bold=True)], "label") if isinstance(b, Heading) else b
        for b in blocks
    ]


def _chapters(blocks: Sequence[Block]) -> list[tuple[tuple[str, int], int, int]]:
    """The document cut before each requirement's heading and each chapter heading:
    (name, start, end), the name being the anchor or the title (and which of that
    name it is, counting from the start)."""
    cuts = [
        n
        for n, b in enumerate(blocks)
        if n and isinstance(b, Heading) and (b.anchor or b.level == 1)
    ]
    seen: dict[str, int] = {}
    out = []
    for start, end in zip([0, *cuts], [*cuts, len(blocks)], strict=True):
        head = blocks[start]
        name = "start"
        if isinstance(head, Heading) and (head.anchor or head.level == 1):
            name = head.anchor or f"chapter:{head.text}"
        seen[name] = seen.get(name, 0) + 1
        out.append(((name, seen[name]), start, end))
    return out if blocks else []


def owners(blocks: Sequence[Block]) -> list[Owner]:
    """Who each top-level block belongs to: the requirement whose heading it
    follows, else the chapter (section) it is in."""
    out: list[Owner] = []
    owner: Owner = None
    for block in blocks:
        if isinstance(block, Heading):
            if block.anchor and block.anchor.startswith("req:"):
                owner = block.anchor
            elif block.level == 1:
                owner = f"section:{block.text}"
        out.append(owner)
    return out
