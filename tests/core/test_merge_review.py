"""Review of the three-way merge and shared saving: cases a PM could hit.

Real project files in tmp_path, edited through the same operations the window
uses; no database is mocked.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import pytest

from pmdesk.core.merge.files import merge_files, pending_merge_of
from pmdesk.core.merge.target import accept, prepare
from pmdesk.core.merge.text import merge_text
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, CreateBaseline, Move, RenameBaseline, Update
from pmdesk.core.project_save import save_merging
from pmdesk.core.storage.projectfile import check
from pmdesk.core.storage.workingcopy import WorkingCopy, find_recoverable
from tests.core.merge_helpers import by_key, children, copies, edit, links, requirements


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "base.pmdesk"
    write_sample(path, "en")
    return path


def uid_of(path: Path, key: str) -> str:
    return str(by_key(path)[key]["uid"])


def baseline_names(path: Path) -> set[str]:
    return {r["name"] for r in pending_merge_of(path, path, path).base["baseline"].values()}


# -- writing a merge must not trip over unique columns ---------------------------


def test_baseline_renamed_by_them_to_the_name_mine_gave_a_new_one(base: Path) -> None:
    """Wang renames the existing baseline "Draft" to "v1.0 Review"; Li, meanwhile,
    freezes a new baseline and takes the suggested name "v1.0 Review" too. The
    merge renames Li's to "v1.0 Review (2)", but writing that (two updates of
    mine) hit the UNIQUE name before: `pmdesk merge` crashed, Save could not merge."""
    # Baseline uids sort by creation time: the older one is written first.
    old, new = "00000000-0000-4000-8000-000000000001", "ffffffff-0000-4000-8000-000000000001"
    edit(base, "Zhang", CreateBaseline(old, "Draft"))
    mine, theirs = copies(base, "mine", "theirs")
    edit(theirs, "Wang", RenameBaseline(old, "v1.0 Review"))
    edit(mine, "Li", CreateBaseline(new, "v1.0 Review"))
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    assert result.clean
    assert check(out) == []
    assert baseline_names(out) == {"v1.0 Review", "v1.0 Review (2)"}


def test_link_retyped_by_them_to_the_link_mine_added(base: Path) -> None:
    """Wang changes a link CRM-3 → CRM-8 from 'relates_to' to 'depends_on'; Li adds
    CRM-3 depends_on CRM-8. One link is enough (theirs), but writing the retype
    before removing Li's duplicate hit the UNIQUE link ends."""
    a, b = uid_of(base, "CRM-3"), uid_of(base, "CRM-8")
    link = str(uuid.uuid4())
    edit(base, "Zhang", Create("link", link, {"from": a, "to": b, "type": "relates_to"}))
    mine, theirs = copies(base, "mine", "theirs")
    edit(theirs, "Wang", Update("link", link, {"type": "depends_on"}))
    edit(mine, "Li", Create("link", str(uuid.uuid4()), {"from": a, "to": b}))
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    assert result.clean
    assert check(out) == []
    ends = {(x, y, t) for x, y, t in links(out) if (x, y) == (a, b)}
    assert ends == {(a, b, "depends_on")}


# -- text merge ------------------------------------------------------------------


def test_text_edits_far_apart_in_repetitive_markdown_combine() -> None:
    """A checklist of identical lines: Li ticks an item near the top, Wang one
    near the bottom. The line diff used to align the text shifted by a few lines
    and called the two edits overlapping (a needless conflict)."""
    lines = ["- [ ] TBD\n" if i % 3 else "\n" for i in range(60)]
    base = "".join(lines)
    mine, theirs = lines[:], lines[:]
    mine[5] = "- [x] done by Li\n"
    theirs[-5] = "- [x] done by Wang\n"
    expected = lines[:]
    expected[5], expected[-5] = mine[5], theirs[-5]
    assert merge_text(base, "".join(mine), "".join(theirs)) == "".join(expected)


