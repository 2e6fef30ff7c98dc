"""The neutral document → GitHub-flavoured Markdown.

Output renders the same on a code-hosting site as in the Word export: pipe
tables, task lists, numbered headings, a linked table of contents (GitHub's
heading anchors), pictures written beside the .md and linked relatively.

User text is escaped, so `<script>` or a stray `*` in a title shows as typed.
Emphasis that CommonMark would not close (bold ending in Chinese punctuation
before a letter, `**加粗：**后面`) is written as `<strong>` instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from pmdesk.export.doc import (
    Block,
    CodeBlock,
    Contents,
    Cover,
    Document,
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
)
from pmdesk.export.markdown_html import strip_illegal_chars


@dataclass
class MarkdownOutput:
    text: str
    files: dict[str, bytes] = field(default_factory=dict)
    """Pictures to write beside the .md: relative file name → bytes."""


_ESCAPE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_SPECIAL = re.compile(r"[\\`*_\[\]<>|~&]")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")
_SLUG_DROP = re.compile(r"[^\w\- ]", re.UNICODE)


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


class _Writer:
    def __init__(self, document: Document, picture_stem: str) -> None:
        self.document = document
        self.stem = picture_stem
        self.files: dict[str, bytes] = {}
        self.entries = self._headings(document.blocks)
        # In-document links ("#req:CRM-2") → the GitHub anchor of that heading.
        self.anchors = {e.name: e.anchor for e in self.entries if e.name}
        self.entry_of: dict[int, _Entry] = {}

    def _headings(self, blocks: list[Block]) -> list[_Entry]:
        counters = [0] * 9
        seen: dict[str, int] = {}
        entries = []
        for block in blocks:
            if not isinstance(block, Heading):
                continue
            level = min(max(block.level, 1), 9)
            label = _clean(block.text)
            if block.numbered:
                counters[level - 1] += 1
                for deeper in range(level, 9):
                    counters[deeper] = 0
                label = ".".join(str(max(c, 1)) for c in counters[:level]) + " " + label
            anchor = _slug(label)
            count = seen.get(anchor, 0)
            seen[anchor] = count + 1
            slug = f"{anchor}-{count}" if count else anchor
            entries.append(_Entry(level, label, slug, block.anchor))
        return entries

    def render(self) -> str:
        out: list[str] = []
        headings = iter(self.entries)
        for block in self.document.blocks:
            if isinstance(block, Heading):
                entry = next(headings)
                marks = "#" * min(entry.level + 1, 6)
                out.append(f"{marks} {_escape(entry.label)}")
            else:
                text = self.block(block)
                if text:
                    out.append(text)
        return "\n\n".join(out).rstrip() + "\n"

    def blocks(self, blocks: list[Block]) -> str:
        return "\n\n".join(text for text in (self.block(b) for b in blocks) if text)

    def block(self, block: Block) -> str:
        if isinstance(block, Paragraph):
            text = _inline(block.runs, self.anchors)
            if block.style == "note":
                return f"*{text}*" if text and not _needs_html(text) else text
            if block.style == "label":  # bold as a whole, so not run by run as well
                plain = [Run(r.text, False, r.italic, r.code, r.strike, r.href) for r in block.runs]
                return _wrap(_inline(plain, self.anchors), "**", "strong")
            if block.style == "error":
                return f"> {text}"
            return _guard_line_start(text)
        if isinstance(block, Heading):  # nested inside a quote or list: a bold line
            return _wrap(_escape(_clean(block.text)), "**", "strong")
        if isinstance(block, ListBlock):
            return self.list_block(block)
        if isinstance(block, CodeBlock):
            return _fence(block)
        if isinstance(block, Quote):
            inner = self.blocks(block.blocks)
            return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
        if isinstance(block, Table):
            return _table(block, self.anchors)
        if isinstance(block, Image):
            name = f"{self.stem}-{block.name}.png"
            self.files[name] = block.png
            alt = _escape(_clean(block.caption or block.name))
            return f"![{alt}](<{name}>)"
        if isinstance(block, Rule):
            return "---"
        if isinstance(block, PageBreak):
            return ""
        if isinstance(block, Contents):
            return self.contents(block)
        if isinstance(block, Cover):
            return self.cover(block)
        return ""

    def list_block(self, block: ListBlock) -> str:
        lines: list[str] = []
        number = block.start
        for item in block.items:
            marker = f"{number}." if block.ordered else "-"
            number += 1
            if item.checked is not None:
                marker += " [x]" if item.checked else " [ ]"
            # Continuation lines indent to the item's text column (CommonMark).
            column = len(marker.split(" ")[0]) + 1
            body = self.blocks(item.blocks) or ""
            first, *rest = body.split("\n") if body else [""]
            lines.append(f"{marker} {first}".rstrip())
            lines += [(" " * column + line) if line else "" for line in rest]
        return "\n".join(lines)

    def contents(self, block: Contents) -> str:
        lines = [f"**{_escape(block.title)}**", ""]
        for entry in self.entries:
            if entry.level <= block.depth:
                indent = "  " * (entry.level - 1)
                lines.append(f"{indent}- [{_escape(entry.label)}](#{entry.anchor})")
        return "\n".join(lines)

    def cover(self, block: Cover) -> str:
        zh = self.document.language == "zh"
        facts = "  \n".join(
            f"**{_escape(label)}**{'：' if zh else ': '}{_escape(_clean(value))}"
            for label, value in block.facts
        )
        parts = [f"# {_escape(_clean(block.title))}", f"*{_escape(block.subtitle)}*"]
        if facts:
            parts.append(facts)
        return "\n\n".join(parts)


def _clean(text: str) -> str:
    return strip_illegal_chars(text)


def _escape(text: str) -> str:
    if _SPECIAL.search(text) is None:  # most text, Chinese especially, needs nothing
        return text
    return _ENTITY.sub("&amp;", _ESCAPE.sub(r"\\\1", text))


def _guard_line_start(text: str) -> str:
    """Keep a paragraph that starts like a heading, quote or list item a paragraph."""
    lines = text.split("\n")
    return "\n".join(_LINE_START.sub(lambda m: m[1] + "\\" + m[2], line) for line in lines)


def _inline(runs: Runs, anchors: Mapping[str, str], *, in_table: bool = False) -> str:
    out = []
    for run in runs:
        if run.text == "\n":
            out.append("<br>" if in_table else "  \n")
            continue
        out.append(_run(run, anchors, in_table))
    return "".join(out).strip(" ")


def _run(run: Run, anchors: Mapping[str, str], in_table: bool = False) -> str:
    if not (run.code or run.bold or run.italic or run.strike or run.href or "\n" in run.text):
        return _escape(_clean(run.text))  # most runs: plain text, one look-up each
    if run.code:
        text = _code_span(_clean(run.text).replace("\n", " "))
        if in_table:  # GFM splits cells on every unescaped pipe, even in code
            text = text.replace("|", "\\|")
    else:
        text = _escape(_clean(run.text)).replace("\n", "<br>" if in_table else "  \n")
    if not text.strip():
        return text
    if run.strike:
        text = _wrap(text, "~~", "del")
    if run.italic:
        text = _wrap(text, "*", "em")
    if run.bold:
        text = _wrap(text, "**", "strong")
    href = run.href
    if href and href.startswith("#"):  # a heading of this document, if it has one
        href = "#" + anchors[href[1:]] if href[1:] in anchors else None
    if href:
        url = href.replace("<", "%3C").replace(">", "%3E")
        text = f"[{text}](<{url}>)"
    return text


def _wrap(text: str, marks: str, tag: str) -> str:
    """Emphasis that closes in CommonMark, keeping outer blanks outside the marks."""
    stripped = text.strip()
    if not stripped:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    if _needs_html(stripped):
        return f"{lead}<{tag}>{stripped}</{tag}>{trail}"
    return f"{lead}{marks}{stripped}{marks}{trail}"


def _needs_html(text: str) -> bool:
    # Delimiters next to punctuation only open or close beside blanks or more punctuation.
    return _punctuation(text[0]) or _punctuation(text[-1])


def _punctuation(ch: str) -> bool:
    return unicodedata.category(ch).startswith(("P", "S"))


def _code_span(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _fence(block: CodeBlock) -> str:
    text = _clean(block.text)
    longest = max((len(m) for m in re.findall(r"^\s*(`{3,})", text, re.MULTILINE)), default=0)
    fence = "`" * max(3, longest + 1)
    language = re.sub(r"[^\w+#.-]", "", block.language)
    return f"{fence}{language}\n{text}\n{fence}"


def _table(block: Table, anchors: Mapping[str, str]) -> str:
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
        kind = align[index] if index < len(align) else "left"
        rule.append({"center": ":---:", "right": "---:"}.get(kind, "---"))
    lines = [_row(header, anchors), "| " + " | ".join(rule) + " |"]
    lines += [_row(row, anchors) for row in rows]
    return "\n".join(lines)


def _row(cells: list[Runs], anchors: Mapping[str, str]) -> str:
    texts = [_inline(cell, anchors, in_table=True) for cell in cells]
    return "| " + " | ".join(text or " " for text in texts) + " |"


def _slug(text: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, blanks to hyphens."""
    return _SLUG_DROP.sub("", text.strip().lower()).replace(" ", "-")
