"""The value vs effort matrix in core: the quadrants and where the lines are
(value 5; the median of the plotted efforts), the unassessed apart, the query
over a real project file, and the drag's edit as one undoable step on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pmdesk.core.analysis.value_effort import (
    DEFAULT_EFFORT_SPLIT,
    MatrixPoint,
    effort_split,
    filtered_matrix,
    matrix_of,
    quadrant,
    set_value_effort_operation,
    snap_effort,
    snap_value,
    value_effort_matrix,
)
from pmdesk.core.domain.directive_filter import parse_filter
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.project import Project
from tests.core.value_helpers import keep_only_values


def point(key: str, value: float | None, effort: float | None) -> MatrixPoint:
    number = int(key.split("-")[1])
    return MatrixPoint(f"uid-{key}", key, f"title {key}", value, effort, (None, None, None), number)


def test_the_four_quadrants_and_their_edges() -> None:
    assert quadrant(8, 0.5, 1.5) == "quick_win"
    assert quadrant(8, 3, 1.5) == "big_bet"
    assert quadrant(2, 0.5, 1.5) == "fill_in"
    assert quadrant(2, 3, 1.5) == "time_sink"
    # On a line: the midpoint value counts as high, the split effort as low.
    assert quadrant(5, 1.5, 1.5) == "quick_win"
    assert quadrant(4.99, 1.51, 1.5) == "time_sink"


def test_the_effort_line_is_the_median_of_what_is_plotted() -> None:
    assert effort_split([1, 3, 2]) == 2
    assert effort_split([1, 2, 3, 10]) == 2.5  # an even count: between the middle two
    assert effort_split([]) == DEFAULT_EFFORT_SPLIT
    points = [
        point("R-1", 9, 0.5),
        point("R-2", 7, 2),
        point("R-3", 3, 1),
        point("R-4", 1, 8),
        point("R-5", None, 0.1),  # no value: apart, and not in the median
        point("R-6", 6, None),
    ]
    matrix = matrix_of(points)
    assert matrix.split == 1.5  # median of 0.5, 1, 2, 8
    assert [p.key for p in matrix.unassessed] == ["R-5", "R-6"]
    assert {q: [p.key for p in ps] for q, ps in matrix.by_quadrant().items()} == {
        "quick_win": ["R-1"],
        "big_bet": ["R-2"],
        "fill_in": ["R-3"],
        "time_sink": ["R-4"],
    }
    # A drag keeps the line where it was.
    assert matrix_of(points, split=4.0).quadrant(points[1]) == "quick_win"


def test_a_quadrant_lists_the_best_first() -> None:
    matrix = matrix_of([point("R-3", 6, 1), point("R-1", 9, 1), point("R-2", 9, 0.5)])
    assert [p.key for p in matrix.by_quadrant()["quick_win"]] == ["R-2", "R-1", "R-3"]


def test_a_dragged_dot_snaps() -> None:
    assert snap_value(7.26) == 7.5
    assert snap_value(-3) == 0 and snap_value(12) == 10
    assert snap_effort(1.234) == 1.25  # whole person-days: 0.05 of a month
    assert snap_effort(0.0) == 0.05  # at least a day: RICE's effort is above 0


def sample(tmp_path: Path) -> Path:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    return path


def uids_of(path: Path) -> dict[str, str]:
    with Project.view(path) as project:
        return {key: uid for uid, key, _ in project.find_requirements("CRM-", 100)}


def test_the_matrix_of_a_project_file_and_the_drag_saved_and_undone(tmp_path: Path) -> None:
    path = sample(tmp_path)
    uids = uids_of(path)
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        keep_only_values(project, {"CRM-2": 8.0, "CRM-3": 3.0, "CRM-12": 9.0})
        matrix = project.read(lambda c: value_effort_matrix(c, keep=list(uids.values())))
        assert [p.key for p in matrix.points] == ["CRM-2", "CRM-3", "CRM-12"]
        assert matrix.split == 1.0  # median of 3.0, 1.0, 0.5
        assert {p.key: matrix.quadrant(p) for p in matrix.points} == {
            "CRM-2": "big_bet",
            "CRM-3": "fill_in",
            "CRM-12": "quick_win",
        }
        assert "CRM-37" not in {p.key for p in matrix.unassessed}  # rejected: left out
        crm2 = next(p for p in matrix.points if p.key == "CRM-2")
        before = project.requirement(uids["CRM-2"])
        op = set_value_effort_operation(crm2, 6.5, 0.75)
        assert op is not None
        assert str(op.label) == "Set value and effort of CRM-2"
        applied = project.apply(op)
        project.save()
    finally:
        project.close()
    with Project.view(path) as view:
        after = view.requirement(uids["CRM-2"])
        snap = view.snapshot()
    assert after is not None and before is not None
    assert after.values["value"] == 6.5
    rice, old = after.values["rice"], before.values["rice"]
    assert rice["effort"] == 0.75
    assert {k: rice[k] for k in ("reach", "impact", "confidence")} == {
        k: old[k] for k in ("reach", "impact", "confidence")
    }  # the other RICE inputs are kept
    [saved] = [r for r in _walk(snap["requirements"]) if r["key"] == "CRM-2"]
    assert saved["value"] == 6.5
    # Undo (the inverse) gives both back, in one step.
    project = Project.open(path, data_dir=tmp_path / "data2")
    try:
        project.apply(applied.inverse)
        project.save()
    finally:
        project.close()
    with Project.view(path) as view:
        back = view.requirement(uids["CRM-2"])
    assert back is not None
    assert back.values["value"] == 8.0 and back.values["rice"] == old


def _walk(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for n in nodes:
        found.append(n)
        found += _walk(n["children"])
    return found


def test_nothing_changes_no_step() -> None:
    crm = point("R-1", 5, 1)
    assert set_value_effort_operation(crm, 5, 1) is None


@pytest.mark.parametrize(
    ("terms", "keys"),
    [
        ('release="v1.1"', ["CRM-22", "CRM-26"]),
        ("kind=story", ["CRM-3", "CRM-22", "CRM-26"]),
    ],
)
def test_a_directives_filter(tmp_path: Path, terms: str, keys: list[str]) -> None:
    path = sample(tmp_path)
    project = Project.open(path, data_dir=tmp_path / "data")
    try:
        keep_only_values(project, dict.fromkeys(("CRM-3", "CRM-22", "CRM-26", "CRM-28"), 7.0))
        matrix = project.read(lambda c: filtered_matrix(c, parse_filter(terms)))
    finally:
        project.close(discard=True)
    assert [p.key for p in matrix.points] == keys
