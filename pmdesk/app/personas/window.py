"""Project ▸ Personas… (Ctrl+Shift+U): the project's personas (用户画像) as cards,
and the fields of the chosen one.

Every change is one operation pushed through the session (one undo step named
in the Edit menu): a name or role when its line is left, the share when it is
set, a photo when chosen, the Markdown texts (goals, pain points, scenarios)
after a pause in typing and when the text is left (a burst of typing is one
step). The window follows the project: after any change of a persona, or of a
requirement's persona, it reads the personas again (a project has a handful).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app import dialogs
from pmdesk.app.labels import field_label
from pmdesk.app.personas.cards import PersonaCards
from pmdesk.app.project_windows import show_project_window
from pmdesk.core.domain.vocabulary import PERSONA_TEXTS
from pmdesk.core.queries.setup import PersonaRecord
from pmdesk.export.persona_avatar import avatar_image

if TYPE_CHECKING:
    from pmdesk.app.session import ProjectSession
    from pmdesk.core.ops import Effect

IDLE_MS = 700  # commit typing after this pause
PHOTO = 96  # pixels of the preview
NOT_SET = -1.0  # the share box's "not set" value (shown as its special text)
ERROR_STYLE = "color: #b02a37;"


class PersonasWindow(QWidget):
    """The personas of one project; non-modal, one per window."""

    requirement_chosen = Signal(str)  # what show_project_window connects

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._session = session
        self.setObjectName("personasWindow")
        self.setWindowTitle(self.tr("Personas"))
        self.resize(880, 600)
        self.records: dict[str, PersonaRecord] = {}
        self._shown: str | None = None  # the persona whose fields the form shows

        self.cards = PersonaCards()
        self.add_button = self._tool(self.tr("Add"), self.tr("Add a persona (Ctrl+N)"))
        self.delete_button = self._tool(
            self.tr("Delete"), self.tr("Delete the chosen persona (Delete)")
        )
        self.up_button = self._tool("↑", self.tr("Move up (Alt+Up)"))
        self.down_button = self._tool("↓", self.tr("Move down (Alt+Down)"))
        self.empty = QLabel(self.tr("No personas yet. Add one: who uses the product, and why?"))
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.total = QLabel()  # the shares added up: more than 100% is a mistake
        self.total.setWordWrap(True)

        self.photo = QLabel()
        self.photo.setFixedSize(PHOTO, PHOTO)
        self.choose_photo = QPushButton(self.tr("Choose Photo…"))
        self.remove_photo = QPushButton(self.tr("Remove Photo"))
        self.photo_note = QLabel()
        self.photo_note.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("For example: Li Na, store manager"))
        self.role = QLineEdit()
        self.role.setPlaceholderText(self.tr("Job or part they play, e.g. Store manager"))
        self.share = QDoubleSpinBox()
        self.share.setRange(NOT_SET, 100)
        self.share.setDecimals(1)
        self.share.setSuffix(" %")
        self.share.setSpecialValueText(self.tr("Not known"))
        self.share.setValue(NOT_SET)
        self.share.setToolTip(self.tr("How many of the product's users this persona stands for"))
        self.stories = QLabel()
        self.texts: dict[str, QPlainTextEdit] = {}
        hints = {
            "goals": self.tr("What they want to achieve (Markdown)"),
            "pain_points": self.tr("What gets in their way today (Markdown)"),
            "scenarios": self.tr("When and where they use the product (Markdown)"),
        }
        for name in PERSONA_TEXTS:
            edit = QPlainTextEdit()
            edit.setObjectName(f"persona_{name}")
            edit.setPlaceholderText(hints[name])
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
            edit.installEventFilter(self)
            edit.textChanged.connect(self._typed)
            self.texts[name] = edit

        picture = QVBoxLayout()
        picture.addWidget(self.photo)
        picture.addWidget(self.choose_photo)
        picture.addWidget(self.remove_photo)
        picture.addStretch(1)
        fields = QFormLayout()
        fields.addRow(self._label(self.tr("&Name:"), self.name), self.name)
        fields.addRow(self._label(self.tr("&Role:"), self.role), self.role)
        fields.addRow(self._label(self.tr("&Share of users:"), self.share), self.share)
        fields.addRow("", self.stories)
        top = QHBoxLayout()
        top.addLayout(picture)
        top.addSpacing(12)
        top.addLayout(fields, 1)
        form_layout = QVBoxLayout()
        form_layout.addLayout(top)
        form_layout.addWidget(self.photo_note)
        for name in PERSONA_TEXTS:
            title = QLabel(f"<b>{field_label(name)}</b>")
            title.setBuddy(self.texts[name])
            form_layout.addWidget(title)
            form_layout.addWidget(self.texts[name], 1)
        self.form = QWidget()
        self.form.setLayout(form_layout)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)

        tools = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            tools.addWidget(button)
        tools.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.cards, 1)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.total)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 580])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self.commit_texts)
        self._stale = QTimer(self)  # several edits in one event-loop turn: one read
        self._stale.setSingleShot(True)
        self._stale.setInterval(0)
        self._stale.timeout.connect(self.refresh)

        self.add_button.clicked.connect(self.add_persona)
        self.delete_button.clicked.connect(self.delete_persona)
        self.up_button.clicked.connect(lambda: self.cards.move_current(-1))
        self.down_button.clicked.connect(lambda: self.cards.move_current(1))
        self.cards.move_wanted.connect(self._move)
        self.cards.delete_wanted.connect(self.delete_persona)
        self.cards.currentItemChanged.connect(lambda *_: self._show_current())
        self.name.editingFinished.connect(lambda: self._commit_line("name", self.name))
        self.role.editingFinished.connect(lambda: self._commit_line("role", self.role))
        self.share.editingFinished.connect(self._commit_share)
        self.choose_photo.clicked.connect(self.choose_photo_file)
        self.remove_photo.clicked.connect(self._remove_photo)
        QShortcut(QKeySequence.StandardKey.New, self, self.add_persona)
        session.changed.connect(self._follow)

        self.refresh()
        if session.read_only:
            self.lock_editing()

    # -- building --------------------------------------------------------------------
    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def lock_editing(self) -> None:
        """Read-only: everything shown, nothing editable."""
        self.cards.lock_editing()
        for widget in (
            self.add_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.choose_photo,
            self.remove_photo,
        ):
            widget.setEnabled(False)
        for line in (self.name, self.role):
            line.setReadOnly(True)
        self.share.setReadOnly(True)
        for edit in self.texts.values():
            edit.setReadOnly(True)

    # -- following the project ----------------------------------------------------------
    def refresh(self) -> None:
        """Read the personas again and show them (keeping the chosen one)."""
        records = self._session.project.personas()
        self.records = {p.uid: p for p in records}
        self.cards.fill(records, self.tr("No role yet"))
        self.empty.setVisible(not records)
        self._show_total(records)
        self._show_current()

    def _show_total(self, records: list[PersonaRecord]) -> None:
        shares = [p.share for p in records if p.share is not None]
        total = round(sum(shares), 1)
        if not shares:
            self.total.clear()
        elif total > 100:
            text = self.tr("The shares add up to %1%: more than all the users.")
            self.total.setText(text.replace("%1", f"{total:g}"))
        else:
            self.total.setText(self.tr("Together %1% of the users.").replace("%1", f"{total:g}"))
        self.total.setStyleSheet(ERROR_STYLE if total > 100 else "")

    def _follow(self, effects: tuple[Effect, ...]) -> None:
        if any(
            e.entity == "persona"
            or e.action == "reloaded"
            or (e.entity == "requirement" and ("persona" in e.fields or e.action != "updated"))
            for e in effects
        ):
            self._stale.start()

    def _show_current(self) -> None:
        uid = self.cards.current_uid()
        record = self.records.get(uid) if uid else None
        if self._shown is not None and self._shown != uid:
            self.commit_texts()  # typing into the one shown before goes to it
        self._shown = uid
        self.form.setEnabled(record is not None)
        locked = self._session.read_only
        self.delete_button.setEnabled(record is not None and not locked)
        if record is None:
            for line in (self.name, self.role):
                line.clear()
            for edit in self.texts.values():
                with QSignalBlocker(edit):
                    edit.clear()
            self.photo.clear()
            self.stories.clear()
            return
        for line, value in ((self.name, record.name), (self.role, record.role)):
            if line.text() != value:
                line.setText(value)
        with QSignalBlocker(self.share):
            self.share.setValue(NOT_SET if record.share is None else record.share)
        for name, edit in self.texts.items():
            value = getattr(record, name)
            if edit.toPlainText() != value:
                with QSignalBlocker(edit):
                    edit.setPlainText(value)
        self.photo.setPixmap(
            QPixmap.fromImage(avatar_image(record.name, record.uid, record.photo, PHOTO))
        )
        self.remove_photo.setEnabled(record.photo is not None and not locked)
        self.stories.setText(
            self.tr("No requirement names this persona yet.")
            if record.stories == 0
            else self.tr("%n requirement(s) name this persona.", "", record.stories)
        )

    # -- editing -----------------------------------------------------------------------
    def _push_update(self, uid: str, values: dict[str, Any], merge: object = None) -> bool:
        from pmdesk.core.ops import Update

        return self._session.push(Update("persona", uid, values), merge_key=merge)

    def add_persona(self) -> str | None:
        """A new persona at the end, named for the user to type over (one undo step)."""
        from pmdesk.core.ops import Create

        if self._session.read_only:
            self._session.refuse_if_read_only()
            return None
        uid = str(uuid.uuid4())
        name = self.tr("New persona")
        if not self._session.push(Create("persona", uid, {"name": name})):
            return None
        self.refresh()
        self.cards.select_uid(uid)
        self.name.setFocus()
        self.name.selectAll()
        return uid

    def delete_persona(self) -> bool:
        """Delete the chosen persona after a question that says how many
        requirements lose it (undo puts it back, with their links)."""
        from pmdesk.core.ops import Remove

        uid = self.cards.current_uid()
        record = self.records.get(uid) if uid else None
        if record is None or self._session.read_only:
            return False
        question = self.tr("Delete the persona “%1”?").replace("%1", record.name)
        if record.stories:
            question += " " + self.tr(
                "%n requirement(s) will lose it and have no persona.", "", record.stories
            )
        question += " " + self.tr("Undo brings it back.")
        if not dialogs.yes_no(self, self.tr("Delete Persona"), question):
            return False
        return self._session.push(Remove((("persona", record.uid),)))

    def _move(self, uid: str, index: int) -> None:
        from pmdesk.core.ops import Move

        self._session.push(Move("persona", uid, index=index))

    def _commit_line(self, field: str, line: QLineEdit) -> None:
        uid = self._shown
        record = self.records.get(uid) if uid else None
        if record is None or self._session.read_only:
            return
        value = line.text().strip() if field == "name" else line.text()
        if value == getattr(record, field):
            return
        if field == "name" and not value:
            line.setText(record.name)  # a persona needs a name: the old one stays
            return
        if not self._push_update(record.uid, {field: value}):
            line.setText(getattr(record, field))

    def _commit_share(self) -> None:
        uid = self._shown
        record = self.records.get(uid) if uid else None
        if record is None or self._session.read_only:
            return
        value = None if self.share.value() <= NOT_SET else round(self.share.value(), 1)
        if value != record.share:
            self._push_update(record.uid, {"share": value})

    def _typed(self) -> None:
        self._idle.start()

    def commit_texts(self) -> None:
        """Push the Markdown texts that differ from the project's (one step per
        burst of typing in one text: the session merges them by key)."""
        self._idle.stop()
        uid = self._shown
        record = self.records.get(uid) if uid else None
        if record is None or not shiboken6.isValid(self._session) or self._session.read_only:
            return  # nothing shown, or the project closed (its typing was committed before)
        for name, edit in self.texts.items():
            value = edit.toPlainText()
            if value != getattr(record, name):
                self._push_update(record.uid, {name: value}, merge=("persona", record.uid, name))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in self.texts.values():
            self.commit_texts()
        return super().eventFilter(watched, event)

    def closeEvent(self, event: Any) -> None:
        self.commit_texts()
        self._stale.stop()  # the project may be closing: read nothing more of it
        if shiboken6.isValid(self._session):
            self._session.changed.disconnect(self._follow)
        super().closeEvent(event)

    # -- the photo ----------------------------------------------------------------------
    def choose_photo_file(self) -> None:
        """Choose Photo…: a PNG or JPEG; a large one is made smaller to fit 1 MB,
        anything else is refused with one sentence under the picture."""
        from pmdesk.app.setup import questions
        from pmdesk.app.setup.properties_dialog import (
            MAX_LOGO_BYTES,
            fitted_logo,
            logo_problem,
            shrunk_logo,
        )

        uid = self._shown
        if uid is None or self._session.read_only:
            return
        path = questions.choose_image(self, self.tr("Choose a photo"))
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as e:
            self._photo_said(
                self.tr("%1 could not be read (%2).")
                .replace("%1", path.name)
                .replace("%2", e.strerror or str(e)),
                error=True,
            )
            return
        problem = logo_problem(data, path.name)
        note = ""
        if problem is not None and len(data) > MAX_LOGO_BYTES:
            image = shrunk_logo(data)
            smaller = fitted_logo(image) if image is not None else None
            if image is not None and smaller is not None:
                problem, data = None, smaller
                note = self.tr("%1 was made smaller to fit in 1 MB.").replace("%1", path.name)
        if problem is not None:
            self._photo_said(problem, error=True)
            return
        if self._push_update(uid, {"photo": data}):
            self._photo_said(note)

    def _remove_photo(self) -> None:
        uid = self._shown
        if uid is not None and self._push_update(uid, {"photo": None}):
            self._photo_said("")

    def _photo_said(self, text: str, *, error: bool = False) -> None:
        self.photo_note.setStyleSheet(ERROR_STYLE if error else "")
        self.photo_note.setText(text)


def commit_typing(parent: QObject | None, session: ProjectSession) -> None:
    """Commit what was typed in the personas window of `session` and not yet
    committed (the workspace asks before a save, a merge or a close)."""
    for window in parent.findChildren(PersonasWindow) if parent is not None else ():
        if window._session is session:
            window.commit_texts()


def close_personas(parent: QWidget) -> None:
    """Close the personas windows (before their project closes: they read it)."""
    for window in parent.findChildren(PersonasWindow):
        window.close()


def show_personas(
    parent: QWidget, session: ProjectSession, select: Callable[[str], None]
) -> PersonasWindow:
    """Show the personas of `session` (raising the window already open)."""
    return show_project_window(
        parent, PersonasWindow, session, lambda: PersonasWindow(session, parent), select
    )
