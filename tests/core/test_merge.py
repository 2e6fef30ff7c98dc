"""Three-way merge of real project files: two people edit copies of one project."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from pmdesk.core.errors import PmdeskError
from pmdesk.core.merge.files import merge_files, pending_merge_of
from pmdesk.core.merge.three_way import Edited
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Move, Remove, Update
from pmdesk.core.storage.projectfile import check, new_project
from tests.core.merge_helpers import by_key, children, copies, edit, links, requirements


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "base.pmdesk"
    write_sample(path, "en")
    return path


def uid_of(path: Path, key: str) -> str:
    return str(by_key(path)[key]["uid"])


def merged(base: Path, mine: Path, theirs: Path) -> Path:
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    assert result.clean, result.conflicts
    assert check(out) == []
    return out


def test_changes_made_on_one_side_are_all_kept(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    crm3, crm4 = uid_of(base, "CRM-3"), uid_of(base, "CRM-4")
    edit(mine, "Li", Update("requirement", crm3, {"title": "Overview card v2"}))
    edit(theirs, "Wang", Update("requirement", crm3, {"status": "review"}))
    edit(theirs, "Wang", Update("requirement", crm4, {"owner": "Wang", "rice": None}))
    out = merged(base, mine, theirs)
    rows = by_key(out)
    assert rows["CRM-3"]["title"] == "Overview card v2"
    assert rows["CRM-3"]["status"] == "review"
    assert rows["CRM-4"]["owner"] == "Wang"
    assert rows["CRM-4"]["rice_reach"] is None
    # Nothing else moved: every other requirement is as in the base.
    before = by_key(base)
    for key in set(before) - {"CRM-3", "CRM-4"}:
        assert {k: v for k, v in rows[key].items() if not k.startswith("updated")} == {
            k: v for k, v in before[key].items() if not k.startswith("updated")
        }


def test_tree_moves_reorders_and_new_children_from_both_sides(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    crm8, crm10 = uid_of(base, "CRM-8"), uid_of(base, "CRM-10")
    # Mine moves CRM-8 under CRM-10 and adds a child there; theirs reorders
    # CRM-1's children (CRM-9 first) and adds a child to CRM-10 too.
    edit(mine, "Li", Move("requirement", crm8, crm10, index=0))
    new_mine, new_theirs = str(uuid.uuid4()), str(uuid.uuid4())
    edit(mine, "Li", Create("requirement", new_mine, {"title": "Mine's story"}, parent=crm10))
    edit(theirs, "Wang", Move("requirement", uid_of(base, "CRM-9"), uid_of(base, "CRM-1"), index=0))
    edit(theirs, "Wang", Create("requirement", new_theirs, {"title": "Theirs"}, parent=crm10))
    out = merged(base, mine, theirs)
    assert children(out, "CRM-1") == ["CRM-9", "CRM-2", "CRM-5"]
    kids = children(out, "CRM-10")
    assert kids[0] == "CRM-8"
    rows = requirements(out)
    assert rows[new_mine]["parent_uid"] == crm10 and rows[new_theirs]["parent_uid"] == crm10


def test_both_added_the_same_key_ours_is_renumbered_and_links_follow(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    ours, their = str(uuid.uuid4()), str(uuid.uuid4())
    crm3 = uid_of(base, "CRM-3")
    edit(mine, "Li", Create("requirement", ours, {"title": "Ours"}))
    edit(mine, "Li", Create("link", str(uuid.uuid4()), {"from": ours, "to": crm3}))
    edit(theirs, "Wang", Create("requirement", their, {"title": "Theirs"}))
    assert requirements(mine)[ours]["key"] == requirements(theirs)[their]["key"] == "CRM-46"
    _, result = merge_files(base, mine, theirs, base.with_name("out.pmdesk"))
    out = base.with_name("out.pmdesk")
    rows = requirements(out)
    assert rows[their]["key"] == "CRM-46"  # theirs is published: it keeps its key
    assert rows[ours]["key"] == "CRM-47"
    assert [(n.kind, n.detail, n.label) for n in result.notes] == [
        ("renumbered", "CRM-46", "CRM-47")
    ]
    assert (ours, crm3, "depends_on") in links(out)


def test_same_field_changed_differently_is_a_conflict_until_settled(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    crm3 = uid_of(base, "CRM-3")
    edit(mine, "Li", Update("requirement", crm3, {"title": "Mine"}))
    edit(theirs, "Wang", Update("requirement", crm3, {"title": "Theirs", "status": "review"}))
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    assert not out.exists()  # nothing written while a conflict is open
    [conflict] = result.conflicts
    assert (conflict.label, conflict.field, conflict.mine, conflict.theirs) == (
        "CRM-3",
        "title",
        "Mine",
        "Theirs",
    )
    merge_files(base, mine, theirs, out, prefer="theirs")
    assert by_key(out)["CRM-3"]["title"] == "Theirs"
    merge_files(base, mine, theirs, out, prefer="mine")
    assert (by_key(out)["CRM-3"]["title"], by_key(out)["CRM-3"]["status"]) == ("Mine", "review")
    pending = pending_merge_of(base, mine, theirs)
    typed = pending.result({conflict.id: Edited("Both")})
    assert typed.clean and typed.tables["requirement"][crm3]["title"] == "Both"


def test_deleted_on_one_side_and_untouched_on_the_other_is_deleted(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    crm2 = uid_of(base, "CRM-2")  # with children CRM-3, CRM-4
    edit(theirs, "Wang", Remove((("requirement", crm2),)))
    edit(mine, "Li", Update("requirement", uid_of(base, "CRM-8"), {"title": "Elsewhere"}))
    out = merged(base, mine, theirs)
    keys = set(by_key(out))
    assert not keys & {"CRM-2", "CRM-3", "CRM-4"}
    assert by_key(out)["CRM-8"]["title"] == "Elsewhere"


def test_edit_against_deletion_is_a_conflict_and_keeping_moves_it_up(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    crm2, crm3, crm4 = (uid_of(base, k) for k in ("CRM-2", "CRM-3", "CRM-4"))
    edit(theirs, "Wang", Remove((("requirement", crm2),)))
    edit(mine, "Li", Update("requirement", crm3, {"status": "rejected"}))
    pending = pending_merge_of(base, mine, theirs)
    result = pending.result()
    kinds = {(c.label, c.kind) for c in result.conflicts}
    # Only the edited story: Li did nothing to its parent, whose deletion stands
    # (keeping the story once brought the parent back too).
    assert kinds == {("CRM-3", "deleted_by_theirs")}
    keep = pending.result(prefer="mine")
    assert keep.clean
    rows = keep.tables["requirement"]
    assert rows[crm3]["status"] == "rejected"
    assert crm2 not in rows and crm4 not in rows
    was = pending.base["requirement"][crm2]
    assert (rows[crm3]["parent_uid"], rows[crm3]["rank"]) == (was["parent_uid"], was["rank"])
    drop = pending.result(prefer="theirs")
    assert drop.clean and crm3 not in drop.tables["requirement"]


def test_child_added_under_an_epic_the_other_side_deleted(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    crm14, story = uid_of(base, "CRM-14"), str(uuid.uuid4())
    edit(mine, "Li", Remove((("requirement", crm14),)))
    edit(theirs, "Wang", Create("requirement", story, {"title": "New"}, parent=crm14))
    pending = pending_merge_of(base, mine, theirs)
    [conflict] = pending.result().conflicts
    assert (conflict.label, conflict.kind) == ("CRM-14", "deleted_by_mine")
    assert conflict.refers == ("CRM-46 New",)  # what would go with it, by name
    deleted = pending.result(prefer="mine")
    assert story not in deleted.tables["requirement"]
    assert [n.kind for n in deleted.notes] == ["cascaded"]
    kept = pending.result({conflict.id: "theirs"})
    assert kept.tables["requirement"][story]["parent_uid"] == crm14
    assert uid_of(base, "CRM-15") not in kept.tables["requirement"]  # mine deleted it, untouched


def test_links_added_and_removed_on_both_sides(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    a, b, c = uid_of(base, "CRM-3"), uid_of(base, "CRM-8"), uid_of(base, "CRM-12")
    existing = links(base)
    gone = next(iter(sorted(existing)))
    link_uid = next(
        u
        for u, r in pending_merge_of(base, base, base).base["link"].items()
        if (r["from_uid"], r["to_uid"], r["type"]) == gone
    )
    edit(mine, "Li", Create("link", str(uuid.uuid4()), {"from": a, "to": b}))
    edit(theirs, "Wang", Create("link", str(uuid.uuid4()), {"from": c, "to": a, "type": "blocks"}))
    edit(theirs, "Wang", Create("link", str(uuid.uuid4()), {"from": a, "to": b}))  # same as mine
    edit(theirs, "Wang", Remove((("link", link_uid),)))
    out = merged(base, mine, theirs)
    assert links(out) == (existing - {gone}) | {(a, b, "depends_on"), (c, a, "blocks")}


def test_edits_to_different_paragraphs_of_a_description_combine(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    crm3 = uid_of(base, "CRM-3")
    text = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"
    edit(base, "Zhang", Update("requirement", crm3, {"description": text}))
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", Update("requirement", crm3, {"description": text.replace("First", "1st")}))
    edit(theirs, "Wang", Update("requirement", crm3, {"description": text.replace("Third", "3rd")}))
    out = merged(base, mine, theirs)
    assert by_key(out)["CRM-3"]["description"] == (
        "1st paragraph.\n\nSecond paragraph.\n\n3rd paragraph.\n"
    )


def test_history_of_both_sides_is_kept(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", Update("requirement", uid_of(base, "CRM-3"), {"title": "A"}))
    edit(theirs, "Wang", Update("requirement", uid_of(base, "CRM-4"), {"title": "B"}))
    out = merged(base, mine, theirs)
    people = {r["by"] for r in pending_merge_of(out, out, out).base["history"].values()}
    assert {"Li", "Wang"} <= people
    assert pending_merge_of(base, mine, theirs).their_authors == ["Wang"]


def test_copies_of_different_projects_are_refused(base: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.pmdesk"
    new_project(other, title="Other")
    with pytest.raises(PmdeskError, match="not copies of one project"):
        merge_files(base, base, other, tmp_path / "out.pmdesk")


def test_crossed_moves_do_not_cut_requirements_out_of_the_tree(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    crm2, crm5 = uid_of(base, "CRM-2"), uid_of(base, "CRM-5")
    edit(mine, "Li", Move("requirement", crm2, crm5))  # mine: CRM-2 under CRM-5
    edit(theirs, "Wang", Move("requirement", crm5, crm2))  # theirs: CRM-5 under CRM-2
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    assert [(n.kind, n.label) for n in result.notes] == [("moved_back", "CRM-5")]
    assert children(out, "CRM-5")[-1] == "CRM-2"  # ours
    assert "CRM-5" in children(out, "CRM-1")  # theirs' move undone: where it was


def test_a_requirement_moved_under_one_the_other_side_deleted_is_not_lost(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    crm2, crm9 = uid_of(base, "CRM-2"), uid_of(base, "CRM-9")
    edit(mine, "Li", Remove((("requirement", crm2),)))  # with CRM-3, CRM-4
    edit(theirs, "Wang", Move("requirement", crm9, crm2))
    pending = pending_merge_of(base, mine, theirs)
    [conflict] = pending.result().conflicts
    assert (conflict.label, conflict.kind) == ("CRM-2", "deleted_by_mine")
    deleted = pending.result(prefer="mine")
    reqs = deleted.tables["requirement"]
    assert crm2 not in reqs and crm9 in reqs  # only the deleted subtree goes
    assert reqs[crm9]["parent_uid"] == uid_of(base, "CRM-1")  # where mine has it
    assert [(n.kind, n.label) for n in deleted.notes] == [("moved_back", "CRM-9")]


def test_a_key_they_published_is_not_given_to_ours_even_if_theirs_is_gone(base: Path) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    crm14, child, ours = uid_of(base, "CRM-14"), str(uuid.uuid4()), str(uuid.uuid4())
    edit(mine, "Li", Remove((("requirement", crm14),)))
    edit(mine, "Li", Create("requirement", ours, {"title": "Li's new one"}))
    edit(theirs, "Wang", Create("requirement", child, {"title": "Wang's child"}, parent=crm14))
    assert requirements(mine)[ours]["key"] == requirements(theirs)[child]["key"] == "CRM-46"
    result = pending_merge_of(base, mine, theirs).result(prefer="mine")
    reqs = result.tables["requirement"]
    assert child not in reqs and reqs[ours]["key"] == "CRM-47"
    notes = {(n.kind, n.label) for n in result.notes}
    assert ("cascaded", "CRM-46 Wang's child") in notes
    assert ("renumbered", "CRM-47") in notes
