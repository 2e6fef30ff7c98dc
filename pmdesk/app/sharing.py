"""A shared project file in the window: noticing a colleague's save and merging it.

A file watcher (and, for network shares that send no events, a slow poll)
notices that the project file was replaced; its fingerprint says whether it
really changed. A bar above the document then offers to merge it now. Save
merges too when the file changed since it was opened or last saved: what only
one side changed is taken at once, conflicts go to the conflict dialog, and the
merge is one undo step ("Merge changes by 张三").
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QFileSystemWatcher,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QStyle,
    QWidget,
)

from pmdesk.app import dialogs
from pmdesk.app.error_text import error_text
from pmdesk.core.errors import PmdeskError

if TYPE_CHECKING:
    from pathlib import Path

    from pmdesk.app.session import ProjectSession
    from pmdesk.core.merge import MergeResult
    from pmdesk.core.merge_files import PendingMerge
    from pmdesk.core.target_merge import TargetMerge

translate = QCoreApplication.translate
POLL_MS = 5000  # network shares do not report a colleague's save: look now and then
SETTLE_MS = 400  # a save is a copy and a rename: wait until it is done


class TargetWatcher(QObject):
    """Emits `colleague_saved` once for each new version of the project file."""

    colleague_saved = Signal()

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._announced: str | None = None  # the version already offered
        self._watcher = QFileSystemWatcher(self)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.check)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.check)
        self._watcher.fileChanged.connect(self._settle.start)
        self._watcher.directoryChanged.connect(self._settle.start)
        self._watch()
        self._poll.start()

    def _watch(self) -> None:
        # A save renames a new file over the old one: the old file's watch ends
        # with it, so the folder is watched too and the file watched again.
        path = self._session.path
        wanted = [str(path), str(path.parent)]
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [p for p in wanted if p not in watched and _exists(p)]
        if missing:
            self._watcher.addPaths(missing)

    def check(self) -> bool:
        """Has someone else saved a version not offered yet? Emits if so."""
        if not self._session.ready:
            return False
        wc = self._session.working_copy
        try:
            # Inside the try: on an unmounted share even looking whether the file
            # exists raises (EIO, ESTALE), and a timer's slot must not.
            self._watch()
            version = _version(self._session)
            if version == self._announced:
                return False  # offered already: no need to hash the file again
            if not wc.target_changed():
                self._announced = None
                return False
        except OSError:
            return False  # the share is gone for a moment: Save will say so
        self._announced = version
        self.colleague_saved.emit()
        return True

    def forget(self) -> None:
        """The offered version was merged or dismissed for good."""
        self._announced = None

    def stop(self) -> None:
        self._poll.stop()
        self._settle.stop()
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)


def _exists(path: str) -> bool:
    from pathlib import Path

    return Path(path).exists()


def _version(session: ProjectSession) -> str:
    st = session.path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


class NoticeBar(QFrame):
    """A slim bar above the document: "张三 saved crm.pmdesk. [Merge Now] [Later]"."""

    merge_requested = Signal()
    redo_requested = Signal()  # after the warning that an undone merge was saved
    save_requested = Signal()  # an older copy replaced the file: save ours back

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#noticeBar { background: palette(alternate-base); border: 1px solid #d9a400;"
            " border-radius: 4px; }"
        )
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        info = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        icon.setPixmap(info.pixmap(size, size))
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.merge_button = QPushButton(translate("Sharing", "&Merge Now"), self)
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(self._clicked)
        self._clicked_means = self.merge_requested
        self.later_button = QPushButton(translate("Sharing", "Later"), self)
        self.later_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.merge_button)
        layout.addWidget(self.later_button)
        self.hide()

    def offer(self, text: str, *, read_only: bool = False) -> None:
        self._clicked_means = self.merge_requested
        self.text.setText(text)
        self.merge_button.setText(
            translate("Sharing", "&Show It") if read_only else translate("Sharing", "&Merge Now")
        )
        self.merge_button.show()
        self.later_button.setText(translate("Sharing", "Later"))
        self.show()

    def offer_save_back(self, text: str) -> None:
        """The file holds an older version of ours: offer to save ours back
        (never a merge, which would take out what came after that version)."""
        self._clicked_means = self.save_requested
        self.text.setText(text)
        self.merge_button.setText(translate("Sharing", "&Save Now"))
        self.merge_button.show()
        self.later_button.setText(translate("Sharing", "Later"))
        self.show()

    def inform(self, text: str) -> None:
        """Something the user should know, with nothing to decide."""
        self.text.setText(text)
        self.merge_button.hide()
        self.later_button.setText(translate("Sharing", "OK"))
        self.show()

    def warn_merge_undone(self, people: str) -> None:
        """The user undid a merge that is already in the saved file: saving now
        takes the colleague's changes out of it. Say so, and offer Redo."""
        self._clicked_means = self.redo_requested
        self.text.setText(
            translate(
                "Sharing",
                "You undid the merge of %1's changes, which are in the saved file: "
                "saving now takes them out of it again.",
            ).replace("%1", people)
        )
        self.merge_button.setText(translate("Sharing", "&Redo the Merge"))
        self.merge_button.show()
        self.later_button.setText(translate("Sharing", "Keep Undone"))
        self.show()

    def _clicked(self) -> None:
        self.hide()
        self._clicked_means.emit()


