"""The detail editor's scoring section for ICE, WSJF and the weighted model.

RICE keeps its own inputs (inputs.RiceInputs); the project's model decides
which set the form shows (`DetailForm.show_model`). Like RICE's, these inputs
report a *committed* edit (Return, focus out, a step of the arrows), show the
score live as the user types, and keep an input the user did not touch at its
exact stored value. "—" (a spin box's lowest value) means not assessed yet.
The scores are computed by core (pmdesk.core.analysis.scoring).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

from PySide6.QtCore import QLocale, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QWidget

from pmdesk.core.analysis import scoring
from pmdesk.core.domain import vocabulary
from pmdesk.core.queries.setup import Criterion


def _spin(low: int, high: int, tip: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low - 1, high)  # the lowest: "—", not assessed
    box.setSpecialValueText("—")
    box.setToolTip(tip)
    return box


def score_label() -> QLabel:
    label = QLabel("—")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def show_score(label: QLabel, score: float | None, formula: str, missing: str) -> None:
    label.setText("—" if score is None else QLocale().toString(score, "f", 2))
    label.setToolTip(missing if score is None else formula)


class _Spins(QObject):
    """Spin boxes by name, with the stored-value bookkeeping of RiceInputs."""

    committed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spins: dict[str, QSpinBox] = {}
        self._stored: dict[str, float | None] = {}
        self._shown: dict[str, float | None] = {}

    def _add(self, name: str, box: QSpinBox) -> None:
        self.spins[name] = box
        box.editingFinished.connect(self.committed)
        box.valueChanged.connect(self._show_score)

    def widgets(self) -> tuple[QWidget, ...]:
        return tuple(self.spins.values())

    def _read(self) -> dict[str, float | None]:
        return {
            name: None if box.value() == box.minimum() else float(box.value())
            for name, box in self.spins.items()
        }

    def _current(self) -> dict[str, float | None]:
        shown = self._read()
        return {
            name: self._stored.get(name) if shown[name] == self._shown.get(name) else shown[name]
            for name in self.spins
        }

    def _put(self, stored: dict[str, float | None]) -> None:
        with ExitStack() as stack:
            for box in self.spins.values():
                stack.enter_context(QSignalBlocker(box))
            for name, box in self.spins.items():
                value = stored.get(name)
                box.setValue(box.minimum() if value is None else round(value))
        self._stored = stored
        self._shown = self._read()
        self._show_score()

    def _show_score(self) -> None:
        raise NotImplementedError


class ModelInputs(_Spins):
    """The inputs of ICE (1–10 each) or WSJF (1–20 each) and the live score."""

    def __init__(self, model: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.names = vocabulary.SCORE_INPUTS[model]
        low, high = vocabulary.ICE_RANGE if model == "ice" else vocabulary.WSJF_RANGE
        tips = {
            "ice.impact": self.tr("How much it moves the goal, 1–10"),
            "ice.confidence": self.tr("How sure you are of the impact, 1–10"),
            "ice.ease": self.tr("How easy it is to build, 1–10"),
            "wsjf.business_value": self.tr("Value to users and the business, 1–20"),
            "wsjf.time_criticality": self.tr("How fast the value decays if it waits, 1–20"),
            "wsjf.risk_reduction": self.tr("Risk it removes or opportunity it opens, 1–20"),
            "wsjf.job_size": self.tr("Size of the work, 1–20 (1, 2, 3, 5, 8, 13, 20)"),
        }
        for name in self.names:
            self._add(name, _spin(int(low), int(high), tips[f"{model}.{name}"]))
        self.score = score_label()

    def value(self) -> dict[str, float | None] | None:
        current = self._current()
        return None if all(v is None for v in current.values()) else current

    def set_value(self, inputs: dict[str, Any] | None) -> None:
        self._put({name: (inputs or {}).get(name) for name in self.names})

    def _show_score(self) -> None:
        if self.model == "ice":
            show_score(
                self.score,
                scoring.ice(self.value()),
                self.tr("Impact × Confidence × Ease"),
                self.tr("Fill in all three inputs to get a score"),
            )
        else:
            show_score(
                self.score,
                scoring.wsjf(self.value()),
                self.tr("(Business value + Time criticality + Risk reduction) ÷ Job size"),
                self.tr("Fill in all four inputs to get a score"),
            )


class CriteriaInputs(_Spins):
    """One spin box per criterion of the project (0 to its scale), and the live
    weighted score. Values of criteria the project no longer has are kept."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.criteria: tuple[Criterion, ...] = ()
        self.empty = QLabel(self.tr("No criteria yet: add them in Project ▸ Properties."))
        self.empty.setWordWrap(True)
        self.score = score_label()
        self._others: dict[str, Any] = {}
        self._form: QFormLayout | None = None
        self.styled: Callable[[QWidget], None] = lambda _box: None  # the form's look of a choice

    def attach(self, form: QFormLayout) -> None:
        """Lay out in `form`: the criteria's rows go above the score's row."""
        self._form = form
        form.addRow(self.empty)
        form.addRow(self.tr("Score"), self.score)

    def set_criteria(self, criteria: tuple[Criterion, ...]) -> None:
        form = self._form
        if criteria == self.criteria or form is None:
            return
        for box in self.spins.values():
            form.removeRow(box)
        self.spins = {}
        for criterion in criteria:
            box = _spin(0, max(1, round(criterion.scale)), "")
            box.setSuffix(f" / {criterion.scale:g}")
            box.setToolTip(self.tr("Weight %1").replace("%1", f"{criterion.weight:g}"))
            self.styled(box)
            self._add(criterion.id, box)
            place: Any = form.getWidgetPosition(self.score)  # (row, role)
            form.insertRow(int(place[0]), criterion.name, box)
        self.criteria = criteria

    def value(self) -> dict[str, float]:
        current = self._current()
        out = {k: v for k, v in self._others.items() if k not in current}
        out.update({k: v for k, v in current.items() if v is not None})
        return out

    def set_value(self, scores: dict[str, Any] | None) -> None:
        got = dict(scores or {})
        self._others = {k: v for k, v in got.items() if k not in self.spins}
        self._put({name: got.get(name) for name in self.spins})

    def _show_score(self) -> None:
        show_score(
            self.score,
            scoring.weighted(self.value(), self.criteria),
            self.tr("Σ weight × value ÷ scale, as a share of all weights"),
            self.tr("Score every criterion to get a score"),
        )
