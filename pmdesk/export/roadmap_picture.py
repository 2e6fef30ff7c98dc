"""The roadmap as a picture (PNG or SVG) for documents and File ▸ Export.

Works without a window: a `QGuiApplication` is created when none exists (on the
offscreen platform when there is no display), and painting goes into a QImage
or an SVG generator, both of which Qt allows off the GUI thread. The drawing is
`roadmap_paint`'s, the same the timeline pane shows, always in the light palette:
a picture goes into documents, whatever theme the app wears.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
from collections.abc import Collection
from dataclasses import replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QImageWriter,
    QPaintDevice,
    QPainter,
)
from PySide6.QtSvg import QSvgGenerator
from sqlalchemy import Connection

from pmdesk.core.analysis.moscow import over_capacity_releases
from pmdesk.core.queries.roadmap import RoadmapData, roadmap_data
from pmdesk.core.roadmap.layout import RoadmapLayout, layout_roadmap
from pmdesk.export import roadmap_paint as paint
from pmdesk.export.picture_pages import Cuts, boundaries, mark
from pmdesk.export.roadmap_geometry import ROW_HEIGHT, Geometry
from pmdesk.export.roadmap_labels import repack_for_labels
from pmdesk.export.roadmap_style import (
    LIGHT,
    ColorBy,
    RoadmapTexts,
    bar_colors,
    legend_entries,
    release_colors,
    texts_for,
)

MARGIN = 16.0  # around the picture
# Months rather than weeks unless there is room: a picture is read at a glance.
PICTURE_TICK_PX = 60.0
# Rows below this are cut off (with a note): a document picture of a huge project
# would otherwise need gigabytes of image and say nothing anyway.
MAX_BODY_HEIGHT = 9000.0
PALETTE = LIGHT  # documents are printed and projected on white
_app: QGuiApplication | None = None
_app_lock = threading.Lock()


def ensure_gui() -> None:
    """Make sure a Qt GUI application exists (fonts and painting need one)."""
    global _app
    with _app_lock:
        existing = QGuiApplication.instance()
        if isinstance(existing, QGuiApplication):
            return
        if existing is not None:  # a QCoreApplication cannot draw text
            raise RuntimeError("The roadmap picture needs a Qt GUI application, not a core one.")
        headless = sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        )
        if headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([sys.argv[0] if sys.argv else "pmdesk"])


class Picture:
    """A laid-out roadmap at the width of a picture: sizes, then painting."""

    def __init__(
        self,
        layout: RoadmapLayout,
        texts: RoadmapTexts,
        width: int,
        color_by: ColorBy = "status",
        release_names: dict[str, str] | None = None,
        *,
        printed: bool = False,
        pixel_ratio: float = 1.0,
        over_capacity: frozenset[str] = frozenset(),
    ) -> None:
        """`width` in drawing units; the PNG has `pixel_ratio` pixels per unit. A
        `printed` picture writes short bars' labels whole beside them."""
        self.color_by = color_by
        self.pixel_ratio = pixel_ratio
        self.over_capacity = over_capacity  # releases whose band carries a warning mark
        # The gutter depends on the lane names, not the zoom: measure it first.
        probe = Geometry(layout, 1.0, texts)
        body_width = max(width - 2 * MARGIN - probe.gutter, 50.0)
        ppd = body_width / max(layout.days, 1)
        if printed:
            layout = repack_for_labels(layout, ppd, probe.label_width)
        self.layout = layout
        self.geo = Geometry(layout, ppd, texts, PICTURE_TICK_PX)
        self.geo.labels_beside = printed
        names = release_names or {b.uid: b.name for b in layout.bands}
        self.legend = legend_entries(layout, color_by, texts, names)
        self.width = width
        self.body_height = self.geo.height
        shown = len(self.geo.rows_between(0.0, MAX_BODY_HEIGHT - ROW_HEIGHT))
        self.hidden_rows = layout.rows - shown if self.geo.height > MAX_BODY_HEIGHT else 0
        if self.hidden_rows > 0:  # end at a whole row
            self.body_height = self.geo.row_top(shown - 1) + ROW_HEIGHT
        note = paint.LEGEND_HEIGHT if self.hidden_rows > 0 else 0.0
        self.height = int(
            2 * MARGIN + self.geo.header_height + self.body_height + 8 + paint.LEGEND_HEIGHT + note
        )

    def paint(self, p: QPainter) -> None:
        geo = self.geo
        p.fillRect(QRectF(0, 0, self.width, self.height), QColor(PALETTE.background))
        p.save()
        p.translate(MARGIN + geo.gutter, MARGIN)
        bands = release_colors(self.layout)
        paint.paint_header(p, geo, 0.0, geo.width, bands, PALETTE, self.over_capacity)
        p.restore()
        p.save()
        p.translate(MARGIN, MARGIN + geo.header_height)
        p.setClipRect(QRectF(0, 0, geo.gutter, self.body_height))
        paint.paint_gutter(p, geo, 0.0, self.body_height, PALETTE)
        p.restore()
        p.save()
        p.translate(MARGIN + geo.gutter, MARGIN + geo.header_height)
        body = QRectF(0, 0, geo.width, self.body_height)
        p.setClipRect(body)
        colors = bar_colors(self.layout, self.color_by)
        paint.paint_body(p, geo, body, colors, palette=PALETTE)
        p.restore()
        legend_top = MARGIN + geo.header_height + self.body_height + 8
        if self.hidden_rows > 0:
            p.setFont(geo.small_font)
            p.setPen(QColor(PALETTE.muted_ink))
            p.drawText(
                QRectF(MARGIN + geo.gutter, legend_top, geo.width, paint.LEGEND_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                geo.texts.more_rows.format(n=self.hidden_rows),
            )
            legend_top += paint.LEGEND_HEIGHT
        # A printed picture is narrow: its legend starts under the lane names.
        legend_at = QPointF(MARGIN + (0 if geo.labels_beside else geo.gutter), legend_top)
        paint.paint_legend(p, geo, self.legend, legend_at, PALETTE)

    def _paint_on(self, device: QPaintDevice) -> None:
        p = QPainter(device)
        try:
            p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            self.paint(p)
        finally:
            p.end()

    def png(self) -> bytes:
        ratio = self.pixel_ratio
        size = (round(self.width * ratio), round(self.height * ratio))
        image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor(PALETTE.background))
        self._paint_on(image)
        mark(image, self.cuts())
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # QImageWriter: QImage.save's format argument is typed bytes but takes only str.
        if not QImageWriter(buffer, QByteArray(b"png")).write(image):
            raise OSError("The roadmap picture could not be encoded as PNG.")
        buffer.close()
        return bytes(data.data())

    def cuts(self) -> Cuts:
        """Where a paged document may cut this picture (`picture_pages`)."""
        r = self.pixel_ratio
        top = MARGIN + self.geo.header_height
        body = round((top + self.body_height) * r)
        lanes = tuple(y for y in boundaries(self.geo.lane_tops, top, r) if y <= body)
        rows = tuple(y for y in boundaries(self.geo.row_tops, top, r) if y <= body)
        return Cuts(round(top * r), body, lanes, rows, round((MARGIN + self.geo.gutter) * r))

    def svg(self, title: str = "Roadmap") -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(self.width, self.height))
        generator.setViewBox(QRectF(0, 0, self.width, self.height))
        generator.setTitle(title)
        self._paint_on(generator)
        buffer.close()
        return bytes(data.data())


