"""The plan of an import: matched by uid or key, applied as one operation whose
inverse gives the project back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.project import Project
from pmdesk.interop.incoming import Table
from pmdesk.interop.mapping import guess_mapping, records_from_table
from pmdesk.interop.run import Source, plan_source
from tests.interop.conftest import flat


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.pmdesk"
    write_sample(path, "zh")
    return path


def _source(rows: list[list[str]]) -> Source:
    table = Table("t.csv", rows[0], [list(r) for r in rows[1:]], list(range(2, len(rows) + 1)))
    mapping = guess_mapping(table.headers)
    return Source(Path("t.csv"), "csv", table, mapping, records_from_table(table, mapping))


def test_an_import_is_one_operation_and_undoing_it_gives_the_project_back(sample: Path) -> None:
    project = Project.open(sample)
    try:
        before = project.snapshot()
        first_key = flat(before)[0][0]["key"]
        source = _source(
            [
                ["Key", "Title", "Priority", "Parent", "Fix version"],
                [first_key, "Renamed by the import", "Won't", "", "v9"],
                ["", "A brand new one", "Must", first_key, "v9"],
                ["", "Its child", "", "", ""],
            ]
        )
        plan = plan_source(source, before)
        assert (plan.created, plan.updated, list(plan.new_releases)) == (2, 1, ["v9"])
        assert [r.action for r in plan.rows] == ["update", "create", "create"]
        assert plan.rows[1].parent == flat(before)[0][0]["uid"]
        applied = project.apply(plan.operation())
        after = project.snapshot()
        titles = {n["title"]: n for n, _ in flat(after)}
        assert titles["Renamed by the import"]["priority"] == "wont"
        assert titles["A brand new one"]["release"] == next(
            r["uid"] for r in after["releases"] if r["name"] == "v9"
        )
        assert len(flat(after)) == len(flat(before)) + 2
        project.apply(applied.inverse)
        restored = project.snapshot()
        for part in ("releases", "links", "lanes"):
            assert restored[part] == before[part], part
        stamps = ("updated", "created")  # undo is an edit too: it stamps who and when
        assert [
            ({k: v for k, v in n.items() if k not in stamps}, p) for n, p in flat(restored)
        ] == [({k: v for k, v in n.items() if k not in stamps}, p) for n, p in flat(before)]
    finally:
        project.close(discard=True)


def test_importing_the_same_rows_twice_changes_nothing_the_second_time(sample: Path) -> None:
    project = Project.open(sample)
    try:
        source = _source([["Title", "Status"], ["Once only", "Done"]])
        project.apply(plan_source(source, project.snapshot()).operation())
        count = len(flat(project.snapshot()))
        keyed = _source(
            [
                ["Key", "Title", "Status"],
                [flat(project.snapshot())[-1][0]["key"], "Once only", "Done"],
            ]
        )
        again = plan_source(keyed, project.snapshot())
        assert [r.action for r in again.rows] == ["unchanged"]
        project.apply(again.operation())
        assert len(flat(project.snapshot())) == count
    finally:
        project.close(discard=True)
