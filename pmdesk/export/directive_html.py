"""HTML for ```` ```pmdesk ```` blocks in the live preview.

`render_directive_html` is the `expand` callback of `markdown_html.render_html`.
Requirements come from `core.queries_content`, the same rows the exports use.
A `roadmap` block shows the roadmap picture (`roadmap_picture`, the drawing the
timeline pane and the exports use) as a PNG in a data: URL, which QTextBrowser
decodes itself: no file and no network. The revision history and "changes
since a baseline" are the tables the exports print (`prd_revisions`), read
from the project as it is now. A mistyped block shows one red sentence,
never raises.

Value labels (statuses, priorities, Kano) come from `export.labels`, shared
with the document exports.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
from collections.abc import Mapping, Sequence

from sqlalchemy import Connection

from pmdesk.core.domain.directive_filter import DirectiveError
from pmdesk.core.domain.directives import (
    ChangesSinceDirective,
    HorizonsDirective,
    KanoDirective,
    MatrixDirective,
    MilestonesDirective,
    MoscowDirective,
    PersonasDirective,
    ProblemsDirective,
    RankingDirective,
    ReleasesDirective,
    RequirementsDirective,
    RoadmapDirective,
    SavedViewDirective,
    parse_directive,
)
from pmdesk.core.domain.inline_fields import expand_fields
from pmdesk.core.queries.content import (
    RequirementRow,
    edit_summary,
    release_names,
    requirements_for,
)
from pmdesk.core.queries.setup import field_values, project_info
from pmdesk.core.snapshot.compare import compare, find_baseline, readable_baselines
from pmdesk.core.snapshot.convert import export_from
from pmdesk.export.doc import Block, Paragraph, Runs, Table
from pmdesk.export.labels import KANO_LABELS, PRIORITY_LABELS, STATUS_LABELS, TEXT, join_names
from pmdesk.export.markdown_html import error_html, render_html
from pmdesk.export.persona_blocks import persona_html
from pmdesk.export.prd_plan import PlanTable, milestone_table, plan_text, release_table
from pmdesk.export.prd_revisions import changes_blocks, revision_table

_TEXT: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "key": "编号",
        "title": "标题",
        "status": "状态",
        "priority": "优先级",
        "owner": "负责人",
        "persona": "用户画像",
        "release": "版本",
        "lane": "泳道",
        "kano": "Kano",
        "rice": "RICE",
        "dates": "计划",
        "acceptance": "验收标准",
        "none": "没有符合条件的需求。",
        "no_release": "项目中没有名为「{name}」的版本（现有版本：{names}）。",
        "roadmap": "路线图",
        "roadmap_empty": "路线图为空：还没有设置日期的需求、版本或里程碑。",
    },
    "en": {
        "key": "Key",
        "title": "Title",
        "status": "Status",
        "priority": "Priority",
        "owner": "Owner",
        "persona": "Persona",
        "release": "Release",
        "lane": "Lane",
        "kano": "Kano",
        "rice": "RICE",
        "dates": "Dates",
        "acceptance": "Acceptance criteria",
        "none": "No requirements match.",
        "no_release": "The project has no release named “{name}” (releases: {names}).",
        "roadmap": "Roadmap",
        "roadmap_empty": "The roadmap is empty: nothing has a date yet.",
    },
}
_TABLE = '<table border="1" cellpadding="4" cellspacing="0" width="100%">'
PREVIEW_ROADMAP_WIDTH = 720  # px, when the caller does not say how wide its preview is


def render_section_html(
    conn: Connection, text: str, *, language: str, image_width: int | None = None
) -> str:
    """A section's Markdown as preview HTML, its pmdesk blocks expanded from the
    project `conn` reads (the window runs it as `project.read(...)`)."""
    from pmdesk.export.markdown_html import render_html

    def expand(body: str) -> str:
        return render_directive_html(body, conn, language=language, image_width=image_width)

    # {{product}}, {{version}}… show the project's properties, as in the exports.
    fields = field_values(project_info(conn), language)
    return render_html(expand_fields(text, fields), expand, language=language)


def render_directive_html(
    body: str, conn: Connection, *, language: str, image_width: int | None = None
) -> str:
    """HTML for one block body; a mistake in the body becomes a red sentence.

    `image_width` is how wide pictures (the roadmap) are drawn, in pixels: the
    preview passes its own width, because QTextBrowser shows images at their size
    (it mislays out percentage widths)."""
    lang = language if language in _TEXT else "en"
    try:
        directive = parse_directive(body)
    except DirectiveError as e:
        return error_html(e.text(lang), language=lang)
    if isinstance(directive, RequirementsDirective):
        return _requirements(conn, directive, lang)
    if isinstance(directive, RoadmapDirective):
        picture = _roadmap(conn, lang, image_width or PREVIEW_ROADMAP_WIDTH)
        milestones = milestone_table(conn, lang)
        if not milestones.rows:
            return picture
        title = html.escape(plan_text(lang)["milestones"])
        return f"{picture}<p><b>{title}</b></p>{_plan_html(milestones, lang)}"
    if isinstance(directive, MilestonesDirective):
        return _plan_html(milestone_table(conn, lang), lang)
    if isinstance(directive, ReleasesDirective):
        return _plan_html(release_table(conn, lang), lang)
    if isinstance(directive, PersonasDirective):
        return persona_html(conn, directive, lang)
    if isinstance(directive, KanoDirective):
        from pmdesk.export.kano_blocks import kano_html

        return kano_html(conn, directive, lang, image_width)
    if isinstance(directive, HorizonsDirective):
        from pmdesk.export.horizon_blocks import horizon_html

        return horizon_html(conn, directive, lang, image_width)
    if isinstance(directive, RankingDirective):
        from pmdesk.export.ranking_blocks import ranking_html

        return ranking_html(conn, directive, lang)
    if isinstance(directive, MatrixDirective):
        from pmdesk.export.matrix_blocks import matrix_html

        return matrix_html(conn, directive, lang, image_width)
    if isinstance(directive, MoscowDirective):
        from pmdesk.export.moscow_blocks import moscow_html

        return moscow_html(conn, directive, lang)
    if isinstance(directive, ProblemsDirective):
        from pmdesk.export.problem_blocks import problem_html

        return problem_html(conn, directive, lang)
    if isinstance(directive, ChangesSinceDirective):
        return _changes_since(conn, directive, lang)
    if isinstance(directive, SavedViewDirective):
        from pmdesk.export.view_blocks import view_html

        return view_html(conn, directive, lang)
    return _revision_history(conn, lang)


def _plan_html(plan: PlanTable, lang: str) -> str:
    """A milestones or releases table; a goal's Markdown rendered inline."""
    if not plan.rows:
        return f"<p><i>{html.escape(plan.empty)}</i></p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in plan.header)
    rows = []
    for row in plan.rows:
        cells = []
        for n, value in enumerate(row):
            if n == plan.markdown_column and value.strip():
                inner = render_html(value, None, language=lang).strip()
                if inner.startswith("<p>") and inner.endswith("</p>"):
                    inner = inner[3:-4]
                cells.append(f"<td>{inner}</td>")
            else:
                cells.append(f"<td>{html.escape(value)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"{_TABLE}<tr>{head}</tr>{''.join(rows)}</table>"


def _roadmap(conn: Connection, lang: str, width: int) -> str:
    # Imported here: Qt loads only when a document shows a roadmap.
    from pmdesk.export.roadmap_picture import render_roadmap_png

    png = render_roadmap_png(conn, language=lang, width=min(max(width, 480), 1600))
    if png is None:
        return f"<p><i>{html.escape(_TEXT[lang]['roadmap_empty'])}</i></p>"
    data = base64.b64encode(png).decode("ascii")
    alt = html.escape(_TEXT[lang]["roadmap"])
    return f'<p><img src="data:image/png;base64,{data}" alt="{alt}"></p>'


def _requirements(conn: Connection, directive: RequirementsDirective, lang: str) -> str:
    if directive.fields:  # fields="status,平台": as the export builds it
        return _named_fields(conn, directive, lang)
    text = _TEXT[lang]
    warnings = _unknown_releases(conn, directive, lang)
    rows = requirements_for(conn, directive)
    if not rows:
        return warnings + f"<p><i>{text['none']}</i></p>"
    if directive.detailed:
        score = _score_of(conn, lang)
        return warnings + "".join(_detailed(row, lang, score) for row in rows)
    columns = ("key", "title", "status", "priority", "owner", "release")
    head = "".join(f"<th>{text[c]}</th>" for c in columns)
    top = min(row.depth for row in rows)
    body = "".join(_table_row(row, row.depth - top, lang) for row in rows)
    return f"{warnings}{_TABLE}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _named_fields(conn: Connection, directive: RequirementsDirective, lang: str) -> str:
    from pmdesk.export.requirement_fields import preview_blocks

    try:
        blocks = preview_blocks(conn, directive, lang)
    except DirectiveError as e:
        return error_html(e.text(lang), language=lang)
    warnings = _unknown_releases(conn, directive, lang)
    if not blocks:
        return warnings + f"<p><i>{_TEXT[lang]['none']}</i></p>"
    return warnings + _blocks_html(blocks)


def _table_row(row: RequirementRow, indent: int, lang: str) -> str:
    # Indent titles under their parents: QTextBrowser ignores most cell padding CSS.
    title = "&#160;" * (3 * indent) + html.escape(row.title)
    cells = (
        html.escape(row.key),
        title,
        STATUS_LABELS[lang][row.status],
        PRIORITY_LABELS.get(row.priority or "", ""),  # not assessed: nothing
        html.escape(row.owner),
        html.escape(row.release or ""),
    )
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


ScoreOf = tuple[str, Mapping[str, float | None] | None]  # its name; scores (None: RICE's)


def _score_of(conn: Connection, lang: str) -> ScoreOf:
    """The project's scoring model's name, and its scores when it is not RICE."""
    from pmdesk.core.analysis.scoring import project_scoring, scores_by_uid
    from pmdesk.core.domain.vocabulary import SCORING_TERMS

    model = project_scoring(conn).model
    if model == "rice":  # in the rows already
        return _TEXT[lang]["rice"], None
    return SCORING_TERMS[model].in_document(lang), scores_by_uid(conn)[1]


def _detailed(row: RequirementRow, lang: str, score_of: ScoreOf | None = None) -> str:
    text = _TEXT[lang]
    name, scores = score_of or (text["rice"], None)
    score = row.rice_score if scores is None else scores.get(row.uid)
    facts = [
        (text["status"], STATUS_LABELS[lang][row.status]),
        (text["priority"], PRIORITY_LABELS.get(row.priority or "", "")),
        (text["owner"], html.escape(row.owner)),
        (text["persona"], html.escape(row.persona or "")),
        (text["release"], html.escape(row.release or "")),
        (text["lane"], html.escape(row.lane or "")),
        (text["kano"], KANO_LABELS[lang].get(row.kano or "", "")),
        (name, "" if score is None else f"{score:g}"),
        (text["dates"], f"{row.start or ''} – {row.end or ''}" if row.start or row.end else ""),
    ]
    shown = " · ".join(f"{name}: {value}" for name, value in facts if value)
    parts = [
        f"<h4>{html.escape(row.key)} {html.escape(row.title)}</h4>",
        f"<p><small>{shown}</small></p>",
    ]
    if row.description.strip():
        parts.append(render_html(row.description, None, language=lang))
    if row.acceptance:
        items = "".join(f"<li>{html.escape(a)}</li>" for a in row.acceptance)
        parts.append(f"<p><b>{text['acceptance']}</b></p><ol>{items}</ol>")
    return "".join(parts)


def _unknown_releases(conn: Connection, directive: RequirementsDirective, lang: str) -> str:
    """Name a release the filter asks for that does not exist (else the table is just empty)."""
    asked = [v for v in directive.filter.values_of("release") if v]
    if not asked:
        return ""
    known = release_names(conn)
    folded = {" ".join(n.split()).casefold() for n in known}
    missing = [n for n in asked if " ".join(n.split()).casefold() not in folded]
    return "".join(
        f'<p><span style="color:#b00020">{html.escape(message)}</span></p>'
        for message in (
            _TEXT[lang]["no_release"].format(name=n, names=_join(known, lang)) for n in missing
        )
    )


def _join(names: Sequence[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(names) or "—"


def _revision_history(conn: Connection, lang: str) -> str:
    """The revision table the exports print, as of now (baselines, then the edits since)."""
    info = project_info(conn)
    baselines, damaged = readable_baselines(conn)
    since = baselines[-1].created_at if baselines else ""
    table = revision_table(
        baselines,
        edit_summary(conn, since),
        edit_summary(conn),
        lambda: export_from(conn, frozen=True),
        version=info.version,
        authors=[a for a in info.authors if a.strip()],
        today=dt.date.today(),
        language=lang,
    )
    notes = (TEXT[lang]["damaged_baseline"].format(name=d.name, detail=d.detail) for d in damaged)
    return _blocks_html([table]) + "".join(error_html(n, language=lang) for n in notes)


def _changes_since(conn: Connection, directive: ChangesSinceDirective, lang: str) -> str:
    baselines, _ = readable_baselines(conn)
    baseline = find_baseline(baselines, directive.baseline)
    if baseline is None:
        names = join_names([b.name for b in baselines], lang)
        message = TEXT[lang]["no_baseline"].format(name=directive.baseline, names=names)
        return error_html(message, language=lang)
    comparison = compare(baseline.snapshot, export_from(conn, frozen=True))
    return _blocks_html(changes_blocks(comparison, lang))


def _blocks_html(blocks: list[Block]) -> str:
    """The paragraphs and tables `prd_revisions` builds (plain or bold runs, line breaks)."""
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            tag = ("<b>", "</b>") if block.style == "label" else ("", "")
            out.append(f"<p>{tag[0]}{_runs_html(block.runs)}{tag[1]}</p>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{_runs_html(cell)}</th>" for cell in block.header)
            rows = "".join(
                "<tr>" + "".join(f"<td>{_runs_html(cell)}</td>" for cell in row) + "</tr>"
                for row in block.rows
            )
            out.append(f"{_TABLE}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return "".join(out)


def _runs_html(runs: Runs) -> str:
    parts = []
    for run in runs:
        text = "<br>" if run.text == "\n" else html.escape(run.text, quote=False)
        parts.append(f"<b>{text}</b>" if run.bold and run.text != "\n" else text)
    return "".join(parts)
