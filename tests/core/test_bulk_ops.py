"""Bulk edits (core.ops.bulk): checked like single updates, one step with its own
label, in the history, undone exactly; the backlog rows read them back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pmdesk.core.errors import OperationError
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import EditTags, Update
from pmdesk.core.ops.bulk import set_field
from pmdesk.core.project import Project
from pmdesk.core.queries.backlog import KEY, PRIORITY, RELEASE, TAGS, UID


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    opened = Project.open(path, data_dir=tmp_path / "data", user="Li")
    yield opened
    opened.close(discard=True)


def test_set_priority_of_many_is_one_labelled_step_undone_exactly(project: Project) -> None:
    rows = project.backlog_rows()
    uids = [r[UID] for r in rows[:12]]
    before = {r[UID]: r[PRIORITY] for r in rows}
    applied = project.apply(set_field(uids, "priority", "could"))
    assert str(applied.label) == "Set priority of 12 requirements"
    changed = [u for u in uids if before[u] != "could"]
    assert [e.uid for e in applied.effects] == changed
    assert all(e.values == {"priority": "could"} and e.stamp for e in applied.effects)
    after = {r[UID]: r[PRIORITY] for r in project.backlog_rows()}
    assert all(after[u] == "could" for u in uids)
    history = project.history(changed[0])
    assert any(c.field == "priority" for c in history)

    project.apply(applied.inverse)
    assert {r[UID]: r[PRIORITY] for r in project.backlog_rows()} == before


def test_one_requirement_is_named_by_its_key(project: Project) -> None:
    row = project.backlog_rows()[0]
    applied = project.apply(set_field([row[UID]], "release", None))
    assert str(applied.label) == f"Set release of {row[KEY]}"


def test_bad_values_and_missing_releases_are_refused_whole(project: Project) -> None:
    rows = project.backlog_rows()
    uids = [r[UID] for r in rows[:5]]
    with pytest.raises(OperationError, match="priority is not valid"):
        project.apply(set_field(uids, "priority", "urgent"))
    with pytest.raises(OperationError):
        project.apply(set_field(uids, "release", "no-such-release"))
    assert project.backlog_rows()[:5] == rows[:5]  # nothing of it was written


def test_tags_are_added_and_removed_keeping_the_others(project: Project) -> None:
    rows = project.backlog_rows()
    uids = tuple(r[UID] for r in rows[:3])
    first_tag = rows[0][TAGS][0]
    added = project.apply(EditTags(uids, add=("beta", "beta", "v2")))
    assert str(added.label) == "Add tags to 3 requirements"
    now = {r[UID]: r[TAGS] for r in project.backlog_rows(uids)}
    assert now[uids[0]] == (*rows[0][TAGS], "beta", "v2")
    removed = project.apply(EditTags(uids, remove=(first_tag, "beta")))
    assert str(removed.label) == "Remove tags from 3 requirements"
    now = {r[UID]: r[TAGS] for r in project.backlog_rows(uids)}
    assert first_tag not in now[uids[0]] and now[uids[0]][-1] == "v2"


def test_backlog_rows_follow_single_updates_too(project: Project) -> None:
    row = project.backlog_rows()[0]
    project.apply(Update("requirement", row[UID], {"release": None, "tags": ["x"]}))
    [again] = project.backlog_rows([row[UID]])
    assert again[RELEASE] is None and again[TAGS] == ("x",)