def roadmap_picture(
    conn: Connection,
    *,
    language: str,
    width: int = 1600,
    today: dt.date | None = None,
    color_by: ColorBy = "status",
    texts: RoadmapTexts | None = None,
) -> Picture | None:
    """The project's roadmap laid out for a picture; None when there is nothing on it."""
    ensure_gui()
    data = roadmap_data(conn)
    layout = layout_roadmap(data, today or dt.date.today())
    if layout.empty:
        return None
    names = {r.uid: r.name for r in data.releases}
    over = over_capacity_releases(conn)
    return Picture(layout, texts or texts_for(language), width, color_by, names, over_capacity=over)


DOCUMENT_UNITS = 960.0
"""A printed roadmap's width in drawing units (12-unit labels): 25 cm at 96 per inch."""
DOCUMENT_ROWS = 40
"""About the rows a printed page shows legibly; a PRD's roadmap summarises beyond that."""
SUMMARY_LEVELS = (("epic", "feature"), ("epic",))


def document_roadmap_png(
    conn: Connection,
    *,
    language: str,
    width: int = 1200,
    today: dt.date | None = None,
    uids: Collection[str] | None = None,
) -> tuple[bytes, int] | None:
    """The roadmap for a printed document: every bar while it fits about a page,
    else only epics and features, else only epics (a summary readers can take in).
    `uids`: only these requirements (the export of a filtered tree); None: all.

    Returns the PNG and how many requirements the summary leaves out (0: none);
    None when there is nothing to put on a roadmap.
    """
    drawn = document_roadmap(conn, language=language, width=width, today=today, uids=uids)
    if drawn is None:
        return None
    picture, left_out = drawn
    return picture.png(), left_out


