"""The change history as people read it, from real operations by two people on a
real project file, with clocks the test controls."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Connection

from pmdesk.core.ops import (
    Batch,
    Create,
    CreateBaseline,
    DeleteBaseline,
    Move,
    Operation,
    Remove,
    RenameBaseline,
    Update,
)
from pmdesk.core.queries.history import (
    Change,
    LogFilter,
    Wording,
    change_log,
    people,
    requirement_history,
)
from pmdesk.core.storage.projectfile import new_project
from pmdesk.core.storage.sqlite_files import connect
from pmdesk.core.storage.store import ProjectStore

WORDING = Wording(
    value=lambda field, code: f"<{field}:{code}>",
    link=lambda kind, outgoing: kind if outgoing else f"{kind}-by",
    separator=" / ",
    top_level="TOP",
    reordered="REORDERED",
)
LONG = "## 背景\n\n" + "客户希望在一个页面里看到全部跟进记录。" * 8


class Clock:
    def __init__(self) -> None:
        self.now = "2027-01-05T09:00:00"

    def __call__(self) -> str:
        return self.now


@dataclass
class Team:
    """Two people editing one project file, each with a clock the test sets."""

    zhang: ProjectStore
    li: ProjectStore
    clock: Clock
    conn: Connection
    uids: dict[str, str]

    def by(self, who: ProjectStore, at: str, op: Operation) -> None:
        self.clock.now = at
        who.apply(op)


def uid() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Team]:
    path = tmp_path / "plan.pmdesk"
    new_project(path, title="测试项目", key_prefix="CRM")
    engine = connect(path, keep_open=True)
    clock = Clock()
    zhang, li = ProjectStore(engine, "张三", clock), ProjectStore(engine, "Li Lei", clock)
    u = {name: uid() for name in ("a", "b", "c", "v1", "v2", "lane", "link")}
    t = Team(zhang, li, clock, engine.connect(), u)
    t.by(zhang, "2027-01-05T09:00:00", Create("release", u["v1"], {"name": "v1.0"}))
    t.by(zhang, "2027-01-05T09:00:30", Create("release", u["v2"], {"name": "v2.0"}))
    t.by(zhang, "2027-01-05T09:01:00", Create("requirement", u["a"], {"title": "客户列表"}))
    # One user action of two rows: created, then its title typed (as the tree does).
    t.by(
        zhang,
        "2027-01-05T09:02:00",
        Batch(
            (
                Create("requirement", u["b"], parent=u["a"]),
                Update("requirement", u["b"], {"title": "批量导入"}),
            )
        ),
    )
    t.by(zhang, "2027-01-05T09:03:00", Create("requirement", u["c"], {"title": "Export"}))
    yield t
    t.conn.close()
    engine.dispose()


def rows(changes: list[Change]) -> list[tuple[str, str, str, str]]:
    return [(c.by, c.field, c.old, c.new) for c in changes]


def test_one_requirements_changes_newest_first_and_readable(team: Team) -> None:
    u = team.uids
    a = u["a"]
    team.by(team.li, "2027-01-06T10:00:00", Update("requirement", a, {"status": "in_progress"}))
    team.by(team.li, "2027-01-06T10:01:00", Update("requirement", a, {"release": u["v1"]}))
    team.by(team.li, "2027-01-06T10:02:00", Update("requirement", a, {"release": u["v2"]}))
    team.by(team.li, "2027-01-06T10:03:00", Update("requirement", a, {"tags": ["mobile", "MVP"]}))
    rice = {"reach": 1000, "impact": 2, "confidence": 0.5, "effort": 4}
    team.by(team.li, "2027-01-06T10:04:00", Update("requirement", a, {"rice": rice}))
    team.by(team.zhang, "2027-01-07T08:00:00", Update("requirement", a, {"description": LONG}))
    link = {"from": a, "to": u["c"], "type": "depends_on"}
    team.by(team.zhang, "2027-01-07T08:01:00", Create("link", u["link"], link))
    team.by(team.zhang, "2027-01-07T08:02:00", Move("requirement", a, u["c"]))

    changes = requirement_history(team.conn, a, WORDING)
    assert rows(changes) == [
        ("张三", "position", "TOP", "CRM-3"),
        ("张三", "links", "", "depends_on CRM-3"),
        ("张三", "description", "", changes[2].new),
        ("Li Lei", "rice", "", "R 1000 · I 2 · C 0.5 · E 4 = 250"),
        ("Li Lei", "tags", "", "mobile / MVP"),
        ("Li Lei", "release", "v1.0", "v2.0"),
        ("Li Lei", "release", "", "v1.0"),
        ("Li Lei", "status", "<status:draft>", "<status:in_progress>"),
        ("张三", "created", "", "客户列表"),
    ]
    described = changes[2]
    assert described.new.startswith("## 背景 客户希望") and described.new.endswith("…")
    assert len(described.new) <= 80 and "\n" not in described.new
    assert described.new_full == LONG  # the whole text, for a tooltip
    assert changes[0].at == "2027-01-07T08:02:00"
    assert {(c.key, c.title, c.exists) for c in changes} == {("CRM-1", "客户列表", True)}
    # The same link, seen from its other end.
    seen_from_c = requirement_history(team.conn, u["c"], WORDING)
    assert rows(seen_from_c)[:2] == [
        ("张三", "links", "", "depends_on-by CRM-1"),
        ("张三", "created", "", "Export"),
    ]


def test_a_deleted_requirement_keeps_its_key_and_title(team: Team) -> None:
    u = team.uids
    team.by(team.li, "2027-01-08T12:00:00", Remove((("requirement", u["a"]),)))
    changes = requirement_history(team.conn, u["b"], WORDING)
    assert rows(changes) == [
        ("Li Lei", "deleted", "批量导入", ""),
        ("张三", "created", "", ""),
        ("张三", "title", "", "批量导入"),
    ]
    assert {(c.key, c.title, c.exists) for c in changes} == {("CRM-2", "批量导入", False)}
    # One action: the created row and the title typed after it come together, in order.
    assert [c.first_in_batch for c in changes] == [True, True, False]


def test_change_log_filters_by_person_date_and_text(team: Team) -> None:
    u = team.uids
    team.by(team.li, "2027-01-06T10:00:00", Update("requirement", u["a"], {"status": "review"}))
    team.by(team.li, "2027-01-06T23:59:59", Update("requirement", u["c"], {"owner": "王五"}))
    team.by(team.zhang, "2027-01-07T00:00:00", Update("release", u["v1"], {"name": "v1.0 GA"}))
    team.by(team.zhang, "2027-01-08T09:00:00", Remove((("requirement", u["c"]),)))

    assert people(team.conn) == ["张三", "Li Lei"]
    everything = change_log(team.conn, wording=WORDING)
    assert len(everything) == 10
    assert everything[0].field == "deleted" and everything[-1].title == "v1.0 GA"

    li = change_log(team.conn, LogFilter(person="Li Lei"), WORDING)
    assert [(c.key, c.field, c.old, c.new) for c in li] == [
        ("CRM-3", "owner", "", "王五"),
        ("CRM-1", "status", "<status:draft>", "<status:review>"),
    ]
    assert [c.exists for c in li] == [False, True]  # CRM-3 was deleted since

    day = LogFilter(since="2027-01-06T00:00:00", until="2027-01-07T00:00:00")
    assert [c.field for c in change_log(team.conn, day, WORDING)] == ["owner", "status"]
    zhang_from_7th = LogFilter(person="张三", since="2027-01-07T00:00:00")
    assert rows(change_log(team.conn, zhang_from_7th, WORDING)) == [
        ("张三", "deleted", "Export", ""),
        ("张三", "name", "v1.0", "v1.0 GA"),
    ]
    renamed = change_log(team.conn, LogFilter(text="GA"), WORDING)
    assert [(c.entity, c.title, c.field) for c in renamed] == [("release", "v1.0 GA", "name")]
    by_key = change_log(team.conn, LogFilter(text="crm-1"), WORDING)
    assert {c.key for c in by_key} == {"CRM-1"} and len(by_key) == 2
    assert change_log(team.conn, LogFilter(entity="release"), WORDING)[0].new == "v1.0 GA"
    assert change_log(team.conn, LogFilter(person="nobody"), WORDING) == []


def test_other_entities_are_named_and_known_to_exist(team: Team) -> None:
    """A baseline, a release, a lane are named by their names and are not taken
    for deleted ones while they exist; once deleted, their last name stays."""
    u = team.uids
    kept, dropped = uid(), uid()
    team.by(team.zhang, "2027-01-06T09:00:00", CreateBaseline(kept, "v1.0 评审版"))
    team.by(team.zhang, "2027-01-06T09:01:00", CreateBaseline(dropped, "草稿"))
    team.by(team.zhang, "2027-01-06T09:02:00", RenameBaseline(kept, "v1.0 终审版"))
    team.by(team.zhang, "2027-01-06T09:03:00", DeleteBaseline(dropped))
    team.by(team.li, "2027-01-06T09:04:00", Create("lane", u["lane"], {"name": "增长"}))

    log = change_log(team.conn, wording=WORDING)
    named = [(c.entity, c.title, c.exists, c.field) for c in log[:5]]
    assert named == [
        ("lane", "增长", True, "created"),
        ("baseline", "草稿", False, "deleted"),
        ("baseline", "v1.0 终审版", True, "name"),
        ("baseline", "草稿", False, "created"),
        ("baseline", "v1.0 终审版", True, "created"),
    ]
    assert (log[2].old, log[2].new) == ("v1.0 评审版", "v1.0 终审版")
    assert all(c.requirement_uid is None and c.key == "" for c in log[:5])
    releases = [c for c in log if c.entity == "release"]
    assert [(c.title, c.exists) for c in releases] == [("v2.0", True), ("v1.0", True)]


def test_pages_keep_one_action_together(team: Team) -> None:
    first = change_log(team.conn, limit=2)
    # The newest action is one row (CRM-3 created); the next one has two rows
    # (CRM-2 created, its title typed): the page grows to finish it.
    assert [(c.key, c.field) for c in first] == [
        ("CRM-3", "created"),
        ("CRM-2", "created"),
        ("CRM-2", "title"),
    ]
    rest = change_log(team.conn, before=min(c.seq for c in first), limit=2)
    assert [(c.key or c.title, c.field) for c in rest] == [
        ("CRM-1", "created"),
        ("v2.0", "created"),
    ]
    last = change_log(team.conn, before=min(c.seq for c in rest), limit=2)
    assert [(c.title, c.field) for c in last] == [("v1.0", "created")]


def test_the_prds_own_fields_read_as_names(team: Team) -> None:
    project = team.conn.exec_driver_sql("SELECT uid FROM project").scalar_one()
    reviewers = [{"role": "产品负责人", "name": "张伟"}, {"role": "QA", "name": "Li Lei"}]
    changes = {"doc_status": "approved", "confidentiality": "secret", "reviewers": reviewers}
    team.by(team.li, "2027-01-07T09:00:00", Update("project", project, changes))
    log = {c.field: (c.old, c.new) for c in change_log(team.conn, wording=WORDING)[:3]}
    assert log == {
        "doc_status": ("<doc_status:draft>", "<doc_status:approved>"),
        "confidentiality": ("<confidentiality:internal>", "<confidentiality:secret>"),
        "reviewers": ("", "产品负责人 张伟 / QA Li Lei"),
    }
