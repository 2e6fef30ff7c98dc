"""Full-text search (core.search): Chinese and English text, 2-character Chinese
words, mixed 中英 words and punctuation; the index follows edits, undo, a
colleague's save merged in, recovery and imports; the published file never
holds it."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from pmdesk.core.newproject.from_snapshot import import_snapshot
from pmdesk.core.ops import Create, EditTags, Update, UpdateMany
from pmdesk.core.project import SEARCH_INDEX, Project
from pmdesk.core.search import fts
from pmdesk.core.search.index import ScanIndex
from pmdesk.core.search.matching import Results
from pmdesk.core.snapshot.convert import loads
from pmdesk.core.storage.projectfile import check
from pmdesk.core.storage.workingcopy import find_recoverable


def req(key: str, title: str, **more: Any) -> dict[str, Any]:
    return {"key": key, "title": title, "kind": "story", "status": "draft", **more}


SNAPSHOT: dict[str, Any] = {
    "pmdesk_snapshot": 1,
    "project": {"title": "搜索测试", "key_prefix": "REQ", "language": "zh"},
    "requirements": [
        req("REQ-1", "用户登录页面", description="支持**微信扫码**登录与短信验证码。"),
        req("REQ-2", "Excel导入客户", owner="Wang Qiang", tags=["权限", "API"]),
        req(
            "REQ-3",
            "Export to CSV",
            description="Sales reps export the funnel (P95 ≤ 2s).",
            acceptance=["The CSV opens in Excel without garbled 中文"],
            source="Sales kickoff",
        ),
        req("REQ-4", "审计日志", description="记录异常登录", owner="李娜"),
        req("REQ-5", "登录", description="单点登录 SSO"),
        req("REQ-6", "Bulk edit", persona="p-ops"),
    ],
    "personas": [
        {
            "uid": "p-ops",
            "name": "运营专员小周",
            "role": "Ops specialist",
            "goals": "每天导出线索报表",
            "pain_points": "",
            "scenarios": "",
        }
    ],
    "sections": [{"title": "非功能需求", "body": "登录支持企业 SSO 与二次验证。"}],
}


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.pmdesk"
    import_snapshot(loads(json.dumps(SNAPSHOT), name="s.json"), path)
    return path


@pytest.fixture
def project(plan: Path, data_dir: Path) -> Any:
    p = Project.open(plan, data_dir=data_dir)
    yield p
    p.close(discard=True)


def keys(results: Results) -> list[str]:
    return [m.key or f"§{m.title}" for m in results.matches]


CASES = [
    # a 2-character Chinese word: titles first (all of it, then part), then a
    # text that starts with it, then one that says it further on
    ("登录", ["REQ-5", "REQ-1", "§非功能需求", "REQ-4"]),
    ("登", ["REQ-5", "REQ-1", "§非功能需求", "REQ-4"]),
    ("Excel导入", ["REQ-2"]),  # mixed 中英 in one word
    ("excel", ["REQ-2", "REQ-3"]),  # any case; the title before acceptance criteria
    ("wang qiang", ["REQ-2"]),  # several words: all of them
    ("(P95 ≤ 2s)", ["REQ-3"]),  # punctuation as typed
    ("P95", ["REQ-3"]),
    ("req-3", ["REQ-3"]),
    ("权限 API", ["REQ-2"]),  # tags
    ("kickoff", ["REQ-3"]),  # source
    ("中文", ["REQ-3"]),
    ("李娜", ["REQ-4"]),
    ("登出", []),
    ("小周", ["§运营专员小周", "REQ-6"]),  # the persona, then a story of theirs
    ("ops specialist", ["§运营专员小周"]),
    ("线索报表", ["§运营专员小周"]),
    ("登录 CSV", []),  # every word must occur
    ("   ", []),
]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_chinese_english_mixed_and_punctuation_from_index_and_scan(
    project: Project, plan: Path, query: str, expected: list[str]
) -> None:
    assert keys(project.search(query)) == expected
    with Project.view(plan) as view:  # the scan `pmdesk search` uses agrees
        assert keys(view.search(query)) == expected
    db = sqlite3.connect(plan)  # and the one while the index builds (SQLite picks)
    try:
        with fts.fetch_on(db) as fetch:
            assert keys(ScanIndex(fetch, sqlite=True).search(query)) == expected
    finally:
        db.close()


def test_where_it_matched_and_the_snippet_marks_it(project: Project) -> None:
    first, second, section, third = project.search("登录").matches
    assert (first.field, first.marked()) == ("title", "[登录]")
    assert (second.field, second.marked()) == ("title", "用户[登录]页面")
    assert (third.field, third.marked()) == ("description", "记录异常[登录]")
    assert (section.entity, section.field) == ("section", "section_body")
    assert section.marked().startswith("[登录]支持企业 SSO")
    (csv,) = project.search("GARBLED 中文").matches
    assert csv.field == "acceptance"
    assert csv.marked() == "The CSV opens in Excel without [garbled] [中文]"
    (long,) = project.search("funnel").matches
    assert long.marked() == "Sales reps export the [funnel] (P95 ≤ 2s)."


def test_persona_fields_are_named_and_a_rename_reaches_its_stories(project: Project) -> None:
    person, story = sorted(project.search("小周").matches, key=lambda m: m.entity)
    assert (person.entity, person.field, person.marked()) == (
        "persona",
        "persona_name",
        "运营专员[小周]",
    )
    assert (story.entity, story.field, story.key) == ("requirement", "persona", "REQ-6")
    assert project.search("线索").matches[0].field == "persona_text"
    project.apply(Update("persona", "p-ops", {"name": "销售助理阿美"}))
    assert keys(project.search("小周")) == []
    assert keys(project.search("阿美")) == ["§销售助理阿美", "REQ-6"]


def test_results_are_cut_at_the_limit_and_say_so(project: Project) -> None:
    results = project.search("登录", limit=2)
    assert keys(results) == ["REQ-5", "REQ-1"] and results.more


def test_the_index_follows_edits_and_undo(project: Project) -> None:
    assert keys(project.search("付款")) == []
    uid = project.search("REQ-4").matches[0].uid
    applied = project.apply(Update("requirement", uid, {"title": "付款审计"}))
    assert keys(project.search("付款")) == ["REQ-4"]
    assert keys(project.search("审计日志")) == []
    project.apply(applied.inverse)  # undo
    assert keys(project.search("付款")) == []
    assert keys(project.search("审计日志")) == ["REQ-4"]
    created = project.apply(
        Create("requirement", "new-付款", {"title": "付款提醒", "kind": "story"})
    )
    assert [m.uid for m in project.search("付款").matches] == ["new-付款"]
    project.apply(created.inverse)  # undo the creation: gone from the results
    assert keys(project.search("付款")) == []
    section = project.search("非功能").matches[0].uid
    project.apply(Update("section", section, {"body": "付款安全"}))
    assert keys(project.search("付款")) == ["§非功能需求"]


def table_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master")}


def test_a_colleagues_save_merged_in_is_searchable_and_the_file_holds_no_index(
    plan: Path, tmp_path: Path
) -> None:
    before = table_names(plan)
    mine = Project.open(plan, data_dir=tmp_path / "li", user="Li", access="edit_anyway")
    theirs = Project.open(plan, data_dir=tmp_path / "wang", user="Wang", access="edit_anyway")
    try:
        assert keys(mine.search("发票")) == []  # index built now
        uid = mine.search("REQ-2").matches[0].uid
        theirs.apply(Update("requirement", uid, {"description": "同步发票状态"}))
        theirs.save()
        mine.apply(Update("requirement", uid, {"owner": "Li Na"}))
        assert keys(mine.search("发票")) == []
        saved = mine.save()  # merges Wang's save first
        assert saved.saved and saved.merged is not None
        assert keys(mine.search("发票")) == ["REQ-2"]
        assert keys(mine.search("li na")) == ["REQ-2"]
        # The shared file is a project file like any other: no search tables.
        assert table_names(plan) == before
        assert check(plan) == []
        assert (tmp_path / "li").rglob(SEARCH_INDEX)  # the index sits in the data folder
        theirs.merge_saved()  # and Wang takes Li's save in, without saving
        assert keys(theirs.search("li na")) == ["REQ-2"]
    finally:
        mine.close(discard=True)
        theirs.close(discard=True)


def test_recovered_work_is_searchable_though_the_index_missed_it(
    plan: Path, data_dir: Path
) -> None:
    project = Project.open(plan, data_dir=data_dir)
    assert keys(project.search("回款")) == []
    uid = project.search("REQ-1").matches[0].uid
    # An edit the index was not told of (written below the Project), then a crash.
    project.working_copy.apply(Update("requirement", uid, {"title": "回款登录"}))
    project.close()  # unsaved: the working copy (and its index file) stay
    (item,) = find_recoverable(data_dir)
    recovered = Project.recover(item)
    try:
        assert keys(recovered.search("回款")) == ["REQ-1"]
    finally:
        recovered.close(discard=True)


def test_an_imported_snapshot_is_searchable_and_a_broken_index_is_rebuilt(
    project: Project, tmp_path: Path, data_dir: Path
) -> None:
    snapshot = project.snapshot()
    snapshot["requirements"][0]["title"] = "导入的 Roadmap 需求"
    copy = tmp_path / "imported.pmdesk"
    import_snapshot(loads(json.dumps(snapshot), name="x.json"), copy)
    imported = Project.open(copy, data_dir=data_dir)
    try:
        assert keys(imported.search("roadmap")) == ["REQ-1"]
        index = imported.search_index().path
        imported.search_index().close()
        index.write_bytes(b"not a database")  # damaged derived data
        imported._search = None
        assert keys(imported.search("导入的")) == ["REQ-1"]
    finally:
        imported.close(discard=True)


def test_an_index_that_cannot_be_written_falls_back_to_reading_the_project(
    project: Project,
) -> None:
    assert keys(project.search("审计")) == ["REQ-4"]
    index = project.search_index().path
    project.search_index().close()
    project._search = None
    index.unlink()
    index.mkdir()  # in its place something SQLite cannot open (like a full disk)
    assert keys(project.search("审计")) == ["REQ-4"]
    uid = project.search("REQ-4").matches[0].uid
    project.apply(Update("requirement", uid, {"title": "付款日志"}))
    assert keys(project.search("付款")) == ["REQ-4"]


def test_a_damaged_index_file_is_built_again(project: Project) -> None:
    assert keys(project.search("审计")) == ["REQ-4"]
    index = project.search_index().path
    project.search_index().close()
    project._search = None
    db = sqlite3.connect(index)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the file itself
    db.close()
    size = index.stat().st_size
    with index.open("r+b") as f:  # the index's pages overwritten; the schema and
        f.seek(2 * 4096)  # its format (pages 1 and 2) still read
        f.write(b"\xff" * (size - 2 * 4096))
    assert keys(project.search("审计日志")) == ["REQ-4"]
    db = sqlite3.connect(index)
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("SELECT count(*) FROM doc").fetchone() == (8,)  # 6 + section + persona
    db.close()


# -- built in the background, bulk edits, imports (issue 16's goals) -------------------


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Holds the index's reads of the project on other threads (its build) until set."""
    opened = threading.Event()
    real = Project._fetching

    @contextmanager
    def held(self: Project) -> Iterator[Any]:
        if threading.current_thread() is not threading.main_thread():
            assert opened.wait(10)
        with real(self) as fetch:
            yield fetch

    monkeypatch.setattr(Project, "_fetching", held)
    yield opened
    opened.set()


