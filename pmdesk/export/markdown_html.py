"""Markdown to a safe HTML fragment for the live preview (a QTextBrowser).

The text is read once by `markdown_blocks` (markdown-it-py, CommonMark + GFM),
the same reading the .md and .docx exports lay out, and the blocks are written
here as HTML. Safety follows from writing every tag ourselves:

- raw HTML was never parsed as HTML, so `<script>`, `<img onerror=…>` and
  `<iframe>` are escaped text; HTML comments (the author's notes) are dropped;
- control characters are stripped before reading;
- links keep only http, https, mailto and in-page `#` targets, anything else
  (`javascript:`, `data:`, `file:`, relative paths) becomes plain text;
- images never load: each becomes a bracketed label with its alt text.

Output sticks to the HTML4 subset QTextBrowser understands (`s` not `del`,
`border`/`cellpadding` attributes on tables, ☐/☑ instead of checkboxes).

The document pane's preview of a section (`section=`) shows the section's own
heading and numbers the headings as the PRD does ("4.1 …", `heading_numbers`),
with the exported anchors (`#41-…`) and the unnumbered ones (`#…`), so the
author's in-page links work in the preview too. Each top-level block carries an
anchor naming the source line it starts on (`LINE_ANCHOR`), so the preview can
follow the editor's caret.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from pmdesk.core.domain.directive_filter import DirectiveError
from pmdesk.export.doc import (
    Block,
    CodeBlock,
    Footnote,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Runs,
    Table,
    heading_slug,
)
from pmdesk.export.footnotes import FootnoteNumbers, gather_footnotes
from pmdesk.export.heading_numbers import HeadingNumbers, Slugs, nested_levels, numbered
from pmdesk.export.markdown_blocks import MarkdownReader
from pmdesk.export.text_safety import safe_href, strip_illegal_chars

__all__ = [
    "LINE_ANCHOR",
    "Expand",
    "PreviewSection",
    "error_html",
    "line_of_anchor",
    "render_html",
    "safe_href",
    "strip_illegal_chars",
]

Expand = Callable[[str], str]

LINE_ANCHOR = "pmdesk-line-"
"""Anchor name prefix of a top-level block: `pmdesk-line-12` starts on source line 12
(from 0)."""
_FIRST_TEXT = re.compile(r"<(?:p|h[1-6]|td|th|li|pre)\b[^>]*>")


@dataclass(frozen=True)
class PreviewSection:
    """The section a preview shows: its title and chapter number (None: an
    appendix, unnumbered like all its headings)."""

    title: str
    number: int | None


def line_of_anchor(name: str) -> int | None:
    """The source line a block's anchor names, None for any other anchor."""
    if name.startswith(LINE_ANCHOR) and name[len(LINE_ANCHOR) :].isdigit():
        return int(name[len(LINE_ANCHOR) :])
    return None


def error_html(message: str, *, language: str = "zh") -> str:
    """A red line saying why a pmdesk block could not be shown (never an exception)."""
    label = "pmdesk 内容块有误：" if language == "zh" else "pmdesk block error: "
    text = html.escape(message, quote=False)
    return f'<p><span style="color:#b00020"><b>{label}</b>{text}</span></p>'


def render_html(
    markdown_text: str,
    expand: Expand | None,
    *,
    language: str = "zh",
    section: PreviewSection | None = None,
) -> str:
    """Render Markdown; ```` ```pmdesk ```` blocks become `expand(body)`.

    `expand` returns trusted HTML (pmdesk builds it and escapes the user's text);
    with no `expand` the block is shown as code. With `section`, the text is
    that section's body: shown under its numbered heading, headings numbered
    and every top-level block anchored to its source line.
    """
    if section is None:
        blocks = MarkdownReader().read(markdown_text)
        writer = _HtmlWriter(expand, language, blocks)
        return writer.blocks(blocks) + writer.notes()
    lines: list[int] = []
    blocks = MarkdownReader().read(markdown_text, lines=lines)
    writer = _HtmlWriter(expand, language, blocks)
    return writer.section(section, blocks, lines) + writer.notes()


