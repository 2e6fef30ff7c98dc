"""PRD Markdown to neutral document blocks (`export.doc`): the one parse of PRD text.

markdown-it-py reads CommonMark with the GFM extensions (tables, task lists,
strikethrough, bare-URL autolinks, footnotes), as GitHub, Typora and Feishu
mean the same text. Its flat token stream is turned into blocks here, with a
stack instead of recursion, and the preview (`markdown_html`), the .md and the
.docx all lay out these blocks, so the three agree.

Raw HTML is never parsed as HTML (`html=False`): it stays text. HTML comments
are the author's hidden notes and are dropped outside code. Links keep their
target unless its scheme is a script or a local file; each renderer then
keeps what it can show (the preview only web, mail and in-page links).

The runs of inline text are made in `markdown_runs`; the shortcut that reads a
description piece by piece, each distinct piece once, is `markdown_pieces`.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from pmdesk.export.doc import (
    Block,
    CodeBlock,
    Footnote,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Rule,
    Runs,
    Table,
)
from pmdesk.export.markdown_pieces import _PIECES_KEPT, _pieces, _plain_paragraph
from pmdesk.export.markdown_runs import (
    _has_text,
    _inline,
    _is_lead_in,
    _looks,
    _lstrip,
    _note_label,
    _styled,
)
from pmdesk.export.text_safety import strip_illegal_chars

ExpandDirective = Callable[[str], list[Block]]

MAX_NESTING = 12
"""Lists and quotes nested deeper than this continue at this depth (Word has 9 list levels)."""
_PARSER_NESTING = 60  # markdown-it drops what lies deeper; quotes are capped below it first
_DEEP_QUOTES = re.compile(r"^((?:[ \t]*>){40})(?:[ \t]*>)+", re.MULTILINE)
_COMMENT_OPENER = re.compile(r"(?<!\\)<!--")  # "\<!--" is text
_BACKTICKS = re.compile(r"(?<!\\)`+")  # "\`" is text; a code span starts at such a run
_BACKTICK_RUN = re.compile(r"`+")  # inside a code span a backslash is text
_MAY_HOLD_URL = re.compile(r"://|@|www\.", re.IGNORECASE)
_GFM_AUTOLINK = re.compile(r"[a-z][a-z0-9+.-]*:|www\.|[^\s@]+@", re.IGNORECASE)


def new_parser(*, linkify: bool = True) -> MarkdownIt:
    """markdown-it-py as pmdesk reads PRD text: CommonMark + GFM, raw HTML as text."""
    options = {"html": False, "linkify": linkify, "maxNesting": _PARSER_NESTING}
    md = MarkdownIt("commonmark", options)
    md.enable(["table", "strikethrough", "linkify"])
    md.use(tasklists_plugin).use(footnote_plugin)
    # GFM links explicit URLs, e-mail addresses and `www.` addresses; linkify-it's fuzzy
    # links also take "README.md" or "v1.2.js" (valid TLDs), which are unlinked again.
    md.core.ruler.after("linkify", "gfm_autolinks", gfm_autolinks_only)
    return md


def gfm_autolinks_only(state: StateCore) -> None:
    """Unlink what linkify-it's fuzzy links take but GFM does not (no scheme, no `www.`)."""
    for block in state.tokens:
        children = block.children
        if block.type != "inline" or not children:
            continue
        kept: list[Token] = []
        i = 0
        while i < len(children):
            token = children[i]
            if (
                token.type == "link_open"
                and token.markup == "linkify"
                and i + 2 < len(children)
                and children[i + 2].type == "link_close"
                and not _GFM_AUTOLINK.match(children[i + 1].content)
            ):
                kept.append(children[i + 1])  # the text stays, the link goes
                i += 3  # link_open, text, link_close
                continue
            kept.append(token)
            i += 1
        block.children = kept


