"""Where a snapshot's JSON goes wrong, said by JSON path where it can be parsed.

orjson reads every good snapshot fast and refuses what JSON does not hold. Only
then is the text read again, slowly and leniently (Python's json module reads
NaN, Infinity, 1e400 and lone surrogates), to name the field that holds each
bad value: `requirements[3].rice.reach: NaN is not a number JSON allows (line 3,
column 41)`. What cannot be parsed at all (bad UTF-8, a missing bracket) is said
by line and column only.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

MAX_NESTING = 128  # lists and objects nested deeper than this are refused
_SHOWN_COMPONENTS = 12  # a path longer than this is cut (a chain of 1,000 objects)
# Larger texts are not read a second time (Python's parse needs several times
# the text's size in memory): their first bad value is said by line and column.
LENIENT_LIMIT = 256 * 1024 * 1024


class _Bad:
    """A value JSON does not hold, as the lenient parse reads it."""

    __slots__ = ("detail",)

    def __init__(self, detail: str) -> None:
        self.detail = detail


_NAN = _Bad("NaN is not a number JSON allows")
_INFINITY = _Bad("Infinity is not a number JSON allows")
_TOO_LARGE = _Bad("the number is too large")
SURROGATE = "a lone surrogate (\\ud800-\\udfff) is not a character"
_SURROGATES = re.compile("[\ud800-\udfff]")


def _constant(word: str) -> _Bad:
    return _NAN if word == "NaN" else _INFINITY


def _number(text: str) -> float | _Bad:
    value = float(text)
    return _TOO_LARGE if value in (float("inf"), float("-inf")) else value


def name_in_path(key: str) -> str:
    """A key of the document as a path shows it: quoted when it holds blanks or
    control characters (a newline would break the one-sentence message), a
    lone surrogate written as its escape."""
    if key and all(c.isprintable() and not c.isspace() for c in key) and "." not in key:
        return key
    quoted = json.dumps(key, ensure_ascii=False)
    return quoted.encode("utf-8", "backslashreplace").decode("utf-8")


def join(path: str, step: str | int) -> str:
    if isinstance(step, int):
        return f"{path}[{step}]"
    name = name_in_path(step)
    return f"{path}.{name}" if path else name


def where(error: orjson.JSONDecodeError) -> str:
    """orjson's line and column of the first bad value, at its start (it points
    after the sign of -Infinity)."""
    column = error.colno - (1 if error.doc[error.pos - 1 : error.pos] == "-" else 0)
    return f"line {error.lineno}, column {column}"


def bad_values(text: str | bytes) -> list[str] | None:
    """Every value JSON does not hold, as "path: what is wrong", in document
    order; None when the text cannot be parsed even leniently (or a bad value
    is the whole document, or the text is too large to read again)."""
    if len(text) > LENIENT_LIMIT:
        return None
    try:
        data = json.loads(text, parse_constant=_constant, parse_float=_number)
    except (ValueError, RecursionError):
        return None
    found: list[str] = []
    # Depth first in document order, without recursion (the nesting may be deep).
    todo: list[tuple[str, Any]] = [("", data)]
    while todo:
        path, value = todo.pop()
        if type(value) is dict:
            children: list[tuple[str, Any]] = []
            for key, child in value.items():
                where = join(path, key)
                if _SURROGATES.search(key):
                    found.append(f"{where}: {SURROGATE} (in the field name)")
                children.append((where, child))
            todo.extend(reversed(children))
        elif type(value) is list:
            todo.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(value))))
        elif isinstance(value, _Bad):
            found.append(f"{path}: {value.detail}")
        elif type(value) is str and _SURROGATES.search(value):
            found.append(f"{path}: {SURROGATE}")
    if not found or any(problem.startswith(":") for problem in found):
        return None
    return found


_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},]')


def too_deep_at(text: str | bytes) -> tuple[str, int, int] | None:
    """The field whose value first nests deeper than MAX_NESTING, with the line
    and column of the bracket that goes too deep; None if nothing does. Read token by token
    without parsing, so any depth is safe; only ever run on a refusal."""
    doc = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    # One frame per open list or object: its kind and where in it we are
    # (a list's index; an object's current key, None until the key is read).
    stack: list[list[Any]] = []
    for token in _TOKENS.finditer(doc):
        mark = token.group()
        if mark == "[" or mark == "{":
            if len(stack) >= MAX_NESTING:
                line = doc.count("\n", 0, token.start()) + 1
                column = token.start() - (doc.rfind("\n", 0, token.start()) + 1) + 1
                return _field_path(stack), line, column
            stack.append([mark, 0 if mark == "[" else None])
        elif mark == "]" or mark == "}":
            if stack:
                stack.pop()
        elif mark == ",":
            if stack:
                stack[-1][1] = stack[-1][1] + 1 if stack[-1][0] == "[" else None
        elif stack and stack[-1][0] == "{" and stack[-1][1] is None:
            try:
                stack[-1][1] = str(json.loads(mark))
            except ValueError:
                stack[-1][1] = mark[1:-1]
    return None


def _field_path(stack: list[list[Any]]) -> str:
    """The path of the open containers, up to the last field name: the field
    whose value nests too deep (its own run of brackets is not worth listing)."""
    steps: list[str | int] = [frame[1] for frame in stack if frame[1] is not None]
    while steps and isinstance(steps[-1], int):
        steps.pop()
    path = ""
    for step in steps[:_SHOWN_COMPONENTS]:
        path = join(path, step)
    return path + ("…" if len(steps) > _SHOWN_COMPONENTS else "")
