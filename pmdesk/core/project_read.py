"""The read queries of an open project, as plain typed records.

Each call runs on a short connection of the working copy and returns plain
data (frozen dataclasses, NamedTuples, tuples of the tree's columns): no
SQLAlchemy Connection, session or ORM object leaves core. SQLAlchemy loads on
the first query (opening a project and painting its tree need none of it).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from pmdesk.core.analysis.scoring import Ranking, Scoring
    from pmdesk.core.queries.backlog import BacklogRow
    from pmdesk.core.queries.criteria import Criteria
    from pmdesk.core.queries.custom import CustomFieldRecord
    from pmdesk.core.queries.history import Change, LogFilter, Wording
    from pmdesk.core.queries.requirements import (
        Counts,
        LinkRow,
        Named,
        RequirementDetail,
    )
    from pmdesk.core.queries.roadmap import RoadmapData
    from pmdesk.core.queries.setup import (
        LaneRecord,
        MilestoneRecord,
        PersonaRecord,
        ProjectInfo,
        ReleaseRecord,
    )
    from pmdesk.core.queries.trace import Impacted, Matrix, Problem, ProblemCode, SuspectLink
    from pmdesk.core.queries.views import SavedViewRecord
    from pmdesk.core.search.matching import Results
    from pmdesk.core.search.sources import Fetch
    from pmdesk.core.snapshot.baselines import BaselineEntry
    from pmdesk.core.snapshot.compare import Comparison
    from pmdesk.core.snapshot.convert import Json
    from pmdesk.core.storage.tree_read import TreeRead

T = TypeVar("T")
VIEW_PREFIX = "view:"  # trace_matrix's side made of a saved view's requirements
TreeRow = tuple[Any, ...]  # the columns of queries.TREE_COLUMNS


class ProjectReads:
    """The queries of `Project` (pmdesk.core.project)."""

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        raise NotImplementedError
        yield  # pragma: no cover (a generator, as the subclasses' are)

    def read(self, query: Callable[[Connection], T]) -> T:
        """Run `query` (a function of core or export that reads the project, such
        as a document export) on one short connection and return its result,
        which must be plain data: the connection closes when it returns."""
        with self._connect() as conn:
            return query(conn)

    # -- the project -----------------------------------------------------------
    def info(self) -> ProjectInfo:
        """The project's properties: title, product, version, authors, organisation, logo…"""
        from pmdesk.core.queries.setup import project_info

        with self._connect() as conn:
            return project_info(conn)

    def snapshot(self) -> Json:
        """The whole project as a snapshot dictionary (snapshot.dumps writes it)."""
        from pmdesk.core.snapshot.convert import export_from

        with self._connect() as conn:
            return export_from(conn)

    def counts(self) -> Counts:
        from pmdesk.core.queries.requirements import counts

        with self._connect() as conn:
            return counts(conn)

    # -- the requirement tree -------------------------------------------------
    def tree(self) -> TreeRead:
        """Every requirement row (siblings in order) and the releases, in one read."""
        from pmdesk.core.queries.requirements import releases, tree_rows
        from pmdesk.core.storage.tree_read import TreeRead

        with self._connect() as conn:
            return TreeRead(tree_rows(conn), [(r.uid, r.name) for r in releases(conn)])

    def tree_rows(self) -> list[TreeRow]:
        from pmdesk.core.queries.requirements import tree_rows

        with self._connect() as conn:
            return list(tree_rows(conn))

    def subtree_rows(self, uid: str) -> list[TreeRow]:
        """The tree rows of `uid` and everything under it (empty if it is gone)."""
        from pmdesk.core.queries.requirements import subtree_rows

        with self._connect() as conn:
            return subtree_rows(conn, uid)

    def subtree_and_order(self, uid: str, parent: str | None) -> tuple[list[TreeRow], list[str]]:
        """`subtree_rows(uid)` and the child order of the parent it has now (or of
        `parent` if it is gone), read together."""
        from pmdesk.core.queries.requirements import child_order, subtree_rows

        with self._connect() as conn:
            rows = subtree_rows(conn, uid)
            if rows and rows[0][0] == uid:  # columns: uid, parent_uid, …
                parent = rows[0][1]
            return rows, child_order(conn, parent) if rows else []

    def backlog_rows(
        self, uids: Iterable[str] | None = None, *, only: Collection[str] | None = None
    ) -> list[BacklogRow]:
        """The backlog table's rows (queries.backlog.BACKLOG_COLUMNS) of `uids`
        (None: every requirement); `only` some fields, the others None."""
        from pmdesk.core.queries.backlog import backlog_rows

        with self._connect() as conn:
            return backlog_rows(conn, uids, only=only)

    def child_order(self, parent: str | None) -> list[str]:
        from pmdesk.core.queries.requirements import child_order

        with self._connect() as conn:
            return child_order(conn, parent)

    def requirement(self, uid: str) -> RequirementDetail | None:
        from pmdesk.core.queries.requirements import requirement_detail

        with self._connect() as conn:
            return requirement_detail(conn, uid)

    def scoring(self) -> Scoring:
        """The project's scoring model and the weighted model's criteria."""
        from pmdesk.core.analysis.scoring import project_scoring

        with self._connect() as conn:
            return project_scoring(conn)

    def ranking(
        self,
        *,
        model: str | None = None,
        kinds: tuple[str, ...] = (),
        releases: tuple[str, ...] = (),
        top: int | None = None,
    ) -> Ranking:
        """Requirements by score, highest first (see core.analysis.scoring.ranking)."""
        from pmdesk.core.analysis.scoring import ranking

        with self._connect() as conn:
            return ranking(conn, model=model, kinds=kinds, releases=releases, top=top)

    def links_of(self, uid: str) -> list[LinkRow]:
        from pmdesk.core.queries.requirements import links_of

        with self._connect() as conn:
            return links_of(conn, uid)

    def suspect_links(self) -> list[SuspectLink]:
        """Links that need review since their target's text changed (schema 8)."""
        from pmdesk.core.queries.trace import suspect_links

        with self._connect() as conn:
            return suspect_links(conn)

    def suspect_requirements(self) -> frozenset[str]:
        """Uids of requirements at either end of a link that needs review."""
        from pmdesk.core.queries.trace import suspect_requirements

        with self._connect() as conn:
            return suspect_requirements(conn)

    def impact(self, uid: str) -> list[Impacted]:
        """Everything that depends on requirement `uid`, transitively, nearest first."""
        from pmdesk.core.queries.trace import impact

        with self._connect() as conn:
            return impact(conn, uid)

    def problems(self, codes: tuple[ProblemCode, ...] | None = None) -> list[Problem]:
        """Coverage problems (core.queries.trace.PROBLEM_CODES), all by default."""
        from pmdesk.core.queries.trace import PROBLEM_CODES, problems

        with self._connect() as conn:
            return problems(conn, codes or PROBLEM_CODES)

    def trace_matrix(self, row_kind: str, column_kind: str) -> Matrix:
        """Requirements of one kind × another, cells by link type; a side named
        `view:UID` holds saved view UID's requirements (none if it is gone)."""
        from pmdesk.core.queries.trace import matrix

        def side(name: str) -> str | frozenset[str]:
            if not name.startswith(VIEW_PREFIX):
                return name
            return frozenset(self.saved_view_requirements(name[len(VIEW_PREFIX) :]) or ())

        rows, columns = side(row_kind), side(column_kind)
        with self._connect() as conn:
            return matrix(conn, rows, columns)

    def find_requirements(self, text: str, limit: int = 20) -> list[tuple[str, str, str]]:
        from pmdesk.core.queries.requirements import find_requirements

        with self._connect() as conn:
            return find_requirements(conn, text, limit)

    def search(self, query: str, limit: int = 100) -> Results:
        """Full-text search (core.search): matches best first, each with the
        field it matched in and a snippet. Read in place, the project is scanned;
        an open Project answers from its index."""
        from pmdesk.core.search.index import ScanIndex

        with self._connect() as conn:
            return ScanIndex(fetch_on(conn)).search(query, limit)

    def owner_names(self) -> list[str]:
        from pmdesk.core.queries.requirements import owner_names

        with self._connect() as conn:
            return owner_names(conn)

    # -- releases, lanes, sections, roadmap -------------------------------------
    def releases(self) -> list[ReleaseRecord]:
        """Every release with all its fields, in their order (rank)."""
        from pmdesk.core.queries.setup import releases

        with self._connect() as conn:
            return releases(conn)

    def lanes(self) -> list[LaneRecord]:
        """Every lane with its colour, in their order (rank)."""
        from pmdesk.core.queries.setup import lanes

        with self._connect() as conn:
            return lanes(conn)

    def personas(self) -> list[PersonaRecord]:
        """Every persona with all its fields and the number of requirements
        naming it, in the list's order (rank)."""
        from pmdesk.core.queries.setup import personas

        with self._connect() as conn:
            return personas(conn)

    def persona_requirements(self) -> dict[str, str]:
        """requirement uid → persona uid, for every requirement that names one."""
        from pmdesk.core.queries.requirements import persona_of_requirements

        with self._connect() as conn:
            return persona_of_requirements(conn)

    # -- saved views (schema 9) ------------------------------------------------
    def saved_views(self) -> list[SavedViewRecord]:
        """The project's saved views (filter, columns, grouping, sort), in order."""
        from pmdesk.core.queries.views import saved_views

        with self._connect() as conn:
            return saved_views(conn)

    def saved_view_requirements(self, uid: str) -> list[str] | None:
        """The requirements saved view `uid` shows, in tree order (None: no such view)."""
        view = next((v for v in self.saved_views() if v.uid == uid), None)
        if view is None:
            return None
        from pmdesk.core.queries.criteria import from_json

        return self.matching_requirements(from_json(view.criteria))

    def matching_requirements(self, criteria: Criteria) -> list[str]:
        """The requirements a filter finds (without their ancestors), in tree
        order; its words found by `search` (an open project's index)."""
        from pmdesk.core.views.evaluate import matching_uids

        found: set[str] | None = None
        # An open project's index when built (building it takes half a minute at
        # 100,000); otherwise the read below scans the project for the words.
        if criteria.text.strip() and getattr(self, "search_ready", False):
            results = self.search(criteria.text.strip(), limit=10**9)
            found = {m.uid for m in results.matches if m.entity == "requirement"}
        with self._connect() as conn:
            return matching_uids(
                conn, criteria, search=None if found is None else lambda _text: set(found)
            )

    def custom_fields(self) -> list[CustomFieldRecord]:
        """Every custom field (schema 9), in the project's order (rank)."""
        from pmdesk.core.queries.custom import custom_fields

        with self._connect() as conn:
            return custom_fields(conn)

    def custom_values(self) -> dict[str, dict[str, Any]]:
        """requirement uid → its custom field values ({field uid: value}), for
        every requirement that holds one."""
        from pmdesk.core.queries.custom import custom_values

        with self._connect() as conn:
            return custom_values(conn)

    def custom_value_counts(self) -> dict[str, int]:
        """custom field uid → how many requirements hold a value of it."""
        from pmdesk.core.queries.custom import value_counts

        with self._connect() as conn:
            return value_counts(conn)

    def milestones(self) -> list[MilestoneRecord]:
        """Every milestone with its date and release, by date."""
        from pmdesk.core.queries.setup import milestones

        with self._connect() as conn:
            return milestones(conn)

    def releases_and_lanes(self) -> tuple[list[ReleaseRecord], list[LaneRecord]]:
        from pmdesk.core.queries.setup import lanes, releases

        with self._connect() as conn:
            return releases(conn), lanes(conn)

    def sections(self) -> list[Named]:
        from pmdesk.core.queries.requirements import sections

        with self._connect() as conn:
            return sections(conn)

    def section_body(self, uid: str) -> str | None:
        from pmdesk.core.queries.requirements import section_body

        with self._connect() as conn:
            return section_body(conn, uid)

    def roadmap(self) -> RoadmapData:
        from pmdesk.core.queries.roadmap import roadmap_data

        with self._connect() as conn:
            return roadmap_data(conn)

    # -- history ------------------------------------------------------------------
    def history(self, uid: str, wording: Wording | None = None) -> list[Change]:
        """The changes of requirement `uid` and of its links, newest first."""
        from pmdesk.core.queries.history import Wording, requirement_history

        with self._connect() as conn:
            return requirement_history(conn, uid, wording or Wording())

    def change_log(
        self,
        wanted: LogFilter | None = None,
        wording: Wording | None = None,
        *,
        before: int | None = None,
        limit: int = 200,
    ) -> list[Change]:
        """A page of the project's changes, newest first (queries_history.change_log)."""
        from pmdesk.core.queries.history import LogFilter, Wording, change_log

        with self._connect() as conn:
            return change_log(
                conn, wanted or LogFilter(), wording or Wording(), before=before, limit=limit
            )

    def people(self) -> list[str]:
        """Everyone in the history, most changes first."""
        from pmdesk.core.queries.history import people

        with self._connect() as conn:
            return people(conn)

    # -- baselines ----------------------------------------------------------------
    def baselines(self) -> list[BaselineEntry]:
        from pmdesk.core.snapshot.baselines import baseline_entries

        with self._connect() as conn:
            return baseline_entries(conn)

    def baseline_names(self) -> list[str]:
        """Baseline names, oldest first (without reading their snapshots)."""
        from pmdesk.core.snapshot.compare import baseline_names

        with self._connect() as conn:
            return baseline_names(conn)

    def frozen(self) -> Json:
        """The project now, as a baseline would freeze it."""
        from pmdesk.core.snapshot.convert import frozen_project

        with self._connect() as conn:
            return frozen_project(conn)

    def compare_baseline(self, uid: str) -> Comparison | None:
        """What changed since baseline `uid` (None: it is gone). A frozen snapshot
        that cannot be read raises PmdeskError naming the baseline."""
        from pmdesk.core.snapshot.baselines import baseline_snapshot
        from pmdesk.core.snapshot.compare import compare
        from pmdesk.core.snapshot.convert import frozen_project

        with self._connect() as conn:
            before = baseline_snapshot(conn, uid)
            if before is None:
                return None
            now = frozen_project(conn)
        return compare(before, now)


def fetch_on(conn: Connection) -> Fetch:
    """Plain SQL rows on `conn`, for core.search: read as they are iterated (the
    search index is built from 100,000 requirements without holding them all)."""
    driver = conn.connection.driver_connection  # its cursor: plain tuples, no Row objects
    assert driver is not None
    return lambda sql, params: driver.cursor().execute(sql, tuple(params))