class MarkdownReader:
    """Reads many Markdown texts with one parser. Not thread-safe: one reader per export."""

    def __init__(self, *, shortcuts: bool = True) -> None:
        self.shortcuts = shortcuts
        """Read a description piece by piece (see `_pieces`), each distinct piece once, and a
        piece without Markdown syntax without the parser: the blocks are the same."""
        self._pieces: dict[tuple[str, int, bool], list[Block]] = {}
        self.fence_line = 0
        """The 1-based line of the ```` ```pmdesk ```` block `expand` is called for."""
        self.removed: list[tuple[int, int]] = []
        """The comments the text being read lost (so lines still count the author's)."""
        self._md = new_parser()
        # Looking for bare URLs costs a fifth of a read: only texts that may hold one.
        self._no_urls = new_parser(linkify=False)
        self.noted = 0
        """Texts read so far that have footnotes. A note's label is the text's number and
        the author's label (`2:src`), so two sections' `[^1]` are two notes, and a note
        keeps its label when others are added (a redline compares like with like)."""

    def read(
        self,
        source: str,
        *,
        heading_shift: int = 0,
        headings: bool = True,
        expand: ExpandDirective | None = None,
        lines: list[int] | None = None,
    ) -> list[Block]:
        """Blocks of one Markdown text.

        `heading_shift` moves `#` headings down (a section's `#` sits under the
        section's own heading); with `headings=False` they become bold lines, for
        descriptions that must not add entries to the contents. ```` ```pmdesk ````
        blocks become `expand(body)`, or code in the language `pmdesk` when
        `expand` is None. When `lines` is given, it receives the source line (from
        0) each top-level block starts on, one per block returned (the preview
        follows the editor's caret with them).
        """
        text = strip_illegal_chars(source)
        if not text.strip():
            return []
        text = _DEEP_QUOTES.sub(r"\1", text)
        if self.shortcuts and expand is None and lines is None:
            pieces = _pieces(text)
            read = None if pieces is None else self._read_pieces(pieces, heading_shift, headings)
            if read is not None:
                return read
        removed: list[tuple[int, int]] = []
        try:
            if "<!--" in text:
                text = self._drop_comments(text, removed)
            md = self._md if _MAY_HOLD_URL.search(text) else self._no_urls
            tokens = md.parse(text)
        except RecursionError:  # thousands of nested lists: keep the words
            if lines is not None:
                lines.append(0)
            return [CodeBlock(text)]
        self.removed = removed
        builder = _Builder(heading_shift, headings, expand, self, lines)
        if ("[^" in text or "^[" in text) and any(t.type == "footnote_open" for t in tokens):
            # Taken before building: a pmdesk block read inside (a requirement's
            # description) is a text of its own.
            self.noted += 1
            builder.notes = f"{self.noted}:"
        blocks = builder.build(tokens)
        if lines is not None and removed:
            lines[:] = [_source_line(line, removed) for line in lines]
        return blocks

    def _read_pieces(self, pieces: list[str], shift: int, headings: bool) -> list[Block] | None:
        """The blocks of a text's independent pieces, each distinct piece read once
        (10,000 requirements repeat many bullet lists and sentences); None when a
        piece is too deeply nested to parse (the whole text is read as usual)."""
        blocks: list[Block] = []
        for piece in pieces:
            key = (piece, shift, headings)
            found = self._pieces.get(key)
            if found is None:
                plain = _plain_paragraph(piece)
                if plain is not None:
                    found = [plain]
                else:
                    md = self._md if _MAY_HOLD_URL.search(piece) else self._no_urls
                    try:
                        tokens = md.parse(piece)
                    except RecursionError:
                        return None
                    self.removed = []
                    found = _Builder(shift, headings, None, self).build(tokens)
                if len(self._pieces) < _PIECES_KEPT:
                    self._pieces[key] = found
            blocks += found
        return blocks

    def _drop_comments(self, text: str, removed: list[tuple[int, int]]) -> str:
        """Remove `<!-- … -->` except where it starts inside code (a code block or
        an inline code span: `` `<!--` `` shows the opener); `removed` receives
        (line in the result, line breaks removed there) for each comment."""
        code_lines: set[int] = set()
        for token in self._md.parse(text):
            if token.type in ("fence", "code_block") and token.map:
                code_lines.update(range(token.map[0], token.map[1]))
        starts = [0]
        for source_line in text.split("\n"):
            starts.append(starts[-1] + len(source_line) + 1)
        spans = _code_spans(text, starts, code_lines)
        kept: list[str] = []
        gone = 0
        at = 0
        for opener in _COMMENT_OPENER.finditer(text):
            begin = opener.start()
            line = bisect_right(starts, begin) - 1
            if begin < at or line in code_lines or _inside(spans, begin):
                continue
            end = text.find("-->", opener.end())
            if end < 0:
                break
            end += 3
            kept.append(text[at:begin])
            breaks = text.count("\n", begin, end)
            if breaks:
                removed.append((line - gone, breaks))
                gone += breaks
            at = end
        kept.append(text[at:])
        return "".join(kept)


