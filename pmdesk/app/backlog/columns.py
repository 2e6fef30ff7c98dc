"""The backlog table's columns: what each shows, how it sorts, how it is edited.

Every column reads one plain backlog row (core.queries.backlog, a tuple); the
names shown (releases, lanes) come from `Names`. No widgets here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QLocale

from pmdesk.app.backlog.custom_columns import SLOTS, CustomValues, slot_name
from pmdesk.app.labels import (
    field_label,
    horizon_label,
    kano_label,
    kind_label,
    priority_label,
    status_label,
)
from pmdesk.core.domain import vocabulary
from pmdesk.core.messages import QT_TRANSLATE_NOOP
from pmdesk.core.queries.backlog import (
    CONFIDENCE,
    EFFORT,
    END,
    HORIZON,
    IMPACT,
    KANO,
    KEY,
    KIND,
    LANE,
    NUMBER,
    OWNER,
    PERSONA,
    PRIORITY,
    REACH,
    RELEASE,
    START,
    STATUS,
    TAGS,
    TITLE,
    UID,
    VALUE,
    BacklogRow,
)

translate = QCoreApplication.translate
Editor = Literal["choice", "text", "tags", "date", "number", "percent", "custom"] | None
# How a column sorts: by the row's value at a position ("value"), by where the
# value stands in a list of choices ("choice"), by the collated text ("text"),
# or by a number computed from the row ("number").
Sorting = Literal["value", "choice", "text", "number"]


@dataclass
class Names:
    """Names and orders of the releases and lanes, which rows hold by uid."""

    releases: dict[str, str] = field(default_factory=dict)  # uid → name, in order
    lanes: dict[str, str] = field(default_factory=dict)
    release_order: dict[str, int] = field(default_factory=dict)
    lane_order: dict[str, int] = field(default_factory=dict)
    personas: dict[str, str] = field(default_factory=dict)  # schema 7, in the list's order
    persona_order: dict[str, int] = field(default_factory=dict)
    custom: CustomValues = field(default_factory=CustomValues)  # schema 9: the slots' fields

    def set(self, releases: list[tuple[str, str]], lanes: list[tuple[str, str]]) -> None:
        self.releases, self.lanes = dict(releases), dict(lanes)
        self.release_order = {uid: i for i, (uid, _) in enumerate(releases)}
        self.lane_order = {uid: i for i, (uid, _) in enumerate(lanes)}

    def set_personas(self, personas: list[tuple[str, str]]) -> None:
        self.personas = dict(personas)
        self.persona_order = {uid: i for i, (uid, _) in enumerate(personas)}


def rice_of(row: BacklogRow) -> float | None:
    """The RICE score, as the details pane computes it."""
    return vocabulary.rice_score(row[REACH], row[IMPACT], row[CONFIDENCE], row[EFFORT])


@dataclass(frozen=True)
class Column:
    name: str  # the field (or "score"); stable: remembered in the settings
    title: Callable[[], str]
    show: Callable[[BacklogRow, Names], str]
    sorting: Sorting
    position: int = -1  # the row's value, for "value", "choice" and "text" sorting
    choices: tuple[str, ...] = ()  # the order of a "choice" column's values
    number: Callable[[BacklogRow], float | None] | None = None
    editor: Editor = None
    numeric: bool = False  # right-aligned
    slot: int = -1  # schema 9: the custom field shown (its place in the project's list)

    @property
    def field(self) -> str:
        """The field whose change can move the rows sorted by this column (RICE's
        inputs and score change as one field, "rice"; custom fields as "custom")."""
        if self.slot >= 0:
            return "custom"
        return "rice" if self.name in (*vocabulary.RICE_FIELDS, "score") else self.name

    def heading(self, names: Names) -> str:
        """The title shown: a custom field's slot is named after its field."""
        return names.custom.title(self.slot) if self.slot >= 0 else self.title()

    def sort_value(self, row: BacklogRow, names: Names) -> Any:
        """What the column sorts by before collation (None: empty, sorted last)."""
        if self.slot >= 0:
            return names.custom.sort_value(self.slot, row[UID])
        if self.sorting == "number":
            assert self.number is not None
            return self.number(row)
        value = row[self.position]
        if self.sorting == "choice":
            if self.name == "release":
                return names.release_order.get(value) if value else None
            if self.name == "lane":
                return names.lane_order.get(value) if value else None
            if self.name == "persona":
                return names.persona_order.get(value) if value else None
            return self.choices.index(value) if value in self.choices else None
        if self.sorting == "text":
            text = ", ".join(value) if isinstance(value, tuple) else value
            return text or None
        return value


def sort_values(column: Column, rows: Mapping[str, BacklogRow], names: Names) -> dict[str, Any]:
    """`column.sort_value` of every row, by uid: computed in C where the column
    allows (a call per row cost 20-50 ms at 100,000, most of a first sort)."""
    uids, values = rows.keys(), rows.values()
    if column.slot >= 0 or (column.sorting == "number" and column.name != "score"):
        return {uid: column.sort_value(row, names) for uid, row in rows.items()}
    if column.name == "score":  # RICE's inputs, then the score of each row
        inputs = (map(itemgetter(p), values) for p in (REACH, IMPACT, CONFIDENCE, EFFORT))
        return dict(zip(uids, map(vocabulary.rice_score, *inputs), strict=True))
    found = map(itemgetter(column.position), values)
    if column.sorting == "choice":
        order = {
            "release": names.release_order,
            "lane": names.lane_order,
            "persona": names.persona_order,
        }.get(column.name) or {choice: i for i, choice in enumerate(column.choices)}
        return dict(zip(uids, map(order.get, found), strict=True))
    if column.sorting == "text":
        return {
            uid: (", ".join(v) if isinstance(v, tuple) else v) or None
            for uid, v in zip(uids, found, strict=True)
        }
    return dict(zip(uids, found, strict=True))