class _HtmlWriter:
    def __init__(self, expand: Expand | None, language: str, blocks: list[Block]) -> None:
        self.expand = expand
        self.footnotes = gather_footnotes(blocks)
        self.numbers = FootnoteNumbers(self.footnotes)  # as the references are written
        self.language = language
        zh = language == "zh"
        self.image_label = "[图片：{}]" if zh else "[image: {}]"
        self.bare_image = "[图片]" if zh else "[image]"
        self.slugs: dict[str, int] = {}

    def blocks(self, blocks: list[Block]) -> str:
        return "\n".join(self.block(b) for b in blocks if not isinstance(b, Footnote))

    def notes(self) -> str:
        """The footnotes under the text, numbered as referenced, each linked back."""
        if not self.numbers:
            return ""
        items: list[str] = []
        done = 0
        while done < len(self.numbers):  # a note's text may reference another note
            done += 1
            label = self.numbers.order[done - 1]
            note = self.footnotes.get(label)
            body = self.blocks(note.blocks) if note is not None else ""
            back = f' <a href="#fnref-{done}">↩</a>'
            if body.endswith("</p>"):
                body = body[: -len("</p>")] + back + "</p>"
            else:
                body += back
            items.append(f'<li><a name="fn-{done}"></a>{body}</li>')
        return '\n<hr>\n<ol style="font-size: small">\n' + "\n".join(items) + "\n</ol>"

    def section(self, section: PreviewSection, blocks: list[Block], lines: list[int]) -> str:
        """A section's body as the PRD numbers it, its blocks anchored to their lines."""
        number = section.number
        numbers = HeadingNumbers([number] if number is not None else [])
        slugs = Slugs()
        title = strip_illegal_chars(section.title).strip() or "—"
        label = numbered(str(number) if number is not None else "", title)
        # The section's heading a step smaller than QTextBrowser's h1 (xx-large).
        smaller = ' style="font-size: x-large"'
        out = [self.titled(1, label, title, html.escape(label, quote=False), slugs, smaller)]
        headings = [b for b in blocks if isinstance(b, Heading)]
        depths = iter(nested_levels([h.level for h in headings]))
        for block, line in zip(blocks, lines, strict=True):
            if isinstance(block, Footnote):
                continue
            if isinstance(block, Heading):
                level = 1 + next(depths)
                prefix = numbers.next(level) if number is not None else ""
                text = self.runs(block.runs) if block.runs else html.escape(block.text, quote=False)
                shown = f"{prefix} {text}" if prefix else text
                written = self.titled(level, numbered(prefix, block.text), block.text, shown, slugs)
            else:
                written = self.block(block)
            out.append(_FIRST_TEXT.sub(rf'\g<0><a name="{LINE_ANCHOR}{line}"></a>', written, 1))
        return "\n".join(out)

    def titled(
        self, level: int, label: str, text: str, shown: str, slugs: Slugs, style: str = ""
    ) -> str:
        """A numbered heading: anchored as exported (`#41-背景`) and by its text (`#背景`)."""
        tag = f"h{min(max(level, 1), 6)}"
        anchor = html.escape(slugs.anchor(label))
        plain = html.escape(heading_slug(text))
        return f'<{tag} id="{anchor}"{style}><a name="{plain}"></a>{shown}</{tag}>'

    def block(self, block: Block) -> str:
        if isinstance(block, Paragraph):
            return f"<p>{self.runs(block.runs)}</p>"
        if isinstance(block, Heading):
            return self.heading(block)
        if isinstance(block, ListBlock):
            return self.list_block(block)
        if isinstance(block, CodeBlock):
            return self.code(block)
        if isinstance(block, Quote):
            return f"<blockquote>\n{self.blocks(block.blocks)}\n</blockquote>"
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Rule):
            return "<hr>"
        if isinstance(block, Footnote):  # under the text (`notes`)
            return ""
        return ""  # pictures, page breaks and front matter come only from the exports

    def heading(self, block: Heading) -> str:
        level = min(max(block.level, 1), 6)
        slug = heading_slug(block.text)
        seen = self.slugs.get(slug, 0)
        self.slugs[slug] = seen + 1
        anchor = html.escape(f"{slug}-{seen}" if seen else slug)
        text = self.runs(block.runs) if block.runs else html.escape(block.text, quote=False)
        return f'<h{level} id="{anchor}">{text}</h{level}>'

    def list_block(self, block: ListBlock) -> str:
        tag = "ol" if block.ordered else "ul"
        start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
        items = []
        for item in block.items:
            parts = []
            for n, inner in enumerate(item.blocks):
                if isinstance(inner, Paragraph) and not block.loose:
                    parts.append(("\n" if n else "") + self.runs(inner.runs))
                else:
                    parts.append(self.block(inner))
            body = "".join(parts)
            if item.checked is not None:
                box = "☑ " if item.checked else "☐ "
                body = body.replace("<p>", "<p>" + box, 1) if body.startswith("<p>") else box + body
            items.append(f"<li>{body}</li>")
        return f"<{tag}{start}>\n" + "\n".join(items) + f"\n</{tag}>"

    def code(self, block: CodeBlock) -> str:
        if block.language == "pmdesk" and self.expand is not None:
            try:
                return self.expand(block.text)
            except DirectiveError as e:
                return error_html(str(e), language=self.language)
            except Exception as e:  # one broken block must not blank the preview
                return error_html(f"{type(e).__name__}: {e}", language=self.language)
        code = html.escape(block.text)
        if block.language and block.language != "pmdesk":
            language = html.escape(block.language)
            return f'<pre><code class="language-{language}">{code}</code></pre>'
        return f"<pre><code>{code}</code></pre>"

    def table(self, block: Table) -> str:
        align = block.align or []

        def cells(row: list[Runs], tag: str) -> str:
            out = []
            for n, runs in enumerate(row):
                side = align[n] if n < len(align) else ""
                attr = f' align="{side}"' if side in ("left", "center", "right") else ""
                out.append(f"<{tag}{attr}>{self.runs(runs)}</{tag}>")
            return "<tr>" + "".join(out) + "</tr>"

        head = f"<thead>\n{cells(block.header, 'th')}\n</thead>\n" if block.header else ""
        body = "\n".join(cells(row, "td") for row in block.rows)
        return (
            '<table border="1" cellpadding="4" cellspacing="0">\n'
            f"{head}<tbody>\n{body}\n</tbody>\n</table>"
        )

    def runs(self, runs: Runs) -> str:
        out = []
        for run in runs:
            if run.text == "\n":
                out.append("<br>")
                continue
            if run.footnote is not None:
                if run.footnote not in self.footnotes:  # its note is not in the text
                    out.append(f"<sup>{html.escape(run.text)}</sup>")
                    continue
                number = self.numbers[run.footnote]
                out.append(
                    f'<sup><a name="fnref-{number}"></a><a href="#fn-{number}">{number}</a></sup>'
                )
                continue
            if run.image:
                alt = run.text.strip()
                text = html.escape(self.image_label.format(alt) if alt else self.bare_image)
            else:
                text = html.escape(run.text, quote=False)
            if run.code:
                text = f"<code>{text}</code>"
            if run.strike:
                text = f"<s>{text}</s>"
            if run.italic:
                text = f"<em>{text}</em>"
            if run.bold:
                text = f"<strong>{text}</strong>"
            # Pictures never link in the preview: a source may be a tracking address.
            href = None if run.image else run.href
            if href and safe_href(href):
                title = f' title="{html.escape(run.title)}"' if run.title else ""
                text = f'<a href="{html.escape(href)}"{title}>{text}</a>'
            out.append(text)
        return _join_tags("".join(out))


def _join_tags(text: str) -> str:
    """Neighbouring runs with the same look written as one element."""
    for tag in ("strong", "em", "s"):
        text = text.replace(f"</{tag}><{tag}>", "")
    return text
