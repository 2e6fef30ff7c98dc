"""Where a roadmap layout goes in pixels at a zoom: rows, lanes, header parts,
ticks and bar labels (laid out once and cached). Shared by the painting
functions, the timeline's hit tests and the picture."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QStaticText, QTransform

from pmdesk.core.roadmap.layout import Band, Bar, Diamond, RoadmapLayout
from pmdesk.core.roadmap.timescale import MIN_TICK_PX, UPPER, Tick, Unit, ticks, unit_for
from pmdesk.export.roadmap_style import RoadmapTexts

ROW_HEIGHT = 28.0
BAR_INSET = 5.0  # above and below a bar within its row
LANE_PAD = 6.0  # above and below the rows of a lane
TIER_HEIGHT = 22.0
RELEASE_STRIP = 28.0
MILESTONE_LINE = 18.0
GUTTER_MIN, GUTTER_MAX = 96.0, 220.0
LABEL_MIN_PX = 18.0  # rows shown smaller than this (zoomed-out renders) carry no text
FONT_FAMILIES = ["Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei UI", "PingFang SC", "Segoe UI"]

Colors = Callable[[Bar], str]


def font(pixel_size: int, *, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    f.setPixelSize(pixel_size)
    f.setBold(bold)
    return f


class Geometry:
    """Where everything of a layout goes at a zoom (`px_per_day`), in pixels."""

    def __init__(
        self,
        layout: RoadmapLayout,
        px_per_day: float,
        texts: RoadmapTexts,
        min_tick_px: float = MIN_TICK_PX,
    ) -> None:
        self.layout = layout
        self.ppd = px_per_day
        self.texts = texts
        self.unit: Unit = unit_for(px_per_day, min_tick_px)
        self.upper: Unit | None = UPPER[self.unit]
        self.bar_font = font(12)
        self.small_font = font(11)
        self.lane_font = font(12, bold=True)
        self.upper_font = font(11, bold=True)
        self.release_font = self.lane_font
        self.small_metrics = QFontMetricsF(self.small_font)
        self.upper_metrics = QFontMetricsF(self.upper_font)
        self.release_metrics = QFontMetricsF(self.release_font)
        self._bar_metrics = QFontMetricsF(self.bar_font)
        self._labels: dict[tuple[str, int], QStaticText | None] = {}
        self.labels_beside = False
        """A printed picture: a label too long for its bar goes whole beside it
        (`roadmap_labels` made the room), not elided inside."""
        self._ticks: dict[Unit, list[Tick]] = {}
        self._tick_xs: dict[Unit, list[float]] = {}

        self.lane_tops: list[float] = []
        self.row_tops: list[float] = []
        y = 0.0
        for lane in layout.lanes:
            self.lane_tops.append(y)
            self.row_tops.extend(y + LANE_PAD + i * ROW_HEIGHT for i in range(lane.rows))
            y += lane.rows * ROW_HEIGHT + 2 * LANE_PAD
        self.lane_tops.append(y)
        self.width = layout.days * px_per_day
        self.height = y

        self.axis_height = TIER_HEIGHT * (2 if self.upper else 1)
        self.release_height = RELEASE_STRIP if layout.bands else 0.0
        self.milestone_lines = self._stack_milestones()
        lines = max(self.milestone_lines, default=-1) + 1
        self.milestone_height = lines * MILESTONE_LINE + (8.0 if lines else 0.0)
        self.header_height = self.axis_height + self.release_height + self.milestone_height
        lane_metrics = QFontMetricsF(self.lane_font)
        names = [lane.name or texts.unassigned for lane in layout.lanes]
        widest = max((lane_metrics.horizontalAdvance(n) for n in names), default=0.0)
        self.gutter = min(GUTTER_MAX, max(GUTTER_MIN, widest + 28.0))

    # -- positions -------------------------------------------------------------
    def x(self, days: float) -> float:
        return days * self.ppd

    def day_at(self, x: float) -> float:
        return x / self.ppd

    def row_top(self, row: int) -> float:
        return self.row_tops[row]

    def row_at(self, y: float) -> int | None:
        """The row under body height `y` (None in a lane's padding or outside)."""
        i = bisect.bisect_right(self.row_tops, y) - 1
        if i < 0 or y >= self.row_tops[i] + ROW_HEIGHT:
            return None
        return i

    def lane_at(self, y: float) -> int:
        """The lane under `y`, clamped to the first and last lane."""
        i = bisect.bisect_right(self.lane_tops, y) - 1
        return min(max(i, 0), max(len(self.layout.lanes) - 1, 0))

    def rows_between(self, top: float, bottom: float) -> range:
        first = max(bisect.bisect_right(self.row_tops, top) - 1, 0)
        last = bisect.bisect_right(self.row_tops, bottom)
        return range(first, min(last, len(self.row_tops)))

    def bar_rect(self, bar: Bar, x0: float | None = None, x1: float | None = None) -> QRectF:
        left = self.x(bar.x0 if x0 is None else x0)
        right = self.x(bar.x1 if x1 is None else x1)
        top = self.row_tops[bar.row] + BAR_INSET
        return QRectF(left, top, max(right - left, 2.0), ROW_HEIGHT - 2 * BAR_INSET)

    # -- the header's parts (body x, header y): drawn and hit by the same rectangles --
    def band_rect(self, band: Band, x0: float | None = None, x1: float | None = None) -> QRectF:
        """A release band in the header, or where it would be from day `x0` to `x1`."""
        left = self.x(band.x0 if x0 is None else x0) + 1
        right = self.x(band.x1 if x1 is None else x1) - 1
        return QRectF(left, self.axis_height + 5, max(right - left, 2.0), 19)

    def milestone_center(self, index: int, x: float | None = None) -> QPointF:
        """The middle of milestone `index`'s diamond (at day `x` when given)."""
        m = self.layout.milestones[index]
        y = self.axis_height + self.release_height + 4
        y += self.milestone_lines[index] * MILESTONE_LINE + MILESTONE_LINE / 2
        return QPointF(self.x((m.x if x is None else x) + 0.5), y)

    def band_at(self, x: float, y: float) -> Band | None:
        for band in self.layout.bands:
            if self.band_rect(band).adjusted(-2, -3, 2, 3).contains(QPointF(x, y)):
                return band
        return None

    def milestone_at(self, x: float, y: float, reach: float = 7.0) -> int | None:
        """The index of the milestone whose diamond is under (x, y)."""
        for i in range(len(self.layout.milestones)):
            c = self.milestone_center(i)
            if abs(c.x() - x) <= reach and abs(c.y() - y) <= reach:
                return i
        return None

    def ticks(self, unit: Unit) -> list[Tick]:
        found = self._ticks.get(unit)
        if found is None:
            found = self._ticks[unit] = ticks(self.layout.origin, self.layout.end, unit)
        return found

    def visible_ticks(self, unit: Unit, left: float, right: float) -> list[tuple[Tick, float]]:
        """The ticks of `unit` whose period overlaps body x [left, right], with their x."""
        all_ticks = self.ticks(unit)
        xs = self._tick_xs.get(unit)
        if xs is None:
            origin = self.layout.origin
            xs = self._tick_xs[unit] = [self.x((t.start - origin).days) for t in all_ticks]
        first = max(bisect.bisect_right(xs, left) - 1, 0)
        last = bisect.bisect_right(xs, right)
        return [(all_ticks[i], xs[i]) for i in range(first, last)]

    def label(self, bar: Bar, width: float) -> QStaticText | None:
        """`KEY title` elided to `width`, laid out once: text layout is the slow part
        of painting a bar, and a pan repaints the same labels again and again."""
        key = (bar.uid, int(width))
        if key in self._labels:
            return self._labels[key]
        full = f"{bar.key}  {bar.title}"
        text = self._bar_metrics.elidedText(full, Qt.TextElideMode.ElideRight, width)
        label = None
        if text not in ("…", ""):
            label = QStaticText(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            label.prepare(QTransform(), self.bar_font)
        self._labels[key] = label
        return label

    def label_width(self, bar: Bar) -> float:
        """The width of a bar's whole label `KEY  title`."""
        return self._bar_metrics.horizontalAdvance(f"{bar.key}  {bar.title}")

    def restyle(self, layout: RoadmapLayout, uids: Collection[str]) -> None:
        """Show `layout`, whose bars are where those shown are and differ only in what
        the bars of `uids` say (`roadmap_layout.restyled`): their labels are laid out anew."""
        self.layout = layout
        self._labels = {k: v for k, v in self._labels.items() if k[0] not in uids}

    def label_left(self, m: Diamond) -> bool:
        """Milestones in the last sixth carry their label on the left, inside the picture."""
        return m.x > self.layout.days * 5 / 6

    def _stack_milestones(self) -> list[int]:
        """A line per milestone label, so labels of close milestones never overlap."""
        metrics = self.small_metrics
        ends: list[float] = []
        lines: list[int] = []
        for m in self.layout.milestones:
            x = self.x(m.x + 0.5)
            label = metrics.horizontalAdvance(m.name) + 14
            left, right = (x - label - 6, x + 6) if self.label_left(m) else (x - 6, x + label)
            for line, end in enumerate(ends):
                if end <= left:
                    ends[line] = right
                    break
            else:
                line = len(ends)
                ends.append(right)
            lines.append(line)
        return lines
