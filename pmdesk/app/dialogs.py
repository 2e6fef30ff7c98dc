"""Every modal question the app asks goes through here, so tests replace one
function instead of a blocking dialog."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from pmdesk.core.clock import local_minutes

if TYPE_CHECKING:
    from pmdesk.core.merge.three_way import Conflict, Resolution
    from pmdesk.core.schema.rows import Tables
    from pmdesk.core.storage.lockfile import LockInfo

FILE_FILTER = "pmdesk (*.pmdesk)"


translate = QCoreApplication.translate


def confirm_delete(parent: QWidget, keys: list[str], descendants: int) -> bool:
    text = translate("Dialogs", "Delete %1 and the %2 requirements below?").replace(
        "%1", ", ".join(keys[:5])
    )
    text = text.replace("%2", str(descendants))
    return yes_no(parent, translate("Dialogs", "Delete requirements"), text)


def ask_baseline_name(parent: QWidget, suggestion: str, *, renaming: bool = False) -> str | None:
    """The name for a new baseline (or a new name for one); None if cancelled."""
    if renaming:
        title = translate("Dialogs", "Rename baseline")
        label = translate("Dialogs", "New name of the baseline:")
    else:
        title = translate("Dialogs", "New baseline")
        label = translate(
            "Dialogs",
            "A baseline keeps the project as it is now, to compare with later "
            "(for example the version sent for review).\n\nName:",
        )
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, suggestion)
    return text if ok else None


def confirm_delete_baseline(parent: QWidget, name: str) -> bool:
    text = translate(
        "Dialogs", "Delete the baseline “%1”? Exports can then no longer compare with it."
    ).replace("%1", name)
    return yes_no(parent, translate("Dialogs", "Delete baseline"), text)


def yes_no(parent: QWidget, title: str, text: str) -> bool:
    """Yes or No, with No as the default: these questions guard destructive steps."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, "pmdesk", message)


