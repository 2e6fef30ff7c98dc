"""How the conflict dialog says the values of issue 13's fields (schema 4)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pmdesk.app.merge.conflict_texts import readable
from pmdesk.core.schema.rows import Tables

TABLES: Tables = {"release": {"r1": {"uid": "r1", "name": "v1.0"}}}


def test_a_release_status_is_said_as_a_release_status(qtbot: QtBot) -> None:
    assert readable("release", "status", "planned", TABLES) == "Planned"
    assert readable("release", "status", "in_progress", TABLES) == "In progress"


def test_an_unassessed_priority_or_kano_is_said_so(qtbot: QtBot) -> None:
    assert readable("requirement", "priority", None, TABLES) == "Not assessed"
    assert readable("requirement", "kano", None, TABLES) == "Not assessed"
    assert readable("requirement", "priority", "must", TABLES) == "Must"


def test_a_logo_is_said_as_a_picture_and_its_size_never_as_bytes(qtbot: QtBot) -> None:
    logo = b"\x89PNG\r\n\x1a\n" + bytes(3000)
    text = readable("project", "logo", logo, TABLES)
    assert text == "Picture, 3 KB"
    assert readable("project", "logo", None, TABLES) == "No picture"


def test_a_milestone_release_is_said_by_its_name(qtbot: QtBot) -> None:
    assert readable("milestone", "release_uid", "r1", TABLES) == "v1.0"
    assert readable("milestone", "release_uid", None, TABLES) == "No release"


def test_the_prds_own_fields_are_said_by_their_names(qtbot: QtBot) -> None:
    assert readable("project", "doc_status", "in_review", TABLES) == "In review"
    assert readable("project", "confidentiality", "secret", TABLES) == "Secret"
    stored = '[{"role": "产品负责人", "name": "张伟"}, {"role": "QA", "name": ""}]'
    assert readable("project", "reviewers", stored, TABLES) == "产品负责人 张伟; QA"
    assert readable("project", "reviewers", "[]", TABLES) == "(empty)"