def wait_ready(project: Project) -> None:
    deadline = time.monotonic() + 10
    while not project.search_ready:
        assert time.monotonic() < deadline, "the index was never ready"
        time.sleep(0.01)


def test_until_the_index_built_in_the_background_is_ready_a_search_reads_the_project(
    project: Project, gate: threading.Event
) -> None:
    project.search_index().start()  # what the window does once a project is open
    assert not project.search_ready
    expected = dict(CASES)
    for query in ("登录", "Excel导入", "(P95 ≤ 2s)", "小周", "登录 CSV"):
        assert keys(project.search(query)) == expected[query], query  # never waits
    uid = project.search("REQ-4").matches[0].uid
    applied = project.apply(Update("requirement", uid, {"title": "付款审计"}))
    assert keys(project.search("付款")) == ["REQ-4"]  # an edit meanwhile, by reading
    gate.set()
    wait_ready(project)
    for query, found in CASES:
        assert keys(project.search(query)) == found, query  # now from the index
    assert keys(project.search("付款")) == ["REQ-4"]  # the edit made during the build
    project.apply(applied.inverse)
    assert keys(project.search("付款")) == []
    assert keys(project.search("审计日志")) == ["REQ-4"]
    with sqlite3.connect(project.search_index().path) as db:  # answered by the index
        assert db.execute("SELECT count(*) FROM doc").fetchone() == (8,)


