"""The Kano window's words in the UI language: the evaluation's categories
(core vocabulary, Qt context "KanoCategory") and the picture's texts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pmdesk.core.domain.vocabulary import KANO_CATEGORY, KANO_CATEGORY_TERMS
from pmdesk.export.kano_picture import PictureTexts

translate = QCoreApplication.translate


def category_label(letter: str | None) -> str:
    """An evaluation category (A, O, M, I, R, Q) by name; a dash for none."""
    term = KANO_CATEGORY_TERMS.get(letter or "")
    return "—" if term is None else translate(KANO_CATEGORY, term.en)


def picture_texts() -> PictureTexts:
    """The Better–Worse picture's axis and quadrant names, as the window says them."""
    return PictureTexts(
        translate("KanoWindow", "Dissatisfaction |Worse|"),
        translate("KanoWindow", "Satisfaction (Better)"),
        {letter: category_label(letter) for letter in "AOMI"},
    )
