"""The release plan in a PRD: the milestones (name, date, release) and the
releases (name, dates, status, capacity, goal), as rows of text that the
document builder turns into tables and the preview into HTML.

A `milestones` or `releases` pmdesk block shows them; the roadmap chapter the
export adds by itself shows the milestones under the picture.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Connection

from pmdesk.core.domain.vocabulary import RELEASE_STATUS_TERMS
from pmdesk.core.queries.setup import milestones, releases

_TEXT: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "milestone": "里程碑",
        "date": "日期",
        "release": "版本",
        "dates": "计划日期",
        "status": "状态",
        "capacity": "容量（人天）",
        "goal": "目标",
        "milestones": "里程碑",
        "no_milestones": "项目还没有里程碑。",
        "no_releases": "项目还没有版本。",
    },
    "en": {
        "milestone": "Milestone",
        "date": "Date",
        "release": "Release",
        "dates": "Dates",
        "status": "Status",
        "capacity": "Capacity (days)",
        "goal": "Goal",
        "milestones": "Milestones",
        "no_milestones": "The project has no milestones yet.",
        "no_releases": "The project has no releases yet.",
    },
}


@dataclass(frozen=True)
class PlanTable:
    """A table as text: the header, the rows, relative column widths, and which
    column holds a line of Markdown (a release's goal), if any."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    markdown_column: int | None = None
    empty: str = ""  # what to say instead of an empty table


def plan_text(language: str) -> Mapping[str, str]:
    return _TEXT["zh" if language == "zh" else "en"]


def _dates(start: str | None, end: str | None) -> str:
    if not (start or end):
        return ""
    return f"{start or '…'} – {end or '…'}"


def milestone_table(conn: Connection, language: str) -> PlanTable:
    """Milestones by date, each with the release it belongs to."""
    text = plan_text(language)
    names = {r.uid: r.name for r in releases(conn)}
    rows = tuple((m.name, m.date or "", names.get(m.release or "", "")) for m in milestones(conn))
    header: tuple[str, ...] = (text["milestone"], text["date"], text["release"])
    widths: tuple[float, ...] = (3.0, 1.4, 1.6)
    if not any(release for _, _, release in rows):  # none belongs to a release: no empty column
        header, widths = header[:2], widths[:2]
        return PlanTable(header, tuple(r[:2] for r in rows), widths, empty=text["no_milestones"])
    return PlanTable(header, rows, widths, empty=text["no_milestones"])


def release_table(conn: Connection, language: str) -> PlanTable:
    """Releases in their order: dates, status, capacity and goal."""
    text = plan_text(language)
    lang = "zh" if language == "zh" else "en"
    rows = []
    for r in releases(conn):
        status = RELEASE_STATUS_TERMS.get(r.status)
        capacity = "" if r.capacity is None else f"{r.capacity:g}"
        rows.append(
            (
                r.name,
                _dates(r.start, r.end),
                status.in_document(lang) if status else r.status,
                capacity,
                r.goal,
            )
        )
    header = (text["release"], text["dates"], text["status"], text["capacity"], text["goal"])
    return PlanTable(
        header, tuple(rows), (1.0, 2.1, 0.9, 0.9, 3.0), markdown_column=4, empty=text["no_releases"]
    )
