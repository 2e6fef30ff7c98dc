"""A shared project file in the window: noticing a colleague's save and merging it.

A file watcher (and, for network shares that send no events, a slow poll)
notices that the project file was replaced; its fingerprint says whether it
really changed. A bar above the document then offers to merge it now. Save
merges too when the file changed since it was opened or last saved: what only
one side changed is taken at once, conflicts go to the conflict dialog, and the
merge is one undo step ("Merge changes by 张三").
"""

from __future__ import annotations

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
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.errors import PmdeskError

if TYPE_CHECKING:
    from pathlib import Path

    from pmdesk.app.session import ProjectSession
    from pmdesk.core.merge.files import PendingMerge
    from pmdesk.core.merge.three_way import MergeResult
    from pmdesk.core.ops.rows import ReplaceRows
    from pmdesk.core.project_save import Record, Resolver, Step, Wait

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
        project = self._session.project
        try:
            # Inside the try: on an unmounted share even looking whether the file
            # exists raises (EIO, ESTALE), and a timer's slot must not.
            self._watch()
            version = _version(self._session)
            if version == self._announced:
                return False  # offered already: no need to hash the file again
            if not project.file_changed():
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
    project = session.project
    was_clean = session.undo_stack.isClean()
    try:
        merged = project.merge_saved(
            resolve=ask_user(parent),
            record=recorder(session, colleague_merge_text),
            wait=waiting(parent, project.name),
        )
    except (PmdeskError, OSError) as e:
        # OSError too: the file can be gone (share disconnected, file moved) between
        # the offer and the click; say so instead of raising out of the slot.
        dialogs.error(parent, _unreachable_text(e, session))
        return False
    if merged.older:
        # Merging would delete what came after that older version: Save puts ours back.
        report(older_copy_text(session.path.name))
        return False
    if merged.result is None:
        report(translate("Sharing", "Not merged: nothing was changed."))
        return False
    if was_clean and merged.unsaved_before == 0:
        # Nothing of ours was unsaved: the project now is exactly their file,
        # so there is nothing to save (undoing the merge would be a change).
        session.undo_stack.setClean()
    if session.read_only:  # nothing was merged: their version is shown
        who = _who(merged.people)
        report(translate("Sharing", "Now showing the version %1 saved.").replace("%1", who))
    else:
        report(merged_text(merged.result, list(merged.people)))
    return True


def merge_copy(
    parent: QWidget, session: ProjectSession, copy: Path, report: Callable[[str], None]
) -> bool:
    """Merge a copy of the open project that was edited elsewhere (e-mailed back).

    The project file itself is left alone: the merge is one undo step in the
    working copy, published by the next Save.
    """
    project = session.project

    def text(people: tuple[str, ...]) -> str:
        return translate("Sharing", "Merge copy %1").replace("%1", copy.name)

    try:
        merged = project.merge_copy(
            copy,
            resolve=ask_user(parent),
            record=recorder(session, text),
            wait=waiting(parent, copy.name),
        )
    except PmdeskError as e:
        dialogs.error(parent, error_text(e))
        return False
    except OSError as e:
        reason = e.strerror or str(e)
        dialogs.error(parent, error_text(PmdeskError("file.unreadable", path=copy, reason=reason)))
        return False
    if merged.result is None:
        report(translate("Sharing", "Not merged: nothing was changed."))
        return False
    report(merged_text(merged.result, list(merged.people)))
    return True


def ask_user(parent: QWidget) -> Resolver:
    """The window's conflict resolver: the conflict dialog (None: cancelled)."""

    def resolve(pending: PendingMerge, result: MergeResult) -> MergeResult | None:
        resolutions = dialogs.resolve_conflicts(
            parent, result.conflicts, pending.mine, pending.theirs, pending.their_authors
        )
        return None if resolutions is None else pending.result(resolutions)

    return resolve


def recorder(session: ProjectSession, text: Callable[[tuple[str, ...]], str]) -> Record:
    """Write a merge as one undo step named `text(people)`; read-only, there is
    nothing of ours to merge: their version is taken in, outside the history."""

    def record(op: ReplaceRows, people: tuple[str, ...]) -> bool:
        if session.read_only:
            return session.take_in(op)
        return session.push(op, text=text(people))

    return record


def colleague_merge_text(people: tuple[str, ...]) -> str:
    return translate("Sharing", "Merge changes by %1").replace("%1", _who(people))


def _who(people: tuple[str, ...] | list[str]) -> str:
    return "、".join(people) or translate("Sharing", "a colleague")


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


def waiting(parent: QWidget, name: str) -> Wait:
    """The window's `Wait` for a save's or a merge's slow reads (`run_busy`)."""

    def wait(step: Step, work: Callable[[], T]) -> T:
        if step == "reading":
            text = translate("Sharing", "Reading %1…").replace("%1", name)
        elif step == "merging":
            text = translate("Sharing", "Merging the newer version of %1…").replace("%1", name)
        else:
            text = translate("Sharing", "Merging %1…").replace("%1", name)
        return run_busy(parent, text, work)

    return wait


def run_busy(parent: QWidget, text: str, work: Callable[[], T]) -> T:
    """Run `work` on a worker (TaskRunner) while the window keeps painting; a
    modal progress dialog appears if it takes a while (a merge of 100,000
    requirements takes seconds). Input waits meanwhile, so no edit slips in
    during the read. Its error is raised here."""
    outcome: list[T] = []
    failure: list[BaseException] = []
    loop = QEventLoop()
    progress = QProgressDialog(text, "", 0, 0, parent)
    progress.setCancelButton(None)  # a half-read merge has nothing to cancel cleanly
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(BUSY_DIALOG_MS)
    runner = TaskRunner(progress)

    def done(value: T) -> None:
        outcome.append(value)
        loop.quit()

    def failed(error: BaseException) -> None:
        failure.append(error)
        loop.quit()

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    show = QTimer(progress, singleShot=True, interval=BUSY_DIALOG_MS)
    show.timeout.connect(progress.show)
    try:
        runner.run(work, done, failed)
        show.start()
        if not (outcome or failure):
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        show.stop()
        runner.wait()
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
    """Save; if a colleague saved meanwhile, merge their version first (the
    core's one merge-retry loop, Project.save, with the conflict dialog as its
    resolver). True if saved. A file an older copy replaced is not merged: ours
    is saved over it, and `notify` is told (for the notice bar)."""
    project = session.project
    try:
        saved = project.save(
            resolve=ask_user(parent),
            record=recorder(session, colleague_merge_text),
            wait=waiting(parent, project.name),
        )
    except PmdeskError as e:
        dialogs.error(parent, error_text(e))
        return False
    except OSError as e:  # the share went away mid-save: say so, keep the work
        reason = e.strerror or str(e)
        error = PmdeskError("write.failed", path=session.path, reason=reason)
        dialogs.error(parent, error_text(error))
        return False
    merged = saved.merged
    if merged is not None and merged.result is not None:
        report(merged_text(merged.result, list(merged.people)))
    if not saved.saved:  # the user cancelled the conflicts: nothing changed
        report(translate("Sharing", "Not merged: nothing was changed."))
        report(
            translate("Sharing", "Not saved: %1 has a newer version to merge first.").replace(
                "%1", session.path.name
            )
        )
        return False
    session.undo_stack.setClean()
    for notice in saved.notices:
        if notify is not None:
            notify(error_text(PmdeskError(notice.code, **notice.params)))
    return True
