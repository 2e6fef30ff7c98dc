"""A Kano survey read from its CSV file: each requirement's pairs of answers.

Two shapes are read:

- wide, as survey sites export it: a row per respondent, and per requirement
  two columns whose titles name its key and its question ("CRM-12 functional",
  "CRM-12 功能型"/"正向", "CRM-12 dysfunctional", "CRM-12 反向"/"负向", or
  the question itself: "3、CRM-12 如果产品不具备…"); other columns (number,
  time, source…) are left alone;
- long: a row per respondent and requirement, with columns respondent
  (optional), requirement, functional and dysfunctional.

The column titles are the first row, or one of the next few below a title.

Every problem is refused with the file, row and column it is in: an answer that
is none of the five, a key the project does not have, a question without its
counterpart. A respondent who skipped a requirement's two questions is not
counted for it; one who answered only one of them is counted as incomplete.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from pmdesk.core.analysis.kano import Answer, KanoResult, evaluate
from pmdesk.core.analysis.kano_words import (
    Direction,
    answer_of,
    direction_of,
    keys_in,
    long_role,
    unanswered,
)
from pmdesk.core.analysis.survey_csv import CsvTable, SurveyError, read_csv
from pmdesk.resources import resource_path

Pair = tuple[Answer, Answer]  # (functional, dysfunctional)
_TITLE_LIMIT = 40  # a column's title in a message, cut to this many characters
_HEADER_SEARCH = 5  # the column titles are in one of the first rows


def sample_survey_path(language: str = "zh") -> Path:
    """The survey that ships with the sample project of `language`: 30 respondents
    on 8 of its requirements, as 问卷星 exports it ("zh": UTF-8 with a BOM, the
    Chinese answers) or Google Forms ("en")."""
    return resource_path("samples", f"kano_survey_{language}.csv")


@dataclass(frozen=True)
class KanoSurvey:
    """The answers of a survey file: per requirement key (in the file's order)
    the respondents' (functional, dysfunctional) pairs, and how many answered
    only one of the two questions."""

    name: str
    shape: Literal["wide", "long"]
    answers: Mapping[str, tuple[Pair, ...]]
    incomplete: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.answers)

    def evaluate(self) -> list[KanoResult]:
        """Each requirement's evaluation, in the file's order."""
        return [evaluate(key, pairs) for key, pairs in self.answers.items()]


def read_kano_survey(path: Path, keys: Iterable[str]) -> KanoSurvey:
    """Read the survey at `path` for a project whose requirement keys are `keys`."""
    return kano_survey(read_csv(path), keys)


def kano_survey(table: CsvTable, keys: Iterable[str]) -> KanoSurvey:
    """The survey in a CSV table, checked against the project's `keys`."""
    known = {key.upper(): key for key in keys}
    # The column titles are the first row, or the first that has them below a
    # title or a note a spreadsheet's author put above the table.
    for index, row in enumerate(table.rows[:_HEADER_SEARCH]):
        header = [cell.strip() for cell in row]
        wide = _wide_columns(table.name, header, known)
        roles = _long_columns(header)
        if wide:
            survey = _read_wide(table, index, wide)
        elif {"requirement", "functional", "dysfunctional"} <= set(roles):
            survey = _read_long(table, index, roles, known)
        else:
            continue
        if not any(survey.answers.values()):
            raise SurveyError("survey.no_answers", name=table.name)
        return survey
    raise SurveyError("survey.no_questions", name=table.name)


def _title(header: list[str], column: int) -> str:
    title = header[column] if column < len(header) else ""
    return _shown(title) or _column_letters(column)


def _shown(text: str) -> str:
    """A cell as a message quotes it: on one line, cut short when long."""
    text = " ".join(text.split())
    return text if len(text) <= _TITLE_LIMIT else text[: _TITLE_LIMIT - 1] + "…"


def _column_letters(column: int) -> str:
    """A spreadsheet's name of a column without a title: A, B, … Z, AA…"""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# -- wide: a row per respondent ---------------------------------------------------


def _wide_columns(
    name: str, header: list[str], known: Mapping[str, str]
) -> dict[str, dict[Direction, int]]:
    """Per key (file order), the column of its functional and dysfunctional question.
    A column naming a key but neither question is a note beside them ("CRM-3 备注"),
    left alone when that key has both questions, else the question left unsaid."""
    columns: dict[str, dict[Direction, int]] = {}
    undirected: dict[str, int] = {}
    for column, title in enumerate(header):
        found = keys_in(title)
        if not found:
            continue
        direction = direction_of(title)
        key = next((known[k] for k in found if k in known), None)
        if key is None:
            if direction is None:
                continue  # a key-like word in another column ("UTF-8", "COVID-19")
            raise SurveyError(
                "survey.unknown_key_column", name=name, key=found[0], column=_title(header, column)
            )
        if direction is None:
            undirected.setdefault(key, column)
            continue
        mine = columns.setdefault(key, {})
        if direction in mine:
            first, second = _title(header, mine[direction]), _title(header, column)
            if direction == "functional":
                raise SurveyError(
                    "survey.twice_functional", name=name, key=key, first=first, second=second
                )
            raise SurveyError(
                "survey.twice_dysfunctional", name=name, key=key, first=first, second=second
            )
        mine[direction] = column
    for key, column in undirected.items():
        if len(columns.get(key, {})) < 2:
            raise SurveyError(
                "survey.no_direction", name=name, key=key, column=_title(header, column)
            )
    for key, mine in columns.items():
        if "dysfunctional" not in mine:
            raise SurveyError(
                "survey.no_dysfunctional",
                name=name,
                key=key,
                column=_title(header, mine["functional"]),
            )
        if "functional" not in mine:
            raise SurveyError(
                "survey.no_functional",
                name=name,
                key=key,
                column=_title(header, mine["dysfunctional"]),
            )
    return columns


def _read_wide(table: CsvTable, first: int, columns: dict[str, dict[Direction, int]]) -> KanoSurvey:
    """The answers below the column titles in row index `first`."""
    header = [cell.strip() for cell in table.rows[first]]
    answers: dict[str, list[Pair]] = {key: [] for key in columns}
    incomplete = dict.fromkeys(columns, 0)
    for number, row in enumerate(table.rows[first + 1 :], start=first + 2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line between respondents, or at the end
        _check_width(table.name, number, row, header)
        for key, mine in columns.items():
            f_col, d_col = mine["functional"], mine["dysfunctional"]
            f_cell = _given(row, f_col)
            d_cell = _given(row, d_col)
            if not f_cell and not d_cell:
                continue
            if not f_cell or not d_cell:
                # Still check the one given: a wrong word is a wrong word.
                if f_cell:
                    _answer(table.name, number, header, f_col, f_cell)
                if d_cell:
                    _answer(table.name, number, header, d_col, d_cell)
                incomplete[key] += 1
                continue
            answers[key].append(
                (
                    _answer(table.name, number, header, f_col, f_cell),
                    _answer(table.name, number, header, d_col, d_cell),
                )
            )
    return KanoSurvey(
        table.name,
        "wide",
        MappingProxyType({key: tuple(pairs) for key, pairs in answers.items()}),
        MappingProxyType(incomplete),
    )


def _given(row: list[str], column: int) -> str:
    """The answer in a cell; "" for none (blank, or a survey site's word for skipped)."""
    cell = row[column].strip() if column < len(row) else ""
    return "" if unanswered(cell) else cell


def _check_width(name: str, number: int, row: list[str], header: list[str]) -> None:
    if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
        raise SurveyError("survey.too_many_cells", name=name, row=number, count=len(header))


def _answer(name: str, number: int, header: list[str], column: int, cell: str) -> Answer:
    found = answer_of(cell)
    if found is None:
        raise SurveyError(
            "survey.unknown_answer",
            name=name,
            row=number,
            column=_title(header, column),
            value=_shown(cell),
        )
    return found


# -- long: a row per respondent and requirement -----------------------------------


def _long_columns(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for column, title in enumerate(header):
        role = long_role(title)
        if role is not None and role not in roles:
            roles[role] = column
    return roles


def _read_long(
    table: CsvTable, first: int, roles: dict[str, int], known: Mapping[str, str]
) -> KanoSurvey:
    """The answers below the column titles in row index `first`."""
    header = [cell.strip() for cell in table.rows[first]]
    answers: dict[str, list[Pair]] = {}
    incomplete: dict[str, int] = {}
    seen: dict[tuple[str, str], int] = {}  # (respondent, key) → the row it was answered in

    def cell(row: list[str], role: str) -> str:
        column = roles.get(role)
        return row[column].strip() if column is not None and column < len(row) else ""

    for number, row in enumerate(table.rows[first + 1 :], start=first + 2):
        if not any(c.strip() for c in row):
            continue
        _check_width(table.name, number, row, header)
        named = cell(row, "requirement")
        column = _title(header, roles["requirement"])
        found = keys_in(named)
        if not found:
            raise SurveyError(
                "survey.no_key_in_cell",
                name=table.name,
                row=number,
                column=column,
                value=_shown(named),
            )
        key = next((known[k] for k in found if k in known), None)
        if key is None:
            raise SurveyError(
                "survey.unknown_key_cell", name=table.name, row=number, column=column, key=found[0]
            )
        answers.setdefault(key, [])
        incomplete.setdefault(key, 0)
        respondent = cell(row, "respondent")
        if respondent:
            earlier = seen.setdefault((respondent, key), number)
            if earlier != number:
                raise SurveyError(
                    "survey.answered_twice",
                    name=table.name,
                    row=number,
                    respondent=_shown(respondent),
                    key=key,
                    first=earlier,
                )
        f_col, d_col = roles["functional"], roles["dysfunctional"]
        f_cell, d_cell = _given(row, f_col), _given(row, d_col)
        pair = (
            _answer(table.name, number, header, f_col, f_cell) if f_cell else None,
            _answer(table.name, number, header, d_col, d_cell) if d_cell else None,
        )
        if pair[0] is not None and pair[1] is not None:
            answers[key].append((pair[0], pair[1]))
        elif pair != (None, None):
            incomplete[key] += 1
    return KanoSurvey(
        table.name,
        "long",
        MappingProxyType({key: tuple(pairs) for key, pairs in answers.items()}),
        MappingProxyType(incomplete),
    )