def ask_save_changes(parent: QWidget, name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for a project with unsaved changes."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "pmdesk",
        translate("Dialogs", "Save the changes to %1 before closing?").replace("%1", name),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setInformativeText(translate("Dialogs", "If you don't save, your changes will be lost."))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return QMessageBox.StandardButton(box.exec())


RECOVER, DISCARD, LATER = "recover", "discard", "later"


def ask_recover(parent: QWidget | None, name: str, edits: int, when: str) -> str:
    """RECOVER, DISCARD (after a second question) or LATER. Escape means LATER:
    closing the question must never throw work away."""
    text = translate(
        "Dialogs", "pmdesk closed without saving %1. Recover the %2 unsaved changes (last at %3)?"
    )
    text = text.replace("%1", name).replace("%2", str(edits)).replace("%3", local_minutes(when))
    while True:  # "not sure after all" about discarding comes back here
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("Dialogs", "Recover unsaved work"),
            text,
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        recover = box.addButton(translate("Dialogs", "Recover"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            translate("Dialogs", "Discard…"), QMessageBox.ButtonRole.DestructiveRole
        )
        later = box.addButton(translate("Dialogs", "Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(recover)
        box.setEscapeButton(later)
        box.exec()
        if box.clickedButton() is recover:
            return RECOVER
        if box.clickedButton() is not discard:
            return LATER
        sure = QMessageBox.warning(
            parent,
            translate("Dialogs", "Discard unsaved work"),
            translate("Dialogs", "Throw away the %1 unsaved changes to %2 for good?")
            .replace("%1", str(edits))
            .replace("%2", name),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if sure == QMessageBox.StandardButton.Discard:
            return DISCARD


READ_ONLY, EDIT_ANYWAY, TAKE_OVER, CANCEL = "read_only", "edit_anyway", "take_over", "cancel"


def ask_locked(parent: QWidget | None, name: str, holder: LockInfo) -> str:
    """Someone else has `name` open (its lock file says who): READ_ONLY,
    EDIT_ANYWAY, TAKE_OVER or CANCEL. Read-only is the default; Escape cancels.
    Take Over is offered only where pmdesk cannot tell whether the holder still
    runs (another machine, a lock nobody can read), after a warning naming them."""
    if holder.readable:
        text = translate("Dialogs", "Opened by %1 on %2 since %3")
        text = text.replace("%1", holder.user).replace("%2", holder.host)
        text = text.replace("%3", local_minutes(holder.time))
    else:
        text = translate("Dialogs", "Locked by someone unknown: the lock file cannot be read.")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Dialogs", "%1 is in use").replace("%1", name),
        text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        translate(
            "Dialogs",
            "Open it read-only to look without changing it, or edit anyway: pmdesk will not "
            "overwrite work they save without asking you.",
        )
    )
    read_only = box.addButton(
        translate("Dialogs", "Open Read-Only"), QMessageBox.ButtonRole.AcceptRole
    )
    anyway = box.addButton(translate("Dialogs", "Edit Anyway"), QMessageBox.ButtonRole.ActionRole)
    take = None
    if not holder.on_this_host:
        take = box.addButton(translate("Dialogs", "Take Over…"), QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    box.setEscapeButton(cancel)
    box.exec()
    if box.clickedButton() is read_only:
        return READ_ONLY
    if box.clickedButton() is anyway:
        return EDIT_ANYWAY
    if take is not None and box.clickedButton() is take and _sure_to_take_over(parent, holder):
        return TAKE_OVER
    return CANCEL


def _sure_to_take_over(parent: QWidget | None, holder: LockInfo) -> bool:
    """The warning before taking someone's lock: only right if they are gone."""
    if holder.readable:
        text = translate(
            "Dialogs",
            "Take over the lock of %1 on %2, taken %3? Do this only if %1 has closed "
            "pmdesk there (the computer was switched off or pmdesk crashed): if they "
            "still have it open, they are not told and you both edit it.",
        )
        text = text.replace("%1", holder.user).replace("%2", holder.host)
        text = text.replace("%3", local_minutes(holder.time))
    else:
        text = translate(
            "Dialogs",
            "Take over a lock nobody can read? Do this only if nobody has the project "
            "open any more: if someone does, they are not told and you both edit it.",
        )
    sure = QMessageBox.warning(
        parent,
        translate("Dialogs", "Take over the lock"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return sure == QMessageBox.StandardButton.Yes


def open_path(parent: QWidget, folder: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, translate("Dialogs", "Open project"), folder, FILE_FILTER
    )
    return Path(name) if name else None


def survey_path(parent: QWidget, folder: str) -> Path | None:
    """A Kano survey's CSV file to read (Project ▸ Kano Survey…)."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        translate("Dialogs", "Open a Kano survey"),
        folder,
        translate("Dialogs", "Survey answers (*.csv *.txt)"),
    )
    return Path(name) if name else None


def copy_path(parent: QWidget, folder: str) -> Path | None:
    """The copy of the open project to merge in (File ▸ Merge a Copy)."""
    name, _ = QFileDialog.getOpenFileName(
        parent, translate("Dialogs", "Merge a copy of this project"), folder, FILE_FILTER
    )
    return Path(name) if name else None


def save_path(parent: QWidget, suggestion: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, translate("Dialogs", "Save project as"), suggestion, FILE_FILTER
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix == ".pmdesk" else path.with_name(path.name + ".pmdesk")


def resolve_conflicts(
    parent: QWidget,
    conflicts: list[Conflict],
    mine: Tables,
    theirs: Tables,
    their_names: list[str],
) -> dict[str, Resolution] | None:
    """Ask how to settle a merge's conflicts (app/merge/conflict_dialog.py); None: cancelled."""
    from pmdesk.app.merge.conflict_dialog import resolve_conflicts as ask

    return ask(parent, conflicts, mine, theirs, their_names)


_EXPORT_KINDS: dict[
    str, tuple[object, object]
] = {  # suffix → (title, filter), translated when asked
    ".docx": (
        QT_TRANSLATE_NOOP("Dialogs", "Export PRD"),
        QT_TRANSLATE_NOOP("Dialogs", "Word document (*.docx)"),
    ),
    ".md": (
        QT_TRANSLATE_NOOP("Dialogs", "Export PRD"),
        QT_TRANSLATE_NOOP("Dialogs", "Markdown (*.md)"),
    ),
    ".pdf": (
        QT_TRANSLATE_NOOP("Dialogs", "Export PRD"),
        QT_TRANSLATE_NOOP("Dialogs", "PDF document (*.pdf)"),
    ),
    ".png": (QT_TRANSLATE_NOOP("Dialogs", "Export roadmap"), "PNG (*.png)"),
    ".svg": (QT_TRANSLATE_NOOP("Dialogs", "Export roadmap"), "SVG (*.svg)"),
}


def export_path(parent: QWidget, suggestion: str | Path, suffix: str) -> Path | None:
    """Where to write an export (".docx", ".md", ".pdf", ".png", ".svg"); the suffix is added
    if missing."""
    title, kind = (str(text) for text in _EXPORT_KINDS[suffix])
    name, _ = QFileDialog.getSaveFileName(
        parent, translate("Dialogs", title), str(suggestion), translate("Dialogs", kind)
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def open_file(path: Path) -> None:
    """Open a file in the application the system uses for it."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
