"""The neutral model every reader produces and the planner consumes.

A spreadsheet or CSV is read into a `Table` (headers, raw cells, source row
numbers); a mapping turns it into `Incoming` records whose values are already
pmdesk's (field name → domain value). Jira and ReqIF readers build `Incoming`
directly, links and all. Problems name where they are (row 7, SPEC-OBJECT …)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pmdesk.interop.messages import field_name, say

Cell = str | int | float | bool | None | Any  # xlsx gives numbers, dates and datetimes too


class InteropError(Exception):
    """A file cannot be read at all: one sentence naming the file and where (row,
    XML element); nothing is written."""


@dataclass(frozen=True)
class Table:
    """Cells as the source holds them; `rows[i]` came from source row `numbers[i]`."""

    name: str  # the file (and sheet) for messages
    headers: list[str]
    rows: list[list[Cell]]
    numbers: list[int]


@dataclass(frozen=True)
class Problem:
    """What is wrong with one incoming row (or element), said in either language."""

    where: str  # "row 7", "SPEC-OBJECT _a1b2"
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    row: int = 0  # index into Incoming.records, -1 when about a link

    def text(self, language: str = "en") -> str:
        params = dict(self.params)
        if "field" in params:
            params["field"] = field_name(params["field"], language)
        return say(self.code, language, **params)

    def line(self, language: str = "en") -> str:
        where = self.where
        if language == "zh" and where.startswith("row "):
            where = f"第 {where[4:]} 行"
        return f"{where}: {self.text(language)}"


@dataclass
class Record:
    """One incoming requirement: pmdesk field → value (only the fields the source has).

    `parent` holds the parent's key or uid as the source names it, `release` and
    `lane` hold names (created when the project has none of that name)."""

    where: str
    values: dict[str, Any]
    skipped: dict[str, str] = field(default_factory=dict)  # columns not imported: name → text
    # custom field name → its text (a list from repeated columns or a multi-valued
    # ReqIF enumeration), turned into the field's value by the planner (schema 9)
    custom: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LinkRecord:
    where: str
    source: str  # key or uid of a record or of a requirement of the project
    target: str
    type: str
    optional: bool = False  # an end outside the file and the project is left out, not refused


@dataclass(frozen=True)
class ReleaseRecord:
    """A release the source describes (its name, optional dates)."""

    name: str
    values: dict[str, Any]


@dataclass
class Incoming:
    name: str
    records: list[Record]
    links: list[LinkRecord] = field(default_factory=list)
    releases: list[ReleaseRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    not_imported: list[str] = field(default_factory=list)  # source columns left out
    # The source's own order gives the hierarchy (ReqIF's SPEC-HIERARCHY, an outline level).
    title: str = ""
    # What the source says of a custom field's kind: name → (kind, options) (ReqIF's
    # datatypes); a field without a hint gets a kind guessed from its values.
    custom_kinds: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
