"""Every sentence the core can say to a user, by a stable code.

Errors carry a code and its parameters (pmdesk.core.errors); `str(error)` is the
English sentence below, which the command line prints. The window shows the
same sentence in the user's language: QT_TRANSLATE_NOOP marks each one for Qt's
lupdate (packaging/update_translations.py reads this module), and the app looks
the English text up with QCoreApplication.translate("CoreError", …). Placeholders
are `str.format` fields; a translation keeps the same ones (a test checks).
"""

from __future__ import annotations

from collections.abc import Mapping

CONTEXT = "CoreError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate knows)
    """Mark `text` for translation without importing Qt (the core never does)."""
    return text


MESSAGES: dict[str, str] = {
    # A file that is not a project pmdesk can open (checked before SQLite opens it).
    "file.is_folder": QT_TRANSLATE_NOOP("CoreError", "{path} is a folder, not a pmdesk project."),
    "file.not_regular": QT_TRANSLATE_NOOP(
        "CoreError", "{path} is not a regular file, so not a pmdesk project."
    ),
    "file.missing": QT_TRANSLATE_NOOP("CoreError", "{path} does not exist."),
    "file.no_permission": QT_TRANSLATE_NOOP(
        "CoreError", "{path} cannot be read: permission denied."
    ),
    "file.link_loop": QT_TRANSLATE_NOOP(
        "CoreError", "{path} cannot be read: it is a symbolic link that leads back to itself."
    ),
    "file.unreadable": QT_TRANSLATE_NOOP("CoreError", "{path} cannot be read: {reason}."),
    "file.empty": QT_TRANSLATE_NOOP("CoreError", "{name} is empty, so it is not a pmdesk project."),
    "file.text": QT_TRANSLATE_NOOP("CoreError", "{name} is a text file, not a pmdesk project."),
    "file.not_database": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is not a pmdesk project (it is not a database at all)."
    ),
    "file.cut_short": QT_TRANSLATE_NOOP("CoreError", "{name} is damaged: the file is cut short."),
    "file.foreign": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is a database of another application, not a pmdesk project."
    ),
    "file.newer": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} was saved by a newer pmdesk (file format {version}; this version reads up "
        "to {supported}): please update pmdesk to open it.",
    ),
    "file.no_schema": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is damaged: it has no schema version."
    ),
    "file.cannot_open": QT_TRANSLATE_NOOP("CoreError", "{name} cannot be opened: {detail}."),
    "file.damaged": QT_TRANSLATE_NOOP("CoreError", "{name} is damaged and cannot be read."),
    "file.missing_table": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is damaged and cannot be read: its table {table} is missing."
    ),
    # Copying and writing files.
    "copy.failed": QT_TRANSLATE_NOOP("CoreError", "Cannot copy {name}: {detail}."),
    "write.no_folder": QT_TRANSLATE_NOOP(
        "CoreError", "Cannot write {path}: the folder {folder} does not exist."
    ),
    "write.not_folder": QT_TRANSLATE_NOOP(
        "CoreError", "Cannot write {path}: {folder} is not a folder."
    ),
    "write.is_folder": QT_TRANSLATE_NOOP("CoreError", "Cannot write {path}: it is a folder."),
    "write.not_regular": QT_TRANSLATE_NOOP(
        "CoreError", "Cannot write {path}: it is not a regular file."
    ),
    "write.failed": QT_TRANSLATE_NOOP("CoreError", "Cannot write {path}: {reason}."),
    "write.protected": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} is write-protected, so pmdesk leaves it as it is: make it writable first, "
        "or write another file.",
    ),
    "write.link_loop": QT_TRANSLATE_NOOP(
        "CoreError", "Cannot write {path}: it is a symbolic link that leads back to itself."
    ),
    "write.inconsistent": QT_TRANSLATE_NOOP(
        "CoreError", "Cannot write {path}: the new file is inconsistent."
    ),
    # The working copy: opening, recovering, saving.
    "project.in_use_by": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is already open in another pmdesk window (process {pid})."
    ),
    "project.in_use": QT_TRANSLATE_NOOP("CoreError", "{name} is open in another pmdesk window."),
    "project.locked_by": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is opened by {user} on {host} since {time}."
    ),
    "project.locked_unreadable": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} is locked by someone pmdesk cannot name: its lock file {lock} cannot be read.",
    ),
    "project.lock_loop": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} is locked by someone pmdesk cannot name: its lock file {lock} is a symbolic "
        "link that leads back to itself.",
    ),
    "edit.read_only": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} is open read-only, so the change was not made. Save As makes a copy you can edit.",
    ),
    "project.unsaved_leftover": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} has {count} unsaved edits from an earlier session that ended without "
        "saving; recover or discard them first.",
    ),
    "project.unsaved_leftover.one": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} has an unsaved edit from an earlier session that ended without "
        "saving; recover or discard it first.",
    ),
    "project.recovery_gone": QT_TRANSLATE_NOOP(
        "CoreError", "The unsaved work for {name} is no longer there."
    ),
    "save.changed_by_other": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} was changed by someone else since you opened it; it was not overwritten.",
    ),
    "save.integrity": QT_TRANSLATE_NOOP(
        "CoreError",
        "Not saved: the copy failed its integrity check ({detail}); {name} was left as it was.",
    ),
    "save.busy": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} is being saved by someone else right now; it was not overwritten. "
        "Try again in a moment.",
    ),
    # Full disks and locks that get in the way (issue 11, helper "locks").
    "open.data_full": QT_TRANSLATE_NOOP(
        "CoreError",
        "Cannot open {name}: the disk holding your pmdesk data folder ({folder}) is full.",
    ),
    "open.data_failed": QT_TRANSLATE_NOOP(
        "CoreError", "Cannot open {name}: pmdesk cannot write its data folder ({folder}): {reason}."
    ),
    "disk.full": QT_TRANSLATE_NOOP("CoreError", "The disk holding {folder} is full."),
    "new.data_full": QT_TRANSLATE_NOOP(
        "CoreError",
        "Cannot create a new project: the disk holding your pmdesk data folder ({folder}) is full.",
    ),
    # Saving: the data folder's side of a save, and a file put back by a sync tool.
    "save.data_folder_full": QT_TRANSLATE_NOOP(
        "CoreError",
        "Not saved: the disk that holds pmdesk's data folder ({folder}) is full; {name} was "
        "left as it was and your edits are kept. Free some space there and save again.",
    ),
    "save.data_folder_failed": QT_TRANSLATE_NOOP(
        "CoreError",
        "Not saved: pmdesk cannot write in its data folder {folder} ({reason}); {name} was "
        "left as it was and your edits are kept.",
    ),
    "save.share_full": QT_TRANSLATE_NOOP(
        "CoreError",
        "Not saved: the disk holding {folder} is full; {name} was left as it was and your "
        "edits are kept. Free some space there and save again.",
    ),
    "save.older_copy_replaced": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} had been replaced by an older copy; your version, with everything in it, "
        "is saved again.",
    ),
    # Save over a shared file a sync tool replaced or removed (issue 11, helper "save2").
    "save.target_damaged": QT_TRANSLATE_NOOP(
        "CoreError",
        "Not saved: {name} in {folder} has been replaced by a damaged file, which holds "
        "nothing to merge; your edits are kept: save them elsewhere with Save As, or save "
        "again to put your version in its place.",
    ),
    "save.target_foreign": QT_TRANSLATE_NOOP(
        "CoreError",
        "Not saved: {name} in {folder} has been replaced by a database of another "
        "application; your edits are kept: save them elsewhere with Save As, or save again "
        "to put your version in its place.",
    ),
    "save.target_replaced_by_ours": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} in {folder} could not be read as a project; your version has been saved in "
        "its place.",
    ),
    "save.target_gone": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is no longer in {folder}; your edits are kept."
    ),
    "save.target_recreated": QT_TRANSLATE_NOOP(
        "CoreError", "{name} was no longer in {folder}; your version has been saved there again."
    ),
    # Merging a colleague's save (three-way merge).
    "merge.different_projects": QT_TRANSLATE_NOOP(
        "CoreError", "{names} are not copies of one project, so they cannot be merged."
    ),
    "merge.replaced_by_other": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} now holds a different project, so it cannot be merged with yours; "
        "use Save As to keep your work.",
    ),
    "merge.nothing_new": QT_TRANSLATE_NOOP(
        "CoreError", "{name} holds nothing that is not in the project already."
    ),
    "merge.base_not_common": QT_TRANSLATE_NOOP(
        "CoreError",
        "{base} is not the version both copies started from (it has changes that "
        "{other} lacks); give the copy as it was first shared.",
    ),
    "merge.no_base": QT_TRANSLATE_NOOP(
        "CoreError",
        "pmdesk cannot tell which version {name} was copied from (it keeps the versions "
        "opened or saved on this computer); merge it with pmdesk merge and the copy as sent.",
    ),
    "merge.stale": QT_TRANSLATE_NOOP(
        "CoreError", "The merge no longer fits the project (it was edited meanwhile); try again."
    ),
    "merge.conflicts": QT_TRANSLATE_NOOP(
        "CoreError", "{count} conflicting changes need a decision before {name} can be saved."
    ),
    "merge.conflicts.one": QT_TRANSLATE_NOOP(
        "CoreError", "A conflicting change needs a decision before {name} can be saved."
    ),
    # Edits (operations) that were refused.
    "edit.refused": QT_TRANSLATE_NOOP(
        "CoreError", "The change was refused by the project file ({detail})."
    ),
    "edit.not_written": QT_TRANSLATE_NOOP(
        "CoreError", "The change could not be written to {name}: {reason}."
    ),
    "edit.not_written_data": QT_TRANSLATE_NOOP(
        "CoreError",
        "The change to {name} could not be written in your pmdesk data folder ({folder}): "
        "{reason}.",
    ),
    "edit.invalid_value": QT_TRANSLATE_NOOP(
        "CoreError", "The {entity} {field} is not valid: {detail}."
    ),
    "edit.invalid_dates": QT_TRANSLATE_NOOP(
        "CoreError", "The {entity} dates are not valid: {detail}."
    ),
    "edit.missing": QT_TRANSLATE_NOOP("CoreError", "The {entity} {uid} does not exist."),
    # A custom field's value that does not fit its kind (schema 9).
    "custom.not_text": QT_TRANSLATE_NOOP("CoreError", "{name} takes text: {value} is not text."),
    "custom.not_person": QT_TRANSLATE_NOOP(
        "CoreError", "{name} takes a person's name on one line: {value} is not one."
    ),
    "custom.not_number": QT_TRANSLATE_NOOP(
        "CoreError", "{name} takes a number: {value} is not a number."
    ),
    "custom.not_date": QT_TRANSLATE_NOOP(
        "CoreError", "{name} takes a date like 2027-03-31: {value} is not one."
    ),
    "custom.not_option": QT_TRANSLATE_NOOP(
        "CoreError", "{name} takes one of its options ({options}): {value} is not one of them."
    ),
    "custom.not_options": QT_TRANSLATE_NOOP(
        "CoreError", "{name} takes a list of its options ({options}): {value} is not one."
    ),
    "custom.unknown_field": QT_TRANSLATE_NOOP(
        "CoreError", "There is no custom field {uid} in this project."
    ),
    "custom.kind_changed": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} holds values already: its kind cannot change from {old} to {new}.",
    ),
    "edit.exists": QT_TRANSLATE_NOOP("CoreError", "The {entity} {uid} exists already."),
    "edit.cannot_create": QT_TRANSLATE_NOOP("CoreError", "A {entity} cannot be created."),
    "keys.bad_prefix": QT_TRANSLATE_NOOP(
        "CoreError",
        "“{prefix}” cannot be a key prefix: use 1 to 10 letters or digits, starting with a letter.",
    ),
    "release.move_to_itself": QT_TRANSLATE_NOOP(
        "CoreError", "The requirements of a deleted release cannot move to that same release."
    ),
    "edit.parent_missing": QT_TRANSLATE_NOOP(
        "CoreError", "The parent requirement {uid} does not exist."
    ),
    "edit.no_parent": QT_TRANSLATE_NOOP("CoreError", "A {entity} has no parent."),
    "edit.no_order": QT_TRANSLATE_NOOP("CoreError", "A {entity} has no order to change."),
    "edit.bad_position": QT_TRANSLATE_NOOP("CoreError", "Position {index} is not valid."),
    "move.into_own_subtree": QT_TRANSLATE_NOOP(
        "CoreError", "A requirement cannot be moved into its own subtree."
    ),
    "delete.project": QT_TRANSLATE_NOOP("CoreError", "The project itself cannot be deleted."),
    "link.needs_requirements": QT_TRANSLATE_NOOP(
        "CoreError", "A link needs a requirement at both ends."
    ),
    "link.to_itself": QT_TRANSLATE_NOOP("CoreError", "A requirement cannot be linked to itself."),
    "link.exists": QT_TRANSLATE_NOOP(
        "CoreError", "These two requirements are already linked that way."
    ),
    # Importing a JSON snapshot (the command line; the window shows these too one day).
    "import.exists": QT_TRANSLATE_NOOP(
        "CoreError", "{path} exists already; pass --replace to overwrite it."
    ),
    "import.is_folder": QT_TRANSLATE_NOOP("CoreError", "{path} is a folder."),
    "snapshot.is_folder": QT_TRANSLATE_NOOP(
        "CoreError", "{path} is a folder, not a JSON snapshot."
    ),
    "snapshot.not_regular": QT_TRANSLATE_NOOP(
        "CoreError", "{path} is not a regular file, so not a JSON snapshot."
    ),
    "snapshot.too_large": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is larger than 2 GB; it is not a snapshot."
    ),
    "snapshot.missing": QT_TRANSLATE_NOOP("CoreError", "{path} does not exist."),
    "snapshot.no_permission": QT_TRANSLATE_NOOP(
        "CoreError", "{path} cannot be read: permission denied."
    ),
    "snapshot.is_database": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is a database (maybe a pmdesk project), not a JSON snapshot."
    ),
    "snapshot.not_utf8": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is not UTF-8 text, so it is not a snapshot."
    ),
    "snapshot.not_utf8_at": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} is not UTF-8 text (line {line}, column {column}), so it is not a snapshot.",
    ),
    "snapshot.too_deep": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} nests lists or objects more than {limit} levels deep "
        "(line {line}, column {column}), so it is not a snapshot.",
    ),
    "snapshot.too_deep_somewhere": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} nests lists or objects more than {limit} levels deep, so it is not a snapshot.",
    ),
    "snapshot.bad_json": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is not valid JSON (line {line}, column {column}: {detail})."
    ),
    "snapshot.not_snapshot": QT_TRANSLATE_NOOP(
        "CoreError", "This JSON is not a pmdesk snapshot (it has no pmdesk_snapshot field)."
    ),
    "snapshot.newer": QT_TRANSLATE_NOOP(
        "CoreError",
        "The snapshot has format version {version}; this pmdesk reads version 1: "
        "please update pmdesk.",
    ),
    "snapshot.bad_version": QT_TRANSLATE_NOOP(
        "CoreError", "pmdesk_snapshot: {version} is not a snapshot version."
    ),
    # Exports: never over a project; a baseline asked for by name.
    "export.project_name": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is a project file name; give the export another name."
    ),
    "export.database": QT_TRANSLATE_NOOP(
        "CoreError", "{path} is a database, maybe a project; give the export another name."
    ),
    "baseline.missing": QT_TRANSLATE_NOOP(
        "CoreError", "The project has no baseline named “{name}” (baselines: {names})."
    ),
    "baseline.damaged": QT_TRANSLATE_NOOP(
        "CoreError",
        "The baseline “{name}” is damaged: its frozen copy of the project cannot be read "
        "({detail}). Delete the baseline, or open a backup of the project.",
    ),
    # Baselines: names are trimmed, and unique ignoring case and blanks.
    "baseline.no_name": QT_TRANSLATE_NOOP("CoreError", "A baseline needs a name."),
    "baseline.name_too_long": QT_TRANSLATE_NOOP(
        "CoreError", "A baseline name can be at most {limit} characters long."
    ),
    "baseline.name_taken": QT_TRANSLATE_NOOP(
        "CoreError", "The project already has a baseline named “{name}”; choose another name."
    ),
    # Field-level problems, each with its JSON path: technical detail, kept in English.
    "snapshot.invalid": QT_TRANSLATE_NOOP("CoreError", "{text}"),
    # A Kano survey's CSV file (core/analysis): the file, and where in it.
    "survey.is_folder": QT_TRANSLATE_NOOP("CoreError", "{path} is a folder, not a CSV survey."),
    "survey.workbook": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} is an Excel workbook, not a CSV file: save it as CSV UTF-8 and import that.",
    ),
    "survey.empty": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} is empty: a survey needs a row of column titles and a row per respondent.",
    ),
    "survey.not_text": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is not a text file, so it is not a CSV survey."
    ),
    "survey.encoding": QT_TRANSLATE_NOOP(
        "CoreError", "{name} is not readable text: save it again as CSV UTF-8."
    ),
    "survey.encoding_at": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} is neither UTF-8 nor GB18030 text (row {row}): save it again as CSV UTF-8.",
    ),
    "survey.bad_csv": QT_TRANSLATE_NOOP("CoreError", "{name} is not a valid CSV file ({detail})."),
    "survey.no_questions": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} holds no Kano questions: no column title names a requirement key with "
        "“functional” or “dysfunctional” (功能型/正向, 反向/负向), and there are no "
        "requirement, functional and dysfunctional columns.",
    ),
    "survey.no_answers": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name} holds no answers: no respondent answered both questions of a requirement.",
    ),
    "survey.unknown_key_column": QT_TRANSLATE_NOOP(
        "CoreError", "{name}, column “{column}”: {key} is not a requirement of this project."
    ),
    "survey.unknown_key_cell": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name}, row {row}, column “{column}”: {key} is not a requirement of this project.",
    ),
    "survey.no_key_in_cell": QT_TRANSLATE_NOOP(
        "CoreError", "{name}, row {row}, column “{column}”: “{value}” names no requirement key."
    ),
    "survey.no_direction": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name}, column “{column}”: it names {key} but not whether it is the functional "
        "or the dysfunctional question.",
    ),
    "survey.no_dysfunctional": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name}: {key} has a functional question (column “{column}”) but no dysfunctional one.",
    ),
    "survey.no_functional": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name}: {key} has a dysfunctional question (column “{column}”) but no functional one.",
    ),
    "survey.twice_functional": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name}: {key} has two functional questions, columns “{first}” and “{second}”.",
    ),
    "survey.twice_dysfunctional": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name}: {key} has two dysfunctional questions, columns “{first}” and “{second}”.",
    ),
    "survey.unknown_answer": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name}, row {row}, column “{column}”: “{value}” is not a Kano answer (I like it, "
        "It must be that way, I am neutral, I can live with it, I dislike it, or 1 to 5).",
    ),
    "survey.too_many_cells": QT_TRANSLATE_NOOP(
        "CoreError", "{name}, row {row}: it has more cells than the {count} column titles."
    ),
    "survey.answered_twice": QT_TRANSLATE_NOOP(
        "CoreError",
        "{name}, row {row}: respondent {respondent} answered {key} already, in row {first}.",
    ),
}

