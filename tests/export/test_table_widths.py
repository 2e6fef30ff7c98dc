"""Word table columns: shared by content, never narrower than their longest word."""

from __future__ import annotations

from pmdesk.export.table_widths import (
    CELL_PADDING,
    TWIPS_PER_UNIT,
    column_widths,
    display_units,
    fit,
)

WIDTH = 9400


def test_short_columns_keep_their_words_whole() -> None:
    rows = [
        ["#", "Risk", "Likelihood", "Impact", "Mitigation", "Owner"],
        [
            "1",
            "Indoor positioning drifts " * 6,
            "Medium",
            "High",
            "Tune the radius " * 8,
            "Wang Qiang",
        ],
    ]
    widths = column_widths(rows, None, WIDTH)
    assert sum(widths) == WIDTH
    assert widths[2] >= len("Likelihood") * TWIPS_PER_UNIT + CELL_PADDING
    assert widths[5] >= len("Qiang") * TWIPS_PER_UNIT + CELL_PADDING
    assert widths[1] > widths[2] and widths[4] > widths[2]  # long text gets the room


def test_chinese_terms_up_to_four_characters_stay_whole() -> None:
    rows = [["风险", "可能性", "负责人", "应对措施"], ["定位偏差", "高", "李娜", "半径可配置" * 10]]
    widths = column_widths(rows, [1, 0.2, 0.2, 5], WIDTH)
    assert widths[1] >= 6 * TWIPS_PER_UNIT + CELL_PADDING  # 可能性: three characters
    assert widths[2] >= 6 * TWIPS_PER_UNIT + CELL_PADDING
    assert sum(widths) == WIDTH


def test_given_shares_are_kept_when_the_words_fit() -> None:
    widths = column_widths([["a", "b"], ["x", "y"]], [1, 3], 4000)
    assert widths == [1000, 3000]


def test_too_many_columns_shrink_together_and_never_overflow() -> None:
    rows = [[f"Column{n}" for n in range(40)], [f"value{n}" for n in range(40)]]
    widths = column_widths(rows, None, WIDTH)
    assert sum(widths) == WIDTH and max(widths) - min(widths) < 300


def test_fit_gives_the_minimum_and_shares_the_rest() -> None:
    assert fit([1, 1, 1], [2000, 100, 100], 3000) == [2000, 500, 500]


def test_short_columns_stay_on_one_line_while_the_long_one_keeps_most_room() -> None:
    rows = [
        ["Key", "Title", "Status", "Priority", "Owner", "Release"],
        ["CRM-12", "需求标题" * 3, "In progress", "Should", "王强", "v1.0"],
    ]
    widths = column_widths(rows, [1.0, 3.6, 0.9, 0.8, 0.9, 0.8], WIDTH)
    status = int(display_units("In progress") * TWIPS_PER_UNIT) + CELL_PADDING  # one line
    release = int(display_units("Release") * 1.1 * TWIPS_PER_UNIT) + CELL_PADDING  # bold
    assert widths[2] >= status and widths[5] >= release
    assert widths[1] == max(widths) and widths[1] > WIDTH / 3