def _code_spans(text: str, starts: list[int], code_lines: set[int]) -> list[tuple[int, int]]:
    """Where inline code spans lie (start, end), in order: a run of backticks not
    escaped up to the next run of the same length in its paragraph, outside code blocks."""
    spans: list[tuple[int, int]] = []
    at = 0
    for run in _BACKTICKS.finditer(text):
        begin = run.start()
        if begin < at or bisect_right(starts, begin) - 1 in code_lines:
            continue
        ticks = run[0]
        paragraph_end = text.find("\n\n", run.end())
        limit = len(text) if paragraph_end < 0 else paragraph_end
        for close in _BACKTICK_RUN.finditer(text, run.end(), limit):
            if close[0] == ticks:
                spans.append((begin, close.end()))
                at = close.end()
                break
    return spans


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` lies in one of the (start, end) spans, sorted and apart."""
    index = bisect_right(spans, (at, sys.maxsize)) - 1
    return index >= 0 and spans[index][0] <= at < spans[index][1]


def _source_line(line: int, removed: list[tuple[int, int]]) -> int:
    """The line of the author's text that `line` of the text without comments was."""
    return line + sum(breaks for at, breaks in removed if at < line)


@dataclass
class _Frame:
    kind: str  # root, quote, list, item, footnotes, footnote, flat (deeper than the cap)
    blocks: list[Block] = field(default_factory=list)
    items: list[ListItem] = field(default_factory=list)
    ordered: bool = False
    start: int = 1
    loose: bool = False
    checked: bool | None = None
    label: str = ""  # a footnote's


class _Builder:
    def __init__(
        self,
        shift: int,
        headings: bool,
        expand: ExpandDirective | None,
        reader: MarkdownReader | None = None,
        lines: list[int] | None = None,
    ) -> None:
        self.reader = reader
        self.shift = shift
        self.headings = headings
        self.expand = expand
        self.stack = [_Frame("root")]
        self.depth = 0  # open quotes and lists
        self.lines = lines
        self.line = 0  # where the top-level block being read starts
        self.notes = ""  # what this text's footnote labels start with

    def build(self, tokens: list[Token]) -> list[Block]:
        i, count = 0, len(tokens)
        while i < count:
            i = self.token(tokens, i)
        return self.stack[0].blocks

    @property
    def top(self) -> _Frame:
        return self.stack[-1]

    def add(self, *blocks: Block) -> None:
        if self.lines is not None and len(self.stack) == 1:
            self.lines.extend([self.line] * len(blocks))
        self.top.blocks.extend(blocks)

    def token(self, tokens: list[Token], i: int) -> int:
        token = tokens[i]
        kind = token.type
        if len(self.stack) == 1 and token.map is not None:
            self.line = token.map[0]
        if kind == "paragraph_open":
            frame = self._list_of_item()
            if frame is not None and not token.hidden:
                frame.loose = True
            runs = _inline(tokens[i + 1], self.notes)
            if self.top.checked is not None and not self.top.blocks:
                runs = _lstrip(runs)
            if _has_text(runs):
                self.add(Paragraph(runs, "label" if _is_lead_in(runs) else "body"))
            return i + 3
        if kind == "heading_open":
            runs = _inline(tokens[i + 1], self.notes)
            if not self.headings:
                self.add(Paragraph([_styled(r, bold=True) for r in runs]))
            else:
                level = int(token.tag[1]) + self.shift
                text = "".join(r.text for r in runs if r.footnote is None).strip()
                styled = runs if any(_looks(r) for r in runs) else None
                self.add(Heading(level, text, runs=styled))
            return i + 3
        if kind in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            self.open(token)
        elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            self.close()
        elif kind == "list_item_open":
            checked = (
                _checkbox(tokens, i) if "task-list-item" in str(token.attrGet("class")) else None
            )
            self.stack.append(_Frame("item", checked=checked))
        elif kind == "list_item_close":
            item = self.stack.pop()
            if self.top.kind == "flat":
                self.add(*item.blocks)
            else:
                self.top.items.append(ListItem(item.blocks, item.checked))
        elif kind == "fence":
            self.add(*self.fence(token))
        elif kind == "code_block":
            self.add(CodeBlock(_code_text(token.content)))
        elif kind == "hr":
            self.add(Rule())
        elif kind == "table_open":
            return self.table(tokens, i)
        elif kind == "footnote_block_open":
            self.stack.append(_Frame("footnotes"))
        elif kind == "footnote_block_close":
            self.add(*self.stack.pop().blocks)  # the notes, after the text's blocks
        elif kind == "footnote_open":
            label = self.notes + _note_label(token.meta)
            self.stack.append(_Frame("footnote", label=label))
        elif kind == "footnote_close":
            note = self.stack.pop()
            self.top.blocks.append(Footnote(note.label, note.blocks))
        return i + 1

    def _list_of_item(self) -> _Frame | None:
        if len(self.stack) >= 2 and self.top.kind == "item" and self.stack[-2].kind != "flat":
            return self.stack[-2]
        return None

    def open(self, token: Token) -> None:
        if self.depth >= MAX_NESTING:
            self.stack.append(_Frame("flat"))
        elif token.type == "blockquote_open":
            self.stack.append(_Frame("quote"))
        else:
            start = token.attrGet("start")
            ordered = token.type == "ordered_list_open"
            number = int(start) if start is not None else 1
            self.stack.append(_Frame("list", ordered=ordered, start=number))
        self.depth += 1

    def close(self) -> None:
        self.depth -= 1
        frame = self.stack.pop()
        if frame.kind == "flat":
            self.add(*frame.blocks)
        elif frame.kind == "quote":
            self.add(Quote(frame.blocks))
        else:
            self.add(ListBlock(frame.ordered, frame.items, frame.start, loose=frame.loose))

    def fence(self, token: Token) -> list[Block]:
        info = unescapeAll(token.info).strip()
        language = info.split(maxsplit=1)[0] if info else ""
        if language == "pmdesk" and self.expand is not None:
            if self.reader is not None and token.map:
                self.reader.fence_line = _source_line(token.map[0], self.reader.removed) + 1
            return self.expand(token.content)
        return [CodeBlock(_code_text(token.content), language)]

    def table(self, tokens: list[Token], i: int) -> int:
        header: list[Runs] = []
        rows: list[list[Runs]] = []
        align: list[str] = []
        row: list[Runs] = []
        while tokens[i].type != "table_close":
            token = tokens[i]
            if token.type == "tr_open":
                row = []
            elif token.type in ("th_open", "td_open"):
                row.append(_inline(tokens[i + 1], self.notes))
                if token.type == "th_open":
                    style = str(token.attrGet("style") or "")
                    align.append(style.removeprefix("text-align:"))
            elif token.type == "tr_close":
                if tokens[i - 1].type == "th_close" and not header:
                    header = row
                else:
                    rows.append(row)
            i += 1
        width = len(header)
        rows = [r + [[] for _ in range(width - len(r))] for r in rows]
        self.add(Table(header, rows, align=align if any(align) else None))
        return i + 1


def _checkbox(tokens: list[Token], i: int) -> bool | None:
    """Whether the task item at `i` is ticked; removes the checkbox the plugin inserted."""
    for token in tokens[i + 1 : i + 4]:
        if token.type == "inline" and token.children:
            first = token.children[0]
            if first.type == "html_inline" and "task-list-item-checkbox" in first.content:
                token.children = token.children[1:]
                return 'checked="checked"' in first.content
    return None


def _code_text(content: str) -> str:
    return content[:-1] if content.endswith("\n") else content
