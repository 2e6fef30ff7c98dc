"""Applying a Kano survey's result: the project's current categories, what the
survey would change, and the one operation that sets them (one undo step).

    current = project.read(requirement_kanos)
    found = analyse_kano_survey(path, current)       # results, changes
    op = found.operation()                           # None: nothing to change
    if op is not None:
        project.apply(op)                            # refused when read-only
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select

from pmdesk.core.analysis.kano import KanoResult
from pmdesk.core.analysis.kano_survey import KanoSurvey, read_kano_survey
from pmdesk.core.ops.base import Label
from pmdesk.core.ops.edits import Batch, Update
from pmdesk.core.schema.tables import Requirement


@dataclass(frozen=True)
class RequirementKano:
    """A requirement's key, uid and Kano category now (None: not assessed)."""

    key: str
    uid: str
    kano: str | None


def requirement_kanos(conn: Connection) -> dict[str, RequirementKano]:
    """Every requirement's Kano category, by key (run with `Project.read`)."""
    rows = conn.execute(select(Requirement.key, Requirement.uid, Requirement.kano))
    return {key: RequirementKano(key, uid, kano) for key, uid, kano in rows}


def requirement_titles(conn: Connection) -> dict[str, str]:
    """Every requirement's title, by key, in key order (run with `Project.read`)."""
    rows = conn.execute(
        select(Requirement.key, Requirement.title).order_by(Requirement.number, Requirement.uid)
    )
    return {key: title for key, title in rows}


@dataclass(frozen=True)
class KanoChange:
    key: str
    uid: str
    old: str | None
    new: str


def kano_changes(
    results: Iterable[KanoResult], current: Mapping[str, RequirementKano]
) -> list[KanoChange]:
    """What setting each evaluated category changes: not a requirement whose
    category is already that, nor one whose result is questionable or empty."""
    changes = []
    for result in results:
        now = current.get(result.key)
        if now is None or result.kano is None or result.kano == now.kano:
            continue
        changes.append(KanoChange(result.key, now.uid, now.kano, result.kano))
    return changes


def set_kano_operation(changes: Iterable[KanoChange], survey: str) -> Batch | None:
    """One operation (one undo step) setting the Kano category of each change,
    labelled "Set Kano category of 12 requirements from survey kano.csv";
    None when there is nothing to change."""
    changes = list(changes)
    if not changes:
        return None
    if len(changes) == 1:
        text, params = "kano.apply_one", {"key": changes[0].key, "name": survey}
    else:
        text, params = "kano.apply", {"count": str(len(changes)), "name": survey}
    label = Label(
        "edit",
        "requirement",
        changes[0].key if len(changes) == 1 else survey,
        len(changes),
        text=text,
        params=tuple(sorted(params.items())),
    )
    return Batch(tuple(Update("requirement", c.uid, {"kano": c.new}) for c in changes), label)


@dataclass(frozen=True)
class KanoAnalysis:
    """A survey read against a project: its results, in the file's order, and
    the changes applying them makes."""

    survey: KanoSurvey
    results: list[KanoResult]
    changes: list[KanoChange]

    def operation(self) -> Batch | None:
        return set_kano_operation(self.changes, self.survey.name)


def analyse_kano_survey(path: Path, current: Mapping[str, RequirementKano]) -> KanoAnalysis:
    """Read and evaluate the survey at `path` for a project now as `current`."""
    survey = read_kano_survey(path, current)
    results = survey.evaluate()
    return KanoAnalysis(survey, results, kano_changes(results, current))
