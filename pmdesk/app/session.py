"""The open project as the window sees it: a core `Project` plus one undo stack.

No widget writes to the database: every edit is an operation pushed here, and
every read is a query of the Project (`session.project`). The
stack holds thin `QUndoCommand` adapters around the core operations, and every
applied change is announced with `changed(effects)` so models update precisely.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack

from pmdesk.app.error_text import error_text
from pmdesk.app.labels import not_assessed_label, priority_label, release_status_label
from pmdesk.core.errors import OperationError, PmdeskError
from pmdesk.core.messages import UNDO_TEXTS
from pmdesk.core.project import Project
from pmdesk.core.storage.workingcopy import WorkingCopy

# The tree paints before SQLAlchemy loads; operations (which need it) arrive later.
if TYPE_CHECKING:
    from pmdesk.core.ops import Applied, Label, Operation

_MERGE_ID = 0x504D  # commands with the same merge key join into one undo step


translate = QCoreApplication.translate


def label_text(label: Label) -> str:
    """A translated, readable command text: "Rename REQ-12", "Move 3 requirements",
    "Move release v1.1 to 2027-04-05 – 2027-06-30" (the core names the sentence)."""
    if label.text:  # its own sentence, for one or (bulk edits) many
        params = dict(label.params)
        if "status" in params:
            params["status"] = release_status_label(params["status"])
        if "priority" in params:
            value = params["priority"]  # "none": not assessed
            params["priority"] = not_assessed_label() if value == "none" else priority_label(value)
        return translate("UndoLabel", UNDO_TEXTS[label.text]).format(**params)
    if label.count > 1:
        if label.entity == "requirement":
            many = {
                "create": translate("UndoLabel", "Create %1 requirements"),
                "edit": translate("UndoLabel", "Edit %1 requirements"),
                "move": translate("UndoLabel", "Move %1 requirements"),
                "delete": translate("UndoLabel", "Delete %1 requirements"),
                "restore": translate("UndoLabel", "Restore %1 requirements"),
                "rename": translate("UndoLabel", "Rename %1 requirements"),
                "change": translate("UndoLabel", "Change %1 requirements"),
            }
        else:
            many = {
                "create": translate("UndoLabel", "Create %1 items"),
                "edit": translate("UndoLabel", "Edit %1 items"),
                "move": translate("UndoLabel", "Move %1 items"),
                "delete": translate("UndoLabel", "Delete %1 items"),
                "restore": translate("UndoLabel", "Restore %1 items"),
                "rename": translate("UndoLabel", "Rename %1 items"),
                "change": translate("UndoLabel", "Change %1 items"),
            }
        return many[label.verb].replace("%1", str(label.count))
    one = {
        "create": translate("UndoLabel", "Create %1"),
        "edit": translate("UndoLabel", "Edit %1"),
        "move": translate("UndoLabel", "Move %1"),
        "delete": translate("UndoLabel", "Delete %1"),
        "restore": translate("UndoLabel", "Restore %1"),
        "rename": translate("UndoLabel", "Rename %1"),
        "change": translate("UndoLabel", "Change %1"),
    }[label.verb]
    if label.entity == "requirement":
        subject = label.subject  # the key says what it is: "REQ-12"
    else:
        noun = {
            "release": translate("UndoLabel", "release"),
            "milestone": translate("UndoLabel", "milestone"),
            "lane": translate("UndoLabel", "lane"),
            "section": translate("UndoLabel", "section"),
            "link": translate("UndoLabel", "link"),
            "project": translate("UndoLabel", "project"),
        }.get(label.entity, label.entity)
        subject = noun if label.entity == "link" else f"{noun} “{label.subject}”"
    return one.replace("%1", subject.strip())


MERGE_SECONDS = 2.0  # typing paused longer than this starts a new undo step
# Rows an edit (or its undo) touches before the cursor says "wait": a bulk edit of
# 20,000 requirements takes a second or two, of 100,000 about five.
BUSY_ABOVE = 2_000


def _weight(op: Operation) -> int:
    """About how many rows `op` touches: the sizes of the collections it holds."""
    if not dataclasses.is_dataclass(op):
        return 0
    held = (getattr(op, f.name) for f in dataclasses.fields(op))
    return sum(len(v) for v in held if isinstance(v, tuple | list | dict | set | frozenset))


class OperationCommand(QUndoCommand):
    """Adapter from a core operation to Qt's undo stack.

    The operation is applied before the push (so a refused edit never reaches
    the stack); the first `redo()` that `push()` calls is therefore skipped.
    """

    def __init__(
        self,
        session: ProjectSession,
        op: Operation,
        applied: Applied,
        merge_key: Hashable | None,
        text: str | None = None,
    ) -> None:
        super().__init__(text or label_text(applied.label))
        self._session = session
        self._op = op
        self._inverse = applied.inverse
        self._merge_key = merge_key
        self._pushed = False
        self._created = _created_uid(op)
        self._at = time.monotonic()

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        applied = self._session.run(self._op)
        if applied is None:
            self._session.undo_failed()
        else:
            self._inverse = applied.inverse

    def undo(self) -> None:
        stack = self._session.undo_stack
        # Saved at or after this step: the file holds what this undo takes out.
        # (A colleague's save merged in is in the file from the start.)
        published = 0 <= stack.index() <= stack.cleanIndex()
        applied = self._session.run(self._inverse)
        if applied is None:
            self._session.undo_failed()
            return
        self._op = applied.inverse
        if _is_merge(self._op) and (published or getattr(self._op, "from_target", False)):
            self._session.saved_merge_undone.emit(getattr(self._op, "subject", ""))

    def id(self) -> int:
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        from pmdesk.core.ops import Batch, Update

        if not isinstance(other, OperationCommand) or other._at - self._at > MERGE_SECONDS:
            return False
        if (
            self._created is not None
            and isinstance(other._op, Update)
            and other._op.uid == self._created
            and set(other._op.values) == {"title"}
        ):
            # Typing the title of a row just created: one step, "Create REQ-46".
            self._op = Batch((self._op, other._op))
            self._inverse = Batch((other._inverse, self._inverse))
            self._at = other._at
            return True
        if self._merge_key is None or other._merge_key != self._merge_key:
            return False
        if not (isinstance(self._op, Update) and isinstance(other._op, Update)):
            return False
        if not set(other._op.values) <= set(self._op.values):
            return False  # the first inverse would not restore the fields added later
        # Keep the first inverse (the value before the burst), take the latest value.
        self._op = other._op
        self._at = other._at
        return True


def _is_merge(op: Operation) -> bool:
    from pmdesk.core.ops.rows import ReplaceRows

    return isinstance(op, ReplaceRows)


def _created_uid(op: Operation) -> str | None:
    from pmdesk.core.ops import Create

    return op.uid if isinstance(op, Create) and op.entity == "requirement" else None


class ProjectSession(QObject):
    """An open project: its core `Project`, undo stack and change notifications.

    While a project opens, the tree is shown before its working copy exists: the
    session then knows only the path, and refuses edits until `attach`.
    """

    changed = Signal(object)  # tuple[Effect, ...]
    saved_merge_undone = Signal(str)  # who merged in: that merge was already in the file
    failed = Signal(str)  # one sentence for the user

    def __init__(self, opened: Project | WorkingCopy | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._path = opened if isinstance(opened, Path) else Path()
        if not isinstance(opened, Path):
            self.attach(opened)
        self.undo_stack = QUndoStack(self)

    def attach(self, opened: Project | WorkingCopy) -> None:
        """The project is open: edits are possible from now on."""
        self._project = opened if isinstance(opened, Project) else Project(opened)
        self._path = self._project.path

    @property
    def ready(self) -> bool:
        return self._project is not None

    @property
    def project(self) -> Project:
        """The open project: its queries, saving and merging."""
        if self._project is None:
            raise RuntimeError("the project is still opening")
        return self._project

    @property
    def read_only(self) -> bool:
        """Opened read-only (someone else has it): every edit is refused."""
        return self._project is not None and self._project.read_only

    @property
    def working_copy(self) -> WorkingCopy:
        """The storage under the project (its lock, its unsaved edits)."""
        return self.project.working_copy

    @property
    def path(self) -> Path:
        return self._project.path if self._project is not None else self._path

    def push(
        self, op: Operation, merge_key: Hashable | None = None, text: str | None = None
    ) -> bool:
        """Apply `op` as one undo step, named `text` in the Edit menu (by default
        from what the operation did). A refused edit is reported, not raised:
        in a read-only project every edit is."""
        if self.refuse_if_read_only():
            return False
        applied = self.run(op)
        if applied is None:
            return False
        if not applied.effects:
            return True  # nothing changed: no undo step for a no-op
        self.undo_stack.push(OperationCommand(self, op, applied, merge_key, text))
        return True

    def refuse_if_read_only(self) -> bool:
        """In a read-only project say why nothing can change and return True; for
        commands that would otherwise ask a question before their edit. (The
        working copy refuses edits itself too: undo and redo go through `run`.)"""
        if not self.read_only:
            return False
        self.failed.emit(error_text(OperationError("edit.read_only", name=self.path.name)))
        return True

    def run(self, op: Operation) -> Applied | None:
        if self._project is None:
            return None  # still opening: the tree is shown, editing is not ready yet
        busy = _weight(op) > BUSY_ABOVE
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        refused: PmdeskError | None = None
        try:
            try:
                applied = self._project.apply(op)
            except PmdeskError as e:
                refused = e
            else:
                self.changed.emit(applied.effects)  # the panes follow: part of the wait
        finally:
            if busy:
                QGuiApplication.restoreOverrideCursor()
        if refused is not None:  # said with the usual cursor (it may be a message box)
            self.failed.emit(error_text(refused))
            return None
        return applied

    def take_in(self, op: Operation) -> bool:
        """Apply `op` even to a read-only project, outside the undo history: a
        newer version of the file taken in (there is nothing of ours to merge)."""
        try:
            applied = self.project.take_in(op)
        except PmdeskError as e:
            self.failed.emit(error_text(e))
            return False
        self.changed.emit(applied.effects)
        return True

    def undo_failed(self) -> None:
        """An undo or redo could not be written: the stack no longer describes
        the project, so drop it (after this call returns) and stop calling the
        project clean. The failure itself was reported through `failed`."""
        QTimer.singleShot(0, self.undo_stack.clear)
        self.undo_stack.resetClean()

    def save(
        self,
        *,
        overwrite_changes: bool = False,
        replacing_seen: dict[str, Any] | None = None,
        recreating: bool = False,
    ) -> None:
        """Publish; `replacing_seen`: over that file only; `recreating`: where
        the file has gone (WorkingCopy.save)."""
        self.project.save_over(
            overwrite_changes=overwrite_changes,
            replacing_seen=replacing_seen,
            recreating=recreating,
        )
        self.undo_stack.setClean()

    def save_as(self, target: Path) -> None:
        self.project.save_as(target)
        self.undo_stack.setClean()

    def close(self, *, discard: bool) -> None:
        self.project.close(discard=discard)
