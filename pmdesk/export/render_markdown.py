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
from functools import lru_cache

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
    heading_slug,
)
from pmdesk.export.text_safety import strip_illegal_chars


@dataclass
class MarkdownOutput:
    text: str
    files: dict[str, bytes] = field(default_factory=dict)
    """Pictures to write beside the .md: relative file name → bytes."""


_ALWAYS = frozenset("\\`*[]<~")
_ENTITY = re.compile(r"&#?\w+;")
# Text with nothing to escape and nothing `strip_illegal_chars` would drop.
_PLAIN = re.compile(
    r"[^\\`*_\[\]<>|~&:@\n\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]*"
)
_ENTITY_AMP = re.compile(r"&(?=#?\w+;)")
_SPECIAL = re.compile(r"[\\`*_\[\]<>|~&:@]")
_LINKABLE = re.compile(r"(?:https?|ftp|mailto)[:]|www[.]|[\w.+-][@]", re.IGNORECASE)
_AUTOLINK = re.compile(
    r"(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[\w.-]+)"
)
# Line starts that would make a paragraph line a heading, quote, list item or the
# underline of a heading.
_LINE_START = re.compile(
    r"^(\s*)(#{1,6}(?=\s|$)|>|[+-](?=\s|$)|=+\s*$|-+\s*$|\d{1,9}(?=[.)](?:\s|$)))"
)


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


