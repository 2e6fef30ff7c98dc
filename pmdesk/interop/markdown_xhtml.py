"""Markdown (a description) as the XHTML a ReqIF attribute holds, and back:
paragraphs, emphasis, lists, tables, code and links kept."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from pmdesk.interop.reqif_names import XHTML_NS

_X = f"{{{XHTML_NS}}}"
_BLOCKS = {
    "p",
    "div",
    "ul",
    "ol",
    "li",
    "table",
    "pre",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "hr",
}


def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


_MD: Any = None
# Every "<" markdown-it writes opens a tag (text is escaped, raw HTML is off).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")


def markdown_to_xhtml(text: str) -> etree._Element:
    """An `xhtml:div` holding the rendered Markdown (images as links: ReqIF's
    XHTML has no img)."""
    global _MD
    if _MD is None:
        _MD = _parser()
    html = _TAG.sub(r"<\1xhtml:\2", _MD.render(text)) if text else ""
    div = etree.fromstring(f'<xhtml:div xmlns:xhtml="{XHTML_NS}">{html}</xhtml:div>'.encode())
    for img in list(div.iter(f"{_X}img")):
        link = etree.Element(f"{_X}a", href=img.get("src", ""))
        link.text = img.get("alt", "")
        link.tail = img.tail
        img.getparent().replace(img, link)
    for code in div.iter(f"{_X}code"):
        if "class" in code.attrib:
            code.attrib.pop("class")
    return div


def xhtml_text(element: etree._Element) -> str:
    """The fragment as `xhtml:` markup for a document that declares the prefix."""
    text: str = etree.tostring(element, encoding="unicode")
    return text.replace(f' xmlns:xhtml="{XHTML_NS}"', "", 1)


def list_to_xhtml(items: list[str]) -> etree._Element:
    div = etree.Element(f"{_X}div", nsmap={"xhtml": XHTML_NS})
    ul = etree.SubElement(div, f"{_X}ul")
    for item in items:
        etree.SubElement(ul, f"{_X}li").text = item
    return div


def _local(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].split(":")[-1].lower()


def xhtml_items(element: etree._Element) -> list[str]:
    """The items of the lists inside (acceptance criteria), else its lines."""
    items = ["".join(_inline(li)).strip() for li in element.iter() if _local(li) == "li"]
    if items:
        return [i for i in items if i]
    return [line.strip() for line in xhtml_to_markdown(element).splitlines() if line.strip()]


def xhtml_to_markdown(element: etree._Element) -> str:
    """The Markdown of an XHTML fragment (THE-VALUE's content)."""
    blocks = _blocks(element, 0)
    return "\n\n".join(b for b in blocks if b.strip()).strip()


def _blocks(element: Any, depth: int) -> list[str]:
    out: list[str] = []
    inline: list[str] = (
        [element.text or ""] if _local(element) not in ("ul", "ol", "table", "tr") else []
    )

    def flush() -> None:
        text = "".join(inline).strip()
        if text:
            out.append(text)
        inline.clear()

    for child in element:
        name = _local(child)
        if name in _BLOCKS or (
            name in ("div", "span") and any(_local(c) in _BLOCKS for c in child)
        ):
            flush()
            out.extend(_block(child, depth))
        else:
            inline.extend(_inline(child))
        if child.tail:
            inline.append(child.tail)
    flush()
    return out


def _block(element: Any, depth: int) -> list[str]:
    name = _local(element)
    if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return ["#" * int(name[1]) + " " + "".join(_inline(element, True)).strip()]
    if name == "hr":
        return ["---"]
    if name == "pre":
        return ["```\n" + "".join(element.itertext()).rstrip("\n") + "\n```"]
    if name == "blockquote":
        inner = "\n\n".join(_blocks(element, depth))
        return ["\n".join("> " + line if line else ">" for line in inner.splitlines())]
    if name in ("ul", "ol"):
        lines = []
        number = 1
        for li in element:
            if _local(li) != "li":
                continue
            mark = f"{number}." if name == "ol" else "-"
            number += 1
            parts = _blocks(li, depth + 1)
            first = parts[0] if parts else ""
            pad = " " * len(mark + " ")
            lines.append(f"{mark} " + first.replace("\n", "\n" + pad))
            for part in parts[1:]:
                lines.append("\n".join(pad + line if line else "" for line in part.splitlines()))
        return ["\n".join(lines)]
    if name == "table":
        rows = [r for r in element.iter() if _local(r) == "tr"]
        grid = [
            [
                "".join(_inline(c, True)).strip().replace("|", "\\|")
                for c in r
                if _local(c) in ("td", "th")
            ]
            for r in rows
        ]
        if not grid:
            return []
        width = max(len(r) for r in grid)
        grid = [r + [""] * (width - len(r)) for r in grid]
        lines = ["| " + " | ".join(grid[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(r) + " |" for r in grid[1:]]
        return ["\n".join(lines)]
    return _blocks(element, depth)  # p, div, li, span holding blocks


def _inline(element: Any, flat: bool = False) -> list[str]:
    name = _local(element)
    inner = [element.text or ""]
    for child in element:
        inner.extend(_inline(child, flat))
        inner.append(child.tail or "")
    text = "".join(inner)
    if name == "br":
        return [" " if flat else "\\\n"]
    if not text.strip():
        return [text]
    if name in ("b", "strong"):
        return [f"**{text}**"]
    if name in ("i", "em"):
        return [f"*{text}*"]
    if name in ("s", "strike", "del"):
        return [f"~~{text}~~"]
    if name == "code":
        return [f"`{text}`"]
    if name == "a" and element.get("href"):
        return [f"[{text}]({element.get('href')})"]
    if name in _BLOCKS and not flat:
        return [text + "\n"]
    return [text]


def shape_digest(element: Any) -> str:
    """A fingerprint of an XHTML fragment's elements and text (whitespace between
    blocks aside): pmdesk's export stores it beside the Markdown it rendered, so an
    import knows whether another tool changed the text since."""
    import hashlib

    parts = []
    for node in element.iter():
        if isinstance(node.tag, str):
            parts.append(f"<{_local(node)}>{(node.text or '').strip()}|{(node.tail or '').strip()}")
    return hashlib.sha1("".join(parts[1:]).encode("utf-8")).hexdigest()
