from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmdesk.core.domain.ranks import DIGITS, SALT_LENGTH, evenly_spaced, new_salt, rank_between

# Salts as new_salt makes them: SALT_LENGTH digits, the last one not zero.
SALTS = st.tuples(
    st.text(DIGITS, min_size=SALT_LENGTH - 1, max_size=SALT_LENGTH - 1),
    st.sampled_from(DIGITS[1:]),
).map("".join)


def insert_all(ranks: list[str], positions: list[int], salt: str) -> list[str]:
    """Insert at each position in turn (taken modulo the length); the new ranks."""
    new = []
    for p in positions:
        i = p % (len(ranks) + 1)
        before = ranks[i - 1] if i else None
        after = ranks[i] if i < len(ranks) else None
        rank = rank_between(before, after, salt)
        assert (before is None or before < rank) and (after is None or rank < after)
        assert rank and not rank.endswith("0")
        ranks.insert(i, rank)
        new.append(rank)
    return new


@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=300))
def test_any_sequence_of_inserts_keeps_strict_order(positions: list[int]) -> None:
    ranks: list[str] = []
    insert_all(ranks, positions, "")
    assert ranks == sorted(ranks)


@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=300), SALTS)
def test_salted_inserts_keep_strict_order_and_end_in_the_salt(
    positions: list[int], salt: str
) -> None:
    ranks: list[str] = []
    for rank in insert_all(ranks, positions, salt):
        assert rank.endswith(salt)
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


@given(
    st.lists(st.integers(min_value=0, max_value=10_000), max_size=40),
    st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=40),
    st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=40),
    SALTS,
    SALTS,
    st.booleans(),
)
def test_two_machines_never_make_the_same_rank(
    shared: list[int], on_a: list[int], on_b: list[int], salt_a: str, salt_b: str, old: bool
) -> None:
    """Two copies of one sibling list (grown by older, unsalted pmdesk or by
    anyone) are edited on two machines: every rank either one makes is new,
    whatever the places, so merging both lists never puts two rows in one place."""
    if salt_a == salt_b:
        salt_b = salt_a[:-1] + ("2" if salt_a[-1] == "1" else "1")
    start: list[str] = []
    insert_all(start, shared, "" if old else salt_a)
    a, b = list(start), list(start)
    made_a = insert_all(a, on_a, salt_a)
    made_b = insert_all(b, on_b, salt_b)
    assert not set(made_a) & set(made_b)
    assert not set(made_a + made_b) & set(start)
    assert len(set(a) | set(b)) == len(a) + len(b) - len(start)


@given(
    st.one_of(st.none(), st.text(DIGITS[1:], min_size=1, max_size=6)),
    SALTS,
    SALTS,
)
def test_two_machines_inserting_at_the_same_place_get_different_ranks_between(
    before: str | None, salt_a: str, salt_b: str
) -> None:
    after = None if before is None else before + "V"
    a, b = rank_between(before, after, salt_a), rank_between(before, after, salt_b)
    assert (a == b) == (salt_a == salt_b)
    for rank in (a, b):
        assert (before or "") < rank and (after is None or rank < after)


def test_appending_or_prepending_many_stays_short() -> None:
    for salt in ("", new_salt(), "G01", "jzz"):
        last = first = rank_between(None, None, salt)
        for _ in range(1000):
            last = rank_between(last, None, salt)
            first = rank_between(None, first, salt)
        assert len(last) <= 4 + len(salt) and len(first) <= 4 + len(salt)
    # The first ranks are one digit and the salt.
    assert len(rank_between("V" + "abc", None, "abc")) == 1 + SALT_LENGTH


def test_new_salts_are_valid_and_vary() -> None:
    salts = {new_salt() for _ in range(200)}
    assert len(salts) > 190
    for salt in salts:
        assert len(salt) == SALT_LENGTH and not salt.endswith("0")
        rank_between(None, None, salt)


@pytest.mark.parametrize(("before", "after"), [("a", "a0"), ("b", "a"), ("a", "a")])
def test_no_room_or_wrong_order_is_refused(before: str, after: str) -> None:
    with pytest.raises(ValueError, match=r"ranks out of order|no rank fits"):
        rank_between(before, after, "abc")


def test_a_bad_salt_is_refused() -> None:
    with pytest.raises(ValueError, match="not a salt"):
        rank_between(None, None, "ab0")


@given(st.integers(min_value=0, max_value=5000))
def test_evenly_spaced_are_increasing_and_leave_room(count: int) -> None:
    ranks = evenly_spaced(count)
    assert len(ranks) == count == len(set(ranks))
    assert ranks == sorted(ranks)
    if ranks:
        rank_between(None, ranks[0])
        rank_between(ranks[-1], None)
