"""The neutral document → GitHub-flavoured Markdown.

Output renders the same on a code-hosting site as in the Word export: pipe
tables, task lists, numbered headings, a linked table of contents (GitHub's
heading anchors), pictures written beside the .md and linked relatively.

Read again by any CommonMark/GFM reader (GitHub, Typora, pmdesk itself) the
text means what the author wrote: user text is escaped only where it could
start markup (`markdown_inline`), so `<script>` or a stray `*` shows as typed,
lists stay tight or loose, and the only HTML written is `<br>` for a line break
inside a table cell (GFM has no other way to write one).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from pmdesk.export.doc import (
    Block,
    CodeBlock,
    Contents,
    Cover,
    Document,
    Footnote,
    Heading,
    Image,
    ListBlock,
    PageBreak,
    Paragraph,
    Quote,
    Rule,
    Run,
    Runs,
    Table,
    heading_slug,
)
from pmdesk.export.footnotes import FootnoteNumbers, gather_footnotes
from pmdesk.export.heading_numbers import DEPTH, HeadingNumbers, Slugs, numbered
from pmdesk.export.markdown_inline import (
    escape,
    fix_flanking,
    guard_line_start,
    inline,
    wrap,
)
from pmdesk.export.text_safety import strip_illegal_chars


@dataclass
class MarkdownOutput:
    text: str
    files: dict[str, bytes] = field(default_factory=dict)
    """Pictures to write beside the .md: relative file name → bytes."""


def render_markdown(document: Document, *, picture_stem: str = "prd") -> MarkdownOutput:
    """Markdown text of `document`; pictures are named `{picture_stem}-{name}.png`."""
    writer = _Writer(document, picture_stem)
    return MarkdownOutput(writer.render(), writer.files)


@dataclass
class _Entry:
    level: int
    label: str
    anchor: str
    name: str | None
    number: str
    text: str


def _alternate(previous: Block | None, block: Block, previous_alternated: bool) -> bool:
    """Two lists in a row need different marks, or Markdown reads them as one: a
    list after one of its kind takes the other marks (`-`, `*`, `-`… for three)."""
    return (
        isinstance(previous, ListBlock)
        and isinstance(block, ListBlock)
        and previous.ordered == block.ordered
        and not previous_alternated
    )


def _may_follow_directly(previous: Block | None, block: Block) -> bool:
    """Whether `block` can start on the line after `previous` inside a tight item."""
    if isinstance(previous, (CodeBlock, Heading, Rule)):
        return True
    if isinstance(block, ListBlock):  # only a list from 1 with text interrupts a paragraph
        first = block.items[0].blocks if block.items else []
        interrupts = bool(first) and (not block.ordered or block.start == 1)
        return interrupts and isinstance(previous, (Paragraph, Quote, ListBlock))
    if isinstance(previous, ListBlock) and isinstance(block, Quote):
        return True
    if not isinstance(previous, Paragraph):  # a quote, list or table ends at these
        return isinstance(block, (CodeBlock, Heading, Rule))
    return isinstance(block, (CodeBlock, Heading, Quote, Table, Rule))


class _Writer:
    def __init__(self, document: Document, picture_stem: str) -> None:
        self.document = document
        self.stem = picture_stem
        self.files: dict[str, bytes] = {}
        self.entries = self._headings(document.blocks)
        # In-document links → the GitHub anchor of that heading: a requirement's
        # ("#req:CRM-2"), or one the author wrote ("#4-需求列表", "#需求列表").
        self.anchors: dict[str, str] = {}
        for entry in self.entries:
            self.anchors.setdefault(entry.anchor, entry.anchor)
            self.anchors.setdefault(heading_slug(entry.text), entry.anchor)
        self.anchors.update({e.name: e.anchor for e in self.entries if e.name})
        # GFM footnotes numbered as written: two sections' `[^1]` become [^1] and [^2].
        self.notes = gather_footnotes(document.blocks)
        self.numbers = FootnoteNumbers(self.notes)
        self.defined = 0  # the notes numbered up to this one have their definitions out
        # Table cells of one plain run, by the run's id: the facts tables' labels and values
        # share their Run objects (prd_requirements.shared_run), 300,000 cells in 10,000
        # requirements. The document, and so every run, outlives the writer.
        self.cells: dict[int, str] = {}
        self.lists: dict[tuple[int, bool], str] = {}

    def _headings(self, blocks: list[Block]) -> list[_Entry]:
        numbers = HeadingNumbers()
        slugs = Slugs()
        entries = []
        for block in blocks:
            if not isinstance(block, Heading):
                continue
            level = min(max(block.level, 1), DEPTH)
            number = numbers.next(level) if block.numbered else ""
            text = _clean(block.text)
            label = numbered(number, text)
            entries.append(_Entry(level, label, slugs.anchor(label), block.anchor, number, text))
        return entries

    def render(self) -> str:
        out: list[str] = []
        headings = iter(self.entries)
        previous: Block | None = None
        alternated = False
        for block in self.document.blocks:
            if isinstance(block, Footnote):  # written at the end of its section
                continue
            if isinstance(block, Heading):
                if block.level <= 1:  # a section's notes end it
                    out += self.definitions()
                entry = next(headings)
                out.append(self.heading(block, entry.level + 1, entry.number))
                alternated = False
            else:
                alternated = _alternate(previous, block, alternated)
                text = self.block(block, alternated)
                if text:
                    out.append(text)
            previous = block
        out += self.definitions()
        return "\n\n".join(out).rstrip() + "\n"

    def definitions(self) -> list[str]:
        """`[^n]: …` for the notes referenced since the last ones (a note's own
        references included), in their numbers' order."""
        out: list[str] = []
        while self.defined < len(self.numbers):  # writing a note may number another
            self.defined += 1
            note = self.notes.get(self.numbers.order[self.defined - 1])
            first, *rest = (self.blocks(note.blocks) if note is not None else "").split("\n")
            # Continuation lines indent by four columns (GFM's footnote content).
            lines = [f"[^{self.defined}]: {first}".rstrip()]
            lines += [("    " + line) if line else "" for line in rest]
            out.append("\n".join(lines))
        return out

    def heading(self, block: Heading, level: int, number: str = "") -> str:
        marks = "#" * min(max(level, 1), 6)
        if block.runs:
            text = inline(block.runs, self.anchors, footnotes=self.numbers)
        else:
            text = escape(_clean(block.text).strip())
        if text.endswith("#"):  # a closing sequence of the heading otherwise
            text = text[:-1] + "\\#"
        return f"{marks} {number} {text}" if number else f"{marks} {text}".rstrip()

    def blocks(self, blocks: list[Block], *, tight: bool = False) -> str:
        """Blocks one after another; in a tight list item without blank lines between."""
        out: list[str] = []
        previous: Block | None = None
        alternated = False
        for block in blocks:
            alternate = _alternate(previous, block, alternated)
            text = self.block(block, alternate)
            if not text:
                continue
            alternated = alternate
            if out:
                together = tight and _may_follow_directly(previous, block)
                out.append("\n" if together else "\n\n")
                if together and isinstance(block, Rule):
                    text = "***"  # "---" under a line of text would underline a heading
            out.append(text)
            previous = block
        return "".join(out)

    def block(self, block: Block, alternate: bool = False) -> str:
        if isinstance(block, Paragraph):
            text = inline(
                block.runs, self.anchors, line_breaks=block.style == "body", footnotes=self.numbers
            )
            if block.style in ("note", "caption"):
                return fix_flanking(wrap(text, "*"))
            if block.style == "label" and not all(r.bold or not r.text.strip() for r in block.runs):
                # A lead-in line pmdesk made (not the author's **bold**): bold as a whole.
                plain = [
                    Run(
                        r.text,
                        False,
                        r.italic,
                        r.code,
                        r.strike,
                        r.href,
                        r.title,
                        r.image,
                        footnote=r.footnote,
                    )
                    for r in block.runs
                ]
                written = inline(plain, self.anchors, footnotes=self.numbers)
                return guard_line_start(fix_flanking(wrap(written, "**")))
            if block.style == "error":
                return f"> {text}"
            return guard_line_start(text)
        if isinstance(block, Heading):  # inside a quote or a list: not in the contents
            return self.heading(block, block.level + 1)
        if isinstance(block, ListBlock):
            if self.notes:  # a note is numbered where it is first referenced: write each time
                return self.list_block(block, alternate)
            # Descriptions share the lists they have in common (MarkdownReader): one writing.
            key = (id(block), alternate)
            shared = self.lists.get(key)
            if shared is None:
                shared = self.lists[key] = self.list_block(block, alternate)
            return shared
        if isinstance(block, CodeBlock):
            return _fence(block)
        if isinstance(block, Quote):
            inner = self.blocks(block.blocks)
            return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
        if isinstance(block, Table):
            return _table(block, self.anchors, self.numbers, self.cells)
        if isinstance(block, Footnote):  # written at the end of its section
            return ""
        if isinstance(block, Image):  # the caption ("图 1　路线图") under the picture
            caption = f"\n\n*{escape(_clean(block.caption))}*" if block.caption else ""
            return self.picture(block) + caption
        if isinstance(block, Rule):
            return "---"
        if isinstance(block, PageBreak):
            return ""
        if isinstance(block, Contents):
            return self.contents(block)
        if isinstance(block, Cover):
            return self.cover(block)
        return ""

    def list_block(self, block: ListBlock, alternate: bool = False) -> str:
        """A list; `alternate` marks (`*`, `1)`) keep it apart from a list just before."""
        items: list[str] = []
        number = block.start
        for item in block.items:
            if block.ordered:
                marker = f"{number}{')' if alternate else '.'}"
            else:
                marker = "*" if alternate else "-"
            number += 1
            # Continuation lines indent to the item's text column (CommonMark).
            column = len(marker) + 1
            if item.checked is not None:
                marker += " [x]" if item.checked else " [ ]"
            body = self.blocks(item.blocks, tight=not block.loose)
            first, *rest = body.split("\n") if body else [""]
            if first == "---":  # "- ---" is a rule of its own, not an item holding one
                first = "***"
            lines = [f"{marker} {first}".rstrip()]
            lines += [(" " * column + line) if line else "" for line in rest]
            items.append("\n".join(lines))
        return ("\n\n" if block.loose else "\n").join(items)

    def contents(self, block: Contents) -> str:
        lines = [f"**{escape(block.title)}**", ""]
        for entry in self.entries:
            if entry.level <= block.depth:
                indent = "  " * (entry.level - 1)
                lines.append(f"{indent}- [{escape(entry.label)}](#{entry.anchor})")
        return "\n".join(lines)

    def picture(self, block: Image) -> str:
        """A picture written beside the .md (a logo may be a JPEG) and linked."""
        suffix = ".jpg" if block.png.startswith(b"\xff\xd8") else ".png"
        name = f"{self.stem}-{block.name}{suffix}"
        self.files[name] = block.png
        alt = escape(_clean(block.caption or block.name))
        return f"![{alt}](<{name}>)"

    def cover(self, block: Cover) -> str:
        zh = self.document.language == "zh"
        facts = "  \n".join(
            f"**{escape(label)}**{'：' if zh else ': '}{escape(_clean(value))}"
            for label, value in block.facts
        )
        parts = [self.picture(block.logo)] if block.logo is not None else []
        if block.organisation.strip():
            parts.append(escape(_clean(block.organisation)))
        parts.append(f"# {escape(_clean(block.title))}")
        if block.subtitle.strip():  # "**" alone would be a stray pair of stars
            parts.append(f"*{escape(block.subtitle)}*")
        if facts:
            parts.append(facts)
        return "\n\n".join(parts)


