"""Two people add, move, rename and delete requirements in one shared file,
saving in turn: no save is refused without a real conflict, no saved edit is
lost, no deletion comes back, and nothing neither of them touched changes
(tests/core/two_users.py).

PMDESK_TWO_USER_ROUNDS=100 runs the long version (the default run does 20).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Move, Remove
from pmdesk.core.project_save import save_merging
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.merge_helpers import requirements
from tests.core.two_users import run

ROUNDS = int(os.environ.get("PMDESK_TWO_USER_ROUNDS", "20"))


@pytest.mark.parametrize("meddle", [False, True], ids=["own rows", "each other's rows"])
def test_two_people_editing_and_saving_in_turn_lose_nothing(tmp_path: Path, meddle: bool) -> None:
    tally = run(tmp_path, ROUNDS, meddle=meddle)
    print(tally.summary())
    assert tally.saves == 2 * ROUNDS
    assert tally.problems == [], tally.summary() + "\n" + "\n".join(tally.problems)
    if not meddle:
        assert tally.real_conflicts == 0


# -- the case the loop found, step by step ---------------------------------------


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "share" / "crm.pmdesk"
    path.parent.mkdir()
    write_sample(path, "en")
    return path


def open_as(shared: Path, user: str) -> WorkingCopy:
    data = shared.parent.parent / user
    return WorkingCopy.open(shared, data_dir=data, user=user, access="edit_anyway")


def top_level(path: Path) -> list[str]:
    rows = requirements(path)
    kids = [u for u, r in rows.items() if r["parent_uid"] is None]
    return sorted(kids, key=lambda u: (rows[u]["rank"], u))


@pytest.mark.parametrize("then", ["move", "delete"])
def test_both_append_then_one_moves_or_deletes_their_own(shared: Path, then: str) -> None:
    """Li and Wang each append a requirement at the top level and save. Both got
    the same rank, and Wang's merge re-ranked Li's requirement; Li's next move
    or deletion of her own requirement was then refused as a conflict."""
    li, wang = open_as(shared, "Li"), open_as(shared, "Wang")
    ours, theirs = str(uuid.UUID(int=2**128 - 1)), str(uuid.UUID(int=1))  # Li's sorts last
    li.apply(Create("requirement", ours, {"title": "Li's"}))
    wang.apply(Create("requirement", theirs, {"title": "Wang's"}))
    save_merging(li)
    save_merging(wang)
    published = requirements(shared)
    if then == "move":
        li.apply(Move("requirement", ours, None, index=0))
    else:
        li.apply(Remove((("requirement", ours),)))
    save_merging(li)  # raised PmdeskError("merge.conflicts")
    rows = requirements(shared)
    if then == "move":
        assert top_level(shared)[0] == ours
    else:
        assert ours not in rows
    # Nobody moved Wang's requirement: it keeps the place Wang gave it.
    assert rows[theirs]["rank"] == published[theirs]["rank"]
    for wc in (li, wang):
        wc.close(discard=True)
