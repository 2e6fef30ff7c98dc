"""The matrix's coverage line in words: "13 of 18 features traced (72%)".

One sentence per side (a kind, or a saved view's requirements) so that each
language says its own plural and measure word ("18 个功能中 13 个已追溯"). Each
text is a plural of its total (translate(ctx, text, "", total): the count a
plain name and the text one literal, as pyside6-lupdate needs to extract it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def side_traced(covered: int, total: int, kind: str, view: str | None = None) -> str:
    """How many of a side's `total` requirements are traced; `kind` one of the
    vocabulary's kinds, or any other word with `view` naming a saved view."""
    share = round(100 * covered / total) if total else 0
    if view is not None:
        text = translate("TraceCoverage", "%1 of %n requirement(s) in “%3” traced (%2%)", "", total)
    elif kind == "epic":
        text = translate("TraceCoverage", "%1 of %n epic(s) traced (%2%)", "", total)
    elif kind == "feature":
        text = translate("TraceCoverage", "%1 of %n feature(s) traced (%2%)", "", total)
    elif kind == "story":
        text = translate("TraceCoverage", "%1 of %n stor(y|ies) traced (%2%)", "", total)
    elif kind == "nfr":
        text = translate(
            "TraceCoverage", "%1 of %n non-functional requirement(s) traced (%2%)", "", total
        )
    else:
        text = translate("TraceCoverage", "%1 of %n requirement(s) traced (%2%)", "", total)
    return text.replace("%1", str(covered)).replace("%2", str(share)).replace("%3", view or "")


def coverage_line(rows: str, columns: str) -> str:
    """The two sides' sentences as one line."""
    return (
        translate("TraceCoverage", "Coverage: %1; %2.").replace("%1", rows).replace("%2", columns)
    )
