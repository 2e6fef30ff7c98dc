"""PRD Markdown to neutral document blocks (`export.doc`).

Python-Markdown parses with the same safe configuration as the live preview
(`markdown_html.safe_markdown`): raw HTML stays text, 2-space nested lists
nest. Its element tree is read directly instead of serialising to HTML and
parsing that again. Stashed pieces (entities, task-list boxes, fenced blocks)
come back from Python-Markdown's `htmlStash` by their placeholders.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE

from pmdesk.export.doc import (
    LINE_BREAK,
    Block,
    CodeBlock,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Rule,
    Run,
    Runs,
    Table,
)
from pmdesk.export.markdown_html import safe_href, safe_markdown, strip_illegal_chars

ExpandDirective = Callable[[str], list[Block]]

_FENCE_TOKEN = re.compile(r"pmdesk-fence:(\d+)$")
_BLOCK_TAGS = frozenset(
    {"p", "ul", "ol", "pre", "blockquote", "table", "hr", "div"} | {f"h{n}" for n in range(1, 7)}
)
_REFERENCE_PATTERNS = ("reference", "image_reference", "short_reference", "short_image_ref")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
_SOFT_BREAK = re.compile(r"[ \t]*\n[ \t]*")
MAX_NESTING = 12
"""Lists and quotes nested deeper than this continue at this depth (Word has 9 list levels)."""


class MarkdownReader:
    """Reads many Markdown texts with one parser (building one costs milliseconds).

    Not thread-safe: one reader per export.
    """

    def __init__(self) -> None:
        self._fences: list[tuple[str, str]] = []

        def fence(source: str, language: str | None, *_args: Any, **_kwargs: Any) -> str:
            self._fences.append((source, language or ""))
            return f"pmdesk-fence:{len(self._fences) - 1}"

        def parser(references: bool) -> markdown.Markdown:
            md = safe_markdown(fence, every_fence=True)
            # Only the element tree is read: heading ids and pretty-printing are HTML's.
            md.treeprocessors.deregister("toc")
            md.treeprocessors.deregister("prettify")
            if not references:  # without a "[id]: url" line they can never match
                for name in _REFERENCE_PATTERNS:
                    md.inlinePatterns.deregister(name)
                md.parser.blockprocessors.deregister("reference")
            return md

        self._md = parser(references=True)
        self._lean = parser(references=False)  # a tenth faster, for most texts

    def read(
        self,
        source: str,
        *,
        heading_shift: int = 0,
        headings: bool = True,
        expand: ExpandDirective | None = None,
    ) -> list[Block]:
        """Blocks of one Markdown text.

        `heading_shift` moves `#` headings down (a section's `#` sits under the
        section's own heading); with `headings=False` they become bold lines, for
        descriptions that must not add entries to the contents. ```` ```pmdesk ````
        blocks become `expand(body)`, or code when `expand` is None.
        """
        text = strip_illegal_chars(source)
        if not text.strip():
            return []
        md = self._md if "]:" in text else self._lean
        md.reset()
        # A fresh list, not clear(): a detailed pmdesk block reads descriptions while
        # the walker of the section that holds it still looks up its own fences.
        self._fences = []
        try:
            lines = text.split("\n")
            # Most descriptions have no fence; superfences' scan costs a third of a read.
            fenced = "```" in text or "~~~" in text
            skip = None if fenced else md.preprocessors["fenced_code_block"]
            for preprocessor in md.preprocessors:
                if preprocessor is not skip:
                    lines = preprocessor.run(lines)
            root = md.parser.parseDocument(lines).getroot()
            for treeprocessor in md.treeprocessors:
                replaced = treeprocessor.run(root)
                if replaced is not None:
                    root = replaced
        except RecursionError:  # thousands of nested quotes or lists: keep the words
            return [CodeBlock(text)]
        walker = _Walker(md.htmlStash.rawHtmlBlocks, self._fences, heading_shift, headings, expand)
        return walker.blocks(root)


class _Walker:
    def __init__(
        self,
        stash: list[Any],
        fences: list[tuple[str, str]],
        heading_shift: int,
        headings: bool,
        expand: ExpandDirective | None,
    ) -> None:
        self.stash = stash
        self.fences = fences
        self.shift = heading_shift
        self.headings = headings
        self.expand = expand
        self.depth = 0

    def blocks(self, parent: Element) -> list[Block]:
        out: list[Block] = []
        for el in parent:
            out.extend(self.block(el))
        return out

    def block(self, el: Element) -> list[Block]:
        tag = el.tag
        if tag == "p":
            fence = self._fence_of(el)
            if fence is not None:
                return fence
            runs = self.inline(el)
            if not _has_text(runs):
                return []
            return [Paragraph(runs, "label" if _is_lead_in(runs) else "body")]
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            runs = self.inline(el)
            if not self.headings:
                return [Paragraph([_styled(r, bold=True) for r in runs])]
            return [Heading(int(tag[1]) + self.shift, "".join(r.text for r in runs).strip())]
        if tag in ("ul", "ol", "blockquote") and self.depth >= MAX_NESTING:
            if tag == "blockquote":
                return self.blocks(el)
            return [b for li in el if li.tag == "li" for b in self.item(li).blocks]
        if tag in ("ul", "ol"):
            start = el.get("start", "1")
            self.depth += 1
            items = [self.item(li) for li in el if li.tag == "li"]
            self.depth -= 1
            return [ListBlock(tag == "ol", items, int(start) if start.isdigit() else 1)]
        if tag == "pre":
            code = el.find("code")
            return [CodeBlock(_text_of(code if code is not None else el).rstrip("\n"))]
        if tag == "blockquote":
            self.depth += 1
            quoted = self.blocks(el)
            self.depth -= 1
            return [Quote(quoted)]
        if tag == "table":
            return [self.table(el)]
        if tag == "hr":
            return [Rule()]
        return self.blocks(el)  # div and anything unexpected: its content

    def item(self, li: Element) -> ListItem:
        checked: bool | None = None
        if "task-list-item" in (li.get("class") or ""):
            checked = self._take_checkbox(li)
        blocks: list[Block] = []
        lead = Element("span")
        lead.text = li.text
        for child in li:
            if child.tag in _BLOCK_TAGS:
                if lead.text or len(lead):
                    blocks.append(Paragraph(self.inline(lead)))
                    lead = Element("span")
                blocks.extend(self.block(child))
                if child.tail and child.tail.strip():
                    lead.text = child.tail
            else:
                lead.append(child)
        if lead.text or len(lead):
            runs = self.inline(lead)
            if _has_text(runs):
                blocks.append(Paragraph(runs))
        if checked is not None and blocks and isinstance(blocks[0], Paragraph):
            first = blocks[0]  # the box may sit inside the item's first paragraph
            first.runs = _lstrip_runs(first.runs)
        return ListItem(blocks, checked)

    def _take_checkbox(self, li: Element) -> bool | None:
        holder = li
        if not (li.text or "").strip() and len(li) and li[0].tag == "p":
            holder = li[0]  # a loose task item wraps its text in <p>
        match = HTML_PLACEHOLDER_RE.match(holder.text or "")
        if not match:
            return None
        raw = str(self.stash[int(match[1])])
        if "checkbox" not in raw:
            return None
        holder.text = (holder.text or "")[match.end() :]
        return "checked" in raw

    def table(self, el: Element) -> Table:
        header: list[Runs] = []
        rows: list[list[Runs]] = []
        align: list[str] = []
        for tr in el.iter("tr"):
            cells = [c for c in tr if c.tag in ("th", "td")]
            if all(c.tag == "th" for c in cells) and not header and not rows:
                header = [self.inline(c) for c in cells]
                align = [_align(c) for c in cells]
            else:
                rows.append([self.inline(c) for c in cells])
        width = max([len(header), *(len(r) for r in rows)], default=0)
        rows = [r + [[] for _ in range(width - len(r))] for r in rows]
        header = header + [[] for _ in range(width - len(header))]
        shown = align if any(a != "left" for a in align) else None
        return Table(header, rows, align=shown)

    def _fence_of(self, p: Element) -> list[Block] | None:
        if len(p):
            return None
        match = HTML_PLACEHOLDER_RE.fullmatch((p.text or "").strip())
        if not match:
            return None
        token = _FENCE_TOKEN.match(str(self.stash[int(match[1])]))
        if not token:
            return None
        source, language = self.fences[int(token[1])]
        if language == "pmdesk" and self.expand is not None:
            return self.expand(source)
        return [CodeBlock(source.rstrip("\n"), language)]

    def inline(self, el: Element) -> Runs:
        runs: Runs = []
        self._inline(el, Run(""), runs)
        return _merge(runs)

    def _inline(self, el: Element, look: Run, out: Runs) -> None:
        self._text(el.text, look, out)
        for child in el:
            tag = child.tag
            if tag == "br":
                out.append(LINE_BREAK)
            elif tag == "code":
                out.append(_styled(look, text=_text_of(child), code=True))
            elif tag == "img":
                alt = (child.get("alt") or "").strip()
                out.append(_styled(look, text=f"[{alt}]" if alt else "[image]"))
            else:
                inner = look
                if tag in ("strong", "b"):
                    inner = _styled(look, bold=True)
                elif tag in ("em", "i"):
                    inner = _styled(look, italic=True)
                elif tag in ("del", "s"):
                    inner = _styled(look, strike=True)
                elif tag == "a":
                    href = html.unescape((child.get("href") or "").replace(AMP_SUBSTITUTE, "&"))
                    inner = _styled(look, href=href if safe_href(href) else None)
                self._inline(child, inner, out)
            self._text(child.tail, look, out)

    def _text(self, text: str | None, look: Run, out: Runs) -> None:
        if not text:
            return
        text = HTML_PLACEHOLDER_RE.sub(self._unstash, text).replace(AMP_SUBSTITUTE, "&")
        out.append(_styled(look, text=_soften_breaks(text)))

    def _unstash(self, match: re.Match[str]) -> str:
        raw = str(self.stash[int(match[1])])
        return "" if "checkbox" in raw else html.unescape(raw)


def _styled(
    run: Run,
    *,
    text: str | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    code: bool | None = None,
    strike: bool | None = None,
    href: str | bool | None = False,
) -> Run:
    """`run` with some of its fields changed (dataclasses.replace is several times slower)."""
    return Run(
        run.text if text is None else text,
        run.bold if bold is None else bold,
        run.italic if italic is None else italic,
        run.code if code is None else code,
        run.strike if strike is None else strike,
        run.href if href is False else href,  # type: ignore[arg-type]
    )


def _merge(runs: Runs) -> Runs:
    """Join neighbours with the same look, and trim the edges of the whole line."""
    merged: Runs = []
    for run in runs:
        if not run.text:
            continue
        last = merged[-1] if merged else None
        if last is not None and run.text != "\n" and last.text != "\n" and _same_look(last, run):
            merged[-1] = _styled(last, text=last.text + run.text)
        else:
            merged.append(run)
    if merged and not merged[0].code:
        merged[0] = _styled(merged[0], text=merged[0].text.lstrip())
    if merged and not merged[-1].code:
        merged[-1] = _styled(merged[-1], text=merged[-1].text.rstrip())
    return [r for r in merged if r.text]


def _same_look(a: Run, b: Run) -> bool:
    return (a.bold, a.italic, a.code, a.strike, a.href) == (
        b.bold,
        b.italic,
        b.code,
        b.strike,
        b.href,
    )


def _lstrip_runs(runs: Runs) -> Runs:
    if runs and not runs[0].code:
        return [_styled(runs[0], text=runs[0].text.lstrip()), *runs[1:]]
    return runs


def _soften_breaks(text: str) -> str:
    """A newline inside a paragraph is a space, or nothing between Chinese characters."""
    if "\n" not in text:
        return text

    def join(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        return "" if _CJK.match(before) and _CJK.match(after) else " "

    return _SOFT_BREAK.sub(join, text)


def _text_of(el: Element) -> str:
    return "".join(el.itertext())


def _is_lead_in(runs: Runs) -> bool:
    """A short paragraph that is bold throughout ("**Scope**") introduces what follows."""
    text = "".join(r.text for r in runs).strip()
    return 0 < len(text) <= 60 and all(r.bold or not r.text.strip() for r in runs)


def _has_text(runs: Runs) -> bool:
    return any(r.text.strip() for r in runs)


def _align(cell: Element) -> str:
    style = (cell.get("style") or "") + (cell.get("align") or "")
    for name in ("center", "right"):
        if name in style:
            return name
    return "left"