def older_copy_text(name: str) -> str:
    """The project file now holds an older version of ours (a sync tool or a restore)."""
    return translate(
        "Sharing",
        "%1 has been replaced by an older copy (by a sync tool or a restore?); it holds "
        "nothing that is not in your version. Save puts your version, with everything in "
        "it, back.",
    ).replace("%1", name)


def replaced_by_stranger_text(path: Path, what: str) -> str:
    """The project file was replaced by no version of this project (a sync tool,
    a copy by hand): nothing to merge, and the open project keeps everything."""
    if what == "other_project":
        text = translate(
            "Sharing",
            "%1 in %2 has been replaced by another project's file. Your edits are kept: "
            "Save As keeps them in another file.",
        )
    else:
        text = translate(
            "Sharing",
            "%1 in %2 has been replaced by a damaged file or one that is not a pmdesk "
            "project. Your edits are kept: Save As keeps them in another file.",
        )
    return text.replace("%1", path.name).replace("%2", str(path.parent))


def saved_by_text(name: str, people: list[str], *, read_only: bool = False) -> str:
    if read_only:  # nothing of ours to merge: their version is simply shown
        who = "、".join(people) or translate("Sharing", "Someone")
        return (
            translate("Sharing", "%1 saved a newer version of %2. Show it now?")
            .replace("%1", who)
            .replace("%2", name)
        )
    if people:
        return (
            translate("Sharing", "%1 saved a newer version of %2. Merge it with your work now?")
            .replace("%1", "、".join(people))
            .replace("%2", name)
        )
    return translate(
        "Sharing", "A newer version of %1 was saved elsewhere. Merge it with your work now?"
    ).replace("%1", name)


def merge_colleague(
    parent: QWidget, session: ProjectSession, report: Callable[[str], None]
) -> bool:
    """Merge the project file's newer version into the open project.

    Conflicts are put to the user; False if they cancel or the merge cannot be
    done (said in one sentence). `report` receives what was done, for the status bar.
    """
    from pmdesk.core.target_merge import accept, prepare

    wc = session.working_copy

    def read_and_merge() -> tuple[TargetMerge, MergeResult]:
        merge = prepare(wc)
        return merge, merge.pending.result()

    try:
        merge, result = _busy(
            parent, translate("Sharing", "Merging the newer version of %1…"), read_and_merge
        )
    except (PmdeskError, OSError) as e:
        # OSError too: the file can be gone (share disconnected, file moved) between
        # the offer and the click; say so instead of raising out of the slot.
        dialogs.error(parent, _unreachable_text(e, session))
        return False
    if merge.older and not session.read_only:
        # Merging would delete what came after that older version: Save puts ours back.
        merge.copy.unlink(missing_ok=True)
        report(older_copy_text(session.path.name))
        return False
    was_clean = session.undo_stack.isClean()
    people = merge.their_authors
    who = "、".join(people) or translate("Sharing", "a colleague")
    text = translate("Sharing", "Merge changes by %1").replace("%1", who)
    settled = _settle_and_apply(
        parent, session, merge.pending, result, people, text, from_target=True
    )
    if settled is None:
        merge.copy.unlink(missing_ok=True)
        report(translate("Sharing", "Not merged: nothing was changed."))
        return False
    accept(wc, merge)
    if was_clean and merge.ours_unsaved == 0:
        # Nothing of ours was unsaved: the project now is exactly their file,
        # so there is nothing to save (undoing the merge would be a change).
        session.undo_stack.setClean()
    if session.read_only:  # nothing was merged: their version is shown
        report(translate("Sharing", "Now showing the version %1 saved.").replace("%1", who))
    else:
        report(merged_text(settled, people))
    return True


