"""The Kano evaluation: the standard table, a worked example computed by hand
(read from a survey file as a user would give it), and the tie rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmdesk.core.analysis.kano import ANSWERS, TIE_ORDER, category, chosen, evaluate
from pmdesk.core.analysis.kano_survey import read_kano_survey

# The evaluation table as Berger et al. (1993) print it: rows the functional
# answer, columns the dysfunctional one, both in the questionnaire's order
# (like, must-be, neutral, live with, dislike).
STANDARD = """
    Q A A A O
    R I I I M
    R I I I M
    R I I I M
    R R R R Q
"""


def test_every_pair_of_answers_gets_the_category_of_the_standard_table() -> None:
    rows = [line.split() for line in STANDARD.strip().splitlines()]
    for f, functional in enumerate(ANSWERS):
        for d, dysfunctional in enumerate(ANSWERS):
            assert category(functional, dysfunctional) == rows[f][d], (functional, dysfunctional)


# A survey of ten respondents on REQ-1 and six on REQ-2 (four of the ten skipped
# REQ-2; respondent 10 answered only its functional question), in the words of a
# Chinese questionnaire.
WORKED = """\
序号,REQ-1 正向,REQ-1 反向,REQ-2 正向,REQ-2 反向
1,我很喜欢,我很不喜欢,我很喜欢,我很不喜欢
2,我很喜欢,无所谓,理所当然,我很不喜欢
3,我很喜欢,理所当然,我很喜欢,我很不喜欢
4,理所当然,我很不喜欢,能忍受,我很不喜欢
5,无所谓,我很不喜欢,我很喜欢,无所谓
6,我很喜欢,我很不喜欢,无所谓,无所谓
7,无所谓,无所谓,,
8,我很喜欢,能忍受,,
9,我很不喜欢,我很喜欢,,
10,我很喜欢,我很喜欢,无所谓,
"""


def test_worked_example_computed_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "问卷.csv"
    path.write_text(WORKED, encoding="utf-8")
    survey = read_kano_survey(path, ["REQ-1", "REQ-2", "REQ-3"])
    req1, req2 = survey.evaluate()

    # REQ-1, respondent by respondent (functional, dysfunctional → category):
    #  1 like/dislike O · 2 like/neutral A · 3 like/must-be A · 4 must-be/dislike M
    #  5 neutral/dislike M · 6 like/dislike O · 7 neutral/neutral I · 8 like/live-with A
    #  9 dislike/like R · 10 like/like Q
    # A 3, O 2, M 2, I 1, R 1, Q 1 → A (attractive) is the most frequent: 兴奋型.
    # Better = (A + O) / (A + O + M + I) = (3 + 2) / (3 + 2 + 2 + 1) = 5/8 = 0.625
    # Worse = −(O + M) / (A + O + M + I) = −(2 + 2) / 8 = −0.5
    assert req1.key == "REQ-1" and req1.respondents == 10
    assert dict(req1.counts) == {"A": 3, "O": 2, "M": 2, "I": 1, "R": 1, "Q": 1}
    assert (req1.category, req1.kano) == ("A", "delighter")
    assert req1.better == 0.625 and req1.worse == -0.5

    # REQ-2: 1 like/dislike O · 2 must-be/dislike M · 3 like/dislike O
    #  4 live-with/dislike M · 5 like/neutral A · 6 neutral/neutral I
    #  (7–9 left it blank: not counted; 10 answered one question: incomplete)
    # A 1, O 2, M 2, I 1: O and M tie at 2 → M by the rule M > O > A > I: 基本型.
    # Better = (1 + 2) / (1 + 2 + 2 + 1) = 3/6 = 0.5
    # Worse = −(2 + 2) / 6 = −2/3 ≈ −0.6667
    assert req2.respondents == 6 and survey.incomplete["REQ-2"] == 1
    assert dict(req2.counts) == {"A": 1, "O": 2, "M": 2, "I": 1, "R": 0, "Q": 0}
    assert (req2.category, req2.kano) == ("M", "basic")
    assert req2.better == 0.5 and req2.worse == pytest.approx(-2 / 3)
    assert "REQ-3" not in survey.answers  # in the project, not in the survey


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"M": 2, "O": 2}, "M"),
        ({"O": 3, "A": 3}, "O"),
        ({"A": 1, "I": 1}, "A"),
        ({"I": 4, "R": 4, "Q": 4}, "I"),
        ({"R": 2, "Q": 2}, "R"),
        ({"Q": 3, "A": 2}, "Q"),  # questionable answers win: nothing is set from them
        ({"A": 5, "O": 4, "M": 4}, "A"),  # the most frequent wins before any tie rule
    ],
)
def test_ties_go_to_the_category_that_costs_most_to_get_wrong(
    counts: dict[str, int], expected: str
) -> None:
    assert TIE_ORDER == ("M", "O", "A", "I", "R", "Q")
    assert chosen(counts) == expected  # type: ignore[arg-type]


def test_a_questionable_or_empty_result_sets_no_category_and_no_coefficients() -> None:
    questionable = evaluate(
        "REQ-1", [("like", "like"), ("dislike", "dislike"), ("like", "dislike")]
    )
    assert (questionable.category, questionable.kano) == ("Q", None)
    assert (questionable.better, questionable.worse) == (1.0, -1.0)  # the one O pair
    reverse_only = evaluate("REQ-2", [("dislike", "like")])
    assert (reverse_only.kano, reverse_only.better, reverse_only.worse) == ("reverse", None, None)
    nothing = evaluate("REQ-3", [])
    assert (nothing.respondents, nothing.category, nothing.kano) == (0, None, None)
