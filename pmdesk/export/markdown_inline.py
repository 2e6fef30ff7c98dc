"""Styled runs (`export.doc`) as CommonMark inline text that reads back as the same runs.

Only what could start markup is escaped; emphasis is nested as the runs share
it and checked against CommonMark's flanking rules (bold that ends in `：`
before a letter moves the punctuation outside the marks rather than becoming
an HTML tag); links keep their titles, bare URLs are written as autolinks, and
a URL is never backslash-escaped (GitHub would link to the wrong address).
`render_markdown` lays out the blocks around this.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from pmdesk.export.doc import Run, Runs
from pmdesk.export.text_safety import CJK_CHAR, strip_illegal_chars

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


def escape(text: str, *, in_table: bool = False) -> str:
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


def guard_line_start(text: str) -> str:
    """Keep a paragraph that starts like a heading, quote or list item a paragraph."""
    lines = [_LINE_START.sub(_guard, line) for line in text.split("\n")]
    # Leading blanks would be dropped, or make the line code: the first one as an entity.
    return "\n".join(f"&#{ord(s[0])};{s[1:]}" if s[:1].isspace() else s for s in lines)


def _guard(match: re.Match[str]) -> str:
    mark = match[2]
    if mark[0].isdigit():  # "1. " stays text as "1\. "
        return match[1] + mark + "\\"
    return match[1] + "\\" + mark


def inline(
    runs: Runs,
    anchors: Mapping[str, str],
    *,
    in_table: bool = False,
    line_breaks: bool = False,
    footnotes: Mapping[str, int] | None = None,
) -> str:
    """Runs as Markdown: emphasis nested as the runs share it, links around their text.
    `line_breaks`: the text may go over several lines (a paragraph, not a heading or a
    table cell), which lets emphasis between two Chinese characters be written.
    A footnote reference is written `[^n]`, n being `footnotes[label]` (its marker
    without `footnotes`)."""
    if len(runs) == 1 and runs[0].href is None and runs[0].footnote is None:  # most cells
        run = runs[0]
        text = _plain_run(run, in_table)
        if not (run.bold or run.italic or run.strike):
            return text.strip(" ")
        for flag in reversed(_FLAGS):  # the same nesting `_emphasis` chooses on a tie
            if getattr(run, flag):
                text = wrap(text, _MARKS[flag])
        return fix_flanking(text, line_breaks=line_breaks).strip(" ")
    if any(run.footnote is not None for run in runs):
        return _with_footnotes(runs, anchors, in_table, line_breaks, footnotes)
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
    return fix_flanking(text, line_breaks=line_breaks).strip(" ")


def _with_footnotes(
    runs: Runs,
    anchors: Mapping[str, str],
    in_table: bool,
    line_breaks: bool,
    footnotes: Mapping[str, int] | None,
) -> str:
    """The text between references written as usual, each reference as `[^n]`."""
    out: list[str] = []
    piece: Runs = []
    for run in [*runs, None]:
        if run is not None and run.footnote is None:
            piece.append(run)
            continue
        if piece:
            written = inline(piece, anchors, in_table=in_table, line_breaks=line_breaks)
            # inline() trims blanks at the ends: keep those next to a reference
            first, last = piece[0], piece[-1]
            lead = " " if out and first.text[:1] == " " and not first.code and written else ""
            trail = " " if run and last.text[-1:] == " " and not last.code and written else ""
            if out and not lead and written[:1] in ("(", ":"):
                written = "\\" + written  # `[^1](x)` is a link, `[^1]:` a definition
            out.append(lead + written + trail)
            piece = []
        if run is not None and run.footnote is not None:
            try:
                label = str(footnotes[run.footnote]) if footnotes is not None else run.text
            except KeyError:  # its note is not in the document: no reference to write
                continue
            out.append(f"[^{label}]")
    return "".join(out).strip(" ")


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
        # A span does not end at a link either: its mark would stand beside `)`,
        # where CommonMark closes it only before a space or punctuation.
        while best_end > n + 1 and _bracketed(atoms[best_end - 1]):
            best_end -= 1
        # Emphasis of a link at a span's start goes inside it, [*text*](url), as
        # authors write it: a mark before `[` opens only after a space or punctuation.
        if not best or (atom[0].href is not None and (best_end == n + 1 or _bracketed(atom))):
            out.append(_atom(atom, ctx, open_flags))
            n += 1
            continue
        inner = _emphasis(atoms[n:best_end], ctx, open_flags | {best})
        out.append(wrap(inner, _MARKS[best]))
        n = best_end
    return "".join(out)


def _bracketed(atom: Runs) -> bool:
    """A link written `[text](url)`; an address written `<…>` (an autolink) may end
    a span: `fix_flanking` writes it bare where a mark must close after it."""
    first = atom[0]
    if first.href is None:
        return False
    text = "".join(r.text for r in atom)
    autolink = (
        not first.image
        and not first.title
        and not any(r.code for r in atom)
        and first.href in (text, "mailto:" + text)
        and bool(_AUTOLINK.fullmatch(text))
    )
    return not autolink


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
        text = _code_span(strip_illegal_chars(run.text).replace("\n", " "))
        # GFM splits cells on every unescaped pipe, even in code
        return text.replace("|", "\\|") if in_table else text
    text = strip_illegal_chars(run.text)
    if "\n" in text:
        return ("<br>" if in_table else "\\\n").join(
            escape(part, in_table=in_table) for part in text.split("\n")
        )
    return escape(text, in_table=in_table)


# Emphasis is written as OPEN marks MID text END marks CLOSE until `_fix_flanking`
# has checked that CommonMark reads it back; LINK_START marks where a link begins.
_OPEN, _MID, _END, _CLOSE, _LINK_START = "\x01", "\x03", "\x04", "\x02", "\x05"
_SENTINELS = "\x01\x02\x03\x04\x05"


def wrap(text: str, marks: str) -> str:
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


def fix_flanking(text: str, *, line_breaks: bool = False) -> str:
    """Make every emphasis span read back as emphasis (CommonMark's flanking rules).

    Bold that ends in punctuation before a letter (`**加粗：**后面`) does not close
    in CommonMark: the punctuation moves outside the marks (`**加粗**：后面`). A
    span that still cannot be written keeps its text without the marks, never
    as an HTML tag (which pmdesk, and viewers that strip HTML, show as text).
    With `line_breaks`, emphasis of punctuation between two Chinese characters
    (`需求**：**需求`) is written with a line break beside its marks, which reads as
    nothing between Chinese characters and lets the marks open and close.
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
        whole = inner
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
        elif line_breaks and (broken := _with_line_breaks(whole, marks, prev, nxt)):
            span = broken
        elif (bare := _bare_links(whole)) != whole:
            # `*… <pm@example.com>*需求` cannot close after `>`; a bare address is
            # still a link (GFM) and ends in a letter, beside which the mark closes.
            text = before + text[start : mid + 1] + bare + text[end:close] + _CLOSE + after
            continue
        else:
            span = front + inner + back
        text = before + span + after
    return text


_BARE_LINKS = re.compile(
    r"(?<!\\)<([^\s<>:@\\]+@[^\s<>@\\]+)>"  # <pm@example.com>
    r"|(?<!\\)<([a-z][a-z0-9+.-]*://[^\s<>*_~\\]*[a-z0-9/])>"  # <https://…>
    r"|(?<!\\)\[(www\.[^\s\[\]<>*_~\\]*[a-z0-9/])\]\(<http://\3>\)",  # [www.…](<http://www.…>)
    re.IGNORECASE,
)


def _bare_links(text: str) -> str:
    """Autolinks written bare, as GFM still links them (only those that end in a
    letter, digit or `/` and hold no emphasis character, which read back the same)."""
    return _BARE_LINKS.sub(lambda m: m.group(1) or m.group(2) or m.group(3), text)


def _with_line_breaks(inner: str, marks: str, prev: str, nxt: str) -> str | None:
    """The span with a line break beside a mark that cannot open or close next to a
    Chinese character; None when that does not make it emphasis either."""
    ch = marks[0]
    first, last = _first(inner, ch), _last(inner, ch)
    lead = "\n" if not _opens(first, prev) and _broken_by_line(prev, first) else ""
    trail = "\n" if not _closes(last, nxt) and _broken_by_line(last, nxt) else ""
    if not (lead or trail):
        return None
    if _opens(first, lead or prev) and _closes(last, trail or nxt):
        return f"{lead}{marks}{inner}{marks}{trail}"
    return None


def _broken_by_line(left: str, right: str) -> bool:
    """Would a line break between these two reads as nothing (two Chinese
    characters) where the marks cannot stand without one (punctuation beside them)?"""
    chinese = bool(CJK_CHAR.match(left)) and bool(CJK_CHAR.match(right))
    return chinese and (_punct(left) or _punct(right))


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
