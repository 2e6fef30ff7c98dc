"""The detail editor's scoring section follows the project's model: ICE, WSJF and
weighted criteria typed with real keys, one undo step each, Ctrl+Z undoes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Update
from tests.app.detail_helpers import shown_editor
from tests.app.test_detail_editor import Setup, retype

CRITERIA = [
    {"id": "fit", "name": "战略匹配", "weight": 3, "scale": 5},
    {"id": "rev", "name": "收入", "weight": 1, "scale": 10},
]


@pytest.fixture
def setup(qtbot: QtBot, tmp_path: Path) -> Iterator[Setup]:
    """The sample project (Chinese) with CRM-2 shown, as test_detail_editor's."""
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    with shown_editor(qtbot, path, tmp_path / "data") as (session, editor):
        s = Setup(session, editor, {})
        editor.show_requirement(s.uid("CRM-2"))
        yield s


def choose(setup: Setup, **values: object) -> None:
    """Set project properties as the Properties dialog would (one undo step)."""
    uid = setup.session.project.info().uid
    assert setup.session.push(Update("project", uid, values))


def press_undo(qtbot: QtBot, setup: Setup) -> None:
    """Ctrl+Z as the window's Edit ▸ Undo takes it, with the focus off any input."""
    editor = setup.editor
    action = setup.session.undo_stack.createUndoAction(editor)
    action.setShortcut(QKeySequence.StandardKey.Undo)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    editor.addAction(action)
    editor.form.key.setFocus()
    QTest.keyClick(editor.form.key, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    editor.removeAction(action)


def heading(setup: Setup) -> str:
    label = setup.editor.form.score_heading.findChild(QLabel)
    assert label is not None
    return label.text()


def test_the_form_shows_the_inputs_of_the_chosen_model(setup: Setup) -> None:
    form = setup.editor.form
    assert heading(setup) == "RICE score" and form.rice.reach.isVisible()
    assert not form.ice.spins["impact"].isVisible()
    choose(setup, scoring="ice")
    assert heading(setup) == "ICE score"
    assert form.ice.spins["ease"].isVisible() and not form.rice.reach.isVisible()
    assert form.ice.score.text() == "—"
    choose(setup, scoring="wsjf")
    assert heading(setup) == "WSJF score" and form.wsjf.spins["job_size"].isVisible()
    choose(setup, scoring="weighted")
    assert form.criteria.empty.isVisible()  # no criteria yet: says where to add them
    choose(setup, criteria=CRITERIA)
    assert not form.criteria.empty.isVisible()
    assert [s.isVisible() for s in form.criteria.spins.values()] == [True, True]


def test_ice_inputs_typed_and_undone_with_ctrl_z(qtbot: QtBot, setup: Setup) -> None:
    choose(setup, scoring="ice")
    steps = setup.steps
    ice = setup.editor.form.ice
    retype(qtbot, ice.spins["impact"], "5")
    retype(qtbot, ice.spins["confidence"], "8")
    retype(qtbot, ice.spins["ease"], "3", enter=False)
    assert ice.score.text() == QLocale().toString(120.0, "f", 2)  # live: 5 × 8 × 3
    QTest.keyClick(ice.spins["ease"], Qt.Key.Key_Return)
    assert setup.values()["ice"] == {"impact": 5, "confidence": 8, "ease": 3}
    assert setup.steps == steps + 3
    assert setup.session.undo_stack.undoText().startswith("Edit CRM-2")
    press_undo(qtbot, setup)
    assert setup.values()["ice"] == {"impact": 5, "confidence": 8, "ease": None}
    assert ice.spins["ease"].text() == "—" and ice.score.text() == "—"
    # Out of range is not typeable: the spin box keeps 1–10.
    retype(qtbot, ice.spins["ease"], "12")
    assert setup.values()["ice"]["ease"] in (None, 1.0)


def test_wsjf_inputs_and_score(qtbot: QtBot, setup: Setup) -> None:
    choose(setup, scoring="wsjf")
    wsjf = setup.editor.form.wsjf
    for name, text in (
        ("business_value", "8"),
        ("time_criticality", "5"),
        ("risk_reduction", "3"),
        ("job_size", "5"),
    ):
        retype(qtbot, wsjf.spins[name], text)
    assert setup.values()["wsjf"] == {
        "business_value": 8,
        "time_criticality": 5,
        "risk_reduction": 3,
        "job_size": 5,
    }
    assert wsjf.score.text() == QLocale().toString(3.2, "f", 2)  # (8 + 5 + 3) ÷ 5
    ranked = setup.session.project.ranking()
    assert [(r.key, r.score) for r in ranked.rows] == [("CRM-2", 3.2)]


def test_weighted_criteria_typed_keep_other_values_and_undo(qtbot: QtBot, setup: Setup) -> None:
    choose(setup, scoring="weighted", criteria=CRITERIA)
    uid = setup.uid("CRM-2")
    # A value of a criterion the project has dropped is kept, not lost.
    assert setup.session.push(Update("requirement", uid, {"scores": {"old": 2}}))
    criteria = setup.editor.form.criteria
    retype(qtbot, criteria.spins["fit"], "4")
    assert criteria.score.text() == "—"  # one criterion still without a value
    retype(qtbot, criteria.spins["rev"], "5")
    assert setup.values()["scores"] == {"old": 2, "fit": 4, "rev": 5}
    # (3 × 4/5 + 1 × 5/10) ÷ 4 = 72.5 %
    assert criteria.score.text() == QLocale().toString(72.5, "f", 2)
    press_undo(qtbot, setup)
    assert setup.values()["scores"] == {"old": 2, "fit": 4}
    assert criteria.spins["rev"].text() == "—"
    # Renaming a criterion keeps its value: values are stored by the criterion's id.
    renamed = [{**CRITERIA[0], "name": "Fit"}, CRITERIA[1]]
    choose(setup, criteria=renamed)
    assert criteria.spins["fit"].value() == 4


def test_read_only_the_criteria_made_later_are_locked_too(setup: Setup) -> None:
    setup.editor.lock_editing()  # a read-only window locks the form when it opens
    choose(setup, scoring="weighted", criteria=CRITERIA)
    spins = list(setup.editor.form.criteria.spins.values())
    assert len(spins) == 2 and all(s.isReadOnly() for s in spins)
    assert all(s.isReadOnly() for s in setup.editor.form.ice.spins.values())