def test_after_a_merge_a_search_reads_the_project_while_the_index_catches_up(
    plan: Path, tmp_path: Path
) -> None:
    mine = Project.open(plan, data_dir=tmp_path / "li", user="Li", access="edit_anyway")
    theirs = Project.open(plan, data_dir=tmp_path / "wang", user="Wang", access="edit_anyway")
    try:
        mine.search_index().start()
        wait_ready(mine)
        uid = mine.search("REQ-2").matches[0].uid
        theirs.apply(Update("requirement", uid, {"title": "发票同步"}))
        theirs.save()
        mine.merge_saved()
        assert keys(mine.search("发票同步")) == ["REQ-2"]  # at once, by reading or not
        wait_ready(mine)
        assert keys(mine.search("发票同步")) == ["REQ-2"]
        assert keys(mine.search("Excel导入")) == []
    finally:
        mine.close(discard=True)
        theirs.close(discard=True)


@pytest.mark.parametrize("background", [False, True])
def test_the_index_follows_bulk_edits_of_text_and_tags_and_their_undo(
    project: Project, background: bool
) -> None:
    if background:
        project.search_index().start()
        wait_ready(project)
    assert keys(project.search("登录")) == ["REQ-5", "REQ-1", "§非功能需求", "REQ-4"]
    uids = {m.key: m.uid for m in project.search("REQ").matches}
    titles = UpdateMany(
        ((uids["REQ-1"], {"title": "扫码签到"}), (uids["REQ-5"], {"description": "统一认证"}))
    )
    undo_titles = project.apply(titles).inverse
    assert keys(project.search("登录页面")) == []
    assert keys(project.search("签到")) == ["REQ-1"]
    assert keys(project.search("统一认证")) == ["REQ-5"]
    tags = project.apply(EditTags((uids["REQ-3"], uids["REQ-4"]), add=("合规",), remove=()))
    assert keys(project.search("合规")) == ["REQ-3", "REQ-4"]
    status = UpdateMany(tuple((u, {"status": "approved"}) for u in uids.values()))
    project.apply(status)  # leaves the text as it was
    assert keys(project.search("合规")) == ["REQ-3", "REQ-4"]
    project.apply(tags.inverse)
    project.apply(undo_titles)
    assert keys(project.search("合规")) == []
    assert keys(project.search("签到")) == []
    assert keys(project.search("统一认证")) == []
    assert keys(project.search("登录")) == ["REQ-5", "REQ-1", "§非功能需求", "REQ-4"]


