"""Inline fields: `{{field}}` in a section's text, replaced with the project's values.

Inline fields name the project's properties anywhere in a section's text:
`{{product}}`, `{{version}}`, `{{title}}`, `{{organisation}}`, `{{authors}}`
(or their Chinese names `{{产品名称}}`, `{{版本}}`, …). They are replaced with the
project's values in the preview and the exports, so a template's text follows
the project's properties instead of keeping a placeholder to fill by hand.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

FIELD_NAMES: Mapping[str, str] = {
    "title": "title",
    "product": "product",
    "version": "version",
    "organisation": "organisation",
    "organization": "organisation",
    "authors": "authors",
    "文档标题": "title",
    "标题": "title",
    "产品名称": "product",
    "产品": "product",
    "版本": "version",
    "版本号": "version",
    "组织": "organisation",
    "公司": "organisation",
    "作者": "authors",
}
"""What `{{name}}` may name (English and Chinese) → the project property it shows."""

_FIELD = re.compile(r"\{\{\s*([^{}\s][^{}]{0,30}?)\s*\}\}")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Markdown punctuation a value is escaped for, so "C*Desk" stays text, not emphasis.
_MARKUP = re.compile(r"([\\`*_\[\]{}<>#|!~])")


def field_value(name: str, values: Mapping[str, str]) -> str | None:
    """The text `{{name}}` stands for, or None when `name` is no field."""
    known = FIELD_NAMES.get(name.strip().casefold()) or FIELD_NAMES.get(name.strip())
    return None if known is None else values.get(known, "")


def expand_fields(text: str, values: Mapping[str, str], *, markdown: bool = True) -> str:
    """`text` (Markdown) with each `{{field}}` replaced by the project's value,
    escaped as Markdown text (`markdown=False`: plain text, such as a title).
    Fenced code blocks (pmdesk blocks among them) are left alone, and so is
    `{{anything}}` that names no field."""
    if "{{" not in text:
        return text
    out: list[str] = []
    fence: str | None = None
    for line in text.splitlines(keepends=True):
        opened = _FENCE.match(line)
        if fence is None and opened:
            fence = opened[1]
        elif fence is not None and line.strip().startswith(fence[0] * len(fence)):
            fence = None
        elif fence is None:
            line = _FIELD.sub(lambda m: _field_text(m, values, markdown), line)
        out.append(line)
    return "".join(out)


def _field_text(match: re.Match[str], values: Mapping[str, str], markdown: bool) -> str:
    value = field_value(match[1], values)
    if value is None:
        return match[0]
    value = " ".join(value.split())
    return _MARKUP.sub(r"\\\1", value) if markdown else value