def document_roadmap(
    conn: Connection,
    *,
    language: str,
    width: int = 1200,
    today: dt.date | None = None,
    uids: Collection[str] | None = None,
) -> tuple[Picture, int] | None:
    """`document_roadmap_png`'s picture before it is painted (its layout says what
    it shows) and how many requirements the summary leaves out."""
    ensure_gui()
    data = roadmap_data(conn)
    if uids is not None:
        data = only_requirements(data, uids)
    day = today or dt.date.today()
    layout = layout_roadmap(data, day)
    if layout.empty:
        return None
    shown = data
    for kinds in SUMMARY_LEVELS:
        if layout.rows <= DOCUMENT_ROWS:
            break
        items = tuple(item for item in data.items if item.kind in kinds)
        if not items:
            break
        shown = replace(data, items=items)
        layout = layout_roadmap(shown, day)
    names = {r.uid: r.name for r in data.releases}
    # Drawn DOCUMENT_UNITS across and scaled to `width` pixels: on a landscape page
    # (about 25 cm of text) the labels print at about 9 points.
    units = min(float(width), DOCUMENT_UNITS)
    picture = Picture(
        layout,
        texts_for(language),
        int(units),
        "status",
        names,
        printed=True,
        pixel_ratio=width / units,
        over_capacity=over_capacity_releases(conn),
    )
    return picture, len(data.items) - len(shown.items)


def only_requirements(data: RoadmapData, uids: Collection[str]) -> RoadmapData:
    """`data` with only the requirements of `uids`, the links between them and the
    lanes they are in (a page of empty lanes says nothing); releases and milestones
    stay, the plan the requirements sit in."""
    kept = frozenset(uids)
    items = tuple(i for i in data.items if i.uid in kept)
    lanes = {i.lane_uid for i in items}
    return replace(
        data,
        items=items,
        lanes=tuple(lane for lane in data.lanes if lane.uid in lanes),
        links=tuple(k for k in data.links if k.from_uid in kept and k.to_uid in kept),
    )


def render_roadmap_png(
    conn: Connection, *, language: str, width: int = 1600, today: dt.date | None = None
) -> bytes | None:
    """The roadmap as PNG bytes `width` pixels wide (None: nothing to put on a roadmap).

    `language` ("zh" or "en") chooses the words drawn; `today` places the today
    line (None: the current date).
    """
    picture = roadmap_picture(conn, language=language, width=width, today=today)
    return picture.png() if picture is not None else None


def render_roadmap_svg(
    conn: Connection, *, language: str, width: int = 1600, today: dt.date | None = None
) -> bytes | None:
    """The roadmap as SVG bytes; the same drawing as `render_roadmap_png`."""
    picture = roadmap_picture(conn, language=language, width=width, today=today)
    title = "路线图" if language == "zh" else "Roadmap"
    return picture.svg(title) if picture is not None else None
