"""Edits pushed in a burst under one merge key become one undo step (typing in
the document pane, a persona's text): undoing it restores every field the burst
changed, not only those of its first edit."""

from __future__ import annotations

from pathlib import Path

from pmdesk.app.main_window import MainWindow
from pmdesk.core.ops import Update
from tests.app.conftest import open_sync, ws


def test_a_merged_burst_that_widens_its_fields_undoes_them_all(
    window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    session = ws(window).session
    stack = ws(window).undo_stack
    uid, _key, before = session.project.find_requirements("CRM-4", 1)[0]
    detail = session.project.requirement(uid)
    assert detail is not None
    owner = detail.values["owner"]
    key = ("requirement", uid, "burst")
    steps = stack.count()
    assert session.push(Update("requirement", uid, {"title": "First"}), merge_key=key)
    assert session.push(
        Update("requirement", uid, {"title": "Second", "owner": "Nobody Yet"}), merge_key=key
    )
    stack.setIndex(steps)  # undo the burst, however many steps it took
    after = session.project.requirement(uid)
    assert after is not None
    assert (after.values["title"], after.values["owner"]) == (before, owner)


def test_a_burst_on_the_same_field_is_one_step(window: MainWindow, sample: Path) -> None:
    open_sync(window, sample)
    session = ws(window).session
    stack = ws(window).undo_stack
    uid, _key, before = session.project.find_requirements("CRM-4", 1)[0]
    steps = stack.count()
    key = ("requirement", uid, "title")
    for text in ("T", "Ti", "Tit"):
        assert session.push(Update("requirement", uid, {"title": text}), merge_key=key)
    assert stack.count() == steps + 1
    stack.undo()
    detail = session.project.requirement(uid)
    assert detail is not None
    assert detail.values["title"] == before
