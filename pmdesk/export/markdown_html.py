"""Markdown to a safe HTML fragment for the live preview (a QTextBrowser).

Python-Markdown passes raw HTML through (PITFALLS.md), and a PRD is often pasted
from e-mails and web pages, so safety is built into the parser rather than
bolted on afterwards:

- the `html_block` preprocessor and the inline `html` pattern are removed, so
  `<script>`, `<img onerror=…>` and `<iframe>` stay visible, escaped text;
- control characters are stripped first, which also keeps user text from
  forging Python-Markdown's `\\x02…\\x03` placeholders for stashed raw HTML;
- links keep only http, https, mailto and in-page `#` targets, anything else
  (`javascript:`, `data:`, `file:`, relative paths) becomes plain text;
- images never load: each becomes a bracketed placeholder with its alt text.

Output sticks to the HTML4 subset QTextBrowser understands (`s` not `del`,
`border`/`cellpadding` attributes on tables, ☐/☑ instead of checkboxes).

Python-Markdown nests lists only at 4-space indents; 2-space nesting, as other
editors write it, is re-indented first (`_ListIndents`) so both styles work.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions.toc import slugify_unicode
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from pmdesk.core.domain.directives import DirectiveError

Expand = Callable[[str], str]

# What XML cannot hold, plus DEL, C1 controls and the bidi overrides and isolates
# that can make shared text read backwards ("Trojan Source"); LRM/RLM stay.
_ILLEGAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_CHECKBOXES = {  # exactly what pymdownx.tasklist writes for read-only boxes
    '<input type="checkbox" disabled checked/>': "☑",
    '<input type="checkbox" disabled/>': "☐",
}


def strip_illegal_chars(text: str) -> str:
    """Drop what XML cannot hold (C0 controls but tab/newline/CR, U+FFFE/F, surrogates),
    DEL and C1 controls, and bidi overrides that would reverse the reader's text."""
    if _ILLEGAL.search(text) is None:  # the usual case: no copy
        return text
    return _ILLEGAL.sub("", text)


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
    md = _markdown(expand, language)
    try:
        body: str = md.convert(strip_illegal_chars(markdown_text))
    except RecursionError:  # thousands of nested quotes or lists: show the text instead
        zh = language == "zh"
        message = (
            "嵌套层级过深，以下按原文显示。" if zh else "Nested too deeply; shown as plain text."
        )
        return f'<p><span style="color:#b00020">{message}</span></p>{_pre(markdown_text)}'
    for box, glyph in _CHECKBOXES.items():
        body = body.replace(box, glyph)
    return body


def _markdown(expand: Expand | None, language: str) -> markdown.Markdown:
    def fence(source: str, *_args: Any, **_kwargs: Any) -> str:
        if expand is None:
            return _pre(source)
        try:
            return expand(source)
        except DirectiveError as e:
            return error_html(str(e), language=language)
        except Exception as e:  # superfences would silently drop the block otherwise
            return error_html(f"{type(e).__name__}: {e}", language=language)

    md = safe_markdown(fence, every_fence=False)
    # After "unescape" (0), so backslash escapes cannot hide a URL scheme.
    md.treeprocessors.register(_QtSafeTree(md, language), "pmdesk_safe", -1)
    return md


