"""`merge_placed` puts a few rows into a sorted list as a full sort would."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from pmdesk.app.backlog.arrange import merge_placed


@given(
    st.lists(st.integers(0, 40), max_size=300),
    st.lists(st.integers(-5, 45), max_size=60),
)
@example([1, 1, 1, 2, 2, 9], [1, 1, 1, 1])  # many equal: a tie goes after its equals
@example(list(range(200)), [199, 0, 100, 500, -1])
def test_merged_rows_land_where_a_full_sort_puts_them(rest: list[int], moving: list[int]) -> None:
    # Rows are uids; their place is a value, then which uid (the tree's order in the
    # backlog), so equal values keep a fixed order and the result is one list.
    rest_uids = [f"r{i}" for i in range(len(rest))]
    moving_uids = [f"m{i}" for i in range(len(moving))]
    value = dict(zip(rest_uids, rest, strict=True)) | dict(zip(moving_uids, moving, strict=True))
    order = {u: i for i, u in enumerate(rest_uids + moving_uids)}

    def place(uid: str) -> tuple[int, int]:
        return (value[uid], order[uid])

    ordered_rest = sorted(rest_uids, key=place)
    merged = merge_placed(ordered_rest, moving_uids, place)
    assert merged == sorted(rest_uids + moving_uids, key=place)
