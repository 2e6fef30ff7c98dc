"""What a filter asks for, and which requirements answer it. Pure Python.

The tree's filter bar and a saved view (schema 9) hold the same `Criteria`.
A filter holds several values per field (any of them matches, "-" standing for
"none": no priority, no persona…), the fields together must all match. The
tree's own rows (`queries.requirements.TREE_COLUMNS`) answer status, priority,
owner, release and kind; kano, lane, persona, tags and dates come from the
backlog rows (`queries.backlog`), read only when one of those is asked for.
Text, "changed since a baseline" and "needs review" arrive as sets of uids
found by the caller (core.views evaluates a saved view with the core's search).

A saved view keeps its criteria as JSON (`to_json` / `from_json`): only what
is set is written, so the file stays small and diffs stay readable.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

# queries.backlog (SQLAlchemy) is imported when a filter needs its rows: the
# window's tree is painted before SQLAlchemy loads.

NONE = "-"
"""The value for "not set" (no priority, persona, kano, lane, release, owner)."""
# Positions inside a tree row (the order of queries.requirements.TREE_COLUMNS).
UID, PARENT, KEY, TITLE, KIND, STATUS, PRIORITY, OWNER, RELEASE = range(9)
TREE_FIELDS = {
    "status": STATUS,
    "priority": PRIORITY,
    "owner": OWNER,
    "release": RELEASE,
    "kind": KIND,
}
ROW_FIELDS = ("kano", "lane", "persona")  # in the backlog rows
FIELDS = (*TREE_FIELDS, *ROW_FIELDS, "tags")
CUSTOM = "custom:"  # schema 9: choices[CUSTOM + field uid], a custom field's values
FILTERED_KINDS = frozenset({"choice", "choices", "person"})  # custom fields with a list
RANGED_KINDS = frozenset({"text", "number", "date"})  # the others: a text held, a range


def custom_matches(value: Any, wanted: frozenset[str]) -> bool:
    """A custom field's value (an option, several, a person, or None) is one wanted."""
    if isinstance(value, list):
        return bool(wanted.intersection(value)) if value else NONE in wanted
    return (value or NONE) in wanted


@dataclass(frozen=True)
class ValueRange:
    """A text, number or date custom field's filter (schema 9): text holding
    `contains` (any case), or a value from `low` to `high` (numbers as typed, dates
    ISO; either may be empty: open-ended). A requirement without a value never matches."""

    contains: str = ""
    low: str = ""
    high: str = ""

    @property
    def active(self) -> bool:
        return bool(self.contains.strip() or self.low.strip() or self.high.strip())

    def accepts(self, value: Any) -> bool:
        if value is None or value == "":
            return False
        if self.contains.strip() and self.contains.strip().casefold() not in str(value).casefold():
            return False
        low, high = self.low.strip(), self.high.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return (not low or value >= _number(low)) and (not high or value <= _number(high))
        return (not low or str(value) >= low) and (not high or str(value) <= high)