def safe_markdown(fence: Callable[..., str], *, every_fence: bool) -> markdown.Markdown:
    """Python-Markdown as pmdesk reads PRD text, for the preview and the exports alike.

    Raw HTML stays text and 2-space nested lists are re-indented. ```` ```pmdesk ````
    blocks go to `fence(source, language, ...)`; with `every_fence` every fenced
    block does (the exports lay code out themselves), otherwise other fences
    become `<pre><code class="language-x">` for the preview.
    """
    fences = {"name": "*" if every_fence else "pmdesk", "class": "pmdesk", "format": fence}
    configs: dict[str, dict[str, Any]] = {
        "tables": {"use_align_attribute": True},
        "toc": {"slugify": slugify_unicode},
        "pymdownx.superfences": {"custom_fences": [fences]},
        "pymdownx.highlight": {"use_pygments": False},
    }
    extensions = ["tables", "sane_lists", "toc", "pymdownx.superfences"]
    extensions += ["pymdownx.tasklist", "pymdownx.tilde"]
    if not every_fence:
        extensions.append("pymdownx.highlight")
    md = markdown.Markdown(
        extensions=extensions,
        extension_configs={k: v for k, v in configs.items() if k in extensions},
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # After whitespace normalisation (30), before superfences reads fences (25).
    md.preprocessors.register(_ListIndents(md), "pmdesk_list_indents", 29)
    # After fences are stashed, so a comment shown inside a code block stays.
    md.preprocessors.register(_DropComments(md), "pmdesk_drop_comments", 24)
    return md


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


class _DropComments(Preprocessor):  # type: ignore[misc]
    """Remove HTML comments: authors hide notes in them ("<!-- ask legal -->"), and
    showing them as text, as other raw HTML is shown, would put those notes in
    front of the readers of the preview and of every export."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "<!--" not in text:
            return lines
        return _COMMENT.sub("", text).split("\n")


def _pre(text: str) -> str:
    return f"<pre><code>{html.escape(strip_illegal_chars(text))}</code></pre>"


class _QtSafeTree(Treeprocessor):  # type: ignore[misc]
    """Neutralise links and images; adapt tags to what QTextBrowser shows."""

    def __init__(self, md: markdown.Markdown, language: str) -> None:
        super().__init__(md)
        self.image_label = "[图片：{}]" if language == "zh" else "[image: {}]"
        self.bare_image = "[图片]" if language == "zh" else "[image]"

    def run(self, root: Element) -> None:
        for el in root.iter():
            if el.tag == "a" and not safe_href(el.get("href", "")):
                el.tag = "span"
                el.attrib.clear()
            elif el.tag == "img":
                alt = (el.get("alt") or "").strip()
                el.tag = "span"
                el.attrib.clear()
                el.text = self.image_label.format(alt) if alt else self.bare_image
            elif el.tag == "del":
                el.tag = "s"
            elif el.tag == "table":
                el.attrib.update({"border": "1", "cellpadding": "4", "cellspacing": "0"})


def safe_href(href: str) -> bool:
    """Whether a link target is one pmdesk lets through (web, mail or in-page)."""
    # Decode what Python-Markdown encodes (automail) and drop the blanks browsers ignore.
    url = html.unescape(href.replace(AMP_SUBSTITUTE, "&"))
    url = "".join(ch for ch in url if ch > " ").lower()
    return url.startswith("#") or url.startswith(_SAFE_SCHEMES)


_ITEM = re.compile(r"( *)([*+-]|\d+\.)( +)\S")
_RULE = re.compile(r" {0,3}([-*_])( *\1){2,} *$")  # "- - -" is a rule, not an item
_FENCE = re.compile(r" *(`{3,}(?!.*`)|~{3,})")  # "```x```" on one line is inline code


class _ListIndents(Preprocessor):  # type: ignore[misc]
    """Re-indent nested list items to the 4 spaces per level Python-Markdown needs.

    Nesting follows CommonMark: an item indented at least to its parent's text
    column is its child (`- a` / `  - b`). Content lines of an item move with it,
    and fenced code inside the list moves as one piece. Text outside lists,
    including indented code, is left alone, so 4-space lists are unchanged.
    """

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        # Open items, outermost first: old indent, old text column, new indent.
        items: list[tuple[int, int, int]] = []
        fence: tuple[str, int] | None = None  # the open fence's marker, and how far its lines move
        starts_block = True  # at the start, after a blank line, a heading or a fence
        in_paragraph = False  # inside an item's paragraph that followed a blank line
        for line in lines:
            stripped = line.strip()
            if fence is not None:
                out.append(_shift(line, fence[1]))
                if stripped.startswith(fence[0]) and set(stripped) == {fence[0][0]}:
                    fence, starts_block = None, True
                continue
            if not stripped:
                out.append(line)
                starts_block, in_paragraph = True, False
                continue
            indent = len(line) - len(line.lstrip(" "))
            if _RULE.match(line):
                items.clear()
                out.append(line)
                starts_block = True
                continue
            item = _ITEM.match(line)
            if item and (items or (starts_block and indent <= 3)):
                while items and indent < items[-1][1]:
                    items.pop()
                gap = len(item[3])
                column = indent + len(item[2]) + (gap if gap <= 4 else 1)
                items.append((indent, column, 4 * len(items)))
                shift = 4 * (len(items) - 1) - indent
                if in_paragraph:  # Python-Markdown needs a blank line to end that paragraph
                    out.append("")
                in_paragraph = False
            else:
                if starts_block:  # a blank line ends the items this line is not indented into
                    while items and indent < items[-1][1]:
                        items.pop()
                shift = 0
                if items and indent >= items[-1][1]:  # content of the innermost item
                    old, _, new = items[-1]
                    shift = max(indent + new - old, new + 4) - indent
                    in_paragraph = in_paragraph or starts_block
            opened = _FENCE.match(line)
            if opened and (items or indent <= 3):
                fence = (opened[1], shift)
            out.append(_shift(line, shift))
            starts_block = stripped.startswith("#")
        return out


def _shift(line: str, by: int) -> str:
    if by >= 0:
        return " " * by + line
    indent = len(line) - len(line.lstrip(" "))
    return line[min(indent, -by) :]
