"""The MoSCoW board's figures and edits in core: a release whose Musts exceed its
capacity (effort in person-months against capacity in person-days), the labels
of a drop, and the file on disk after saving them."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmdesk.core.analysis.moscow import (
    DAYS_PER_MONTH,
    BoardCard,
    moscow_board,
    over_capacity_releases,
    release_load,
    set_priority_operation,
    set_release_operation,
)
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Update
from pmdesk.core.project import Project


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    return path


def card(key: str, priority: str | None, effort: float | None) -> BoardCard:
    return BoardCard(key, key, key, "", effort, priority, "r")


def test_the_load_counts_person_months_as_working_days() -> None:
    cards = [
        card("A-1", "must", 1.5),  # 30 person-days
        card("A-2", "must", 1.0),  # 20
        card("A-3", "should", 2.0),  # 40
        card("A-4", "could", None),  # not estimated
        card("A-5", "wont", 9.0),  # not planned work: left out
    ]
    load = release_load(cards, capacity=45.0)
    assert DAYS_PER_MONTH == 20.0
    assert (load.musts, load.effort, load.unestimated) == (50.0, 90.0, 1)
    assert load.over and load.full
    assert not release_load(cards, capacity=50.0).over  # equal is not over
    assert not release_load(cards, capacity=None).over  # no capacity: nothing to warn of


def test_a_release_whose_musts_exceed_its_capacity(sample: Path, tmp_path: Path) -> None:
    project = Project.open(sample, data_dir=tmp_path / "data", user="Li")
    try:
        board = project.read(moscow_board)
        v11 = next(r.uid for r in board.releases if r.name == "v1.1")
        assert board.load(v11).musts == 80.0  # CRM-30 and CRM-32, 2 person-months each
        assert project.read(over_capacity_releases) == frozenset()  # no capacity set
        project.apply(Update("release", v11, {"capacity": 79.5}))
        assert project.read(moscow_board).over_capacity() == {v11}
        assert project.read(over_capacity_releases) == {v11}
        project.apply(Update("release", v11, {"capacity": 80.0}))
        assert project.read(over_capacity_releases) == frozenset()
    finally:
        project.close(discard=True)


def test_a_drop_is_one_labelled_step_saved_to_the_file(sample: Path, tmp_path: Path) -> None:
    project = Project.open(sample, data_dir=tmp_path / "data", user="Li")
    try:
        board = project.read(moscow_board)
        v20 = next(r for r in board.releases if r.name == "v2.0")
        cards = {c.key: c for c in board.cards}
        op = set_priority_operation([cards["CRM-33"]], "must")
        assert op is not None and str(op.label) == "Set priority of CRM-33 to Must"
        project.apply(op)
        both = [cards["CRM-22"], cards["CRM-26"]]
        op = set_priority_operation(both, None)
        assert op is not None
        assert str(op.label) == "Set priority of 2 requirements to Not assessed"
        project.apply(op)
        moved = set_release_operation(both, v20)
        assert moved is not None and str(moved.label) == "Move 2 requirements to release v2.0"
        applied = project.apply(moved)
        assert len(applied.effects) == 2
        out = set_release_operation([cards["CRM-12"]], None)
        assert out is not None and str(out.label) == "Take CRM-12 out of its release"
        # Cards already there: nothing to do, no step.
        assert set_priority_operation([cards["CRM-2"]], "must") is None
        assert project.save().saved
    finally:
        project.close()
    with Project.view(sample) as view:
        after = {c.key: c for c in view.read(moscow_board).cards}
    assert after["CRM-33"].priority == "must"
    assert after["CRM-22"].priority is None and after["CRM-26"].priority is None
    assert after["CRM-22"].release == after["CRM-26"].release == v20.uid
    assert after["CRM-12"].release is not None  # built, never applied
