"""Core errors name their sentences by code: every code raised exists, every
sentence is used, and the English text is what the command line prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pmdesk.core.errors import OperationError, PmdeskError, SnapshotError
from pmdesk.core.messages import MESSAGES

CORE = Path(__file__).resolve().parents[2] / "pmdesk" / "core"
RAISED = re.compile(r"\b(?:PmdeskError|\w+Error|Notice)\(\s*\"([a-z_]+\.[a-z0-9_]+)\"")


def codes_in_core() -> set[str]:
    return {code for path in CORE.rglob("*.py") for code in RAISED.findall(path.read_text())}


def test_every_code_raised_has_a_sentence_and_every_sentence_is_raised() -> None:
    used = codes_in_core()
    assert used - set(MESSAGES) == set()
    # A count of one has a sentence of its own (`sentence_of`), said by its code's raise.
    singular = {code for code in MESSAGES if code.endswith(".one") and code[:-4] in used}
    assert set(MESSAGES) - used - singular == set()
    assert all("{count}" in MESSAGES[code[:-4]] for code in singular)


def test_error_keeps_code_parameters_and_english_sentence() -> None:
    error = OperationError("edit.missing", entity="release", uid="v9")
    assert (error.code, error.params) == ("edit.missing", {"entity": "release", "uid": "v9"})
    assert str(error) == "The release v9 does not exist."
    problems = ["a.b: 'x' is not text", "c: missing"]
    snap = SnapshotError("snapshot.invalid", problems=problems, text="; ".join(problems))
    assert snap.problems == problems and str(snap) == "a.b: 'x' is not text; c: missing"


def test_unknown_code_is_a_bug_caught_at_once() -> None:
    with pytest.raises(KeyError):
        PmdeskError("no.such_code")
