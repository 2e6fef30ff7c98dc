"""Colours and words of the roadmap drawing (shared by the screen and the picture).

Colours are chosen to survive a projector and a grey-scale print: mid-tone
fills with white text, one warning red used only for scheduling problems. Everything
around the bars comes from a `Palette`: light for pictures and the light
theme, dark for the dark theme. The words come in a `RoadmapTexts`: the picture
builds one for the document's language (`texts_for`), the app builds one from
its translations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from pmdesk.core.domain import vocabulary
from pmdesk.core.roadmap.layout import Bar, RoadmapLayout
from pmdesk.core.roadmap.timescale import Tick
from pmdesk.export.labels import PRIORITY_LABELS, STATUS_LABELS

ColorBy = Literal["status", "priority", "release"]
COLOR_BY: tuple[ColorBy, ...] = ("status", "priority", "release")

STATUS_COLORS: Mapping[str, str] = {
    "idea": "#A9B3C4",
    "draft": "#8190A8",
    "review": "#DE9E1F",
    "approved": "#1FA297",
    "in_progress": "#3A78D8",
    "done": "#3E8A45",
    "rejected": "#B04A4A",
}
PRIORITY_COLORS: Mapping[str, str] = {
    "must": "#C8453B",
    "should": "#E08A2E",
    "could": "#3C83C4",
    "wont": "#9AA3AE",
}
# Tableau-like categorical colours: distinct, calm, readable with white text.
RELEASE_COLORS = ("#4E79A7", "#E07B39", "#59A14F", "#A66BA0", "#3F9C98", "#C4A431", "#D7677A")
NO_RELEASE_COLOR = "#9AA3AE"


@dataclass(frozen=True, eq=False)
class Palette:
    """The colours of everything but the bars' own fills (status, priority and
    release colours are mid-tones that read on light and dark ground alike).
    The drawing is one: the screen passes the palette of the app's theme, a
    picture for a document always the light one. Compared and hashed by
    identity: it keys the painter's caches, looked up for every bar."""

    background: str
    lane_fills: tuple[str, str]  # alternate lanes
    grid: str
    grid_strong: str
    ink: str  # text on the ground
    muted_ink: str
    on_fill_ink: str  # text on mid-tone fills: bars, release bands
    arrow: str
    today: str
    milestone: str
    milestone_line: str  # with alpha: #AARRGGBB
    selection: str
    conflict: str
    # A bar drawn over its release's dates is its colour faded towards this.
    fade_towards: str
    drop_target: str  # the lane a dragged bar would land in (#AARRGGBB)


LIGHT = Palette(
    background="#FFFFFF",
    lane_fills=("#FFFFFF", "#F6F7F9"),
    grid="#E3E6EB",
    grid_strong="#C5CAD3",
    ink="#1F2328",
    muted_ink="#5B6470",
    on_fill_ink="#FFFFFF",
    arrow="#6B7785",
    today="#E5484D",
    milestone="#6E4BC2",
    milestone_line="#6E6E4BC2",
    selection="#1F6FEB",
    conflict="#D93025",
    fade_towards="#FFFFFF",
    drop_target="#261F6FEB",
)
# The dark theme's ground (app/theme.py: Base #1F2023, Window #2B2D31), lines a step
# lighter, and lighter accents where the light ones would sink into the ground.
DARK = Palette(
    background="#1F2023",
    lane_fills=("#1F2023", "#25272B"),
    grid="#2E3136",
    grid_strong="#454A52",
    ink="#E6E6E6",
    muted_ink="#A0A6AF",
    on_fill_ink="#FFFFFF",
    arrow="#8E99A6",
    today="#FF6B6B",
    milestone="#A88BF0",
    milestone_line="#80A88BF0",
    selection="#6EA8FE",
    conflict="#FF5A4F",
    fade_towards="#1F2023",
    drop_target="#406EA8FE",
)