def test_an_import_into_the_open_project_is_searchable_and_its_undo_too(
    project: Project,
) -> None:
    from pmdesk.interop.incoming import Table
    from pmdesk.interop.mapping import guess_mapping, records_from_table
    from pmdesk.interop.run import Source, plan_source

    rows = [
        ["Key", "Title", "Description"],
        ["REQ-3", "Export to CSV", "按季度导出回款明细"],
        ["", "Jira 同步看板", "Imported from the sprint board"],
    ]
    table = Table("t.csv", rows[0], [list[Any](r) for r in rows[1:]], [2, 3])
    mapping = guess_mapping(table.headers)
    source = Source(Path("t.csv"), "csv", table, mapping, records_from_table(table, mapping))
    plan = plan_source(source, project.snapshot())
    assert (plan.created, plan.updated) == (1, 1)
    applied = project.apply(plan.operation())  # a Batch, as the window's import
    assert keys(project.search("回款明细")) == ["REQ-3"]
    (new,) = project.search("sprint board").matches
    assert new.title == "Jira 同步看板"
    project.apply(applied.inverse)
    assert keys(project.search("回款明细")) == []
    assert keys(project.search("sprint board")) == []
    assert keys(project.search("funnel")) == ["REQ-3"]


def test_many_edits_of_one_requirement_leave_the_index_right_and_it_is_built_anew(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fts, "REBUILD_DEAD", 0)  # old rows may not outnumber live ones
    uid = project.search("REQ-4").matches[0].uid
    for n in range(12):
        project.apply(Update("requirement", uid, {"title": f"第{n}版审计"}))
        assert keys(project.search(f"第{n}版")) == ["REQ-4"]
    assert keys(project.search("审计日志")) == []
    assert keys(project.search("第3版")) == []
    with sqlite3.connect(project.search_index().path) as db:
        dead = db.execute("SELECT value FROM meta WHERE name = 'dead'").fetchone()[0]
    assert int(dead) <= 8  # built anew once the old rows outnumbered the 8 live ones


