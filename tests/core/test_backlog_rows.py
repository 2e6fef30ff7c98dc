"""The backlog rows read with `only` some fields (what the tree's filter reads):
the same values in the same positions as a whole row, the others None; tags
read right whatever their text holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import EditTags
from pmdesk.core.project import Project
from pmdesk.core.queries.backlog import FIELD_POSITIONS, FILTERED, TAGS, UID


def test_only_some_fields_read_the_same_values_in_the_same_places(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "en.pmdesk"
    write_sample(path, "en")
    project = Project.open(path, data_dir=data_dir)
    try:
        whole = {row[UID]: row for row in project.backlog_rows()}
        uids = sorted(whole)
        tricky = ('say "hi"', 'a", "b', "中文", "back\\slash", "")
        project.apply(EditTags(tuple(uids[:3]), add=tricky))
        with sqlite3.connect(project.working_copy.work_path) as db:  # another writer's JSON
            db.execute("UPDATE requirement SET tags = ? WHERE uid = ?", ('["x","y"]', uids[3]))
        whole = {row[UID]: row for row in project.backlog_rows()}
        some = {row[UID]: row for row in project.backlog_rows(only=FILTERED)}
        assert some.keys() == whole.keys()
        kept = {UID, *(FIELD_POSITIONS[name] for name in FILTERED)}
        for uid, row in some.items():
            assert len(row) == len(whole[uid])
            for at, value in enumerate(row):
                assert value == (whole[uid][at] if at in kept else None), (uid, at)
        assert some[uids[0]][TAGS][-5:] == tricky
        assert some[uids[3]][TAGS] == ("x", "y")
        (one,) = project.backlog_rows([uids[1]], only=("kano",))
        assert one[FIELD_POSITIONS["kano"]] == whole[uids[1]][FIELD_POSITIONS["kano"]]
        assert one[TAGS] is None  # not read
    finally:
        project.close(discard=True)
