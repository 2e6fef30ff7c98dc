"""The filter terms of a pmdesk block, and whether a requirement passes them.

A filter is the `field=value` / `field!=value` part of a block (DESIGN.md,
"Document"), typed by hand in the editor:

    requirements: release="v1.0" status!=rejected
    ranking by=rice top=20 kind=feature lane="Mobile"

Every mistake becomes a `DirectiveError` with one sentence the preview shows in
place of the block; the blocks' own parsers (directives) raise it too.
Matching is a pure function over plain values, shared by preview and export.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pmdesk.core.domain import vocabulary

CHOICE_FIELDS: Mapping[str, tuple[str, ...]] = {
    "status": vocabulary.STATUSES,
    "priority": vocabulary.PRIORITIES,
    "kind": vocabulary.KINDS,
    "kano": vocabulary.KANO,
}
"""Fields whose value must be one of the vocabulary (a typo is an error, not an empty table)."""

TEXT_FIELDS = ("owner", "release", "lane", "tag", "persona")
"""Free-text fields, compared case-insensitively; `""` means "none set"."""

FILTER_FIELDS = (*CHOICE_FIELDS, *TEXT_FIELDS)
VIEWS = ("table", "detailed")

# Chinese input methods type full-width quotes; accept them as well as ASCII ones.
_CLOSING_QUOTE = {'"': '"', "“": "”"}


class DirectiveError(ValueError):
    """A pmdesk block cannot be understood; the message is one sentence for the user.

    `str()` is the English sentence; `text("zh")` the Chinese one, for a Chinese PRD.
    """

    def __init__(self, english: str, chinese: str = "") -> None:
        super().__init__(english)
        self.chinese = chinese or english

    def text(self, language: str) -> str:
        return self.chinese if language == "zh" else str(self)


@dataclass(frozen=True)
class Term:
    """One `field=value` (or `field!=value` when `negated`) of a filter."""

    field: str
    value: str
    negated: bool = False


@dataclass(frozen=True)
class Filter:
    """Terms of a requirements filter.

    Different fields AND together; repeated `field=` terms of one field OR together
    (`status=draft status=review`); every `field!=` term must hold.
    """

    terms: tuple[Term, ...] = ()

    def values_of(self, name: str) -> tuple[str, ...]:
        """The values this filter names for one field (positive and negated)."""
        return tuple(t.value for t in self.terms if t.field == name)


def parse_filter(text: str) -> Filter:
    """Parse filter terms alone (view words such as `detailed` are refused here)."""
    terms, views = _scan(text)
    if views:
        raise DirectiveError(
            f"{views[0]!r} is not a filter term; write field=value.",
            f"「{views[0]}」不是筛选条件；请写成 字段=值。",
        )
    return Filter(terms)


def _scan(text: str) -> tuple[tuple[Term, ...], list[str]]:
    """Split `text` into terms and bare view words, honouring quoted values."""
    terms: list[Term] = []
    views: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] not in '=!"“':
            i += 1
        name = text[start:i]
        if i >= n or text[i].isspace():
            if name not in VIEWS:
                raise DirectiveError(
                    f"{name!r} is not a filter term; write field=value "
                    f"(fields: {_list(FILTER_FIELDS)}).",
                    f"「{name}」不是筛选条件；请写成 字段=值（字段：{_list(FILTER_FIELDS)}）。",
                )
            views.append(name)
            continue
        negated = text.startswith("!=", i)
        if not negated and text[i] != "=":
            word = text[start:].split()[0]
            raise DirectiveError(
                f"Unexpected {text[i]!r} in {word!r}.", f"「{word}」中有多余的「{text[i]}」。"
            )
        i += 2 if negated else 1
        if not name:
            word = text[start:].split()[0]
            raise DirectiveError(
                f"{word!r} has no field name before '='.", f"「{word}」的“=”前缺少字段名。"
            )
        value, i = _value(text, i, name)
        terms.append(_term(name, value, negated))
    return tuple(terms), views


def _value(text: str, i: int, name: str) -> tuple[str, int]:
    """Read one value starting at `i`: a quoted string or a run of non-blanks."""
    n = len(text)
    if i < n and text[i] in _CLOSING_QUOTE:
        close = _CLOSING_QUOTE[text[i]]
        end = text.find(close, i + 1)
        if end < 0:
            raise DirectiveError(
                f"The quoted value of {name} is missing its closing quote.",
                f"{name} 的值缺少结尾的引号。",
            )
        after = end + 1
        if after < n and not text[after].isspace():
            raise DirectiveError(
                f"Put a space after the quoted value of {name}.",
                f"{name} 带引号的值后面要留一个空格。",
            )
        return text[i + 1 : end], after
    start = i
    while i < n and not text[i].isspace():
        if text[i] in '"“”':
            raise DirectiveError(
                f'Quote the whole value of {name}, e.g. {name}="v1.0 beta".',
                f'请给 {name} 的整个值加引号，例如 {name}="v1.0 beta"。',
            )
        i += 1
    if i == start:
        raise DirectiveError(
            f'{name} has no value; write {name}=value or {name}="".',
            f'{name} 没有值；请写成 {name}=值 或 {name}=""。',
        )
    return text[start:i], i


def _term(name: str, value: str, negated: bool) -> Term:
    if name not in FILTER_FIELDS:
        raise DirectiveError(
            f"Unknown filter field {name!r}; use one of {_list(FILTER_FIELDS)}.",
            f"没有筛选字段「{name}」；可用：{_list(FILTER_FIELDS)}。",
        )
    allowed = CHOICE_FIELDS.get(name)
    if allowed is not None and value not in allowed:
        raise DirectiveError(
            f"{value!r} is not a {name}; use one of {_list(allowed)}.",
            f"「{value}」不是有效的 {name}；可用：{_list(allowed)}。",
        )
    return Term(name, value, negated)


def _list(values: Iterable[str]) -> str:
    return ", ".join(values)


def matches(
    directive_filter: Filter,
    requirement_values: Mapping[str, object],
    release_name: str | None,
    lane_name: str | None,
) -> bool:
    """Whether one requirement passes the filter.

    `requirement_values` holds domain values as `fields.from_columns` returns them
    (`status`, `priority`, `kind`, `kano`, `owner`, `tags`) and the persona's name
    (`persona`); release and lane are given by name because that is how the user
    writes them.
    """
    by_field: dict[str, list[Term]] = {}
    for term in directive_filter.terms:
        by_field.setdefault(term.field, []).append(term)
    for name, terms in by_field.items():
        have = _present_values(name, requirement_values, release_name, lane_name)
        wanted = [t.value for t in terms if not t.negated]
        if wanted and not any(_equal(name, w, have) for w in wanted):
            return False
        if any(_equal(name, t.value, have) for t in terms if t.negated):
            return False
    return True


def _present_values(
    name: str, values: Mapping[str, object], release_name: str | None, lane_name: str | None
) -> tuple[str, ...]:
    """The requirement's values of one field, as a tuple (empty: none set)."""
    if name == "release":
        raw: object = release_name
    elif name == "lane":
        raw = lane_name
    elif name == "tag":
        raw = values.get("tags") or ()
    else:
        raw = values.get(name)
    if raw is None or raw == "":
        return ()
    if isinstance(raw, list | tuple):
        return tuple(str(v) for v in raw)
    return (str(raw),)


def _equal(name: str, wanted: str, have: tuple[str, ...]) -> bool:
    if wanted == "":
        return not have
    if name in CHOICE_FIELDS:
        return wanted in have
    key = _normal(wanted)
    return any(_normal(v) == key for v in have)


def _normal(text: str) -> str:
    # Block bodies are read with runs of blanks collapsed; compare names the same way.
    return " ".join(text.split()).casefold()
