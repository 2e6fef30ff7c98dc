"""A PRD's ```` ```pmdesk kano ```` block: a Kano survey's result as a table and
the Better–Worse picture, in the exports (`kano_blocks`) and the preview
(`kano_html`).

    kano survey=kano_survey_zh.csv    the survey's result; the path is relative
                                      to the project file's folder
    kano                              the Kano category each requirement has now

A survey that is missing or cannot be read is one sentence in place of the
block, never a failed export.
"""

from __future__ import annotations

import base64
import functools
import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTranslator
from sqlalchemy import Connection

from pmdesk.core.analysis.kano import CATEGORIES
from pmdesk.core.analysis.kano_apply import (
    analyse_kano_survey,
    requirement_kanos,
    requirement_titles,
)
from pmdesk.core.analysis.survey_csv import SurveyError
from pmdesk.core.domain.directives import KanoDirective
from pmdesk.core.domain.vocabulary import KANO, KANO_CATEGORY_TERMS
from pmdesk.core.errors import PmdeskError
from pmdesk.core.messages import CONTEXT, MESSAGES, sentence_of
from pmdesk.core.storage.workingcopy_slot import project_file_of
from pmdesk.export.doc import Block, Image, Paragraph, Run, Runs, Table
from pmdesk.export.html_tables import values_table_html
from pmdesk.export.kano_picture import KanoPoint, kano_png, points_of
from pmdesk.export.labels import KANO_LABELS
from pmdesk.resources import resource_path

_TEXT: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "key": "编号",
        "title": "标题",
        "respondents": "人数",
        "category": "Kano 分类",
        "survey_category": "问卷结果",
        "caption": "Kano 问卷 {name}：满意度（Better）与不满意度（Worse）",
        "table_caption": "Kano 问卷 {name} 的结果",
        "categories_caption": "需求的 Kano 分类",
        "problem": "Kano 问卷无法读取：{detail}",
        "no_survey_answers": "问卷 {name} 中没有可计算系数的回答。",
        "none": "还没有需求设置 Kano 分类。",
    },
    "en": {
        "key": "Key",
        "title": "Title",
        "respondents": "n",
        "category": "Kano category",
        "survey_category": "Survey result",
        "caption": "Kano survey {name}: satisfaction (Better) and dissatisfaction (Worse)",
        "table_caption": "Results of the Kano survey {name}",
        "categories_caption": "Kano categories of the requirements",
        "problem": "The Kano survey cannot be read: {detail}",
        "no_survey_answers": "The survey {name} has no answers to compute coefficients from.",
        "none": "No requirement has a Kano category yet.",
    },
}
# The picture's size in a document (pixels at 96 dpi: about 13 cm, so it fits a
# page with room for its caption beside the table); drawn at twice that.
PICTURE_WIDTH = 500


@dataclass
class KanoContent:
    """What a `kano` block shows, in one language: a table, the picture's dots
    (none without a survey), a caption, or the problem instead."""

    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    right: frozenset[int] = frozenset()  # the columns of figures (right-aligned)
    points: list[KanoPoint] = field(default_factory=list)
    caption: str = ""  # the picture's
    table_caption: str = ""
    empty: str = ""  # said instead of an empty table
    problem: str = ""


def survey_path(conn: Connection, survey: str) -> Path:
    """The survey file a block names: as given when absolute, else in the
    project file's folder (not the working copy's, where the connection is)."""
    given = Path(survey).expanduser()
    if given.is_absolute():
        return given
    database = conn.exec_driver_sql("PRAGMA database_list").fetchone()
    main = Path(str(database[2])) if database is not None and database[2] else Path.cwd()
    return project_file_of(main).parent / given


def kano_content(conn: Connection, directive: KanoDirective, language: str) -> KanoContent:
    """Read what the block shows (never raises for a bad survey file)."""
    lang = language if language in _TEXT else "en"
    text = _TEXT[lang]
    titles = requirement_titles(conn)
    if directive.survey is None:
        return _categories(conn, titles, lang)
    path = survey_path(conn, directive.survey)
    try:
        found = analyse_kano_survey(path, requirement_kanos(conn))
    except SurveyError as e:
        return KanoContent(problem=text["problem"].format(detail=_sentence(e, lang)))
    names = {c: KANO_CATEGORY_TERMS[c].in_document(lang) for c in CATEGORIES}
    rows = []
    for result in found.results:
        rows.append(
            [
                result.key,
                titles.get(result.key, ""),
                str(result.respondents),
                *(str(result.counts[c]) for c in CATEGORIES),
                names[result.category] if result.category is not None else "—",
                _figure(result.better),
                _figure(result.worse),
            ]
        )
    points = points_of(found.results, titles)
    return KanoContent(
        header=[
            text["key"],
            text["title"],
            text["respondents"],
            *CATEGORIES,
            text["survey_category"],
            "Better",
            "Worse",
        ],
        rows=rows,
        widths=[1.3, 3.2, 1.0, *([0.55] * len(CATEGORIES)), 1.3, 0.9, 0.9],
        right=frozenset(range(2, 3 + len(CATEGORIES))) | {4 + len(CATEGORIES), 5 + len(CATEGORIES)},
        points=points,
        caption=text["caption"].format(name=found.survey.name),
        table_caption=text["table_caption"].format(name=found.survey.name),
        empty=text["no_survey_answers"].format(name=found.survey.name),
    )


