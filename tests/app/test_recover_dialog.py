"""The real recovery question (dialogs.ask_recover): Discard asks once more,
naming the project, and "not sure after all" goes back to the question instead
of deciding anything."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.app import dialogs


def click_in_turn(clicks: list[str]) -> list[str]:
    """Answer each recovery question that appears by the next button in `clicks`."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(box.text())
        click = clicks.pop(0)
        if clicks:
            QTimer.singleShot(0, answer)  # the question comes again
        buttons = [b for b in box.buttons() if isinstance(b, QPushButton)]
        next(b for b in buttons if b.text() == click).click()

    QTimer.singleShot(0, answer)
    return seen


@pytest.mark.parametrize(
    ("sure", "expected"),
    [(QMessageBox.StandardButton.Discard, dialogs.DISCARD), (None, dialogs.RECOVER)],
)
def test_discard_asks_once_more_naming_the_project(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    sure: QMessageBox.StandardButton | None,
    expected: str,
) -> None:
    confirmations: list[str] = []

    def warning(_parent: QWidget, _title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        confirmations.append(text)
        return sure or QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", warning)
    # Not sure after all: back to the question, where Recover is chosen.
    questions = click_in_turn(["Discard…"] if sure else ["Discard…", "Recover"])
    answer = dialogs.ask_recover(None, "plan.pmdesk", 3, "2027-01-05T09:30:00")
    assert answer == expected
    assert confirmations == ["Throw away the 3 unsaved changes to plan.pmdesk for good?"]
    assert len(questions) == (1 if sure else 2)
    assert all("plan.pmdesk" in q for q in questions)
