"""The Now / Next / Later roadmap drawn: three columns of cards, one row per lane.

One painter, on the geometry of export/horizon_geometry.py, for the roadmap
pane's horizons mode (app/roadmap) and the documents (a PRD's `roadmap
view=horizons` block): QtGui only, so it paints into a widget, or a QImage off
the GUI thread for an export.

A card is the requirement's key and title, tinted by its priority (a strip
and a light wash of the MoSCoW colour; not assessed is grey). A card whose
horizon comes from its release has a dashed edge and names that release; one
the PM placed by hand has a solid edge. Under each column's name: the
releases that feed it, so the reader sees what "Next" means here.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator

from pmdesk.core.roadmap.horizons import HORIZONS, Horizon, HorizonBoard, HorizonCard
from pmdesk.export.horizon_geometry import (
    CARD_GAP,
    CELL_PAD,
    HEADER,
    LEGEND,
    PAD,
    HorizonGeometry,
    HorizonTexts,
    horizon_texts,
)
from pmdesk.export.png import painted_png
from pmdesk.export.roadmap_style import LIGHT, PRIORITY_COLORS, Palette

NOT_ASSESSED_COLOR = "#C9CED6"
# A column's accent: under way, coming, later (calm, distinct in grey print too).
HORIZON_COLORS: Mapping[Horizon, str] = {"now": "#3A78D8", "next": "#1FA297", "later": "#8190A8"}


def priority_color(priority: str | None) -> str:
    return PRIORITY_COLORS.get(priority or "", NOT_ASSESSED_COLOR)


@dataclass(frozen=True)
class Marks:
    """What the screen adds: the picked cards, the one with the focus, the column
    a drag would drop in, and the strip of the drawing to paint."""

    picked: Collection[str] = ()
    current: str | None = None
    drop: Horizon | None = None
    exposed: QRectF | None = None


Fonts = tuple[QFont, QFont, QFont]


def card_fonts(font: QFont) -> Fonts:
    """The drawing's fonts from the painter's: text, bold (keys, names), small."""
    base = QFont(font)
    bold = QFont(base)
    bold.setBold(True)
    small = QFont(base)
    small.setPointSizeF(max(base.pointSizeF() - 1.0, 6.5))
    return base, bold, small


def paint_horizons(
    p: QPainter,
    geo: HorizonGeometry,
    palette: Palette = LIGHT,
    marks: Marks | None = None,
) -> None:
    marks = marks or Marks()
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    fonts = card_fonts(p.font())
    bold = fonts[1]
    exposed = marks.exposed
    for r, row in enumerate(geo.rows):
        if exposed is not None and not exposed.intersects(
            QRectF(0, row.top, geo.width, row.height)
        ):
            continue
        fill = palette.lane_fills[r % 2]
        p.fillRect(QRectF(PAD, row.top, geo.width - 2 * PAD, row.height), QColor(fill))
        if geo.lane_width:
            p.setFont(bold)
            p.setPen(QColor(palette.ink))
            text_rect = QRectF(PAD + 6, row.top + CELL_PAD, geo.lane_width - 12, row.height)
            p.drawText(
                text_rect,
                int(
                    Qt.AlignmentFlag.AlignLeft
                    | Qt.AlignmentFlag.AlignTop
                    | Qt.TextFlag.TextWordWrap
                ),
                row.name,
            )
        p.setPen(QPen(QColor(palette.grid), 1.0))
        p.drawLine(
            QPointF(PAD, row.top + row.height - 0.5),
            QPointF(geo.width - PAD, row.top + row.height - 0.5),
        )
    for c, horizon in enumerate(HORIZONS):
        _paint_column(p, geo, c, horizon, palette, fonts, marks)
    if geo.legend_top is not None:
        _paint_legend(p, geo, palette, fonts)
    p.restore()


def _paint_column(
    p: QPainter,
    geo: HorizonGeometry,
    c: int,
    horizon: Horizon,
    palette: Palette,
    fonts: Fonts,
    marks: Marks,
) -> None:
    small = fonts[2]
    rect = geo.column_rect(c)
    drop = marks.drop == horizon
    p.setPen(QPen(QColor(palette.selection), 2.0) if drop else QPen(QColor(palette.grid), 1.0))
    if drop:
        p.setBrush(QColor(palette.drop_target))
    else:
        p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
    if geo.header:
        paint_head(p, geo, c, horizon, palette, fonts, rect.top())
    for r, row in enumerate(geo.rows):
        if marks.exposed is not None and not marks.exposed.intersects(
            QRectF(rect.left(), row.top, rect.width(), row.height)
        ):
            continue
        cards, more = geo.shown(row.lane, horizon)
        first, last = 0, len(cards)
        if marks.exposed is not None:  # only the cards in the strip: a cell may hold thousands
            step = geo.card + CARD_GAP
            first = max(int((marks.exposed.top() - row.top - CELL_PAD) // step), 0)
            last = min(int((marks.exposed.bottom() - row.top - CELL_PAD) // step) + 1, len(cards))
        for i in range(first, last):
            card = cards[i]
            box = geo.card_rect(r, c, i)
            paint_card(
                p,
                box,
                card,
                geo,
                palette,
                fonts,
                picked=card.uid in marks.picked,
                current=card.uid == marks.current,
            )
        if more:
            box = geo.card_rect(r, c, len(cards))
            p.setFont(small)
            p.setPen(QColor(palette.muted_ink))
            p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), geo.texts.more.format(n=more))


def paint_head(
    p: QPainter,
    geo: HorizonGeometry,
    c: int,
    horizon: Horizon,
    palette: Palette,
    fonts: Fonts,
    top: float,
) -> None:
    """A column's head at `top`: its accent, name, count and the releases feeding it."""
    _, bold, small = fonts
    column = geo.column_rect(c)
    rect = QRectF(column.left(), top, column.width(), HEADER)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(HORIZON_COLORS[horizon]))
    p.drawRoundedRect(QRectF(rect.left() + 1, rect.top() + 1, rect.width() - 2, 4), 2, 2)
    p.setFont(bold)
    p.setPen(QColor(palette.ink))
    title = f"{geo.texts.names[horizon]}  ·  {geo.board.count(horizon)}"
    p.drawText(
        QRectF(rect.left() + 10, rect.top() + 8, rect.width() - 20, 18),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        title,
    )
    p.setFont(small)
    p.setPen(QColor(palette.muted_ink))
    feeds = _feeding(geo.board, horizon, geo.texts)
    line = QRectF(rect.left() + 10, rect.top() + 26, rect.width() - 20, 15)
    p.drawText(
        line,
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        QFontMetricsF(small).elidedText(feeds, Qt.TextElideMode.ElideRight, line.width()),
    )


