"""The ```` ```pmdesk ```` blocks of a PRD section, parsed into typed directives.

A block embeds live project content in the document (DESIGN.md, "Document"):

    requirements: release="v1.0" status!=rejected
    requirements: owner=张伟 detailed
    requirements: release="v1.0" fields="status,owner,平台,预计上线"
    roadmap
    roadmap view=horizons kind=feature
    milestones
    releases
    revision-history
    changes-since: v1.0 评审版
    personas
    personas stories release=v1.0
    kano survey=kano_survey_zh.csv
    kano
    ranking by=rice top=20 release=v1.0
    matrix release="v1.0"
    moscow release="v1.0"
    problems check=no_owner check=no_release release="v1.0"
    view: 发布范围

Filter terms (`release="v1.0" status!=rejected`) are read and matched by
directive_filter; inline `{{field}}`s in a section's text are inline_fields'.

The body is typed by hand in the editor, so every mistake becomes a
`DirectiveError` with one sentence the preview shows in place of the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, get_args

from pmdesk.core.domain import vocabulary
from pmdesk.core.domain.directive_filter import (
    _CLOSING_QUOTE,
    DirectiveError,
    Filter,
    _list,
    _scan,
    _value,
    parse_filter,
)

KINDS = (
    "requirements",
    "roadmap",
    "milestones",
    "releases",
    "revision-history",
    "changes-since",
    "personas",
    "kano",
    "ranking",
    "matrix",
    "moscow",
    "problems",
    "view",
)

_HEAD = re.compile(r"([a-z][a-z-]*)(?:\s*:\s*|\s+|$)(.*)", re.IGNORECASE)


@dataclass(frozen=True)
class RequirementsDirective:
    filter: Filter = field(default_factory=Filter)
    detailed: bool = False
    fields: tuple[str, ...] = ()
    """`fields="status,平台"`: the fields shown, by name (built-in or custom), in order;
    () shows the usual ones. The export resolves the names (custom fields are the project's)."""


@dataclass(frozen=True)
class RoadmapDirective:
    pass


@dataclass(frozen=True)
class HorizonsDirective:
    """The roadmap as Now / Next / Later (`roadmap view=horizons`), its cards
    filtered by the usual terms (`kind=feature lane="Mobile"`)."""

    filter: Filter = field(default_factory=Filter)


@dataclass(frozen=True)
class MilestonesDirective:
    """A table of the milestones: name, date and release."""


@dataclass(frozen=True)
class ReleasesDirective:
    """A table of the releases in their order: name, dates, status and goal."""


@dataclass(frozen=True)
class RevisionHistoryDirective:
    pass


@dataclass(frozen=True)
class ChangesSinceDirective:
    baseline: str


@dataclass(frozen=True)
class PersonasDirective:
    """The project's personas: as cards (`personas`), or the requirements that
    name each persona (`personas stories`, filtered by the usual terms)."""

    stories: bool = False
    filter: Filter = field(default_factory=Filter)


@dataclass(frozen=True)
class KanoDirective:
    """A Kano survey's result (a table and the Better–Worse picture), `survey`
    a CSV file's path, relative to the project file's folder; None: the Kano
    categories the requirements have now."""

    survey: str | None = None


@dataclass(frozen=True)
class RankingDirective:
    """Requirements ranked by score: `model` one of vocabulary.SCORING_MODELS
    (None: the project's own), at most `top` (None: all scored), filtered by the
    usual terms (`release=v1.0 kind=feature status!=rejected`)."""

    model: str | None = None
    top: int | None = None
    filter: Filter = field(default_factory=Filter)


@dataclass(frozen=True)
class MatrixDirective:
    """The value vs effort picture of the requirements the filter keeps, with a
    table of each quadrant's requirements (core.analysis.value_effort)."""

    filter: Filter = field(default_factory=Filter)


@dataclass(frozen=True)
class MoscowDirective:
    """Per release, its requirements by MoSCoW priority against its capacity
    (core.analysis.moscow), of the requirements the filter keeps."""

    filter: Filter = field(default_factory=Filter)


ProblemCode = Literal[
    "story_no_acceptance",
    "feature_no_stories",
    "no_release",
    "no_owner",
    "link_to_rejected",
    "dependency_cycle",
]
PROBLEM_CHECKS: tuple[ProblemCode, ...] = get_args(ProblemCode)
"""The coverage checks (core.queries.trace.problems), in their usual order: what a
`problems` block can name."""


@dataclass(frozen=True)
class ProblemsDirective:
    """The coverage checks' findings (core.queries.trace.problems), grouped by
    check: `checks` those to run in their usual order (all by default), of the
    requirements the filter keeps (`release="v1.0"`)."""

    checks: tuple[str, ...] = PROBLEM_CHECKS
    filter: Filter = field(default_factory=Filter)


@dataclass(frozen=True)
class SavedViewDirective:
    """The requirements of the project's saved view `name` (schema 9), in tree
    order, as a table of the view's columns: `view: 发布范围`."""

    name: str


Directive = (
    RequirementsDirective
    | RoadmapDirective
    | MilestonesDirective
    | ReleasesDirective
    | RevisionHistoryDirective
    | ChangesSinceDirective
    | PersonasDirective
    | KanoDirective
    | RankingDirective
    | HorizonsDirective
    | MatrixDirective
    | MoscowDirective
    | ProblemsDirective
    | SavedViewDirective
)


def parse_directive(body: str) -> Directive:
    """Parse a block body: `KIND` or `KIND: ARGUMENTS`, arguments may span lines."""
    text = " ".join(body.split())  # lines and runs of blanks are all one separator
    if not text:
        raise DirectiveError(
            f"The pmdesk block is empty; start it with one of {_list(KINDS)}.",
            f"pmdesk 内容块是空的；请以其中之一开头：{_list(KINDS)}。",
        )
    head = _HEAD.match(text)
    kind, rest = (head[1].lower(), head[2]) if head else ("", text)
    if kind not in KINDS:
        name = kind or text.split()[0]
        raise DirectiveError(
            f"Unknown pmdesk block {name!r}; use one of {_list(KINDS)}.",
            f"没有名为「{name}」的 pmdesk 内容块；可用：{_list(KINDS)}。",
        )
    if kind == "requirements":
        return _parse_requirements(rest)
    if kind == "changes-since":
        name = _unquote_whole(rest)
        if not name:
            raise DirectiveError(
                "changes-since needs a baseline name, e.g. changes-since: v1.0.",
                "changes-since 需要一个基线名称，例如 changes-since: v1.0。",
            )
        return ChangesSinceDirective(name)
    if kind == "view":
        return _parse_view(rest)
    if kind == "personas":
        return _parse_personas(rest)
    if kind == "kano":
        return _parse_kano(rest)
    if kind == "ranking":
        return _parse_ranking(rest)
    if kind == "roadmap" and rest:
        return _parse_roadmap_view(rest)
    if kind in ("matrix", "moscow"):
        return _parse_filtered(kind, rest)
    if kind == "problems":
        return _parse_problems(rest)
    if rest:
        raise DirectiveError(
            f"{kind} takes no options, but got {rest!r}.",
            f"{kind} 不接受选项，但写了「{rest}」。",
        )
    plain: dict[str, Directive] = {
        "roadmap": RoadmapDirective(),
        "milestones": MilestonesDirective(),
        "releases": ReleasesDirective(),
    }
    return plain.get(kind, RevisionHistoryDirective())


_FIELDS_OPTION = re.compile(r'(?:^|(?<=\s))fields\s*=\s*("[^"]*"|“[^”]*”|\S+)', re.IGNORECASE)
_FIELD_SEPARATORS = re.compile(r"\s*[,，、;；]\s*")


def _fields_option(rest: str) -> tuple[tuple[str, ...], str]:
    """`fields=a,b` (quoted when a name holds blanks) taken out of `rest`: the names, and
    the rest without it."""
    found = _FIELDS_OPTION.findall(rest)
    if not found:
        return (), rest
    if len(found) > 1:
        raise DirectiveError(
            'Give fields= once, the names separated by commas, e.g. fields="status,Platform".',
            'fields= 只能写一次，字段名用逗号分隔，例如 fields="status,平台"。',
        )
    value = found[0]
    if value[:1] in _CLOSING_QUOTE:
        value = value[1:-1]
    names = tuple(n for n in _FIELD_SEPARATORS.split(value.strip()) if n)
    if not names:
        raise DirectiveError(
            'fields needs field names, e.g. fields="status,owner,Platform".',
            'fields 需要字段名，例如 fields="status,owner,平台"。',
        )
    return names, _FIELDS_OPTION.sub(" ", rest)


def _parse_requirements(rest: str) -> RequirementsDirective:
    names, rest = _fields_option(rest)
    terms, views = _scan(rest)
    if len(set(views)) > 1:
        raise DirectiveError(
            "Choose either table or detailed, not both.",
            "table 与 detailed 只能选一个。",
        )
    return RequirementsDirective(Filter(terms), detailed="detailed" in views, fields=names)


def _parse_view(rest: str) -> SavedViewDirective:
    """`view: NAME` (quotes optional: a name may hold blanks)."""
    name = rest.strip()
    if name[:1] in _CLOSING_QUOTE and name.endswith(_CLOSING_QUOTE[name[0]]) and len(name) > 1:
        name = name[1:-1].strip()
    if not name:
        raise DirectiveError(
            "view needs the name of a saved view, e.g. view: Release scope.",
            "view 需要一个已保存视图的名称，例如 view: 发布范围。",
        )
    return SavedViewDirective(name)


def _parse_personas(rest: str) -> PersonasDirective:
    """`personas` (cards), or `personas stories` and filter terms for the stories."""
    words = rest.split(maxsplit=1)
    view = words[0].lower() if words and "=" not in words[0] else ""
    if view not in ("", "cards", "stories"):
        raise DirectiveError(
            f"{words[0]!r} is not a personas view; write personas or personas stories.",
            f"「{words[0]}」不是 personas 的写法；请写 personas 或 personas stories。",
        )
    tail = words[1] if view and len(words) > 1 else "" if view else rest
    if tail.strip() and view != "stories":
        raise DirectiveError(
            "Only personas stories takes filter terms, e.g. personas stories release=v1.0.",
            "只有 personas stories 可以带筛选条件，例如 personas stories release=v1.0。",
        )
    return PersonasDirective(view == "stories", parse_filter(tail) if tail.strip() else Filter())


def _parse_kano(rest: str) -> KanoDirective:
    if not rest:
        return KanoDirective()
    name, equals, _ = rest.partition("=")
    if not equals or name.strip() != "survey":
        raise DirectiveError("kano takes only survey=FILE, e.g. kano survey=kano_survey_zh.csv.")
    start = len(name) + 1
    while start < len(rest) and rest[start].isspace():
        start += 1
    value, end = _value(rest, start, "survey")
    if rest[end:].strip():
        raise DirectiveError(
            f"kano takes one survey file, but got {rest[end:].strip()!r} after it."
        )
    if not value.strip():
        raise DirectiveError("survey needs a CSV file, e.g. kano survey=kano_survey_zh.csv.")
    return KanoDirective(value.strip())


_ROADMAP_VIEW = re.compile(r"(?:^|(?<=\s))view\s*=\s*(\S*)", re.IGNORECASE)
ROADMAP_VIEWS = ("timeline", "horizons")


def _parse_roadmap_view(rest: str) -> RoadmapDirective | HorizonsDirective:
    """`roadmap view=horizons` and filter terms (`view=timeline` is the plain roadmap)."""
    views = _ROADMAP_VIEW.findall(rest)
    if len(views) != 1 or views[0].lower() not in ROADMAP_VIEWS:
        raise DirectiveError(
            "roadmap takes no options but view=horizons (Now / Next / Later) "
            f"with filter terms, but got {rest!r}.",
            "roadmap 不接受选项，除了 view=horizons（现在 / 接下来 / 以后）及其筛选条件，"
            f"但写了「{rest}」。",
        )
    terms, words = _scan(_ROADMAP_VIEW.sub(" ", rest))
    if words:
        raise DirectiveError(
            f"{words[0]!r} is not a roadmap option; write view=horizons or field=value.",
            f"「{words[0]}」不是 roadmap 的选项；请写 view=horizons 或 字段=值。",
        )
    if views[0].lower() == "timeline":
        if terms:
            raise DirectiveError(
                "The timeline roadmap takes no filter terms; they go with view=horizons.",
                "时间线路线图不接受筛选条件；筛选条件用于 view=horizons。",
            )
        return RoadmapDirective()
    return HorizonsDirective(Filter(terms))


_RANKING_OPTION = re.compile(r"(?:^|(?<=\s))(by|top)\s*=\s*(\S*)", re.IGNORECASE)


def _parse_ranking(rest: str) -> RankingDirective:
    """`by=MODEL` and `top=N` (each at most once), then filter terms."""
    options: dict[str, str] = {}
    for match in _RANKING_OPTION.finditer(rest):
        name, value = match[1].lower(), match[2]
        if name in options:
            raise DirectiveError(
                f"ranking takes {name}= once, but got it twice.",
                f"ranking 的 {name}= 只能写一次。",
            )
        options[name] = value
    model = options.get("by")
    models = vocabulary.SCORING_MODELS
    if model is not None and model.lower() not in models:
        raise DirectiveError(
            f"{model!r} is not a scoring model; use by= one of {_list(models)}.",
            f"「{model}」不是评分模型；by= 可用：{_list(models)}。",
        )
    top = options.get("top")
    if top is not None and not (top.isascii() and top.isdigit() and 0 < int(top) <= 10_000):
        raise DirectiveError(
            f"top needs a whole number of requirements, e.g. top=20, not {top!r}.",
            f"top 需要一个正整数，例如 top=20，而不是「{top}」。",
        )
    terms, views = _scan(_RANKING_OPTION.sub(" ", rest))
    if views:
        raise DirectiveError(
            f"{views[0]!r} is not a ranking option; write by=rice, top=20 or field=value.",
            f"「{views[0]}」不是 ranking 的选项；请写 by=rice、top=20 或 字段=值。",
        )
    return RankingDirective(
        model.lower() if model else None, int(top) if top else None, Filter(terms)
    )


def _parse_filtered(kind: str, rest: str) -> MatrixDirective | MoscowDirective:
    """`matrix` and `moscow`: filter terms only."""
    terms, views = _scan(rest)
    if views:
        raise DirectiveError(
            f"{views[0]!r} is not a {kind} option; write field=value, e.g. release=v1.0.",
            f"「{views[0]}」不是 {kind} 的选项；请写成 字段=值，例如 release=v1.0。",
        )
    if kind == "matrix":
        return MatrixDirective(Filter(terms))
    return MoscowDirective(Filter(terms))


_PROBLEM_CHECK = re.compile(r"(?:^|(?<=\s))check\s*(!?=)\s*(\S*)", re.IGNORECASE)


def _parse_problems(rest: str) -> ProblemsDirective:
    """`check=NAME` (repeatable) keeps those checks, `check!=NAME` drops one; the
    rest are filter terms. Names may be written with hyphens (`no-owner`)."""
    kept: list[str] = []
    dropped: set[str] = set()
    for match in _PROBLEM_CHECK.finditer(rest):
        name = match[2].strip('"“”').lower().replace("-", "_")
        if name not in PROBLEM_CHECKS:
            raise DirectiveError(
                f"{match[2]!r} is not a check; use check= one of {_list(PROBLEM_CHECKS)}.",
                f"「{match[2]}」不是检查项；check= 可用：{_list(PROBLEM_CHECKS)}。",
            )
        if match[1] == "!=":
            dropped.add(name)
        else:
            kept.append(name)
    terms, views = _scan(_PROBLEM_CHECK.sub(" ", rest))
    if views:
        raise DirectiveError(
            f"{views[0]!r} is not a problems option; write check=no_owner or field=value.",
            f"「{views[0]}」不是 problems 的选项；请写 check=no_owner 或 字段=值。",
        )
    checks = tuple(c for c in PROBLEM_CHECKS if (c in kept or not kept) and c not in dropped)
    return ProblemsDirective(checks, Filter(terms))


def _unquote_whole(text: str) -> str:
    if text[:1] in _CLOSING_QUOTE:
        close = _CLOSING_QUOTE[text[0]]
        if len(text) < 2 or not text.endswith(close):
            raise DirectiveError(
                "The quoted baseline name is missing its closing quote.",
                "基线名称缺少结尾的引号。",
            )
        return text[1:-1].strip()
    return text