def merge_copy(
    parent: QWidget, session: ProjectSession, copy: Path, report: Callable[[str], None]
) -> bool:
    """Merge a copy of the open project that was edited elsewhere (e-mailed back).

    The project file itself is left alone: the merge is one undo step in the
    working copy, published by the next Save.
    """
    from pmdesk.core.target_merge import prepare_copy

    def read_and_merge() -> tuple[PendingMerge, MergeResult]:
        pending = prepare_copy(session.working_copy, copy)
        return pending, pending.result()

    try:
        pending, result = _busy(
            parent, translate("Sharing", "Merging %1…").replace("%1", copy.name), read_and_merge
        )
    except PmdeskError as e:
        dialogs.error(parent, error_text(e))
        return False
    except OSError as e:
        reason = e.strerror or str(e)
        dialogs.error(parent, error_text(PmdeskError("file.unreadable", path=copy, reason=reason)))
        return False
    people = pending.their_authors
    text = translate("Sharing", "Merge copy %1").replace("%1", copy.name)
    settled = _settle_and_apply(parent, session, pending, result, people, text)
    if settled is None:
        report(translate("Sharing", "Not merged: nothing was changed."))
        return False
    report(merged_text(settled, people))
    return True


def _settle_and_apply(
    parent: QWidget,
    session: ProjectSession,
    pending: PendingMerge,
    result: MergeResult,
    people: list[str],
    undo_text: str,
    *,
    from_target: bool = False,
) -> MergeResult | None:
    """Put the conflicts to the user, then write the merge as one undo step
    (`undo_text`). The merge as written, or None if cancelled or refused."""
    from pmdesk.core.ops.rows import ReplaceRows

    if result.conflicts:
        resolutions = dialogs.resolve_conflicts(
            parent, result.conflicts, pending.mine, pending.theirs, people
        )
        if resolutions is None:
            return None
        result = pending.result(resolutions)
        if result.conflicts:  # every conflict must have been settled: never guess
            error = PmdeskError(
                "merge.conflicts", count=len(result.conflicts), name=session.path.name
            )
            dialogs.error(parent, error_text(error))
            return None
    op = ReplaceRows(pending.changes(result), ", ".join(people), from_target)
    if op.changes:
        # Read-only, there is nothing of ours to merge: their version is taken in.
        done = session.refresh(op) if session.read_only else session.push(op, text=undo_text)
        if not done:
            return None
    return result


def _unreachable_text(error: BaseException, session: ProjectSession) -> str:
    """One sentence for a merge that could not read the project file."""
    if isinstance(error, PmdeskError):
        return error_text(error)
    if isinstance(error, FileNotFoundError):
        return error_text(PmdeskError("file.missing", path=str(session.path)))
    reason = getattr(error, "strerror", None) or str(error)
    return error_text(PmdeskError("file.unreadable", path=str(session.path), reason=reason))


T = TypeVar("T")
BUSY_DIALOG_MS = 400  # a quick merge shows no dialog at all


