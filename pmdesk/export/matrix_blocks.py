"""A PRD's ```` ```pmdesk matrix ```` block: the value vs effort picture of the
requirements a filter keeps, and a table of each quadrant's requirements, in
the exports (`matrix_blocks`) and the preview (`matrix_html`).

    matrix release="v1.0"        that release's requirements
    matrix kind=feature          every feature (rejected ones left out unless
                                 the filter asks for status=rejected)

Quadrants as in core.analysis.value_effort (value ≥ 5 is high; effort at or
under the median of the plotted efforts is low). Requirements without a value
or an effort are named in a line under the table, not drawn at 0.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection

from pmdesk.core.analysis.value_effort import ValueEffortMatrix, filtered_matrix
from pmdesk.core.domain.directives import MatrixDirective
from pmdesk.core.domain.vocabulary import QUADRANT_TERMS
from pmdesk.export.doc import Block, Image, Paragraph, Run, Runs, Table
from pmdesk.export.html_tables import values_table_html
from pmdesk.export.moscow_blocks import unknown_releases
from pmdesk.export.text_safety import strip_illegal_chars

_TEXT: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "quadrant": "象限",
        "key": "编号",
        "title": "标题",
        "value": "价值",
        "effort": "投入（人月）",
        "caption": "价值与投入矩阵",
        "table_caption": "各象限的需求",
        "none": "没有符合条件的需求。",
        "nothing_assessed": "符合条件的需求都还没有同时评估价值和投入。",
        "unassessed": "未评估价值或投入（未画入矩阵）：{keys}。",
    },
    "en": {
        "quadrant": "Quadrant",
        "key": "Key",
        "title": "Title",
        "value": "Value",
        "effort": "Effort (person-months)",
        "caption": "Value vs effort",
        "table_caption": "Requirements by quadrant",
        "none": "No requirements match.",
        "nothing_assessed": "None of the requirements that match has both a value and an "
        "effort yet.",
        "unassessed": "Without a value or an effort (not on the matrix): {keys}.",
    },
}
# The picture's width in a document (pixels at 96 dpi: about 15 cm), drawn at twice that.
PICTURE_WIDTH = 580


@dataclass
class MatrixContent:
    """What a `matrix` block shows, in one language."""

    matrix: ValueEffortMatrix | None = None
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # quadrant, key, title, value, effort
    caption: str = ""
    table_caption: str = ""
    unassessed: str = ""
    empty: str = ""  # said instead of picture and table


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def matrix_content(conn: Connection, directive: MatrixDirective, language: str) -> MatrixContent:
    lang = language if language in _TEXT else "en"
    text = _TEXT[lang]
    found = filtered_matrix(conn, directive.filter)
    content = MatrixContent(
        header=[text["quadrant"], text["key"], text["title"], text["value"], text["effort"]],
        caption=text["caption"],
        table_caption=text["table_caption"],
    )
    if found.unassessed:
        keys = "、".join if lang == "zh" else ", ".join
        content.unassessed = text["unassessed"].format(keys=keys(p.key for p in found.unassessed))
    if not found.points:
        content.empty = text["nothing_assessed"] if found.unassessed else text["none"]
        return content
    content.matrix = found
    for quadrant, points in found.by_quadrant().items():
        name = QUADRANT_TERMS[quadrant].in_document(lang)
        for n, point in enumerate(points):
            content.rows.append(
                [
                    name if n == 0 else "",
                    point.key,
                    strip_illegal_chars(point.title),
                    _figure(point.value),
                    _figure(point.effort),
                ]
            )
    return content


def _picture(matrix: ValueEffortMatrix, language: str) -> tuple[bytes, int, int]:
    # Imported here: Qt's GUI loads only when a document shows a picture.
    from pmdesk.export.matrix_picture import matrix_png
    from pmdesk.export.roadmap_picture import ensure_gui

    ensure_gui()
    return matrix_png(matrix, "zh" if language == "zh" else "en", PICTURE_WIDTH)


# -- the exports ----------------------------------------------------------------


def matrix_blocks(
    conn: Connection,
    directive: MatrixDirective,
    language: str,
    error: Callable[[str], Block],
) -> list[Block]:
    """The block in a document: the picture (numbered "图 n"), the table of the
    quadrants (numbered "表 n") and the line naming the unassessed; `error`
    makes the builder's problem line (a release the project does not have)."""
    problems = [error(p) for p in unknown_releases(conn, directive.filter, language)]
    content = matrix_content(conn, directive, language)
    note = [Paragraph([Run(content.unassessed, italic=True)])] if content.unassessed else []
    if content.matrix is None:
        return [*problems, Paragraph([Run(content.empty, italic=True)]), *note]
    png, width, height = _picture(content.matrix, language)
    header: list[Runs] = [[Run(h)] for h in content.header]
    rows: list[list[Runs]] = [
        [[Run(row[0], bold=True)] if row[0] else [], *([Run(cell)] for cell in row[1:])]
        for row in content.rows
    ]
    table = Table(
        header,
        rows,
        widths=[1.3, 1.1, 3.1, 0.8, 1.7],
        align=["left", "left", "left", "right", "right"],
        caption=content.table_caption,
    )
    image = Image(png, width, height, caption=content.caption, name="matrix")
    return [*problems, image, table, *note]


# -- the preview ----------------------------------------------------------------


def matrix_html(
    conn: Connection, directive: MatrixDirective, language: str, image_width: int | None = None
) -> str:
    """The block in the preview: the same picture, table and line as HTML."""
    from pmdesk.export.markdown_html import error_html

    lang = language if language in _TEXT else "en"
    problems = unknown_releases(conn, directive.filter, lang)
    head = "".join(error_html(p, language=lang) for p in problems)
    content = matrix_content(conn, directive, language)
    note = f"<p><i>{html.escape(content.unassessed)}</i></p>" if content.unassessed else ""
    if content.matrix is None:
        return f"{head}<p><i>{html.escape(content.empty)}</i></p>{note}"
    png, _, _ = _picture(content.matrix, language)
    shown = min(image_width or PICTURE_WIDTH, PICTURE_WIDTH)  # QTextBrowser: as given
    data = base64.b64encode(png).decode("ascii")
    alt = html.escape(content.caption)
    out = head + f'<p><img src="data:image/png;base64,{data}" width="{shown}" alt="{alt}"><br>'
    out += f"<i>{alt}</i></p>"
    out += values_table_html(content.header, content.rows, frozenset({3, 4}))
    return out + note