def _categories(conn: Connection, titles: Mapping[str, str], lang: str) -> KanoContent:
    """The requirements' Kano categories now, grouped in the vocabulary's order."""
    text = _TEXT[lang]
    kanos = requirement_kanos(conn)
    order = {kano: n for n, kano in enumerate(KANO)}
    assessed = [k for k in titles if kanos[k].kano is not None]
    assessed.sort(key=lambda k: order.get(kanos[k].kano or "", len(order)))
    rows = [[k, titles[k], KANO_LABELS[lang].get(kanos[k].kano or "", "")] for k in assessed]
    return KanoContent(
        header=[text["key"], text["title"], text["category"]],
        rows=rows,
        widths=[1.3, 4.0, 1.5],
        table_caption=text["categories_caption"],
        empty=text["none"],
    )


def _sentence(error: PmdeskError, lang: str) -> str:
    """The error's sentence in the document's language: English is the core's
    own; Chinese the app's shipped translation (read here without a window,
    the command line has none)."""
    if lang != "zh" or error.code not in MESSAGES:
        return str(error)
    template = _chinese().translate(CONTEXT, sentence_of(error.code, error.params))
    try:
        return template.format(**error.params) if template else str(error)
    except (KeyError, IndexError, ValueError):
        return str(error)


@functools.cache
def _chinese() -> QTranslator:
    translator = QTranslator()
    translator.load(str(resource_path("translations", "pmdesk_zh_CN.qm")))
    return translator


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


# -- the exports ----------------------------------------------------------------


def kano_blocks(
    conn: Connection,
    directive: KanoDirective,
    language: str,
    error: Callable[[str], Block],
) -> list[Block]:
    """The block in a document: a table, then the picture with its caption;
    `error(sentence)` makes the builder's problem line."""
    content = kano_content(conn, directive, language)
    if content.problem:
        return [error(content.problem)]
    if not content.rows:
        return [Paragraph([Run(content.empty, italic=True)])]
    header: list[Runs] = [[Run(h)] for h in content.header]
    rows: list[list[Runs]] = [[[Run(cell)] if cell else [] for cell in row] for row in content.rows]
    align = ["right" if n in content.right else "left" for n in range(len(content.header))]
    # Both numbered by the document ("表 3　…", "图 2　…": export.captions).
    table = Table(header, rows, widths=content.widths, align=align, caption=content.table_caption)
    blocks: list[Block] = [table]
    if content.points:
        png, width, height = _picture(content.points, language)
        blocks.append(Image(png, width, height, caption=content.caption, name="kano"))
    return blocks


def _picture(points: list[KanoPoint], language: str) -> tuple[bytes, int, int]:
    # Imported here: Qt's GUI loads only when a document shows a Kano picture.
    from pmdesk.export.roadmap_picture import ensure_gui

    ensure_gui()
    return kano_png(points, "zh" if language == "zh" else "en", PICTURE_WIDTH)


# -- the preview ----------------------------------------------------------------


def kano_html(
    conn: Connection, directive: KanoDirective, language: str, image_width: int | None = None
) -> str:
    """The block in the preview: the same table and picture as HTML."""
    from pmdesk.export.markdown_html import error_html

    lang = language if language in _TEXT else "en"
    content = kano_content(conn, directive, lang)
    if content.problem:
        return error_html(content.problem, language=lang)
    if not content.rows:
        return f"<p><i>{html.escape(content.empty)}</i></p>"
    table = values_table_html(content.header, content.rows, content.right)
    out = table
    if content.points:
        png, _, _ = _picture(content.points, lang)
        shown = min(image_width or PICTURE_WIDTH, PICTURE_WIDTH)  # QTextBrowser: as given
        data = base64.b64encode(png).decode("ascii")
        alt = html.escape(content.caption)
        out += f'<p><img src="data:image/png;base64,{data}" width="{shown}" alt="{alt}"><br>'
        out += f"<i>{html.escape(content.caption)}</i></p>"
    return out