# Parameter values that are words of a sentence, not names or technical detail:
# the app translates these too ("The release … does not exist.").
WORDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CoreError", "requirement"),
    QT_TRANSLATE_NOOP("CoreError", "release"),
    QT_TRANSLATE_NOOP("CoreError", "milestone"),
    QT_TRANSLATE_NOOP("CoreError", "lane"),
    QT_TRANSLATE_NOOP("CoreError", "persona"),
    QT_TRANSLATE_NOOP("CoreError", "custom field"),
    QT_TRANSLATE_NOOP("CoreError", "saved view"),
    QT_TRANSLATE_NOOP("CoreError", "link"),
    QT_TRANSLATE_NOOP("CoreError", "section"),
    QT_TRANSLATE_NOOP("CoreError", "project"),
    QT_TRANSLATE_NOOP("CoreError", "baseline"),
    QT_TRANSLATE_NOOP("CoreError", "permission denied"),
    # Why SQLite or the system failed, in plain words (pmdesk.core.storage.sqlite_errors).
    QT_TRANSLATE_NOOP("CoreError", "the disk is full"),
    QT_TRANSLATE_NOOP("CoreError", "the file is damaged"),
    QT_TRANSLATE_NOOP("CoreError", "the file or its folder is read-only"),
    QT_TRANSLATE_NOOP("CoreError", "the file or its folder cannot be reached"),
    QT_TRANSLATE_NOOP("CoreError", "the disk reported a read or write error"),
    QT_TRANSLATE_NOOP("CoreError", "another program is using the file"),
)


