"""markdown-it's `inline` tokens as styled runs (`export.doc.Run`): emphasis, code,
links kept when safe, images as their alt text, footnote references, soft line
breaks joined as Chinese and English text want.

Apart from `markdown_blocks`, which builds the blocks around these runs from the
token stream: the runs of a paragraph, heading or table cell are made here alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from markdown_it.token import Token

from pmdesk.export.doc import LINE_BREAK, Run, Runs
from pmdesk.export.text_safety import CJK_CHAR, harmful_href

_CJK = CJK_CHAR
_ENCODED_UTF8 = re.compile(r"(?:%[C-Fc-f][0-9A-Fa-f](?:%[89ABab][0-9A-Fa-f])+)+")
_SOFT = "\x00"  # a soft line break until its neighbours are known (input has no NULs)


@dataclass
class _Look:
    bold: int = 0
    italic: int = 0
    strike: int = 0
    links: list[tuple[str | None, str]] = field(default_factory=list)

    def run(self, text: str, *, code: bool = False, image: bool = False) -> Run:
        href, title = self.links[-1] if self.links else (None, "")
        return Run(
            text, self.bold > 0, self.italic > 0, code, self.strike > 0, href, title, image=image
        )


def _note_label(meta: dict[str, object]) -> str:
    """The author's label of a note (`src` of `[^src]`); an inline note (`^[…]`) has none."""
    label = meta.get("label")
    return str(label) if label is not None else f"^{meta.get('id', 0)}"


def _inline(token: Token, notes: str = "") -> Runs:
    """The runs of one `inline` token (a paragraph, heading or table cell); footnote
    labels start with `notes`."""
    look = _Look()
    runs: Runs = []
    opened = 0
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "text_special"):  # a newline here came from "&#10;"
            if child.content:
                runs.append(look.run(child.content.replace("\n", " ")))
        elif kind == "softbreak":
            runs.append(look.run(_SOFT))
        elif kind == "hardbreak":  # inside emphasis, so that the emphasis is one piece
            runs.append(look.run("\n") if look.bold or look.italic or look.strike else LINE_BREAK)
        elif kind == "code_inline":
            runs.append(look.run(child.content, code=True))
        elif kind == "strong_open":
            look.bold += 1
        elif kind == "strong_close":
            look.bold -= 1
        elif kind == "em_open":
            look.italic += 1
        elif kind == "em_close":
            look.italic -= 1
        elif kind == "s_open":
            look.strike += 1
        elif kind == "s_close":
            look.strike -= 1
        elif kind == "link_open":
            href = _readable_url(str(child.attrGet("href") or ""))
            title = str(child.attrGet("title") or "")
            kept: str | None = href
            if child.markup == "linkify" and not _may_autolink(runs):
                kept = None  # GFM links a bare URL only after a blank or `*_~(`
            elif harmful_href(href):
                kept = None
            look.links.append((kept, title))
            opened = len(runs)
        elif kind == "link_close":
            if look.links:
                if len(runs) == opened and look.links[-1][0] is not None:
                    runs.append(look.run(""))  # [](url): a link without text is still there
                look.links.pop()
        elif kind == "image":
            runs.append(_image(child, look))
        elif kind == "footnote_ref":  # the marker is the author's label, numbered by renderers
            label = _note_label(child.meta)
            inline_number = str(int(child.meta.get("id", 0)) + 1)
            marker = str(child.meta["label"]) if "label" in child.meta else inline_number
            runs.append(Run(marker, footnote=notes + label))
        elif kind == "html_inline":  # only the task-list plugin makes these (html=False)
            continue
    return _merge(_soften(runs))


def _readable_url(url: str) -> str:
    """The URL with the non-ASCII characters markdown-it percent-encoded given back
    (`#需求列表`, not `#%E9%9C%80…`); what the author encoded stays encoded."""
    if "%" not in url:
        return url

    def decode(match: re.Match[str]) -> str:
        try:
            return unquote(match[0], errors="strict")
        except UnicodeDecodeError:
            return match[0]

    return _ENCODED_UTF8.sub(decode, url)


def _may_autolink(before: Runs) -> bool:
    last = before[-1].text[-1:] if before else ""
    return last in ("", "*", "_", "~", "(", _SOFT) or last.isspace()


def _image(token: Token, look: _Look) -> Run:
    """An image is never loaded: it stays its alt text, linked to the picture when safe."""
    alt = _plain(token.children or []).strip()
    src = _readable_url(str(token.attrGet("src") or ""))
    title = str(token.attrGet("title") or "")
    if look.links:  # a picture inside a link ([![badge](b.svg)](https://…)) is that link
        return look.run(alt, image=True)
    href = None if harmful_href(src) else src
    return Run(alt, look.bold > 0, look.italic > 0, False, look.strike > 0, href, title, True)


def _plain(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_plain(child.children or []))
    return "".join(parts)


def _soften(runs: Runs) -> Runs:
    """A soft line break is a space, or nothing between two Chinese characters."""
    for n, run in enumerate(runs):
        if run.text != _SOFT:
            continue
        before = runs[n - 1].text[-1:] if n else ""
        after = runs[n + 1].text[:1] if n + 1 < len(runs) else ""
        joined = "" if _CJK.match(before) and _CJK.match(after) else " "
        runs[n] = _styled(run, text=joined)
    return runs


def _styled(run: Run, *, text: str | None = None, bold: bool | None = None) -> Run:
    """`run` with its text or boldness changed."""
    return Run(
        run.text if text is None else text,
        run.bold if bold is None else bold,
        run.italic,
        run.code,
        run.strike,
        run.href,
        run.title,
        run.image,
        footnote=run.footnote,
    )


def _merge(runs: Runs) -> Runs:
    """Join neighbours with the same look (images stay apart: each is one thing)."""
    merged: Runs = []
    for run in runs:
        if not run.text and not run.image and run.href is None:
            continue
        last = merged[-1] if merged else None
        if (
            last is not None
            and "\n" not in (run.text, last.text)
            and not (run.image or last.image or run.footnote or last.footnote)
            and _same_look(last, run)
        ):
            merged[-1] = _styled(last, text=last.text + run.text)
        else:
            merged.append(run)
    return merged


def _looks(run: Run) -> bool:
    return (
        run.bold
        or run.italic
        or run.code
        or run.strike
        or run.href is not None
        or run.image
        or run.footnote is not None
    )


def _same_look(a: Run, b: Run) -> bool:
    return (a.bold, a.italic, a.code, a.strike, a.href, a.title) == (
        b.bold,
        b.italic,
        b.code,
        b.strike,
        b.href,
        b.title,
    )


def _lstrip(runs: Runs) -> Runs:
    if runs and not runs[0].code:
        first = _styled(runs[0], text=runs[0].text.lstrip())
        return [r for r in [first, *runs[1:]] if r.text or r.href is not None or r.image]
    return runs


def _is_lead_in(runs: Runs) -> bool:
    """A short paragraph that is bold throughout ("**Scope**") introduces what follows."""
    text = "".join(r.text for r in runs).strip()
    return 0 < len(text) <= 60 and all(r.bold or not r.text.strip() for r in runs)


def _has_text(runs: Runs) -> bool:
    return any(r.text.strip() or r.image or r.code or r.href is not None for r in runs)
