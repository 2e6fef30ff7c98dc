"""Custom fields (schema 9) coming in: the kind of a new field guessed from its
values, and a source's text turned into the value its field keeps."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pmdesk.interop.fields import ValueProblemError, as_text, convert

_SPLIT = re.compile(r"\s*[,;，；、\n]\s*")
_PEOPLE = ("负责人", "评审人", "测试人", "处理人", "owner", "assignee", "reviewer", "tester")
MAX_OPTIONS = 30  # more distinct values than this is text, not a list to choose from


def _items(raw: Any) -> list[str]:
    """A value as its list of texts (a list's own items, or a text split at , ; 、)."""
    if isinstance(raw, list):
        return [t for t in (as_text(v) for v in raw) if t]
    return [t for t in _SPLIT.split(as_text(raw)) if t]


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def _is_date(text: str) -> bool:
    try:
        return convert("start", text) is not None
    except ValueProblemError:
        return False


def guess_kind(name: str, values: Iterable[Any]) -> tuple[str, list[str]]:
    """(kind, options) for a new field named `name` holding `values`: numbers,
    dates, a short list chosen from (one value each, or several), people by the
    column's name, else text."""
    raws = [v for v in values if v not in (None, "", [])]
    texts = [as_text(v) for v in raws if not isinstance(v, list)]
    lists = [v for v in raws if isinstance(v, list)]
    if texts and not lists and all(_is_number(t) for t in texts):
        return "number", []
    if texts and not lists and all(_is_date(t) for t in texts):
        return "date", []
    named = any(p in name.casefold() for p in _PEOPLE)
    if named and texts and not lists and all("\n" not in t and len(t) <= 40 for t in texts):
        return "person", []
    several = bool(lists) or any(len(_items(t)) > 1 for t in texts)
    items = [i for v in raws for i in (_items(v) if several else [as_text(v)])]
    options = list(dict.fromkeys(items))
    repeated = len(options) < len(items)
    short = all(len(o) <= 40 and "\n" not in o for o in options)
    # Only a value seen on two rows makes a list to choose from: a notes column whose
    # texts happen to hold commas stays text.
    if options and len(options) <= MAX_OPTIONS and short and repeated:
        return ("choices" if several else "choice"), options
    return "text", []


def custom_value(name: str, kind: str, options: list[str], raw: Any) -> Any:
    """The value field `name` keeps for `raw` (None: no value); ValueProblemError
    names what does not fit."""
    if raw is None or raw == "" or raw == []:
        return None
    if kind == "choices":
        items = _items(raw)
        for item in items:
            if item not in options:
                raise ValueProblemError(
                    "bad_value", field=name, value=item, allowed=", ".join(options)
                )
        return list(dict.fromkeys(items)) or None
    if isinstance(raw, list):  # repeated columns (Jira's Comment): one text each
        text = "\n".join(t for t in (as_text(v) for v in raw) if t)
    else:
        text = as_text(raw)
    if not text:
        return None
    if kind == "number":
        if not _is_number(text):
            raise ValueProblemError("bad_number", field=name, value=text)
        number = float(text.replace(",", ""))
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if kind == "date":
        try:
            return convert("start", text)
        except ValueProblemError:
            raise ValueProblemError("bad_date", field=name, value=text) from None
    if kind == "choice":
        if text not in options:
            raise ValueProblemError("bad_value", field=name, value=text, allowed=", ".join(options))
        return text
    if kind == "person":
        return " ".join(text.split())
    return text