def _number(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return float("nan")  # compares false: a typo matches nothing rather than all


_NAMED = ("release", "lane", "persona")  # values that are uids
Row = tuple[Any, ...]


@dataclass(frozen=True)
class DateRange:
    """ISO days (either may be empty: open-ended); `overlapping` finds work that
    runs at some time in the range, otherwise it must start and end inside it."""

    first: str = ""
    last: str = ""
    overlapping: bool = False

    def accepts(self, start: str | None, end: str | None) -> bool:
        if not (start or end):
            return False  # an undated requirement is in no range
        start, end = start or end or "", end or start or ""
        if self.overlapping:
            return (not self.last or start <= self.last) and (not self.first or end >= self.first)
        return (not self.first or start >= self.first) and (not self.last or end <= self.last)


@dataclass(frozen=True)
class Criteria:
    text: str = ""
    choices: Mapping[str, frozenset[str]] = field(default_factory=dict)  # by FIELDS name
    dates: DateRange | None = None
    baseline: str | None = None  # uid: changed (or added) since that baseline
    needs_review: bool = False  # a link into it is suspect (when the core offers it)
    ranges: Mapping[str, ValueRange] = field(default_factory=dict)  # by custom field uid

    @property
    def active(self) -> bool:
        return bool(
            self.text.strip()
            or any(self.choices.values())
            or any(r.active for r in self.ranges.values())
            or self.dates
            or self.baseline
            or self.needs_review
        )

    @property
    def needs_custom(self) -> bool:
        """Whether a custom field's values are asked for (schema 9)."""
        return any(v for k, v in self.choices.items() if k.startswith(CUSTOM)) or any(
            r.active for r in self.ranges.values()
        )

    @property
    def needs_rows(self) -> bool:
        """Whether a field outside the tree's rows is asked for (backlog rows)."""
        return self.dates is not None or any(
            self.choices.get(name) for name in (*ROW_FIELDS, "tags")
        )


def find_matches(
    tree_rows: Mapping[str, Row],
    criteria: Criteria,
    *,
    found: Collection[str] | None = None,
    rows: Mapping[str, tuple[Any, ...]] | None = None,
    changed: Collection[str] | None = None,
    review: Collection[str] | None = None,
    custom: Mapping[str, Mapping[str, Any]] | None = None,
) -> set[str]:
    """The uids matching `criteria` (not their ancestors). `found`: what the text
    finds; `rows`: backlog rows by uid (needed when `criteria.needs_rows`);
    `changed`: changed since the baseline; `review`: needing review; `custom`:
    custom field values by uid (needed when `criteria.needs_custom`)."""
    from pmdesk.core.queries import backlog

    candidates: Collection[str] = tree_rows if found is None else found
    chosen = criteria.choices
    checks = [(at, chosen[name]) for name, at in TREE_FIELDS.items() if chosen.get(name)]
    positions = {"kano": backlog.KANO, "lane": backlog.LANE, "persona": backlog.PERSONA}
    row_checks = [
        (positions[name], criteria.choices[name])
        for name in ROW_FIELDS
        if criteria.choices.get(name)
    ]
    tags = criteria.choices.get("tags") or frozenset()
    dates = criteria.dates
    extra: Mapping[str, Any] = rows or {}
    custom_checks = [
        (name[len(CUSTOM) :], wanted)
        for name, wanted in chosen.items()
        if name.startswith(CUSTOM) and wanted
    ]
    held: Mapping[str, Mapping[str, Any]] = custom or {}
    # One pass per check, each a tight comprehension over what is left (at
    # 100,000 requirements a loop testing every check per row took seconds).
    left = [uid for uid in candidates if uid in tree_rows]
    for at, wanted in checks:
        left = [uid for uid in left if (tree_rows[uid][at] or NONE) in wanted]
    if changed is not None:
        left = [uid for uid in left if uid in changed]
    if review is not None:
        left = [uid for uid in left if uid in review]
    for field_uid, wanted in custom_checks:
        left = [uid for uid in left if custom_matches(held.get(uid, {}).get(field_uid), wanted)]
    for field_uid, ranged in criteria.ranges.items():
        if ranged.active:
            left = [uid for uid in left if ranged.accepts(held.get(uid, {}).get(field_uid))]
    if not (row_checks or tags or dates):
        return set(left)
    get = extra.get
    pairs = [(uid, row) for uid in left if (row := get(uid)) is not None]
    for at, wanted in row_checks:
        pairs = [(uid, row) for uid, row in pairs if (row[at] or NONE) in wanted]
    if tags:
        at = backlog.TAGS
        pairs = [(uid, row) for uid, row in pairs if not tags.isdisjoint(row[at] or (NONE,))]
    if dates:
        start, end = backlog.START, backlog.END
        pairs = [(uid, row) for uid, row in pairs if dates.accepts(row[start], row[end])]
    return {uid for uid, _ in pairs}


def to_json(criteria: Criteria) -> dict[str, Any]:
    """`criteria` as a saved view stores it: only the parts that are set, values sorted."""
    out: dict[str, Any] = {}
    if criteria.text.strip():
        out["text"] = criteria.text.strip()
    choices = {name: sorted(values) for name, values in criteria.choices.items() if values}
    if choices:
        out["choices"] = dict(sorted(choices.items()))
    if criteria.dates is not None:
        dates = criteria.dates
        out["dates"] = {"first": dates.first, "last": dates.last, "overlapping": dates.overlapping}
    if criteria.baseline:
        out["baseline"] = criteria.baseline
    if criteria.needs_review:
        out["needs_review"] = True
    ranges = {
        uid: {k: v for k, v in (("contains", r.contains), ("low", r.low), ("high", r.high)) if v}
        for uid, r in sorted(criteria.ranges.items())
        if r.active
    }
    if ranges:
        out["custom"] = ranges
    return out


def from_json(data: Mapping[str, Any]) -> Criteria:
    """The criteria a saved view stored (checked by core.domain.fields on the way in)."""
    dates = data.get("dates")
    return Criteria(
        text=str(data.get("text", "")),
        choices={
            str(name): frozenset(str(v) for v in values)
            for name, values in (data.get("choices") or {}).items()
            if values
        },
        dates=None
        if not isinstance(dates, Mapping)
        else DateRange(
            str(dates.get("first", "")),
            str(dates.get("last", "")),
            bool(dates.get("overlapping", False)),
        ),
        baseline=data.get("baseline") or None,
        needs_review=bool(data.get("needs_review", False)),
        ranges={  # schema 9 text, number and date fields; optional: older views hold none
            str(uid): ValueRange(
                str(r.get("contains", "")), str(r.get("low", "")), str(r.get("high", ""))
            )
            for uid, r in (data.get("custom") or {}).items()
            if isinstance(r, Mapping)
        },
    )


# The filter bar's switches as the command line names them (the window: its own words).
_FILTER_WORDS = {"baseline": "since baseline", "needs_review": "needs review"}


def _plain_word(kind: str, code: str) -> str:
    return _FILTER_WORDS.get(code, code) if kind == "filter" else code


def view_value(
    name: str,
    value: Any,
    separator: str = ", ",
    word: Callable[[str, str], str] | None = None,
    names: Mapping[str, str] | None = None,
) -> str:
    """A saved view's filter or sort as its history shows it: `“登录” · status: draft,
    review`, `priority ↑, title ↓`. `word(kind, code)` says a vocabulary value
    (`word("field", "status")` a field's name) in the caller's language; `names`
    gives releases, lanes and personas by uid."""
    say = word or _plain_word
    named = names or {}
    if name == "sort" and isinstance(value, list):
        arrows = {"asc": "↑", "desc": "↓"}
        return separator.join(
            f"{say('field', str(k[0]))} {arrows.get(k[1], '')}".strip()
            for k in value
            if isinstance(k, list) and k
        )
    if not isinstance(value, Mapping):
        return str(value)
    parts: list[str] = []
    if value.get("text"):
        parts.append(f"“{value['text']}”")
    for field_name, values in (value.get("choices") or {}).items():
        shown = [
            "—" if v == NONE else named.get(v, v) if field_name in _NAMED else say(field_name, v)
            for v in map(str, values)
        ]
        parts.append(f"{say('field', field_name)}: {separator.join(shown)}")
    dates = value.get("dates")
    if isinstance(dates, Mapping):
        parts.append(f"{dates.get('first') or '…'} – {dates.get('last') or '…'}")
    if value.get("baseline"):
        parts.append(say("filter", "baseline"))
    if value.get("needs_review"):
        parts.append(say("filter", "needs_review"))
    for field_uid, wanted in (value.get("custom") or {}).items():
        if isinstance(wanted, Mapping):
            low, high, contains = wanted.get("low"), wanted.get("high"), wanted.get("contains")
            asked = f"“{contains}”" if contains else f"{low or '…'} – {high or '…'}"
            parts.append(f"{say('field', CUSTOM + str(field_uid))}: {asked}")
    return " · ".join(parts)
