"""Calendar arithmetic for the roadmap's time axis (pure Python, no Qt).

Positions on the roadmap are whole days counted from an origin date, so a bar
from 2027-01-04 to 2027-01-10 (end inclusive) covers offsets [x, x + 7). Ticks
are calendar periods, never fixed lengths: months have 28 to 31 days, February
29 exists in leap years, and an ISO year has 52 or 53 weeks (weeks start on
Monday; 2026-12-31 is in week 53 of 2026, 2027-01-04 in week 1 of 2027).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Unit = Literal["week", "month", "quarter", "year"]
UNITS: tuple[Unit, ...] = ("week", "month", "quarter", "year")
UPPER: dict[Unit, Unit | None] = {
    "week": "month",
    "month": "year",
    "quarter": "year",
    "year": None,
}
# A tick label needs about this many pixels; finer units are used while they fit.
MIN_TICK_PX = 36.0
_SHORTEST_DAYS: dict[Unit, int] = {"week": 7, "month": 28, "quarter": 90, "year": 365}


@dataclass(frozen=True)
class Tick:
    """One calendar period on the axis: [start, end), with its number.

    `number` is the ISO week, the month (1–12), the quarter (1–4) or the year;
    `year` is the ISO year for weeks (week 1 of 2027 starts on 2027-01-04, week
    53 of 2026 ends on 2027-01-03), the calendar year otherwise.
    """

    unit: Unit
    start: dt.date
    end: dt.date
    number: int
    year: int


def period_start(day: dt.date, unit: Unit) -> dt.date:
    """The first day of the period that contains `day`."""
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return dt.date(day.year, 1, 1)


def next_period(start: dt.date, unit: Unit) -> dt.date:
    """The first day of the period after the one starting on `start`."""
    if unit == "week":
        return start + dt.timedelta(days=7)
    if unit == "year":
        return dt.date(start.year + 1, 1, 1)
    months = 1 if unit == "month" else 3
    month = start.month - 1 + months
    return dt.date(start.year + month // 12, month % 12 + 1, 1)


def _tick(unit: Unit, start: dt.date) -> Tick:
    end = next_period(start, unit)
    if unit == "week":
        iso = start.isocalendar()
        return Tick(unit, start, end, iso.week, iso.year)
    if unit == "month":
        return Tick(unit, start, end, start.month, start.year)
    if unit == "quarter":
        return Tick(unit, start, end, (start.month - 1) // 3 + 1, start.year)
    return Tick(unit, start, end, start.year, start.year)


def ticks(first: dt.date, last: dt.date, unit: Unit) -> list[Tick]:
    """The periods of `unit` that overlap the days first..last (both included)."""
    result: list[Tick] = []
    start = period_start(first, unit)
    while start <= last:
        tick = _tick(unit, start)
        result.append(tick)
        start = tick.end
    return result


def unit_for(px_per_day: float, min_tick_px: float = MIN_TICK_PX) -> Unit:
    """The finest unit whose shortest period is at least `min_tick_px` wide."""
    for unit in UNITS:
        if _SHORTEST_DAYS[unit] * px_per_day >= min_tick_px:
            return unit
    return "year"


def offset(origin: dt.date, day: dt.date) -> int:
    """Whole days from `origin` to `day` (negative before it)."""
    return (day - origin).days


def date_at(origin: dt.date, days: float) -> dt.date:
    """The date of the day that contains position `days` (rounded down)."""
    return origin + dt.timedelta(days=int(days // 1))


def parse_date(text: str | None) -> dt.date | None:
    """An ISO date from the file, or None (the file's CHECKs allow only valid ones,
    but a hand-edited file could hold anything: it is left off the roadmap)."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
