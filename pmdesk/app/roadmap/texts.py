"""The roadmap drawing's words in the UI language (Qt's translations).

The exported picture takes its words from the document's language instead
(`export.roadmap_style.texts_for`); the drawing itself is the same.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from pmdesk.app.labels import horizon_label, not_assessed_label, priority_label, status_label
from pmdesk.core.domain import vocabulary
from pmdesk.core.roadmap.horizons import HORIZONS
from pmdesk.export.horizon_geometry import HorizonTexts
from pmdesk.export.roadmap_style import RoadmapTexts

translate = QCoreApplication.translate


def fill(template: str, *args: str) -> str:
    """`template` with %1, %2, … replaced in one pass (a lane named "%2" stays so)."""
    return re.sub(r"%(\d)", lambda m: args[int(m[1]) - 1], template)


def ui_texts() -> RoadmapTexts:
    months = (
        translate("RoadmapTexts", "Jan"),
        translate("RoadmapTexts", "Feb"),
        translate("RoadmapTexts", "Mar"),
        translate("RoadmapTexts", "Apr"),
        translate("RoadmapTexts", "May"),
        translate("RoadmapTexts", "Jun"),
        translate("RoadmapTexts", "Jul"),
        translate("RoadmapTexts", "Aug"),
        translate("RoadmapTexts", "Sep"),
        translate("RoadmapTexts", "Oct"),
        translate("RoadmapTexts", "Nov"),
        translate("RoadmapTexts", "Dec"),
    )
    return RoadmapTexts(
        unassigned=translate("RoadmapTexts", "Unassigned"),
        today=translate("RoadmapTexts", "Today"),
        problem=translate("RoadmapTexts", "Scheduling problem"),
        from_release=translate("RoadmapTexts", "Dates from release"),
        milestone=translate("RoadmapTexts", "Milestone"),
        no_release=translate("RoadmapTexts", "No release"),
        more_rows=translate("RoadmapTexts", "… {n} more rows not shown"),
        months=months,
        # {month} and {year} are filled in; keep the braces.
        month_year=translate("RoadmapTexts", "{month} {year}"),
        year=translate("RoadmapTexts", "{year}"),
        quarter=translate("RoadmapTexts", "Q{n}"),
        week=translate("RoadmapTexts", "W{n}"),
        status={s: status_label(s) for s in vocabulary.STATUSES},
        priority={p: priority_label(p) for p in vocabulary.PRIORITIES},
        not_assessed=not_assessed_label(),
    )


def horizon_name(horizon: str) -> str:
    """Now, Next or Later as the UI says them."""
    return horizon_label(horizon)


def ui_horizon_texts() -> HorizonTexts:
    """The Now / Next / Later drawing's words in the UI language."""
    return HorizonTexts(
        names={h: horizon_name(h) for h in HORIZONS},
        no_lane=translate("HorizonTexts", "No lane"),
        no_release=translate("HorizonTexts", "no release"),
        in_progress=translate("HorizonTexts", "work in progress"),
        # {n} is filled in; keep the braces.
        more=translate("HorizonTexts", "+{n} more"),
        derived=translate("HorizonTexts", "Dashed: horizon from its release"),
        not_assessed=not_assessed_label(),
        empty=translate("HorizonTexts", "No open requirement to place."),
        priority={p: priority_label(p) for p in vocabulary.PRIORITIES},
    )
