"""A requirement's score under each model, and the requirements ranked by it.

The project chooses one model (`project.scoring`):

- RICE = reach × impact × confidence ÷ effort (as before, `vocabulary.rice_score`);
- ICE = impact × confidence × ease, each 1–10 (so 1–1000);
- WSJF = cost of delay ÷ job size, where cost of delay = business value + time
  criticality + risk reduction / opportunity enablement, each 1–20;
- weighted = Σ weightᵢ × valueᵢ ÷ scaleᵢ over Σ weightᵢ, as a percentage (0–100):
  each criterion's value counts as its share of the criterion's scale, so a
  1–5 and a 1–10 criterion of one weight count alike.

A score is None while an input is missing (a criterion without a value counts
as missing: a requirement half scored is not ranked below fully scored ones by
accident). Plain records; no Qt.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from pmdesk.core.domain import vocabulary
from pmdesk.core.domain.fields import from_columns
from pmdesk.core.queries.setup import Criterion, criteria_from
from pmdesk.core.schema.tables import Project, Release, Requirement, table_of

__all__ = ["Criterion", "Input", "Ranked", "Ranking", "Scoring", "ranking", "score"]

Values = Mapping[str, Any]  # a requirement's domain values (fields.from_columns)


@dataclass(frozen=True)
class Scoring:
    """How a project scores: its model, and the criteria of the weighted one."""

    model: str = vocabulary.DEFAULT_SCORING
    criteria: tuple[Criterion, ...] = ()


def _all(inputs: Mapping[str, Any] | None, names: Sequence[str]) -> list[float] | None:
    if not inputs:
        return None
    numbers = [inputs.get(name) for name in names]
    if any(n is None for n in numbers):
        return None
    return [float(n) for n in numbers]  # type: ignore[arg-type]  # None excluded above


def rice(inputs: Mapping[str, Any] | None) -> float | None:
    n = _all(inputs, vocabulary.RICE_FIELDS)
    return None if n is None else vocabulary.rice_score(*n)


def ice(inputs: Mapping[str, Any] | None) -> float | None:
    n = _all(inputs, vocabulary.ICE_FIELDS)
    return None if n is None else round(n[0] * n[1] * n[2], 2)


def cost_of_delay(inputs: Mapping[str, Any] | None) -> float | None:
    n = _all(inputs, vocabulary.WSJF_FIELDS[:3])
    return None if n is None else sum(n)


def wsjf(inputs: Mapping[str, Any] | None) -> float | None:
    n = _all(inputs, vocabulary.WSJF_FIELDS)
    if n is None or n[3] <= 0:
        return None
    return round((n[0] + n[1] + n[2]) / n[3], 2)


def weighted(scores: Mapping[str, Any] | None, criteria: Sequence[Criterion]) -> float | None:
    total = sum(c.weight for c in criteria)
    if not criteria or total <= 0:
        return None
    got = scores or {}
    if any(got.get(c.id) is None for c in criteria):
        return None
    share = sum(c.weight * min(float(got[c.id]), c.scale) / c.scale for c in criteria)
    return round(100 * share / total, 2)


def score(values: Values, scoring: Scoring, model: str | None = None) -> float | None:
    """The requirement's score under `model` (default: the project's)."""
    chosen = model or scoring.model
    if chosen == "rice":
        return rice(values.get("rice"))
    if chosen == "ice":
        return ice(values.get("ice"))
    if chosen == "wsjf":
        return wsjf(values.get("wsjf"))
    return weighted(values.get("scores"), scoring.criteria)


@dataclass(frozen=True)
class Input:
    """One input of a model as a person reads it: `name` is "rice.reach" for
    RICE's inputs (vocabulary.INPUT_TERMS), a criterion's own name for the
    weighted model's."""

    name: str
    value: float | None
    criterion: bool = False


def inputs(values: Values, scoring: Scoring, model: str | None = None) -> tuple[Input, ...]:
    """The inputs of `model` (default: the project's) in their order."""
    chosen = model or scoring.model
    if chosen == "weighted":
        got = values.get("scores") or {}
        return tuple(Input(c.name, got.get(c.id), criterion=True) for c in scoring.criteria)
    own = values.get(chosen) or {}
    return tuple(Input(f"{chosen}.{n}", own.get(n)) for n in vocabulary.SCORE_INPUTS[chosen])


def project_scoring(conn: Connection) -> Scoring:
    row = conn.execute(select(Project.scoring, Project.criteria)).first()
    if row is None:
        return Scoring()
    return Scoring(row.scoring, criteria_from(json.loads(row.criteria or "[]")))


@dataclass(frozen=True)
class Ranked:
    """One line of a ranking: competition ranks (1, 2, 2, 4) for equal scores."""

    rank: int
    uid: str
    key: str
    title: str
    kind: str
    release: str | None  # by name
    inputs: tuple[Input, ...]
    score: float


@dataclass(frozen=True)
class Ranking:
    model: str
    rows: tuple[Ranked, ...]
    unscored: int  # requirements the filter kept that lack an input of the model


def ranking(
    conn: Connection,
    *,
    model: str | None = None,
    kinds: Sequence[str] = (),
    releases: Sequence[str] = (),
    top: int | None = None,
    keep: Sequence[str] | None = None,
) -> Ranking:
    """Requirements by score, highest first (equal scores by key number), under
    `model` (default: the project's); only `kinds` and `releases` (by name,
    case-insensitive) when given, only the uids in `keep` when given (a
    directive's other filter terms), at most `top`."""
    scoring = project_scoring(conn)
    chosen = model or scoring.model
    names = {uid: name for uid, name in conn.execute(select(Release.uid, Release.name))}
    wanted_releases = {" ".join(r.split()).casefold() for r in releases}
    kept = set(keep) if keep is not None else None
    scored: list[tuple[float, int, dict[str, Any], Values]] = []
    unscored = 0
    for raw in conn.execute(select(table_of(Requirement))).mappings():
        row = dict(raw)
        if kinds and row["kind"] not in kinds:
            continue
        release = names.get(row["release_uid"] or "")
        if wanted_releases and " ".join((release or "").split()).casefold() not in wanted_releases:
            continue
        if kept is not None and row["uid"] not in kept:
            continue
        values = from_columns("requirement", row)
        value = score(values, scoring, chosen)
        if value is None:
            unscored += 1
            continue
        scored.append((value, row["number"], row, values))
    scored.sort(key=lambda s: (-s[0], s[1]))
    rows: list[Ranked] = []
    for i, (value, _, found, got) in enumerate(scored[:top] if top is not None else scored):
        rank = rows[-1].rank if rows and rows[-1].score == value else i + 1
        rows.append(
            Ranked(
                rank,
                found["uid"],
                found["key"],
                got["title"],
                got["kind"],
                names.get(found["release_uid"] or ""),
                inputs(got, scoring, chosen),
                value,
            )
        )
    return Ranking(chosen, tuple(rows), unscored)


def scores_by_uid(conn: Connection) -> tuple[str, dict[str, float | None]]:
    """The project's model and every requirement's score under it (for a
    document's facts table)."""
    scoring = project_scoring(conn)
    out: dict[str, float | None] = {}
    for raw in conn.execute(select(table_of(Requirement))).mappings():
        out[raw["uid"]] = score(from_columns("requirement", dict(raw)), scoring)
    return scoring.model, out