def _alternate(previous: Block | None, block: Block) -> bool:
    """Two lists in a row need different marks, or Markdown reads them as one."""
    return (
        isinstance(previous, ListBlock)
        and isinstance(block, ListBlock)
        and previous.ordered == block.ordered
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

    def _headings(self, blocks: list[Block]) -> list[_Entry]:
        counters = [0] * 9
        seen: dict[str, int] = {}
        entries = []
        for block in blocks:
            if not isinstance(block, Heading):
                continue
            level = min(max(block.level, 1), 9)
            number = ""
            if block.numbered:
                counters[level - 1] += 1
                for deeper in range(level, 9):
                    counters[deeper] = 0
                number = ".".join(str(max(c, 1)) for c in counters[:level])
            text = _clean(block.text)
            label = f"{number} {text}" if number else text
            anchor = heading_slug(label)
            count = seen.get(anchor, 0)
            seen[anchor] = count + 1
            slug = f"{anchor}-{count}" if count else anchor
            entries.append(_Entry(level, label, slug, block.anchor, number, text))
        return entries

    def render(self) -> str:
        out: list[str] = []
        headings = iter(self.entries)
        previous: Block | None = None
        for block in self.document.blocks:
            if isinstance(block, Heading):
                entry = next(headings)
                out.append(self.heading(block, entry.level + 1, entry.number))
            else:
                text = self.block(block, _alternate(previous, block))
                if text:
                    out.append(text)
            previous = block
        return "\n\n".join(out).rstrip() + "\n"

    def heading(self, block: Heading, level: int, number: str = "") -> str:
        marks = "#" * min(max(level, 1), 6)
        if block.runs:
            text = _inline(block.runs, self.anchors)
        else:
            text = _escape(_clean(block.text).strip())
        if text.endswith("#"):  # a closing sequence of the heading otherwise
            text = text[:-1] + "\\#"
        return f"{marks} {number} {text}" if number else f"{marks} {text}".rstrip()

    def blocks(self, blocks: list[Block], *, tight: bool = False) -> str:
        """Blocks one after another; in a tight list item without blank lines between."""
        out: list[str] = []
        previous: Block | None = None
        for block in blocks:
            text = self.block(block, _alternate(previous, block))
            if not text:
                continue
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
            text = _inline(block.runs, self.anchors)
            if block.style == "note":
                return _fix_flanking(_wrap(text, "*"))
            if block.style == "label" and not all(r.bold or not r.text.strip() for r in block.runs):
                # A lead-in line pmdesk made (not the author's **bold**): bold as a whole.
                plain = [
                    Run(r.text, False, r.italic, r.code, r.strike, r.href, r.title, r.image)
                    for r in block.runs
                ]
                return _guard_line_start(_fix_flanking(_wrap(_inline(plain, self.anchors), "**")))
            if block.style == "error":
                return f"> {text}"
            return _guard_line_start(text)
        if isinstance(block, Heading):  # inside a quote or a list: not in the contents
            return self.heading(block, block.level + 1)
        if isinstance(block, ListBlock):
            return self.list_block(block, alternate)
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


def _escape(text: str, *, in_table: bool = False) -> str:
    """Plain text as Markdown that reads back as the same text.

    Only what could start markup gets a backslash (CommonMark's escapes): an
    intraword `_` (`snake_case`) or a `|` outside tables never could."""
    if _SPECIAL.search(text) is None:  # most text, Chinese especially, needs nothing
        return text
    out = []
    last = len(text) - 1
    for n, ch in enumerate(text):
        if ch in _ALWAYS or (ch == "|" and in_table):
            out.append("\\" + ch)
        elif ch == "_":
            inside = 0 < n < last and text[n - 1].isalnum() and text[n + 1].isalnum()
            out.append("_" if inside else "\\_")
        elif ch == "&" and _ENTITY.match(text, n):
            out.append("\\&")
        else:
            out.append(ch)
    escaped = "".join(out)
    if "://" in escaped or "@" in escaped or "www." in escaped:
        # Not a link in the source, so none in the .md: GFM would autolink it.
        escaped = _LINKABLE.sub(lambda m: m[0][:-1] + "\\" + m[0][-1], escaped)
    return escaped


def _guard_line_start(text: str) -> str:
    """Keep a paragraph that starts like a heading, quote or list item a paragraph."""
    lines = [_LINE_START.sub(_guard, line) for line in text.split("\n")]
    # Leading blanks would be dropped, or make the line code: the first one as an entity.
    return "\n".join(f"&#{ord(s[0])};{s[1:]}" if s[:1].isspace() else s for s in lines)


def _guard(match: re.Match[str]) -> str:
    mark = match[2]
    if mark[0].isdigit():  # "1. " stays text as "1\. "
        return match[1] + mark + "\\"
    return match[1] + "\\" + mark


def _inline(runs: Runs, anchors: Mapping[str, str], *, in_table: bool = False) -> str:
    """Runs as Markdown: emphasis nested as the runs share it, links around their text."""
    if len(runs) == 1 and runs[0].href is None:  # most table cells, many paragraphs
        run = runs[0]
        text = _plain_run(run, in_table)
        if not (run.bold or run.italic or run.strike):
            return text.strip(" ")
        for flag in reversed(_FLAGS):  # the same nesting `_emphasis` chooses on a tie
            if getattr(run, flag):
                text = _wrap(text, _MARKS[flag])
        return _fix_flanking(text).strip(" ")
    if not any(r.bold or r.italic or r.strike or r.href is not None for r in runs):
        return "".join([_plain_run(r, in_table) for r in runs]).strip(" ")
    atoms: list[Runs] = []
    for run in runs:
        last = atoms[-1][0] if atoms else None
        if (
            last is not None
            and run.href is not None
            and not (run.image or last.image)
            and (last.href, last.title) == (run.href, run.title)
        ):
            atoms[-1].append(run)
        else:
            atoms.append([run])
    text = _emphasis(atoms, _Context(anchors, in_table), frozenset())
    return _fix_flanking(text).strip(" ")


@dataclass(frozen=True)
class _Context:
    anchors: Mapping[str, str]
    in_table: bool


_FLAGS = ("italic", "bold", "strike")
_MARKS = {"italic": "*", "bold": "**", "strike": "~~"}


def _has(atom: Runs, flag: str) -> bool:
    return all(getattr(run, flag) for run in atom)


def _emphasis(atoms: list[Runs], ctx: _Context, open_flags: frozenset[str]) -> str:
    """Atoms (a run, or the runs of one link), the longest shared emphasis outermost
    (`*a **b** c*`); a link inside emphasis stays one piece."""
    out: list[str] = []
    n = 0
    while n < len(atoms):
        atom = atoms[n]
        flags = [f for f in _FLAGS if f not in open_flags and _has(atom, f)]
        best, best_end = "", n + 1
        for flag in flags:
            end = n + 1
            while end < len(atoms) and _has(atoms[end], flag):
                end += 1
            if not best or end > best_end:
                best, best_end = flag, end
        # Emphasis of one link alone goes inside it: [*text*](url), as authors write it.
        if not best or (best_end == n + 1 and atom[0].href is not None):
            out.append(_atom(atom, ctx, open_flags))
            n += 1
            continue
        inner = _emphasis(atoms[n:best_end], ctx, open_flags | {best})
        out.append(_wrap(inner, _MARKS[best]))
        n = best_end
    return "".join(out)


def _atom(atom: Runs, ctx: _Context, open_flags: frozenset[str]) -> str:
    first = atom[0]
    if first.href is None:
        return _plain_run(first, ctx.in_table)
    return _link(atom, ctx, open_flags)


def _link(runs: Runs, ctx: _Context, open_flags: frozenset[str]) -> str:
    first = runs[0]
    href = first.href or ""
    if href.startswith("#") and href[1:] in ctx.anchors:  # a heading of this document
        href = "#" + ctx.anchors[href[1:]]
    text = "".join(r.text for r in runs)
    looks = any(r.code or any(getattr(r, f) for f in _FLAGS if f not in open_flags) for r in runs)
    if (
        not first.image
        and not first.title
        and not looks
        and text
        and href in (text, "mailto:" + text)
        and _AUTOLINK.fullmatch(text)
    ):
        return f"{_LINK_START}<{text}>"
    # Inside the link only the looks not already open around it.
    inner_runs = [
        Run(
            r.text,
            r.bold and "bold" not in open_flags,
            r.italic and "italic" not in open_flags,
            r.code,
            r.strike and "strike" not in open_flags,
        )
        for r in runs
    ]
    inner = _emphasis([[r] for r in inner_runs], ctx, frozenset())
    url = href.replace("\\", "\\\\").replace("<", "%3C").replace(">", "%3E")
    url = _ENTITY_AMP.sub(r"\\&", url.replace("\n", "%0A"))  # "&amp;" stays as written
    if ctx.in_table:
        url = url.replace("|", "%7C")
    title = ""
    if first.title:
        escaped = first.title.replace("\\", "\\\\").replace('"', '\\"')
        if ctx.in_table:
            escaped = escaped.replace("|", "\\|")
        title = f' "{escaped}"'
    return f"{_LINK_START}[{inner}](<{url}>{title})"


def _plain_run(run: Run, in_table: bool) -> str:
    if not run.code and _PLAIN.fullmatch(run.text):  # nothing to clean or escape
        return run.text
    if run.text == "\n":
        return "<br>" if in_table else "\\\n"
    if run.code:
        text = _code_span(_clean(run.text).replace("\n", " "))
        # GFM splits cells on every unescaped pipe, even in code
        return text.replace("|", "\\|") if in_table else text
    text = _clean(run.text)
    if "\n" in text:
        return ("<br>" if in_table else "\\\n").join(
            _escape(part, in_table=in_table) for part in text.split("\n")
        )
    return _escape(text, in_table=in_table)


# Emphasis is written as OPEN marks MID text END marks CLOSE until `_fix_flanking`
# has checked that CommonMark reads it back; LINK_START marks where a link begins.
_OPEN, _MID, _END, _CLOSE, _LINK_START = "\x01", "\x03", "\x04", "\x02", "\x05"
_SENTINELS = "\x01\x02\x03\x04\x05"


def _wrap(text: str, marks: str) -> str:
    """Emphasis marks around `text`, keeping outer blanks outside the marks."""
    if not text:
        return text
    first, last = text[0], text[-1]
    if _simple_edge(first) and _simple_edge(last):
        # A letter at both ends opens and closes next to anything: nothing to check.
        return f"{marks}{text}{marks}"
    stripped = text.strip()
    if not stripped:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    if _simple_edge(stripped[0]) and _simple_edge(stripped[-1]):
        return f"{lead}{marks}{stripped}{marks}{trail}"
    return f"{lead}{_OPEN}{marks}{_MID}{stripped}{_END}{marks}{_CLOSE}{trail}"


@lru_cache(maxsize=4096)
def _simple_edge(ch: str) -> bool:
    return ch not in _SENTINELS and not ch.isspace() and not _punct(ch)


def _fix_flanking(text: str) -> str:
    """Make every emphasis span read back as emphasis (CommonMark's flanking rules).

    Bold that ends in punctuation before a letter (`**加粗：**后面`) does not close
    in CommonMark: the punctuation moves outside the marks (`**加粗**：后面`). A
    span that still cannot be written keeps its text without the marks, never
    as an HTML tag (which pmdesk, and viewers that strip HTML, show as text).
    A `!` written just before a link is escaped, or the link became a picture."""
    if _LINK_START in text:
        text = re.sub(r"(?<!\\)!\x05", r"\\!", text).replace(_LINK_START, "")
    while _OPEN in text:
        start = text.rindex(_OPEN)  # the innermost span: no span opens inside it
        mid = text.index(_MID, start)
        end = text.index(_END, mid)
        close = text.index(_CLOSE, end)
        marks = text[start + 1 : mid]
        inner = text[mid + 1 : end]
        before, after = text[:start], text[close + 1 :]
        # Marks of the same character next to these join them in one delimiter run
        # (`***` of `foo***bar***`): what counts is the character beyond the run.
        ch = marks[0]
        prev, nxt = _visible_last(before, ch), _visible_first(after, ch)
        front = back = ""
        if not _closes(_last(inner, ch), nxt):
            keep = len(inner)
            while keep > 1 and _movable(inner, keep - 1):
                keep -= 1
            inner, back = inner[:keep], inner[keep:]
        if not _opens(_first(inner, ch), prev):
            keep = 0
            while keep < len(inner) - 1 and _movable(inner, keep):
                keep += 1
            front, inner = inner[:keep], inner[keep:]
        if (
            inner
            and _opens(_first(inner, ch), front[-1:] or prev)
            and _closes(_last(inner, ch), back[:1] or nxt)
        ):
            span = f"{front}{marks}{inner}{marks}{back}"
        else:
            span = front + inner + back
        text = before + span + after
    return text


def _movable(inner: str, at: int) -> bool:
    """Punctuation that can stand outside the marks: not markup, not escaped."""
    ch = inner[at]
    escaped = at > 0 and inner[at - 1] == "\\"
    return _punct(ch) and ch not in _MARKUP and not escaped


_MARKUP = set("\\`*_~[]<>&|!:@()")


def _first(inner: str, mark: str) -> str:
    """The first character of a span's text beyond nested marks of the same kind."""
    return inner.lstrip(mark)[:1]


def _last(inner: str, mark: str) -> str:
    core = inner.rstrip(mark)
    if core.endswith("\\") and len(core) < len(inner):
        return mark  # an escaped mark: a literal character
    return core[-1:]


def _opens(first: str, prev: str) -> bool:
    if not first or first.isspace():
        return False
    return not _punct(first) or not prev or prev.isspace() or _punct(prev)


def _closes(last: str, nxt: str) -> bool:
    if not last or last.isspace():
        return False
    return not _punct(last) or not nxt or nxt.isspace() or _punct(nxt)


def _visible_last(text: str, mark: str) -> str:
    """The last character before a span, beyond enclosing marks of the same kind."""
    return text.replace(_MID, "").rstrip(_SENTINELS + mark).rstrip(_SENTINELS)[-1:]


def _visible_first(text: str, mark: str) -> str:
    return text.replace(_END, "").lstrip(_SENTINELS + mark).lstrip(_SENTINELS)[:1]


@lru_cache(maxsize=4096)
def _punct(ch: str) -> bool:
    return bool(ch) and unicodedata.category(ch)[0] in ("P", "S")


def _code_span(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    ticks = "`"
    if longest:  # the shortest run of backticks that does not occur in the code
        runs = {len(m) for m in re.findall(r"`+", text)}
        ticks = "`" * next(n for n in range(1, longest + 2) if n not in runs)
    # CommonMark strips one blank from each end when both ends have one.
    both = text.startswith(" ") and text.endswith(" ") and text.strip()
    pad = " " if text.startswith("`") or text.endswith("`") or both else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _fence(block: CodeBlock) -> str:
    text = _clean(block.text)
    language = _clean(block.language).split("\n")[0].strip()
    mark = "~" if "`" in language else "`"
    runs = re.findall(rf"^ *({re.escape(mark)}{{3,}})", text, re.MULTILINE)
    fence = mark * max(3, max((len(m) for m in runs), default=0) + 1)
    if language.startswith(("~", "`")) or "\\" in language or "&" in language:
        language = _escape(language)
    body = f"{text}\n" if text or "\n" in block.text else ""
    return f"{fence}{language}\n{body}{fence}"


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
        kind = align[index] if index < len(align) else ""
        rule.append({"center": ":---:", "right": "---:", "left": ":---"}.get(kind, "---"))
    lines = [_row(header, anchors), "| " + " | ".join(rule) + " |"]
    lines += [_row(row, anchors) for row in rows]
    return "\n".join(lines)


def _row(cells: list[Runs], anchors: Mapping[str, str]) -> str:
    texts = [_inline(cell, anchors, in_table=True) for cell in cells]
    return "| " + " | ".join(text or " " for text in texts) + " |"