def paint_heads(p: QPainter, geo: HorizonGeometry, palette: Palette, top: float = 0.0) -> None:
    """Every column's head in a strip of height HEADER at `top` (the window's
    heads above the scrolled board)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    fonts = card_fonts(p.font())
    for c, horizon in enumerate(HORIZONS):
        paint_head(p, geo, c, horizon, palette, fonts, top)
    p.restore()


def _feeding(board: HorizonBoard, horizon: Horizon, texts: HorizonTexts) -> str:
    """The releases whose requirements fall in a column (no release: Later)."""
    names = [r.name for r in board.releases if board.release_horizons.get(r.uid) == horizon]
    if horizon == "later":
        names.append(texts.no_release)
    if horizon == "now" and not names:
        names.append(texts.in_progress)
    return " · ".join(names)


def paint_card(
    p: QPainter,
    box: QRectF,
    card: HorizonCard,
    geo: HorizonGeometry,
    palette: Palette,
    fonts: Fonts,
    *,
    picked: bool = False,
    current: bool = False,
) -> None:
    base, bold, small = fonts
    tint = QColor(priority_color(card.priority))
    wash = QColor(palette.background)
    # A light wash of the priority's colour over the ground: readable text on top.
    mix = 0.13
    fill = QColor.fromRgbF(
        wash.redF() * (1 - mix) + tint.redF() * mix,
        wash.greenF() * (1 - mix) + tint.greenF() * mix,
        wash.blueF() * (1 - mix) + tint.blueF() * mix,
    )
    edge = QPen(QColor(palette.grid_strong), 1.0)
    if card.derived:
        edge.setStyle(Qt.PenStyle.DashLine)
    if picked:
        edge = QPen(QColor(palette.selection), 2.0)
    p.setPen(edge)
    p.setBrush(fill)
    p.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(tint)
    p.drawRoundedRect(QRectF(box.left() + 2, box.top() + 4, 3.5, box.height() - 8), 1.5, 1.5)
    if current:
        p.setPen(QPen(QColor(palette.selection), 1.0, Qt.PenStyle.DotLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(box.adjusted(3, 3, -3, -3), 3, 3)
    inner = box.adjusted(10, 3, -6, -3)
    top = QRectF(
        inner.left(), inner.top(), inner.width(), inner.height() / (1 if geo.compact else 2)
    )
    p.setFont(bold)
    p.setPen(QColor(palette.ink))
    p.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), card.key)
    key_width = QFontMetricsF(bold).horizontalAdvance(card.key) + 6
    release_width = 0.0
    if card.derived and card.release_uid is not None and not geo.compact:
        release = next((r.name for r in geo.board.releases if r.uid == card.release_uid), "")
        p.setFont(small)
        p.setPen(QColor(palette.muted_ink))
        room = max(top.width() - key_width, 0.0)
        text = QFontMetricsF(small).elidedText(release, Qt.TextElideMode.ElideRight, room)
        p.drawText(top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
        release_width = QFontMetricsF(small).horizontalAdvance(text) + 6 if text else 0.0
    p.setFont(base)
    p.setPen(QColor(palette.ink))
    if geo.compact:
        line = top.adjusted(key_width, 0, -release_width, 0)
    else:
        line = top.translated(0, top.height())
    title = QFontMetricsF(base).elidedText(card.title, Qt.TextElideMode.ElideRight, line.width())
    p.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)


def _paint_legend(p: QPainter, geo: HorizonGeometry, palette: Palette, fonts: Fonts) -> None:
    _, _, small = fonts
    assert geo.legend_top is not None
    metrics = QFontMetricsF(small)
    p.setFont(small)
    x, y = PAD + 2, geo.legend_top + LEGEND / 2
    entries = [
        (geo.texts.priority[v], priority_color(v)) for v in ("must", "should", "could", "wont")
    ]
    entries.append((geo.texts.not_assessed, NOT_ASSESSED_COLOR))
    for name, colour in entries:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colour))
        p.drawRoundedRect(QRectF(x, y - 6, 12, 12), 2, 2)
        p.setPen(QColor(palette.muted_ink))
        p.drawText(QPointF(x + 16, y + metrics.ascent() / 2 - 1), name)
        x += 16 + metrics.horizontalAdvance(name) + 14
    x += 6
    pen = QPen(QColor(palette.grid_strong), 1.0, Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(QRectF(x, y - 7, 22, 14), 3, 3)
    p.setPen(QColor(palette.muted_ink))
    p.drawText(QPointF(x + 28, y + metrics.ascent() / 2 - 1), geo.texts.derived)


def horizons_png(
    board: HorizonBoard,
    language: str | HorizonTexts,
    width: int = 900,
    scale: float = 2.0,
    cap: int | None = 8,
    font_size: float = 8.0,
    compact: bool = True,
) -> tuple[bytes, int, int]:
    """The drawing as PNG bytes and the size it is laid out at (`width` wide), its
    pixels `scale` times that, sharp in print; at most `cap` cards per cell. Needs a
    QGuiApplication (export.roadmap_picture.ensure_gui)."""
    texts = horizon_texts(language) if isinstance(language, str) else language
    font = QFont()  # the application's font, sized for print
    font.setPointSizeF(font_size)
    geo = HorizonGeometry(board, width, texts, cap=cap, legend=True, compact=compact)
    height = int(geo.height + 0.5)

    def paint(painter: QPainter) -> None:
        painter.setFont(font)
        paint_horizons(painter, geo, LIGHT)

    what = "The Now / Next / Later picture"
    return painted_png(width, height, scale, QColor(LIGHT.background), paint, what), width, height


def horizons_svg(
    board: HorizonBoard,
    language: str | HorizonTexts,
    width: int = 900,
    font_size: float = 9.0,
    compact: bool = False,
) -> bytes:
    """The drawing as SVG (every card, the window's full cards unless `compact`);
    `language` a document language or the window's texts."""
    texts = horizon_texts(language) if isinstance(language, str) else language
    geo = HorizonGeometry(board, width, texts, legend=True, compact=compact)
    height = int(geo.height + 0.5)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle(" / ".join(texts.names[h] for h in HORIZONS))
    painter = QPainter(generator)
    try:
        font = QFont()
        font.setPointSizeF(font_size)
        painter.setFont(font)
        painter.fillRect(QRectF(0, 0, width, height), QColor(LIGHT.background))
        paint_horizons(painter, geo, LIGHT)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())
