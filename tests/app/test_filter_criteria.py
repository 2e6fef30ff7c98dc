"""Which requirements a filter's criteria match (app/tree/criteria.py), on the
English sample's rows as the tree and the backlog read them."""

from __future__ import annotations

from pathlib import Path

from pmdesk.app.tree.criteria import NONE, Criteria, DateRange, find_matches
from pmdesk.app.tree.maps import KEY, build_maps
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.project import Project


def _keys(path: Path, criteria: Criteria) -> set[str]:
    with Project.view(path) as project:
        rows = build_maps(project.tree()).rows
        extra = {r[0]: r for r in project.backlog_rows()}
    return {rows[u][KEY] for u in find_matches(rows, criteria, rows=extra)}


def test_kinds_kano_tags_and_none(tmp_path: Path) -> None:
    path = tmp_path / "en.pmdesk"
    write_sample(path, "en")
    delighters = _keys(path, Criteria(choices={"kano": frozenset({"delighter"})}))
    assert delighters == {"CRM-9", "CRM-24", "CRM-31", "CRM-33"}
    # Several values of one field: any of them; two fields: both.
    two = _keys(path, Criteria(choices={"kano": frozenset({"delighter", "indifferent"})}))
    assert two == delighters | {"CRM-37"}
    ideas = _keys(
        path,
        Criteria(choices={"kano": frozenset({"delighter"}), "status": frozenset({"idea"})}),
    )
    assert ideas == {"CRM-9", "CRM-24", "CRM-31"}
    epics = _keys(path, Criteria(choices={"kind": frozenset({"epic"})}))
    assert {"CRM-1", "CRM-10", "CRM-17"} <= epics and "CRM-2" not in epics
    no_tags = _keys(path, Criteria(choices={"tags": frozenset({NONE})}))
    assert no_tags == set()  # every sample requirement has a tag
    pipl = _keys(path, Criteria(choices={"tags": frozenset({"PIPL", "MVP"})}))
    assert pipl == {"CRM-3", "CRM-6", "CRM-39", "CRM-40", "CRM-42", "CRM-43"}


def test_date_ranges_within_and_overlapping() -> None:
    april = DateRange("2027-04-01", "2027-04-30")
    assert april.accepts("2027-04-06", "2027-04-30")
    assert not april.accepts("2027-03-30", "2027-04-10")  # starts before
    assert not april.accepts(None, None)  # undated: in no range
    assert april.accepts("2027-04-10", None)  # a one-day requirement
    overlapping = DateRange("2027-04-01", "2027-04-30", overlapping=True)
    assert overlapping.accepts("2027-03-30", "2027-04-10")
    assert overlapping.accepts("2027-03-01", "2027-06-01")  # spans the range
    assert not overlapping.accepts("2027-05-01", "2027-05-10")
    assert DateRange("", "2027-01-31").accepts("2026-12-01", "2027-01-15")  # open start
