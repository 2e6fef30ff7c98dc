from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pmdesk.core.ranks import evenly_spaced, rank_between


@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=300))
def test_any_sequence_of_inserts_keeps_strict_order(positions: list[int]) -> None:
    ranks: list[str] = []
    for p in positions:
        i = p % (len(ranks) + 1)
        before = ranks[i - 1] if i else None
        after = ranks[i] if i < len(ranks) else None
        new = rank_between(before, after)
        assert (before is None or before < new) and (after is None or new < after)
        assert new and not new.endswith("0")
        ranks.insert(i, new)
    assert ranks == sorted(ranks)


def test_appending_many_stays_short() -> None:
    rank = rank_between(None, None)
    for _ in range(1000):
        rank = rank_between(rank, None)
    assert len(rank) < 40


@given(st.integers(min_value=0, max_value=5000))
def test_evenly_spaced_are_increasing_and_leave_room(count: int) -> None:
    ranks = evenly_spaced(count)
    assert len(ranks) == count == len(set(ranks))
    assert ranks == sorted(ranks)
    if ranks:
        rank_between(None, ranks[0])
        rank_between(ranks[-1], None)
