"""The mapping dialog's view of a plan: the preview of the first rows (what each
will be, which fields change), the problems, and the one-line summary."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QTableWidget, QTableWidgetItem

from pmdesk.interop.messages import field_name
from pmdesk.interop.plan import Existing, Plan

PREVIEW_ROWS = 500  # the preview shows the first rows; counts and problems cover all
_PROBLEM = QColor("#fde2e1")
_NEW = QColor("#e6f4ea")


def fill_preview(
    preview: QTableWidget, plan: Plan, language: str, existing: Existing | None
) -> None:
    """The first PREVIEW_ROWS rows: row, action, key, title, changes or problems."""
    words = {
        "create": QCoreApplication.translate("ImportDialog", "New"),
        "update": QCoreApplication.translate("ImportDialog", "Update"),
        "unchanged": QCoreApplication.translate("ImportDialog", "Unchanged"),
    }
    custom_names = {uid: name for name, (uid, _, _) in plan.new_custom_fields.items()}
    if existing is not None:
        custom_names |= {u: n for n, (u, _, _) in existing.custom_fields.items()}
    shown = plan.rows[:PREVIEW_ROWS]
    preview.setRowCount(len(shown))
    for row, item in enumerate(shown):
        number = item.where.removeprefix("row ")
        if item.problems:
            detail = "; ".join(p.text(language) for p in item.problems)
        elif item.action == "unchanged":
            detail = ""
        else:
            names = [field_name(k, language) for k in item.values if k != "custom"]
            after = item.values.get("custom")
            if after is not None:  # custom fields by their names, those that change
                old = existing.requirements.get(item.uid, {}) if existing else {}
                before = old.get("custom") or {}
                changed = [u for u in {**before, **after} if before.get(u) != after.get(u)]
                names += [custom_names.get(u, u) for u in changed]
            if item.moved:
                names.append(field_name("parent", language))
            detail = ", ".join(names)
        key = item.key
        if not key and item.file_key:  # the project numbers it: say so
            key = QCoreApplication.translate("ImportDialog", "%1 → new key").replace(
                "%1", item.file_key
            )
        cells = [number, words[item.action], key, item.title, detail]
        colour = _PROBLEM if item.problems else _NEW if item.action == "create" else None
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            if column == 4 and text:
                cell.setToolTip(text)  # the whole sentence where the cell cuts it
            if colour is not None:
                cell.setBackground(QBrush(colour))
            preview.setItem(row, column, cell)
    for column in range(3):
        preview.resizeColumnToContents(column)


def fill_problems(problems: QListWidget, plan: Plan, language: str, *, mappable: bool) -> None:
    """Every problem with its row; an unknown value says it can be mapped from here."""
    problems.clear()
    for index, problem in enumerate(plan.problems):
        entry = QListWidgetItem(problem.line(language))
        entry.setData(Qt.ItemDataRole.UserRole, index)
        if problem.code == "bad_value" and mappable:
            entry.setToolTip(
                QCoreApplication.translate(
                    "ImportDialog", "Double-click or press Enter to say what this value means"
                )
            )
        problems.addItem(entry)
    problems.setVisible(bool(plan.problems))


def summary_text(plan: Plan) -> str:
    """New, updated, unchanged; what is created besides; the problems; what is left out."""
    translate = QCoreApplication.translate  # by this name: lupdate finds the texts
    parts = [
        translate("ImportDialog", "%1 new").replace("%1", str(plan.created)),
        translate("ImportDialog", "%1 updated").replace("%1", str(plan.updated)),
        translate("ImportDialog", "%1 unchanged").replace(
            "%1", str(len(plan.rows) - plan.created - plan.updated)
        ),
    ]
    if plan.new_releases:
        parts.append(
            translate("ImportDialog", "new releases: %1").replace(
                "%1", ", ".join(plan.new_releases)
            )
        )
    if plan.new_personas:
        parts.append(
            translate("ImportDialog", "new personas: %1").replace(
                "%1", ", ".join(plan.new_personas)
            )
        )
    if plan.new_custom_fields:
        parts.append(
            translate("ImportDialog", "new custom fields: %1").replace(
                "%1", ", ".join(plan.new_custom_fields)
            )
        )
    if plan.links:
        parts.append(translate("ImportDialog", "%1 links").replace("%1", str(len(plan.links))))
    text = " · ".join(parts)
    if plan.problems:
        count = len(plan.problems)  # a name: lupdate skips a call whose count is a call
        problems = QCoreApplication.translate(
            "ImportDialog",
            "%n problem(s): fix the file or the mapping; nothing is imported until then.",
            "",
            count,
        )
        text += f"<br><span style='color:#b3261e'>{problems}</span>"
    if plan.not_imported:
        text += "<br>" + translate(
            "ImportDialog", "Not imported (pmdesk has no field for them): %1"
        ).replace("%1", ", ".join(plan.not_imported))
    return text