@dataclass(frozen=True)
class RoadmapTexts:
    """Every word the drawing shows, in one language."""

    unassigned: str
    today: str
    problem: str  # a scheduling problem: not "conflict", which merging uses
    from_release: str
    milestone: str
    no_release: str
    more_rows: str  # "{n} more rows not shown"
    months: tuple[str, ...]  # 12 short names
    month_year: str  # "{month} {year}" / "{year}年{month}"
    year: str  # "{year}" / "{year}年"
    quarter: str  # "Q{n}"
    week: str  # "W{n}"
    status: Mapping[str, str]
    priority: Mapping[str, str]
    not_assessed: str = "Not assessed"  # the legend's entry for bars without a priority

    def tick(self, tick: Tick, upper: bool) -> str:
        """The label of a period: lower tier short ("Feb", "W53", "Q1"), upper with year."""
        if tick.unit == "week":
            return self.week.format(n=tick.number)
        if tick.unit == "month":
            month = self.months[tick.number - 1]
            return self.month_year.format(month=month, year=tick.year) if upper else month
        if tick.unit == "quarter":
            return self.quarter.format(n=tick.number)
        return self.year.format(year=tick.year)


_EN = RoadmapTexts(
    unassigned="Unassigned",
    today="Today",
    problem="Scheduling problem",
    from_release="Dates from release",
    milestone="Milestone",
    no_release="No release",
    more_rows="… {n} more rows not shown",
    months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    month_year="{month} {year}",
    year="{year}",
    quarter="Q{n}",
    week="W{n}",
    status=STATUS_LABELS["en"],
    priority=PRIORITY_LABELS,
)
_ZH = RoadmapTexts(
    unassigned="未分配泳道",
    today="今天",
    problem="排期问题",
    from_release="日期取自版本",
    milestone="里程碑",
    no_release="未排版本",
    more_rows="…另有 {n} 行未显示",
    months=tuple(f"{m}月" for m in range(1, 13)),
    month_year="{year}年{month}",
    year="{year}年",
    quarter="Q{n}",
    week="W{n}",
    status=STATUS_LABELS["zh"],
    # MoSCoW words stay English in Chinese PRDs too (see export.labels).
    priority=PRIORITY_LABELS,
    not_assessed="未评估",
)


def texts_for(language: str) -> RoadmapTexts:
    return _ZH if language == "zh" else _EN


def bar_colors(layout: RoadmapLayout, color_by: ColorBy) -> Callable[[Bar], str]:
    """The fill colour of each bar under the chosen colouring."""
    if color_by == "priority":
        return lambda bar: PRIORITY_COLORS.get(bar.priority or "", NO_RELEASE_COLOR)
    if color_by == "release":
        release = release_colors(layout)
        return lambda bar: release.get(bar.release_uid or "", NO_RELEASE_COLOR)
    return lambda bar: STATUS_COLORS.get(bar.status, NO_RELEASE_COLOR)


def release_colors(layout: RoadmapLayout) -> dict[str, str]:
    """One colour per release band, in date order (bands and bars agree)."""
    return {b.uid: RELEASE_COLORS[i % len(RELEASE_COLORS)] for i, b in enumerate(layout.bands)}


def legend_entries(
    layout: RoadmapLayout, color_by: ColorBy, texts: RoadmapTexts, release_names: Mapping[str, str]
) -> list[tuple[str, str]]:
    """(label, colour) for the values that occur on this roadmap, in vocabulary order."""
    if color_by == "release":
        used = {b.release_uid for b in layout.bars}
        colors = release_colors(layout)
        entries = [(release_names.get(u, u), c) for u, c in colors.items() if u in used]
        if any(b.release_uid not in colors for b in layout.bars):
            entries.append((texts.no_release, NO_RELEASE_COLOR))
        return entries
    if color_by == "priority":
        used_priorities = {b.priority for b in layout.bars}
        entries = [
            (texts.priority[p], PRIORITY_COLORS[p])
            for p in vocabulary.PRIORITIES
            if p in used_priorities
        ]
        if None in used_priorities:  # not assessed: last, in the neutral colour
            entries.append((texts.not_assessed, NO_RELEASE_COLOR))
        return entries
    used = {b.status for b in layout.bars}
    return [(texts.status[s], STATUS_COLORS[s]) for s in vocabulary.STATUSES if s in used]
