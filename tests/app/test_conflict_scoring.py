"""How the conflict dialog names the scoring fields (schema 6) and says their values."""

from __future__ import annotations

import json

from pytestqt.qtbot import QtBot

from pmdesk.app.merge.conflict_texts import field_name, readable
from pmdesk.core.schema.rows import Tables

CRITERIA = [
    {"id": "fit", "name": "战略匹配", "weight": 3.0, "scale": 5.0},
    {"id": "rev", "name": "Revenue", "weight": 1.0, "scale": 10.0},
]
TABLES: Tables = {"project": {"p": {"uid": "p", "criteria": json.dumps(CRITERIA)}}}


def test_one_input_of_a_model_is_named_with_its_model(qtbot: QtBot) -> None:
    assert field_name("ice_ease") == "ICE Ease"
    assert field_name("wsjf_job_size") == "WSJF Job size"
    assert field_name("scoring") == "Scoring model"
    assert readable("requirement", "ice_ease", 3.0, TABLES) == "3"


def test_the_model_criteria_and_values_are_said_by_their_names(qtbot: QtBot) -> None:
    assert readable("project", "scoring", "weighted", TABLES) == "Weighted criteria"
    assert readable("project", "criteria", json.dumps(CRITERIA), TABLES) == (
        "战略匹配 ×3 /5; Revenue ×1 /10"
    )
    scores = json.dumps({"fit": 4.0, "rev": 5.5, "gone": 1.0})
    assert readable("requirement", "scores", scores, TABLES) == "战略匹配 4; Revenue 5.5; gone 1"
    assert readable("requirement", "scores", "{}", TABLES) == "(empty)"
