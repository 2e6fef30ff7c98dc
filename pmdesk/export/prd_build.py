"""Project → the PRD as one neutral document tree (`export.doc`).

Order of the document: cover, revision history, contents, the PRD sections in
their order (```` ```pmdesk ```` blocks expanded), the requirement chapter by
hierarchy, the roadmap picture (unless a section already shows it), the
appendix sections, "changes since BASELINE" when asked, and an index of
requirements. Sections titled "附录…" or "Appendix…" count as appendix, so the
generated chapters land before them.

Both renderers read what this returns; it reads the database once, on the
caller's connection (a worker thread's own connection in the app).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from sqlalchemy import Connection, select

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
    RevisionHistoryDirective,
    RoadmapDirective,
    SavedViewDirective,
    parse_directive,
)
from pmdesk.core.domain.inline_fields import expand_fields
from pmdesk.core.queries.content import (
    all_requirement_rows,
    edit_summary,
    links_by_requirement,
    release_names,
    select_rows,
)
from pmdesk.core.queries.setup import ProjectInfo, field_values, project_info
from pmdesk.core.schema.tables import Section
from pmdesk.core.snapshot.baselines import name_key
from pmdesk.core.snapshot.compare import (
    BaselineInfo,
    DamagedBaseline,
    baseline_named,
    compare,
    find_baseline,
    readable_baselines,
)
from pmdesk.core.snapshot.convert import export_from
from pmdesk.export.captions import number_captions
from pmdesk.export.custom_facts import CustomFacts
from pmdesk.export.doc import (
    Block,
    Contents,
    Cover,
    Document,
    ExportProblem,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Run,
    Runs,
    Table,
)
from pmdesk.export.heading_levels import nest_headings
from pmdesk.export.heading_numbers import APPENDIX
from pmdesk.export.labels import (
    CONFIDENTIALITY_LABELS,
    DOCUMENT_STATUS_LABELS,
    TEXT,
    join_names,
    language_of,
)
from pmdesk.export.markdown_blocks import MarkdownReader
from pmdesk.export.persona_blocks import persona_blocks
from pmdesk.export.pictures import picture_size
from pmdesk.export.prd_plan import PlanTable, milestone_table, release_table
from pmdesk.export.prd_requirements import (
    DEFAULT_FIELDS,
    RequirementContext,
    clean,
    detailed_blocks,
    included,
    index_table,
    requirement_chapter,
    requirements_table,
    with_ancestors,
)
from pmdesk.export.prd_revisions import changes_blocks, revision_table
from pmdesk.export.requirement_fields import chosen as chosen_fields
from pmdesk.export.requirement_fields import table_fields

Progress = Callable[[int, int], None]
RoadmapPicture = Callable[[Connection, str], Image | None]

_PMDESK_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*pmdesk\b(.*?)^\s*\1", re.MULTILINE | re.DOTALL)


class ExportCancelledError(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class ExportOptions:
    language: str = "zh"
    statuses: frozenset[str] | None = None
    """Requirement statuses the chapters and tables include; None for all."""
    uids: frozenset[str] | None = None
    """Only these requirements (the app's filtered set), with `statuses`; None for all."""
    fields: tuple[str, ...] = DEFAULT_FIELDS
    """Attributes shown in each requirement's table (see prd_requirements.ATTRIBUTE_FIELDS)."""
    baseline: str | None = None
    """Add "changes since" this baseline as an appendix."""
    today: dt.date | None = None
    roadmap: RoadmapPicture | None = field(default=None, compare=False)
    """Draws the roadmap picture; None uses the shared roadmap drawing when available."""


def build_document(
    conn: Connection,
    options: ExportOptions,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Document:
    """The whole PRD; raises ExportCancelledError when `cancelled()` turns true."""
    return _Builder(conn, options, progress, cancelled).build()


class _Builder:
    def __init__(
        self,
        conn: Connection,
        options: ExportOptions,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.conn = conn
        self.options = options
        self.lang = language_of(options.language)
        self.text = TEXT[self.lang]
        self.today = options.today or dt.date.today()
        self.progress = progress
        self.cancelled = cancelled
        self.done = 0
        self.total = 1
        self.reader = MarkdownReader()
        self._baselines: list[BaselineInfo] | None = None
        self._damaged: list[DamagedBaseline] = []
        self._snapshot: Any = None
        self._roadmap: Image | Paragraph | bool | None = False  # False: not drawn yet
        self.problems: list[ExportProblem] = []
        self.section_title = ""  # where an error block goes, for the problem list
        self.section_uid = ""
        self.line = 0  # the line of the pmdesk block being expanded (0: none)

    # -- progress -------------------------------------------------------------

    def tick(self) -> None:
        self.done += 1
        if self.done % 25 == 0:
            if self.cancelled is not None and self.cancelled():
                raise ExportCancelledError()
            if self.progress is not None:
                self.progress(min(self.done, self.total), self.total)

    # -- the document ---------------------------------------------------------

    def build(self) -> Document:
        conn = self.conn
        info = project_info(conn)
        title, product, version = clean(info.title), clean(info.product), clean(info.version)
        authors = [clean(a) for a in info.authors if a.strip()]
        organisation = clean(info.organisation)
        self.version, self.authors = version, authors
        self.reviewers = [(clean(r.role), clean(r.name)) for r in info.reviewers]
        # A section's {{product}}, {{version}}… show the project's properties.
        self.fields = {k: clean(v) for k, v in field_values(info, self.lang).items()}
        rows = all_requirement_rows(conn)
        sections = conn.execute(
            select(Section.title, Section.body, Section.uid).order_by(Section.rank, Section.uid)
        ).all()
        self.total = len(rows) * 2 + len(sections) + 1
        wanted = included(rows, self.options.statuses)
        if self.options.uids is not None:
            wanted &= self.options.uids
        self.rows = [r for r in rows if r.uid in wanted]
        from pmdesk.core.analysis.scoring import project_scoring, scores_by_uid

        # The facts tables' score is the project's model; RICE's is in the rows already.
        model = project_scoring(conn).model
        scores = scores_by_uid(conn)[1] if model != "rice" and "rice" in self.options.fields else {}
        self.ctx = RequirementContext(
            self.lang,
            self.options.fields,
            links_by_requirement(conn),
            self.reader,
            {row.uid: row.parent_uid for row in rows},
            model,
            scores,
            custom=CustomFacts.read(conn),  # schema 9
        )
        baseline = self._asked_baseline()

        used = {type(d) for _, body, _ in sections for d in _directives(body)}
        self.plan_shown = MilestonesDirective in used  # else the roadmap shows the milestones
        blocks: list[Block] = [self._cover(info)]
        if RevisionHistoryDirective not in used:
            self.section_title = self.text["revision_history"]
            blocks += [
                Heading(1, self.text["revision_history"], numbered=False),
                self._revision_table(),
                *self._damaged_notes(),
                *self._signoff(heading=True),
            ]
        blocks += [Contents(self.text["contents"]), PageBreak()]

        body = [s for s in sections if not APPENDIX.match(s.title)]
        back = [s for s in sections if APPENDIX.match(s.title)]
        for section in body:
            blocks += self._section(*section, numbered=True)
        if self.rows:
            shown = with_ancestors(rows, wanted)
            blocks.append(Heading(1, self.text["requirements"]))
            blocks += requirement_chapter(rows, shown, wanted, self.ctx, self.tick)
        if RoadmapDirective not in used:
            self.section_title = self.text["roadmap"]
            picture = self._roadmap_blocks()
            if isinstance(picture[0], Image):
                blocks += [Heading(1, self.text["roadmap"]), *picture]
                blocks += self._milestones_under_roadmap()
        for section in back:
            blocks += self._section(*section, numbered=False)
        if baseline is not None:
            name = self.text["changes_since"].format(name=clean(baseline.name))
            blocks.append(Heading(1, name, numbered=False))
            blocks += changes_blocks(compare(baseline.snapshot, self._current()), self.lang)
        if self.rows:
            appendix = self.text["appendix"]
            index = self.text["index"]
            heading = f"{appendix}：{index}" if self.lang == "zh" else f"{appendix}: {index}"
            table = index_table(self.rows, self.ctx)
            table.caption = index
            blocks += [Heading(1, heading, numbered=False), table]
        blocks.append(Paragraph([Run(self.text["generated"].format(date=self.today))], "note"))
        blocks = number_captions(blocks, self.lang)
        if self.progress is not None:
            self.progress(self.total, self.total)
        main, _ = self._titles(title, product)
        header = " ".join(part for part in (product or title, version) if part)
        return Document(
            title=main,
            language=self.lang,
            header=header,
            page_label=self.text["page"],
            blocks=blocks,
            author=join_names(authors, self.lang) if authors else "",
            organisation=organisation,
            problems=self.problems,
        )

    def _titles(self, title: str, product: str) -> tuple[str, str]:
        """The cover's title and subtitle, never the same words twice: a project
        titled like the document kind ("产品需求文档", a new template's title)
        is named by its product instead."""
        kind = "产品需求文档" if self.lang == "zh" else "Product Requirements Document"
        generic = {"", "prd", "产品需求文档", "product requirements document"}
        if title.strip().casefold() in generic:
            return (product or kind), (kind if product else "")
        return title, kind

    def _cover(self, info: ProjectInfo) -> Cover:
        text = self.text
        title, product = clean(info.title), clean(info.product)
        authors = [clean(a) for a in info.authors if a.strip()]
        main, subtitle = self._titles(title, product)
        facts = [
            (text["product"], product if product != main else ""),
            (text["doc_number"], clean(info.doc_number).strip()),
            (text["version"], clean(info.version)),
            (text["doc_status"], DOCUMENT_STATUS_LABELS[self.lang].get(info.doc_status, "")),
            (
                text["confidentiality"],
                CONFIDENTIALITY_LABELS[self.lang].get(info.confidentiality, ""),
            ),
            (text["date"], _long_date(self.today, self.lang)),
            (text["authors"], join_names(authors, self.lang) if authors else ""),
        ]
        return Cover(
            main,
            subtitle,
            [(k, v) for k, v in facts if v],
            organisation=clean(info.organisation),
            logo=_logo(info.logo),
        )

    def _section(self, title: str, body: str, uid: str, *, numbered: bool) -> list[Block]:
        self.tick()
        title = clean(expand_fields(title, self.fields, markdown=False)) or "—"
        self.section_title, self.section_uid = title, uid
        blocks: list[Block] = [Heading(1, title, numbered=numbered)]
        body = expand_fields(body, self.fields)
        content = self.reader.read(body, heading_shift=1, expand=self._expand)
        self.section_title, self.section_uid, self.line = "", "", 0
        nest_headings(content, 1)
        if not numbered:  # an appendix numbers none of its headings
            for block in content:
                if isinstance(block, Heading):
                    block.numbered = False
        return blocks + content

    # -- pmdesk blocks --------------------------------------------------------

    def _expand(self, source: str) -> list[Block]:
        self.line = self.reader.fence_line
        try:
            directive = parse_directive(source)
        except DirectiveError as e:
            return [self._error(e.text(self.lang))]
        if isinstance(directive, RequirementsDirective):
            try:  # fields="status,平台" (export/requirement_fields.py)
                ctx = chosen_fields(directive, self.ctx, self.conn)
            except DirectiveError as e:
                return [self._error(e.text(self.lang))]
            rows = select_rows(self.rows, directive)
            notes = self._unknown_releases(directive)
            if not rows:
                return [*notes, Paragraph([Run(self.text["none"], italic=True)])]
            if directive.detailed:
                return notes + detailed_blocks(rows, ctx)
            table = requirements_table(rows, ctx, table_fields(directive, ctx))
            table.caption = self.text["requirement_list"]
            return [*notes, table]
        if isinstance(directive, RoadmapDirective):
            return self._roadmap_blocks() + self._milestones_under_roadmap()
        if isinstance(directive, MilestonesDirective):
            return self._plan(milestone_table(self.conn, self.lang), plan_title(self.lang))
        if isinstance(directive, ReleasesDirective):
            return self._plan(release_table(self.conn, self.lang), self.text["releases"])
        if isinstance(directive, RevisionHistoryDirective):
            return [self._revision_table(), *self._damaged_notes(), *self._signoff(heading=False)]
        if isinstance(directive, PersonasDirective):
            return persona_blocks(self.conn, directive, self.lang)
        if isinstance(directive, KanoDirective):
            from pmdesk.export.kano_blocks import kano_blocks

            return kano_blocks(self.conn, directive, self.lang, self._error)
        if isinstance(directive, HorizonsDirective):
            from pmdesk.export.horizon_blocks import horizon_blocks

            return horizon_blocks(self.conn, directive, self.lang, self.today)
        if isinstance(directive, RankingDirective):
            from pmdesk.export.ranking_blocks import ranking_blocks

            return ranking_blocks(self.conn, directive, self.lang)
        if isinstance(directive, MatrixDirective):
            from pmdesk.export.matrix_blocks import matrix_blocks

            return matrix_blocks(self.conn, directive, self.lang, self._error)
        if isinstance(directive, MoscowDirective):
            from pmdesk.export.moscow_blocks import moscow_blocks

            return moscow_blocks(self.conn, directive, self.lang, self._error)
        if isinstance(directive, ProblemsDirective):
            from pmdesk.export.problem_blocks import problem_blocks

            keys = {r.key for r in self.rows}  # each has a heading to link to
            # An export of the tree's filter lists the problems of those requirements.
            only = {r.uid for r in self.rows} if self.options.uids is not None else None
            return problem_blocks(self.conn, directive, self.lang, self._error, keys, only)
        if isinstance(directive, SavedViewDirective):
            from pmdesk.export.view_blocks import view_blocks

            return view_blocks(self.conn, directive, self.lang, self._error)
        assert isinstance(directive, ChangesSinceDirective)
        damaged = self._damaged_baseline(directive.baseline)
        if damaged is not None:
            text = self.text["damaged_baseline"]
            return [self._error(text.format(name=clean(damaged.name), detail=damaged.detail))]
        baseline = find_baseline(self._all_baselines(), directive.baseline)
        if baseline is None:
            return [self._error(self._no_baseline(directive.baseline))]
        return changes_blocks(compare(baseline.snapshot, self._current()), self.lang)

    def _plan(self, plan: PlanTable, caption: str) -> list[Block]:
        """A milestones or releases table; a release's goal is a line of Markdown."""
        if not plan.rows:
            return [Paragraph([Run(plan.empty, italic=True)])]
        rows: list[list[Runs]] = []
        for row in plan.rows:
            cells: list[Runs] = []
            for n, value in enumerate(row):
                if n == plan.markdown_column and value.strip():
                    cells.append(self._inline(value))
                else:
                    cells.append([Run(clean(value))] if value else [])
            rows.append(cells)
        header: list[Runs] = [[Run(h)] for h in plan.header]
        return [Table(header, rows, widths=list(plan.widths), caption=caption)]

    def _inline(self, markdown: str) -> Runs:
        """One line of Markdown as runs (bold, links…), else as plain text."""
        blocks = self.reader.read(markdown, headings=False)
        if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
            return blocks[0].runs
        return [Run(clean(markdown))]

    def _milestones_under_roadmap(self) -> list[Block]:
        """The milestones' table under the roadmap picture, unless a section
        shows it with its own `milestones` block (or there are none)."""
        if self.plan_shown:
            return []
        plan = milestone_table(self.conn, self.lang)
        if not plan.rows:
            return []
        title = plan_title(self.lang)
        return [Paragraph([Run(title, bold=True)], "label"), *self._plan(plan, title)]

    def _error(self, message: str) -> Paragraph:
        """The error shown in place, also listed in `Document.problems`."""
        problem = ExportProblem(self.section_title, self.line, message, self.section_uid)
        if problem not in self.problems:  # a damaged baseline is told once
            self.problems.append(problem)
        return Paragraph([Run(self.text["block_error"], bold=True), Run(message)], "error")

    def _unknown_releases(self, directive: RequirementsDirective) -> list[Block]:
        asked = [v for v in directive.filter.values_of("release") if v]
        if not asked:
            return []
        known = release_names(self.conn)
        folded = {" ".join(n.split()).casefold() for n in known}
        return [
            self._error(self.text["no_release"].format(name=n, names=join_names(known, self.lang)))
            for n in asked
            if " ".join(n.split()).casefold() not in folded
        ]

    # -- baselines and history ------------------------------------------------

    def _all_baselines(self) -> list[BaselineInfo]:
        """The baselines that can be read; damaged ones are left out with a
        note (`_damaged_notes`), so one of them does not stop every export."""
        if self._baselines is None:
            self._baselines, self._damaged = readable_baselines(self.conn)
        return self._baselines

    def _damaged_baseline(self, name: str) -> DamagedBaseline | None:
        self._all_baselines()
        return next((d for d in self._damaged if name_key(d.name) == name_key(name)), None)

    def _damaged_notes(self) -> list[Block]:
        self._all_baselines()
        return [
            self._error(self.text["damaged_baseline"].format(name=clean(d.name), detail=d.detail))
            for d in self._damaged
        ]

    def _asked_baseline(self) -> BaselineInfo | None:
        if not self.options.baseline:
            return None
        damaged = self._damaged_baseline(self.options.baseline)
        if damaged is not None:
            raise damaged.error  # asked for by name: say so, do not compare with nothing
        return baseline_named(self._all_baselines(), self.options.baseline)

    def _no_baseline(self, name: str) -> str:
        names = [b.name for b in self._all_baselines()]
        return self.text["no_baseline"].format(name=name, names=join_names(names, self.lang))

    def _current(self) -> Any:
        """The project now as a snapshot, read at most once per export (it is the
        whole project: revision rows and "changes since" both compare with it)."""
        if self._snapshot is None:
            self._snapshot = export_from(self.conn, frozen=True)  # compared, as a baseline
        return self._snapshot

    def _signoff(self, *, heading: bool) -> list[Block]:
        """The approval table after the revision history: one row per reviewer of the
        project, signature and date left empty to sign on paper (none: no table)."""
        if not self.reviewers:
            return []
        text = self.text
        keys = ("signoff_role", "signoff_name", "signoff_signature", "signoff_date")
        header: list[Runs] = [[Run(text[k])] for k in keys]
        rows: list[list[Runs]] = [
            [[Run(role)] if role else [], [Run(name)] if name else [], [], []]
            for role, name in self.reviewers
        ]
        table = Table(header, rows, widths=[1.6, 1.6, 2.2, 1.4], caption=text["signoff"])
        if heading:
            return [Heading(1, text["signoff"], numbered=False), table]
        return [Paragraph([Run(text["signoff"], bold=True)], "label"), table]

    def _revision_table(self) -> Table:
        items = self._all_baselines()
        since = items[-1].created_at if items else ""
        table = revision_table(
            items,
            edit_summary(self.conn, since),
            edit_summary(self.conn),
            self._current,
            version=self.version,
            authors=self.authors,
            today=self.today,
            language=self.lang,
        )
        table.caption = self.text["revision_history"]
        return table

    def _roadmap_blocks(self) -> list[Block]:
        """The roadmap picture (drawn once per export), or a line saying why there is none."""
        if self._roadmap is False:
            # An export of the tree's filter shows only those requirements on the roadmap too.
            uids = self.options.uids
            draw = self.options.roadmap or partial(
                _shared_roadmap_picture, today=self.today, uids=uids
            )
            try:
                self._roadmap = draw(self.conn, self.lang)
            except Exception as e:  # the rest of the PRD is still worth having
                reason = f"{type(e).__name__}: {e}"
                self._roadmap = self._error(self.text["roadmap_failed"].format(reason=reason))
        if isinstance(self._roadmap, Image | Paragraph):
            return [self._roadmap]
        return [Paragraph([Run(self.text["no_roadmap"], italic=True)], "note")]


def _shared_roadmap_picture(
    conn: Connection,
    language: str,
    *,
    today: dt.date | None = None,
    uids: frozenset[str] | None = None,
) -> Image | None:
    """The roadmap drawing the window shows, as PNG (Qt's painting, not its widgets);
    summarised to epics and features when every bar would not fit a page."""
    from pmdesk.export.roadmap_picture import document_roadmap_png

    # 1,200 px across a 16.6 cm text column keeps the labels readable on paper (~180 dpi).
    drawn = document_roadmap_png(conn, language=language, width=1200, today=today, uids=uids)
    if drawn is None:
        return None
    png, left_out = drawn
    width, height = _png_size(png)
    caption = "路线图" if language == "zh" else "Roadmap"
    if left_out:
        caption += TEXT[language]["roadmap_summary"].format(n=left_out)
    return Image(png, width, height, caption=caption, name="roadmap", wide=True)


def plan_title(language: str) -> str:
    return "里程碑" if language == "zh" else "Milestones"


LOGO_HEIGHT_PX = 72  # the cover's logo is at most this tall (3/4 inch at 96 dpi), 3× as wide


def _logo(data: bytes | None) -> Image | None:
    """The project's logo for the cover, sized to sit small above the title."""
    if not data:
        return None
    size = picture_size(data)
    if size is None:
        return None
    width, height = size
    scale = min(1.0, LOGO_HEIGHT_PX / height, LOGO_HEIGHT_PX * 3 / width)
    return Image(data, max(1, round(width * scale)), max(1, round(height * scale)), name="logo")


def _png_size(png: bytes) -> tuple[int, int]:
    # IHDR holds width and height as big-endian 32-bit numbers at bytes 16–24.
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _directives(body: str) -> list[Any]:
    found = []
    for match in _PMDESK_FENCE.finditer(body):
        try:
            found.append(parse_directive(match[2]))
        except DirectiveError:
            continue
    return found


def _long_date(day: dt.date, language: str) -> str:
    if language == "zh":
        return f"{day.year} 年 {day.month} 月 {day.day} 日"
    return f"{day.day} {day.strftime('%B')} {day.year}"