def _clean(text: str) -> str:
    return strip_illegal_chars(text)


def _fence(block: CodeBlock) -> str:
    text = _clean(block.text)
    language = _clean(block.language).split("\n")[0].strip()
    mark = "~" if "`" in language else "`"
    runs = re.findall(rf"^ *({re.escape(mark)}{{3,}})", text, re.MULTILINE)
    fence = mark * max(3, max((len(m) for m in runs), default=0) + 1)
    if language.startswith(("~", "`")) or "\\" in language or "&" in language:
        language = escape(language)
    body = f"{text}\n" if text or "\n" in block.text else ""
    return f"{fence}{language}\n{body}{fence}"


_CELLS_KEPT = 20_000


def _table(
    block: Table, anchors: Mapping[str, str], footnotes: Mapping[str, int], made: dict[int, str]
) -> str:
    columns = max([len(block.header), *(len(r) for r in block.rows)], default=0)
    if columns == 0:
        return ""
    rows = [r + [[] for _ in range(columns - len(r))] for r in block.rows]
    header = block.header + [[] for _ in range(columns - len(block.header))]
    if block.kind == "facts" or not any(header):
        # GitHub tables need a header row: the first row of facts serves as one.
        header, rows = (rows[0], rows[1:]) if rows else (header, rows)
    align = block.align or []
    rule = []
    for index in range(columns):
        kind = align[index] if index < len(align) else ""
        rule.append({"center": ":---:", "right": "---:", "left": ":---"}.get(kind, "---"))
    lines = [_row(header, anchors, footnotes, made), "| " + " | ".join(rule) + " |"]
    lines += [_row(row, anchors, footnotes, made) for row in rows]
    return "\n".join(lines)


def _row(
    cells: list[Runs],
    anchors: Mapping[str, str],
    footnotes: Mapping[str, int],
    made: dict[int, str],
) -> str:
    texts = []
    for cell in cells:
        if len(cell) != 1 or cell[0].href is not None or cell[0].footnote is not None:
            texts.append(inline(cell, anchors, in_table=True, footnotes=footnotes))
            continue
        text = made.get(id(cell[0]))
        if text is None:
            text = inline(cell, anchors, in_table=True)
            if len(made) < _CELLS_KEPT:
                made[id(cell[0])] = text
        texts.append(text)
    return "| " + " | ".join(text or " " for text in texts) + " |"