def test_an_index_whose_first_build_was_cut_short_is_built_again(project: Project) -> None:
    assert keys(project.search("审计")) == ["REQ-4"]
    index = project.search_index().path
    project.search_index().close()
    project._search = None
    with sqlite3.connect(index) as db:  # as a build killed before its end leaves it
        db.execute("UPDATE meta SET value = '0' WHERE name = 'built'")
        db.execute("DELETE FROM doc WHERE rowid > 3")
    assert keys(project.search("审计日志")) == ["REQ-4"]
    assert keys(project.search("运营专员")) == ["§运营专员小周", "REQ-6"]
    with sqlite3.connect(index) as db:  # a new file: the 8 docs under ids 1 to 8
        assert db.execute("SELECT count(*), max(id) FROM doc").fetchone() == (8, 8)


@pytest.mark.parametrize(
    "query", ["überweisung", "ÜBER", "weisung", '"save"', "click", "σύνδεση", "登录", "\\n"]
)
def test_the_scan_with_sqlite_picking_candidates_finds_what_the_plain_scan_finds(
    tmp_path: Path, query: str
) -> None:
    path = tmp_path / "cases.pmdesk"
    snapshot = {
        "pmdesk_snapshot": 1,
        "project": {"title": "Fälle", "key_prefix": "REQ", "language": "en"},
        "requirements": [
            req("REQ-1", "Überweisung prüfen", acceptance=['Click "Save" twice', "a\\nb"]),
            req("REQ-2", "ΣΎΝΔΕΣΗ με κωδικό", tags=['say "登录"']),
            req("REQ-3", "Plain", description="ÜBERWEISUNG in capitals"),
        ],
    }
    import_snapshot(loads(json.dumps(snapshot), name="s.json"), path)
    db = sqlite3.connect(path)
    try:
        with fts.fetch_on(db) as fetch:
            expected = keys(ScanIndex(fetch).search(query))
            assert keys(ScanIndex(fetch, sqlite=True).search(query)) == expected
    finally:
        db.close()
    assert expected  # every query finds something