def _busy(parent: QWidget, text: str, work: Callable[[], T]) -> T:
    """Run `work` on a worker thread while the window keeps painting; a modal
    progress dialog appears if it takes a while (a merge of 100,000 requirements
    takes seconds). Input waits meanwhile, so no edit slips in during the read."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as e:  # re-raised on the GUI thread below
            failure.append(e)

    worker = threading.Thread(target=run, name="pmdesk-merge", daemon=True)
    progress = QProgressDialog(text, "", 0, 0, parent)
    progress.setCancelButton(None)  # a half-read merge has nothing to cancel cleanly
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(BUSY_DIALOG_MS)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    started = time.monotonic()
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.02)
            if (time.monotonic() - started) * 1000 >= BUSY_DIALOG_MS and not progress.isVisible():
                progress.show()
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        progress.close()
        progress.deleteLater()
        QGuiApplication.restoreOverrideCursor()
    if failure:
        raise failure[0]
    return outcome[0]


def merged_text(result: MergeResult, people: list[str]) -> str:
    """What a merge did, for the status bar: how much, and what it decided itself."""
    who = "、".join(people) or translate("Sharing", "a colleague")
    if not result.items_changed:
        return translate("Sharing", "The newer version by %1 holds nothing new.").replace("%1", who)
    text = translate("Sharing", "Merged the changes by %1; items changed: %2.")
    text = text.replace("%1", who).replace("%2", str(result.items_changed))
    renumbered = [n for n in result.notes if n.kind == "renumbered"]
    if renumbered:
        moves = ", ".join(f"{n.detail} → {n.label}" for n in renumbered)
        text += " " + translate("Sharing", "Your new requirements were renumbered: %1.").replace(
            "%1", moves
        )
    gone = [n.label for n in result.notes if n.kind == "cascaded"]
    if gone:
        text += " " + translate(
            "Sharing", "Deleted with the requirement they belonged to: %1."
        ).replace("%1", ", ".join(gone))
    kept = [n.label for n in result.notes if n.kind == "moved_back"]
    if kept:
        text += " " + translate(
            "Sharing", "Put back in their earlier place (their new place was deleted or moved): %1."
        ).replace("%1", ", ".join(kept))
    lifted = [n.label for n in result.notes if n.kind == "moved_up"]
    if lifted:
        text += " " + translate(
            "Sharing", "Kept, and moved up to the place of the deleted requirement above: %1."
        ).replace("%1", ", ".join(lifted))
    return text


def save_merging(
    parent: QWidget,
    session: ProjectSession,
    report: Callable[[str], None],
    notify: Callable[[str], None] | None = None,
) -> bool:
    """Save; if a colleague saved meanwhile, merge their version first. True if
    saved. A file an older copy replaced is not merged: ours is saved over it,
    and `notify` is told (for the notice bar)."""
    from pmdesk.core.savelock import saving

    for attempt in range(3):  # yet another save can land while the user settles conflicts
        try:
            # After the first, each try merges holding the save marker, so no
            # colleague's save can land in between again (target_merge.save_merging).
            with saving(session.working_copy.target) if attempt else contextlib.nullcontext():
                return _merge_and_save(parent, session, report, notify)
        except PmdeskError as e:
            if e.code == "save.changed_by_other":
                continue
            dialogs.error(parent, error_text(e))
            return False
        except OSError as e:  # the share went away mid-save: say so, keep the work
            reason = e.strerror or str(e)
            error = PmdeskError("write.failed", path=session.path, reason=reason)
            dialogs.error(parent, error_text(error))
            return False
    dialogs.error(parent, error_text(PmdeskError("save.changed_by_other", name=session.path.name)))
    return False


def _merge_and_save(
    parent: QWidget,
    session: ProjectSession,
    report: Callable[[str], None],
    notify: Callable[[str], None] | None,
) -> bool:
    """One try of `save_merging` (raises `save.changed_by_other` to try again)."""
    changed = session.working_copy.target_changed()
    replaced = changed and _save_where_nothing_to_merge(session)
    if replaced:
        if notify is not None:
            folder = session.path.parent
            notify(error_text(PmdeskError(replaced, name=session.path.name, folder=folder)))
        return True
    if changed and _save_over_older_copy(parent, session):
        if notify is not None:
            older = PmdeskError("save.older_copy_replaced", name=session.path.name)
            notify(error_text(older))
        return True
    if changed and not merge_colleague(parent, session, report):
        if session.working_copy.unreadable_target is not None:
            return False  # said: damaged, and that saving again puts ours there
        report(
            translate("Sharing", "Not saved: %1 has a newer version to merge first.").replace(
                "%1", session.path.name
            )
        )
        return False
    session.save()
    return True


def _save_where_nothing_to_merge(session: ProjectSession) -> str | None:
    """Save ours where the project file has gone (deleted or moved away by a
    sync tool), or over a damaged file the last Save refused and said that
    saving again replaces: the code of the sentence that says so; None if the
    file is neither (a colleague's save, to merge)."""
    from pmdesk.core.target_merge import same_file_or_gone

    if session.read_only:
        return None
    wc = session.working_copy
    if not wc.target.exists():
        session.save(recreating=True)
        return "save.target_recreated"
    refused = wc.unreadable_target
    if refused is not None and same_file_or_gone(refused, wc.target):
        session.save(replacing_seen=refused)
        wc.unreadable_target = None
        return "save.target_replaced_by_ours"
    return None


def _save_over_older_copy(parent: QWidget, session: ProjectSession) -> bool:
    """If the project file holds an older version of ours, save ours over it
    (if it is still that file; else `save.changed_by_other`). False if it does
    not (a colleague's save, to merge)."""
    from pmdesk.core.target_merge import older_copy

    if session.read_only:
        return False
    wc = session.working_copy
    reading = translate("Sharing", "Reading %1…").replace("%1", wc.target.name)
    seen = _busy(parent, reading, lambda: older_copy(wc))
    if seen is None:
        return False
    session.save(replacing_seen=seen)
    return True
