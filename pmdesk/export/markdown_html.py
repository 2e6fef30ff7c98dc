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
"""

from __future__ import annotations

import html
from collections.abc import Callable

from pmdesk.core.domain.directives import DirectiveError
from pmdesk.export.doc import (
    Block,
    CodeBlock,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Runs,
    Table,
    heading_slug,
)
from pmdesk.export.markdown_blocks import MarkdownReader
from pmdesk.export.text_safety import safe_href, strip_illegal_chars

__all__ = ["Expand", "error_html", "render_html", "safe_href", "strip_illegal_chars"]

Expand = Callable[[str], str]


def error_html(message: str, *, language: str = "zh") -> str:
    """A red line saying why a pmdesk block could not be shown (never an exception)."""
    label = "pmdesk 内容块有误：" if language == "zh" else "pmdesk block error: "
    text = html.escape(message, quote=False)
    return f'<p><span style="color:#b00020"><b>{label}</b>{text}</span></p>'


def render_html(markdown_text: str, expand: Expand | None, *, language: str = "zh") -> str:
    """Render a section's Markdown; ```` ```pmdesk ```` blocks become `expand(body)`.

    `expand` returns trusted HTML (pmdesk builds it and escapes the user's text);
    with no `expand` the block is shown as code.
    """
    blocks = MarkdownReader().read(markdown_text)
    return _HtmlWriter(expand, language).blocks(blocks)


class _HtmlWriter:
    def __init__(self, expand: Expand | None, language: str) -> None:
        self.expand = expand
        self.language = language
        zh = language == "zh"
        self.image_label = "[图片：{}]" if zh else "[image: {}]"
        self.bare_image = "[图片]" if zh else "[image]"
        self.slugs: dict[str, int] = {}

    def blocks(self, blocks: list[Block]) -> str:
        return "\n".join(self.block(b) for b in blocks)

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
