"""Where the Now / Next / Later drawing puts things, and the words it shows.

Three columns (Now, Next, Later) of cards, one row per lane, a lane's row as
tall as its fullest cell; a document's compact cards hold key and title on one
line. The window's board (app/roadmap/horizons_view.py) and the documents'
picture (export/horizon_picture.py) lay out with this one geometry, so a click
finds the card painted under it. Plain Qt geometry (QtCore): no painting here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

from pmdesk.core.domain.vocabulary import HORIZON_TERMS
from pmdesk.core.roadmap.horizons import HORIZONS, Horizon, HorizonBoard, HorizonCard
from pmdesk.export.labels import PRIORITY_LABELS

PAD = 8.0  # around the drawing
GAP = 8.0  # between columns
LANE_WIDTH = 118.0  # the lanes' names, left
COMPACT_LANE_WIDTH = 96.0
HEADER = 44.0  # a column's name, count and releases
CELL_PAD = 6.0
CARD = 40.0  # a card's height: key, then title
COMPACT_CARD = 22.0  # key and title on one line (documents)
CARD_GAP = 5.0
LEGEND = 24.0


@dataclass(frozen=True)
class HorizonTexts:
    """Every word the drawing shows, in one language."""

    names: Mapping[Horizon, str]
    no_lane: str
    no_release: str
    in_progress: str  # what feeds Now when no release is under way
    more: str  # "+{n} more"
    derived: str  # the legend's words for a dashed card
    not_assessed: str
    empty: str  # said in an empty board's place
    priority: Mapping[str, str]


_EN = HorizonTexts(
    names={h: HORIZON_TERMS[h].in_document("en") for h in HORIZONS},
    no_lane="No lane",
    no_release="no release",
    in_progress="work in progress",
    more="+{n} more",
    derived="Dashed: horizon from its release",
    not_assessed="Not assessed",
    empty="No open requirement to place.",
    priority=PRIORITY_LABELS,
)
_ZH = HorizonTexts(
    names={h: HORIZON_TERMS[h].in_document("zh") for h in HORIZONS},
    no_lane="未分配泳道",
    no_release="未排版本",
    in_progress="进行中的需求",
    more="另有 {n} 项",
    derived="虚线：时段取自所属版本",
    not_assessed="未评估",
    empty="没有待规划的需求。",
    # MoSCoW words stay English in Chinese PRDs too (see export.labels).
    priority=PRIORITY_LABELS,
)


def horizon_texts(language: str) -> HorizonTexts:
    return _ZH if language == "zh" else _EN


@dataclass(frozen=True)
class RowPlace:
    lane: str | None
    name: str
    top: float
    height: float


class HorizonGeometry:
    """Where everything goes for a board drawn `width` wide; `cap` limits the cards
    drawn per cell (the rest counted in a "+N more" line), None draws them all."""

    def __init__(
        self,
        board: HorizonBoard,
        width: float,
        texts: HorizonTexts,
        *,
        cap: int | None = None,
        legend: bool = False,
        compact: bool = False,
        header: bool = True,
    ) -> None:
        self.board, self.width, self.texts, self.cap = board, width, texts, cap
        self.compact = compact
        # Without the header the columns' names are painted apart (`paint_heads`):
        # the window keeps them in sight above its scrolled board.
        self.header = HEADER if header else 0.0
        self.card = COMPACT_CARD if compact else CARD
        names = {lane.uid: lane.name for lane in board.lanes}
        lanes = board.rows()
        self.lane_width = (
            (COMPACT_LANE_WIDTH if compact else LANE_WIDTH) if lanes != [None] else 0.0
        )
        self.column_width = max((width - 2 * PAD - self.lane_width - 2 * GAP) / 3, 90.0)
        rows: list[RowPlace] = []
        top = PAD + self.header
        for lane in lanes:
            tallest = max(self.slots(lane, h) for h in HORIZONS)
            height = 2 * CELL_PAD + max(tallest, 1) * (self.card + CARD_GAP) - CARD_GAP
            name = names.get(lane, texts.no_lane) if lane is not None else texts.no_lane
            rows.append(RowPlace(lane, name, top, height))
            top += height
        self.rows = rows
        self.legend_top = top + 4 if legend else None
        self.height = top + (LEGEND + 4 if legend else 0.0) + PAD

    def shown(self, lane: str | None, horizon: Horizon) -> tuple[list[HorizonCard], int]:
        """The cards drawn in a cell and how many more there are."""
        cards = self.board.cell(lane, horizon)
        if self.cap is None or len(cards) <= self.cap:
            return cards, 0
        return cards[: self.cap - 1], len(cards) - (self.cap - 1)

    def slots(self, lane: str | None, horizon: Horizon) -> int:
        cards, more = self.shown(lane, horizon)
        return len(cards) + (1 if more else 0)

    def column_rect(self, index: int) -> QRectF:
        left = PAD + self.lane_width + index * (self.column_width + GAP)
        return QRectF(left, PAD, self.column_width, self.rows_bottom - PAD)

    @property
    def rows_bottom(self) -> float:
        return self.rows[-1].top + self.rows[-1].height if self.rows else PAD + self.header

    def card_rect(self, row: int, column: int, index: int) -> QRectF:
        c = self.column_rect(column)
        top = self.rows[row].top + CELL_PAD + index * (self.card + CARD_GAP)
        return QRectF(c.left() + CELL_PAD, top, c.width() - 2 * CELL_PAD, self.card)

    def column_at(self, pos: QPointF) -> Horizon | None:
        for i, horizon in enumerate(HORIZONS):
            r = self.column_rect(i)
            if r.left() - GAP / 2 <= pos.x() <= r.right() + GAP / 2:
                return horizon
        return None

    def row_at(self, y: float) -> int | None:
        for i, row in enumerate(self.rows):
            if row.top <= y < row.top + row.height:
                return i
        return None

    def card_at(self, pos: QPointF) -> HorizonCard | None:
        horizon, row = self.column_at(pos), self.row_at(pos.y())
        if horizon is None or row is None:
            return None
        column = HORIZONS.index(horizon)
        cards, _ = self.shown(self.rows[row].lane, horizon)
        index = int((pos.y() - self.rows[row].top - CELL_PAD) // (self.card + CARD_GAP))
        if 0 <= index < len(cards) and self.card_rect(row, column, index).contains(pos):
            return cards[index]
        return None

    def place_of(self, uid: str) -> tuple[int, int, int] | None:
        """(row, column, index) of a card drawn."""
        for r, row in enumerate(self.rows):
            for c, horizon in enumerate(HORIZONS):
                cards, _ = self.shown(row.lane, horizon)
                for i, card in enumerate(cards):
                    if card.uid == uid:
                        return r, c, i
        return None
