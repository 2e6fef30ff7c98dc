"""A PRD's ```` ```pmdesk roadmap view=horizons ```` block: the Now / Next / Later
roadmap as a picture (export/horizon_picture.py), in the exports
(`horizon_blocks`) and the preview (`horizon_html`).

    roadmap view=horizons                    every open requirement by horizon
    roadmap view=horizons kind=feature       only the features (usual filter terms)

Horizons are derived from the releases on the export's date (the document
says "as of" it in the caption), a requirement's own horizon winning.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
from collections.abc import Mapping

from sqlalchemy import Connection

from pmdesk.core.domain.directives import HorizonsDirective
from pmdesk.core.queries.content import requirements_for
from pmdesk.core.roadmap.horizons import HorizonBoard, cards_in, horizon_board
from pmdesk.export.doc import Block, Image, Paragraph, Run
from pmdesk.export.horizon_geometry import horizon_texts
from pmdesk.export.horizon_picture import horizons_png

_CAPTION: Mapping[str, str] = {
    "zh": "路线图：现在 / 接下来 / 以后（截至 {date}）",
    "en": "Roadmap: Now / Next / Later (as of {date})",
}
# The picture's width in a document (pixels at 96 dpi, the page's text width)
# and the cards drawn per cell before "+N more".
PICTURE_WIDTH = 640
CARDS_PER_CELL = 8


def horizons_board(conn: Connection, directive: HorizonsDirective, today: dt.date) -> HorizonBoard:
    board = horizon_board(conn, today=today)
    if directive.filter.terms:
        board = cards_in(board, (row.uid for row in requirements_for(conn, directive.filter)))
    return board


def _picture(board: HorizonBoard, language: str, width: int) -> tuple[bytes, int, int]:
    # Imported here: Qt's GUI loads only when a document shows the picture.
    from pmdesk.export.roadmap_picture import ensure_gui

    ensure_gui()
    return horizons_png(board, language, width, cap=CARDS_PER_CELL)


def horizon_blocks(
    conn: Connection, directive: HorizonsDirective, language: str, today: dt.date
) -> list[Block]:
    """The block in a document: the picture with its caption, or a line saying
    there is nothing to place."""
    lang = "zh" if language == "zh" else "en"
    board = horizons_board(conn, directive, today)
    if not board.cards:
        return [Paragraph([Run(horizon_texts(lang).empty, italic=True)])]
    png, width, height = _picture(board, lang, PICTURE_WIDTH)
    caption = _CAPTION[lang].format(date=today.isoformat())
    return [Image(png, width, height, caption=caption, name="horizons")]


def horizon_html(
    conn: Connection,
    directive: HorizonsDirective,
    language: str,
    image_width: int | None = None,
    today: dt.date | None = None,
) -> str:
    """The block in the preview: the same picture, as wide as the preview."""
    lang = "zh" if language == "zh" else "en"
    day = today or dt.date.today()
    board = horizons_board(conn, directive, day)
    if not board.cards:
        return f"<p><i>{html.escape(horizon_texts(lang).empty)}</i></p>"
    width = max(min(image_width or PICTURE_WIDTH, 1200), 420)
    png, _, _ = _picture(board, lang, width)
    data = base64.b64encode(png).decode("ascii")
    caption = html.escape(_CAPTION[lang].format(date=day.isoformat()))
    return (
        f'<p><img src="data:image/png;base64,{data}" width="{width}" alt="{caption}"><br>'
        f"<i>{caption}</i></p>"
    )
