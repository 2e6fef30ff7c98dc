"""The file questions of import and export, in one place tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

translate = QCoreApplication.translate


def import_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        translate("ImportDialog", "Import requirements"),
        "",
        translate("ImportDialog", "Spreadsheets, Jira CSV and ReqIF")
        + " (*.csv *.txt *.tsv *.xlsx *.xlsm *.reqif *.reqifz)",
    )
    return Path(name) if name else None


def mapping_path(parent: QWidget, *, saving: bool, suggestion: str = "") -> Path | None:
    if saving:
        caption = translate("ImportDialog", "Save the mapping")
    else:
        caption = translate("ImportDialog", "Load a mapping")
    pattern = translate("ImportDialog", "Mappings") + " (*.json)"
    if saving:
        name, _ = QFileDialog.getSaveFileName(parent, caption, suggestion, pattern)
    else:
        name, _ = QFileDialog.getOpenFileName(parent, caption, "", pattern)
    return Path(name) if name else None


def export_path(parent: QWidget, suggestion: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("ImportDialog", "Export requirements"),
        suggestion,
        ";;".join(
            (
                translate("ImportDialog", "Excel workbook") + " (*.xlsx)",
                translate("ImportDialog", "CSV, UTF-8") + " (*.csv)",
                "ReqIF (*.reqif)",
                "ReqIFz (*.reqifz)",
            )
        ),
    )
    return Path(name) if name else None


def choose_value(
    parent: QWidget, field: str, value: str, choices: list[tuple[str, str]]
) -> str | None:
    """Which pmdesk value a source value means: (value, name) choices; None if cancelled."""
    from PySide6.QtWidgets import QInputDialog

    names = [name for _, name in choices]
    label = translate("ImportDialog", "What does “%1” mean as %2?").replace("%1", value)
    label = label.replace("%2", field)
    name, ok = QInputDialog.getItem(
        parent, translate("ImportDialog", "Map a value"), label, names, 0, False
    )
    if not ok:
        return None
    return next((v for v, n in choices if n == name), None)