def _number_text(value: float | None, decimals: int = 0) -> str:
    if value is None:
        return ""
    return QLocale().toString(float(value), "f", decimals)


def _plain(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{round(value * 100):d} %"


def _title(name: str) -> Callable[[], str]:
    return lambda: field_label(name)


def _backlog(text: str) -> Callable[[], str]:
    """A column title of the backlog's own (marked for lupdate where it is written)."""
    return lambda: translate("Backlog", text)


COLUMNS: tuple[Column, ...] = (
    Column("key", _title("key"), lambda r, n: str(r[KEY]), "value", NUMBER),
    Column("title", _title("title"), lambda r, n: str(r[TITLE]), "text", TITLE, editor="text"),
    Column(
        "kind",
        _title("kind"),
        lambda r, n: kind_label(r[KIND]),
        "choice",
        KIND,
        vocabulary.KINDS,
        editor="choice",
    ),
    Column(
        "status",
        _title("status"),
        lambda r, n: status_label(r[STATUS]),
        "choice",
        STATUS,
        vocabulary.STATUSES,
        editor="choice",
    ),
    Column(
        "priority",
        _title("priority"),
        lambda r, n: priority_label(r[PRIORITY]),
        "choice",
        PRIORITY,
        vocabulary.PRIORITIES,
        editor="choice",
    ),
    Column(
        "kano",
        _title("kano"),
        lambda r, n: kano_label(r[KANO]),
        "choice",
        KANO,
        vocabulary.KANO,
        editor="choice",
    ),
    Column("owner", _title("owner"), lambda r, n: str(r[OWNER]), "text", OWNER, editor="text"),
    Column(
        "release",
        _title("release"),
        lambda r, n: n.releases.get(r[RELEASE] or "", ""),
        "choice",
        RELEASE,
        editor="choice",
    ),
    Column(
        "lane",
        _title("lane"),
        lambda r, n: n.lanes.get(r[LANE] or "", ""),
        "choice",
        LANE,
        editor="choice",
    ),
    Column(
        "persona",
        _title("persona"),
        lambda r, n: n.personas.get(r[PERSONA] or "", ""),
        "choice",
        PERSONA,
        editor="choice",
    ),
    Column("start", _title("start"), lambda r, n: r[START] or "", "value", START, editor="date"),
    Column("end", _title("end"), lambda r, n: r[END] or "", "value", END, editor="date"),
    Column("tags", _title("tags"), lambda r, n: ", ".join(r[TAGS]), "text", TAGS, editor="tags"),
    Column(
        "reach",
        _backlog(QT_TRANSLATE_NOOP("Backlog", "Reach")),
        lambda r, n: _number_text(r[REACH]),
        "value",
        REACH,
        editor="number",
        numeric=True,
    ),
    Column(
        "impact",
        _backlog(QT_TRANSLATE_NOOP("Backlog", "Impact")),
        lambda r, n: _plain(r[IMPACT]) + ("×" if r[IMPACT] is not None else ""),
        "value",
        IMPACT,
        editor="number",
        numeric=True,
    ),
    Column(
        "confidence",
        _backlog(QT_TRANSLATE_NOOP("Backlog", "Confidence")),
        lambda r, n: _percent(r[CONFIDENCE]),
        "value",
        CONFIDENCE,
        editor="percent",
        numeric=True,
    ),
    Column(
        "effort",
        _backlog(QT_TRANSLATE_NOOP("Backlog", "Effort")),
        lambda r, n: _plain(r[EFFORT]),
        "value",
        EFFORT,
        editor="number",
        numeric=True,
    ),
    Column(
        "score",
        _backlog(QT_TRANSLATE_NOOP("Backlog", "RICE score")),
        lambda r, n: _number_text(rice_of(r), 2),
        "number",
        number=rice_of,
        numeric=True,
    ),
    # Schema 7 (appended: a header state saved before keeps its columns).
    Column(
        "value",
        _title("value"),
        lambda r, n: _plain(r[VALUE]),
        "value",
        VALUE,
        editor="number",
        numeric=True,
    ),
    Column(
        "horizon",
        _title("horizon"),
        lambda r, n: horizon_label(r[HORIZON]),
        "choice",
        HORIZON,
        vocabulary.HORIZONS,
        editor="choice",
    ),
)
# Schema 9: a slot per custom field, appended like schema 7's; hidden while unused.
COLUMNS += tuple(
    Column(
        slot_name(slot),
        lambda: "",
        lambda r, n, slot=slot: n.custom.text(slot, r[UID]),  # type: ignore[misc]
        "value",
        UID,
        editor="custom",
        slot=slot,
    )
    for slot in range(SLOTS)
)
BY_NAME = {c.name: c for c in COLUMNS}
# Shown on a first look; the rest are a right-click on the header away.
DEFAULT_SHOWN = ("key", "title", "kind", "status", "priority", "owner", "release", "score")
RICE_INPUTS = {"reach": REACH, "impact": IMPACT, "confidence": CONFIDENCE, "effort": EFFORT}