def test_text_merge_of_a_long_description_is_quick() -> None:
    """A pasted 100,000-line log or table in a description: one edit at each end.
    The line diff was quadratic here (minutes, the window frozen in Save)."""
    lines = [f"row {i}\n" if i % 2 else "\n" for i in range(100_000)]
    base = "".join(lines)
    mine, theirs = lines[:], lines[:]
    mine[10] = "mine\n"
    theirs[-10] = "theirs\n"
    started = time.monotonic()
    merged = merge_text(base, "".join(mine), "".join(theirs))
    assert time.monotonic() - started < 5.0
    assert merged is not None
    assert merged.splitlines()[10] == "mine" and merged.splitlines()[-10] == "theirs"


# -- a read-only window taking in a colleague's save -----------------------------


def test_read_only_copy_that_took_in_a_save_leaves_nothing_to_recover(tmp_path: Path) -> None:
    """Li views the file read-only; Wang saves; Li's window takes the new version
    in (outside the undo history) and Li closes. Their history rows counted as
    Li's unsaved edits, so the next start offered to 'recover' edits Li never made."""
    share = tmp_path / "share"
    share.mkdir()
    target = share / "crm.pmdesk"
    write_sample(target, "en")
    wang = WorkingCopy.open(target, data_dir=tmp_path / "wang", user="Wang", access="edit_anyway")
    li = WorkingCopy.open(target, data_dir=tmp_path / "li", user="Li", access="read_only")
    assert li.read_only
    wang.apply(Update("requirement", uid_of(target, "CRM-4"), {"title": "Wang's"}))
    save_merging(wang)
    wang.close()

    merge = prepare(li)
    li.store.apply(merge.operation(merge.pending.result()))  # as session.refresh does
    accept(li, merge)
    assert li.unsaved_edits() == 0
    li.close(discard=False)  # the window keeps a read-only copy's recovered edits
    assert find_recoverable(tmp_path / "li") == []


# -- sibling order ---------------------------------------------------------------


def test_undo_of_a_merge_after_reordering_between_both_sides_new_sections(
    tmp_path: Path,
) -> None:
    """Li and Wang each append a PRD section; Li merges Wang's save, drags a
    section between the two new ones, undoes the drag and then the merge. Both
    appended sections had the same rank, the drag re-spaced every section
    outside the undo history, and undoing the merge failed ("edited meanwhile")."""
    share = tmp_path / "share"
    share.mkdir()
    target = share / "crm.pmdesk"
    write_sample(target, "en")
    wang = WorkingCopy.open(target, data_dir=tmp_path / "wang", user="Wang", access="edit_anyway")
    li = WorkingCopy.open(target, data_dir=tmp_path / "li", user="Li", access="edit_anyway")
    wang.apply(Create("section", str(uuid.uuid4()), {"title": "Wang's"}))
    save_merging(wang)
    wang.close()
    li.apply(Create("section", str(uuid.uuid4()), {"title": "Li's"}))

    merge = prepare(li)
    merged = li.apply(merge.operation(merge.pending.result()))
    accept(li, merge)
    sections = pending_merge_of(li.work_path, li.work_path, li.work_path).base["section"]
    ranks = sorted(r["rank"] for r in sections.values())
    assert len(set(ranks)) == len(ranks)  # no two sections share a place
    first = min(sections.values(), key=lambda r: (r["rank"], r["uid"]))["uid"]
    moved = li.apply(Move("section", first, None, index=len(sections) - 2))
    li.apply(moved.inverse)
    li.apply(merged.inverse)  # raised OperationError("merge.stale")
    titles = {
        r["title"]
        for r in pending_merge_of(li.work_path, li.work_path, li.work_path).base["section"].values()
    }
    assert "Li's" in titles and "Wang's" not in titles
    li.close(discard=True)


def test_children_both_sides_appended_to_one_epic_keep_distinct_ranks(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    epic = uid_of(base, "CRM-2")
    ours, their = str(uuid.uuid4()), str(uuid.uuid4())
    edit(mine, "Li", Create("requirement", ours, {"title": "Ours"}, parent=epic))
    edit(theirs, "Wang", Create("requirement", their, {"title": "Theirs"}, parent=epic))
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    assert result.clean and check(out) == []
    kids = [r for r in requirements(out).values() if r["parent_uid"] == epic]
    assert len({r["rank"] for r in kids}) == len(kids) == 4
    # The order shown before the merge wrote distinct ranks is kept.
    assert children(out, "CRM-2")[:2] == ["CRM-3", "CRM-4"]