# What an edit of a release, lane, milestone or the project's properties did,
# for the Edit menu's Undo and Redo (core.ops.base.Label.text names one). The
# fields are str.format fields; `status` is a release status value, which the
# app names in the UI's language.
UNDO_TEXTS: dict[str, str] = {
    "link.review": QT_TRANSLATE_NOOP("UndoLabel", "Mark link {name} reviewed"),
    "link.review_many": QT_TRANSLATE_NOOP("UndoLabel", "Mark {count} links reviewed"),
    "release.create": QT_TRANSLATE_NOOP("UndoLabel", "Create release {name}"),
    "release.delete": QT_TRANSLATE_NOOP("UndoLabel", "Delete release {name}"),
    "release.delete_moving": QT_TRANSLATE_NOOP(
        "UndoLabel", "Delete release {name} and move its requirements to {other}"
    ),
    "release.restore": QT_TRANSLATE_NOOP("UndoLabel", "Restore release {name}"),
    "release.rename": QT_TRANSLATE_NOOP("UndoLabel", "Rename release {name} to {new}"),
    "release.move": QT_TRANSLATE_NOOP("UndoLabel", "Move release {name} to {start} – {end}"),
    "release.goal": QT_TRANSLATE_NOOP("UndoLabel", "Set the goal of release {name}"),
    "release.status": QT_TRANSLATE_NOOP("UndoLabel", "Set release {name} to {status}"),
    "release.capacity": QT_TRANSLATE_NOOP("UndoLabel", "Set the capacity of release {name}"),
    "release.reorder": QT_TRANSLATE_NOOP("UndoLabel", "Reorder release {name}"),
    "release.edit": QT_TRANSLATE_NOOP("UndoLabel", "Edit release {name}"),
    "lane.create": QT_TRANSLATE_NOOP("UndoLabel", "Create lane {name}"),
    "lane.delete": QT_TRANSLATE_NOOP("UndoLabel", "Delete lane {name}"),
    "lane.restore": QT_TRANSLATE_NOOP("UndoLabel", "Restore lane {name}"),
    "lane.rename": QT_TRANSLATE_NOOP("UndoLabel", "Rename lane {name} to {new}"),
    "lane.colour": QT_TRANSLATE_NOOP("UndoLabel", "Set the colour of lane {name}"),
    "lane.reorder": QT_TRANSLATE_NOOP("UndoLabel", "Reorder lane {name}"),
    "lane.edit": QT_TRANSLATE_NOOP("UndoLabel", "Edit lane {name}"),
    "persona.create": QT_TRANSLATE_NOOP("UndoLabel", "Create persona {name}"),
    "persona.delete": QT_TRANSLATE_NOOP("UndoLabel", "Delete persona {name}"),
    "persona.restore": QT_TRANSLATE_NOOP("UndoLabel", "Restore persona {name}"),
    "persona.rename": QT_TRANSLATE_NOOP("UndoLabel", "Rename persona {name} to {new}"),
    "persona.reorder": QT_TRANSLATE_NOOP("UndoLabel", "Reorder persona {name}"),
    "persona.edit": QT_TRANSLATE_NOOP("UndoLabel", "Edit persona {name}"),
    "persona.photo": QT_TRANSLATE_NOOP("UndoLabel", "Set the photo of persona {name}"),
    "persona.photo_removed": QT_TRANSLATE_NOOP("UndoLabel", "Remove the photo of persona {name}"),
    "saved_view.create": QT_TRANSLATE_NOOP("UndoLabel", "Save view {name}"),
    "saved_view.delete": QT_TRANSLATE_NOOP("UndoLabel", "Delete view {name}"),
    "saved_view.restore": QT_TRANSLATE_NOOP("UndoLabel", "Restore view {name}"),
    "saved_view.rename": QT_TRANSLATE_NOOP("UndoLabel", "Rename view {name} to {new}"),
    "saved_view.reorder": QT_TRANSLATE_NOOP("UndoLabel", "Reorder view {name}"),
    "saved_view.edit": QT_TRANSLATE_NOOP("UndoLabel", "Update view {name}"),
    # Schema 9: the project's own fields (core/ops/custom.py sets their values).
    "custom_field.create": QT_TRANSLATE_NOOP("UndoLabel", "Create custom field {name}"),
    "custom_field.delete": QT_TRANSLATE_NOOP("UndoLabel", "Delete custom field {name}"),
    "custom_field.restore": QT_TRANSLATE_NOOP("UndoLabel", "Restore custom field {name}"),
    "custom_field.rename": QT_TRANSLATE_NOOP("UndoLabel", "Rename custom field {name} to {new}"),
    "custom_field.reorder": QT_TRANSLATE_NOOP("UndoLabel", "Reorder custom field {name}"),
    "custom_field.edit": QT_TRANSLATE_NOOP("UndoLabel", "Edit custom field {name}"),
    "custom_field.options": QT_TRANSLATE_NOOP(
        "UndoLabel", "Change the options of custom field {name}"
    ),
    "custom.set.one": QT_TRANSLATE_NOOP("UndoLabel", "Set {name} of {key}"),
    "custom.set": QT_TRANSLATE_NOOP("UndoLabel", "Set {name} of {count} requirements"),
    "custom.set_many.one": QT_TRANSLATE_NOOP("UndoLabel", "Set custom fields of {key}"),
    "custom.set_many": QT_TRANSLATE_NOOP("UndoLabel", "Set custom fields of {count} requirements"),
    "milestone.create": QT_TRANSLATE_NOOP("UndoLabel", "Create milestone {name}"),
    "milestone.delete": QT_TRANSLATE_NOOP("UndoLabel", "Delete milestone {name}"),
    "milestone.restore": QT_TRANSLATE_NOOP("UndoLabel", "Restore milestone {name}"),
    "milestone.rename": QT_TRANSLATE_NOOP("UndoLabel", "Rename milestone {name} to {new}"),
    "milestone.move": QT_TRANSLATE_NOOP("UndoLabel", "Move milestone {name} to {date}"),
    "milestone.link": QT_TRANSLATE_NOOP("UndoLabel", "Link milestone {name} to release {release}"),
    "milestone.unlink": QT_TRANSLATE_NOOP("UndoLabel", "Unlink milestone {name} from its release"),
    "milestone.edit": QT_TRANSLATE_NOOP("UndoLabel", "Edit milestone {name}"),
    "project.title": QT_TRANSLATE_NOOP("UndoLabel", "Set document title"),
    "project.product": QT_TRANSLATE_NOOP("UndoLabel", "Set product name"),
    "project.version": QT_TRANSLATE_NOOP("UndoLabel", "Set version"),
    "project.authors": QT_TRANSLATE_NOOP("UndoLabel", "Set authors"),
    "project.organisation": QT_TRANSLATE_NOOP("UndoLabel", "Set organisation"),
    "project.language": QT_TRANSLATE_NOOP("UndoLabel", "Set document language"),
    "project.logo": QT_TRANSLATE_NOOP("UndoLabel", "Set logo"),
    "project.logo_removed": QT_TRANSLATE_NOOP("UndoLabel", "Remove logo"),
    "project.doc_status": QT_TRANSLATE_NOOP("UndoLabel", "Set document status"),
    "project.confidentiality": QT_TRANSLATE_NOOP("UndoLabel", "Set confidentiality"),
    "project.doc_number": QT_TRANSLATE_NOOP("UndoLabel", "Set document number"),
    "project.reviewers": QT_TRANSLATE_NOOP("UndoLabel", "Set reviewers"),
    "project.scoring": QT_TRANSLATE_NOOP("UndoLabel", "Set scoring model"),
    "project.criteria": QT_TRANSLATE_NOOP("UndoLabel", "Set scoring criteria"),
    "project.key_prefix": QT_TRANSLATE_NOOP("UndoLabel", "Change key prefix to {prefix}"),
    "project.edit": QT_TRANSLATE_NOOP("UndoLabel", "Edit project properties"),
    # A Kano survey's result applied (core/analysis/kano_apply.py).
    "kano.apply": QT_TRANSLATE_NOOP(
        "UndoLabel", "Set Kano category of {count} requirements from survey {name}"
    ),
    "kano.apply_one": QT_TRANSLATE_NOOP(
        "UndoLabel", "Set Kano category of {key} from survey {name}"
    ),
    # A drop on the MoSCoW board (core/analysis/moscow.py).
    "moscow.priority": QT_TRANSLATE_NOOP("UndoLabel", "Set priority of {key} to {priority}"),
    "moscow.prioritys": QT_TRANSLATE_NOOP(
        "UndoLabel", "Set priority of {count} requirements to {priority}"
    ),
    "moscow.release": QT_TRANSLATE_NOOP("UndoLabel", "Move {key} to release {release}"),
    "moscow.releases": QT_TRANSLATE_NOOP(
        "UndoLabel", "Move {count} requirements to release {release}"
    ),
    "moscow.no_release": QT_TRANSLATE_NOOP("UndoLabel", "Take {key} out of its release"),
    "moscow.no_releases": QT_TRANSLATE_NOOP(
        "UndoLabel", "Take {count} requirements out of their release"
    ),
    # A dot dragged on the value vs effort matrix (core/analysis/value_effort.py).
    "matrix.value_effort": QT_TRANSLATE_NOOP("UndoLabel", "Set value and effort of {key}"),
    # The backlog's bulk edits (core.ops.bulk): many requirements, or one by its key.
    "bulk.release": QT_TRANSLATE_NOOP("UndoLabel", "Set release of {count} requirements"),
    "bulk.release.one": QT_TRANSLATE_NOOP("UndoLabel", "Set release of {key}"),
    "bulk.priority": QT_TRANSLATE_NOOP("UndoLabel", "Set priority of {count} requirements"),
    "bulk.priority.one": QT_TRANSLATE_NOOP("UndoLabel", "Set priority of {key}"),
    "bulk.status": QT_TRANSLATE_NOOP("UndoLabel", "Set status of {count} requirements"),
    "bulk.status.one": QT_TRANSLATE_NOOP("UndoLabel", "Set status of {key}"),
    "bulk.owner": QT_TRANSLATE_NOOP("UndoLabel", "Set owner of {count} requirements"),
    "bulk.owner.one": QT_TRANSLATE_NOOP("UndoLabel", "Set owner of {key}"),
    "bulk.lane": QT_TRANSLATE_NOOP("UndoLabel", "Set lane of {count} requirements"),
    "bulk.lane.one": QT_TRANSLATE_NOOP("UndoLabel", "Set lane of {key}"),
    "bulk.kind": QT_TRANSLATE_NOOP("UndoLabel", "Set kind of {count} requirements"),
    "bulk.kind.one": QT_TRANSLATE_NOOP("UndoLabel", "Set kind of {key}"),
    "bulk.kano": QT_TRANSLATE_NOOP("UndoLabel", "Set Kano category of {count} requirements"),
    "bulk.kano.one": QT_TRANSLATE_NOOP("UndoLabel", "Set Kano category of {key}"),
    "bulk.tags_add": QT_TRANSLATE_NOOP("UndoLabel", "Add tags to {count} requirements"),
    "bulk.tags_add.one": QT_TRANSLATE_NOOP("UndoLabel", "Add tags to {key}"),
    "bulk.tags_remove": QT_TRANSLATE_NOOP("UndoLabel", "Remove tags from {count} requirements"),
    "bulk.tags_remove.one": QT_TRANSLATE_NOOP("UndoLabel", "Remove tags from {key}"),
    "bulk.edit": QT_TRANSLATE_NOOP("UndoLabel", "Edit {count} requirements"),
    "bulk.edit.one": QT_TRANSLATE_NOOP("UndoLabel", "Edit {key}"),
}


# Entities whose code is no word ("custom_field"), as a sentence names them.
ENTITY_WORDS: dict[str, str] = {"custom_field": "custom field", "saved_view": "saved view"}


def readable_params(params: Mapping[str, object]) -> dict[str, object]:
    """`params` with an entity's code (`entity="custom_field"`) as its words."""
    entity = params.get("entity")
    if isinstance(entity, str) and entity in ENTITY_WORDS:
        return {**params, "entity": ENTITY_WORDS[entity]}
    return dict(params)


def sentence_of(code: str, params: Mapping[str, object]) -> str:
    """The English sentence (a translation's source) that says `code` with these
    parameters: a count of one has a sentence of its own where English needs one
    ("A conflicting change needs…", not "1 conflicting changes need…")."""
    if params.get("count") == 1 and f"{code}.one" in MESSAGES:
        return MESSAGES[f"{code}.one"]
    return MESSAGES[code]


def message_text(code: str, params: dict[str, object]) -> str:
    """The English sentence for `code` with its parameters filled in."""
    return sentence_of(code, params).format(**readable_params(params))
