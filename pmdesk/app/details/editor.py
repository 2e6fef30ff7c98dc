"""The detail editor: every field of the selected requirement, editable.

Each committed edit (a choice made, Return or focus out, a pause in typing the
description) pushes one `Update` through the session, so it is one undo step;
the description's edits share a merge key, so a burst of typing is one step
too. The editor never writes its widgets back from its own edits: it follows
`session.changed`, re-reads what an effect names and refreshes those fields,
leaving alone a field that holds the user's unfinished typing. A refused edit
puts the stored value back and says why.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTimer, QTimeZone, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QPixmap, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QVBoxLayout, QWidget

from pmdesk.app.details.form import DetailForm
from pmdesk.app.details.inputs import fill_combo, select_data
from pmdesk.app.history.model import ui_wording
from pmdesk.app.labels import (
    horizon_label,
    kano_label,
    kind_label,
    not_assessed_label,
    priority_label,
    status_label,
)
from pmdesk.app.look import kind_icon, status_dot
from pmdesk.app.read_only import lock_editing
from pmdesk.app.session import ProjectSession
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.domain import vocabulary
from pmdesk.core.ops import Create, Effect, MarkReviewed, Operation, Remove, Update
from pmdesk.core.ops.custom import SetCustomValues
from pmdesk.core.queries.requirements import RequirementDetail, detail_after
from pmdesk.core.queries.setup import PersonaRecord
from pmdesk.export.persona_avatar import avatar_image

__all__ = ["DetailEditor"]

MESSAGE_MS = 10_000  # how long a refusal stays on screen
AVATAR = 16  # pixels of a persona's avatar in its choice


@dataclass(frozen=True)
class _Field:
    """How one domain field maps onto its widgets."""

    read: Callable[[], Any]
    write: Callable[[Any], None]
    widgets: tuple[QWidget, ...]
    more: Callable[[], tuple[QWidget, ...]] = tuple  # widgets made later (criteria)

    def has_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and any(
            w is focus or w.isAncestorOf(focus) for w in (*self.widgets, *self.more())
        )


def split_tags(text: str) -> list[str]:
    """ "a, b，c" → ["a", "b", "c"]: ASCII or full-width commas, blanks and repeats dropped."""
    tags: list[str] = []
    for part in text.replace("，", ",").replace("、", ",").split(","):
        tag = part.strip()
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _set_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:  # setText moves the caret and clears the edit's own undo
        edit.setText(text)
        if not edit.hasFocus():
            edit.setCursorPosition(0)  # show a long title from its start, not its end


def _stamp(iso: str) -> str:
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    moment.setTimeZone(QTimeZone.utc())  # the history records UTC
    return str(moment.toLocalTime().toString("yyyy-MM-dd HH:mm"))


class DetailEditor(QWidget):
    """Shows and edits one requirement; `show_requirement(None)` shows the empty state."""

    requirement_activated = Signal(str)  # the user asked to go to a linked requirement
    impact_requested = Signal(str)  # Show Impact… from the links' menu

    def __init__(
        self, session: ProjectSession, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._uid: str | None = None
        self._shown: dict[str, Any] = {}  # field → what its widget read right after showing it
        self._linked: set[str] = set()
        self._detail: RequirementDetail | None = None  # the requirement shown, as last known
        self._populating = False
        self._committing: str | None = None
        self._pushing = False
        self._owners_stale = True
        self._locked = False  # read-only: inputs made later are locked as they come
        self._personas: dict[str, PersonaRecord] = {}
        self._personas_stale = True
        self._custom_stale = True  # the project's custom fields: read again when they change

        self.form = form = DetailForm(self._suggest_date, self._find, tasks, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        self._fields = self._bind(form)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(form.message.hide)
        self._connect(form)
        session.changed.connect(self._follow)
        session.failed.connect(self._refused)
        self.show_requirement(None)

    # -- public ------------------------------------------------------------------
    @property
    def current_uid(self) -> str | None:
        return self._uid

    def show_requirement(self, uid: str | None) -> None:
        """Show `uid` (None: nothing selected).

        Unfinished typing is committed to the requirement it was typed for; showing
        the same requirement again refreshes it but leaves the user's typing alone.
        """
        again = uid is not None and uid == self._uid
        if not again:
            self.commit_pending()
            self.form.message.hide()
        self._uid = uid
        if uid is None:
            self._show_empty()
            return
        if self._owners_stale:
            self._fill_owners()
            self._custom_stale = True  # a person field lists the project's people
        self._fill_named_combos()
        if self._custom_stale:
            self._fill_custom_fields()
        self._show_model()
        if self._reload(set(self._fields), force=not again):
            self._load_links()
            self._load_history()
            self.form.pages.setCurrentIndex(1)

    def lock_editing(self) -> None:
        """Read-only: the form shows, nothing in it edits."""
        self._locked = True
        lock_editing(self.form)

    def commit_pending(self) -> None:
        """Commit whatever the user changed but has not committed yet."""
        if self._uid is None:
            return
        self.form.description.cancel_pending()
        for name, field in self._fields.items():
            if field.read() != self._shown.get(name):
                self._commit(name)

    # -- building ------------------------------------------------------------------
    def _bind(self, form: DetailForm) -> dict[str, _Field]:
        def combo(box: QComboBox) -> _Field:
            return _Field(box.currentData, lambda v: select_data(box, v), (box,))

        def line(edit: QLineEdit) -> _Field:
            return _Field(lambda: edit.text().strip(), lambda v: _set_text(edit, v), (edit,))

        def write_tags(tags: list[str]) -> None:
            if split_tags(form.tags.text()) != tags:
                form.tags.setText(", ".join(tags))

        def write_owner(owner: str) -> None:
            if form.owner.currentText() != owner:
                form.owner.setEditText(owner)

        fill_combo(form.kind, ((kind_label(k), k) for k in vocabulary.KINDS), kind_icon)
        fill_combo(form.status, ((status_label(s), s) for s in vocabulary.STATUSES), status_dot)
        # A new requirement is not assessed until someone decides (None).
        unassessed = (not_assessed_label(), None)
        priorities = ((priority_label(p), p) for p in vocabulary.PRIORITIES)
        fill_combo(form.priority, [unassessed, *priorities])
        fill_combo(form.kano, [unassessed, *((kano_label(k), k) for k in vocabulary.KANO)])
        horizons = ((horizon_label(h), h) for h in vocabulary.HORIZONS)
        fill_combo(form.horizon, [(self.tr("From its release"), None), *horizons])
        rice, description, acceptance = form.rice, form.description, form.acceptance
        return {
            "title": line(form.title),
            "kind": combo(form.kind),
            "status": combo(form.status),
            "priority": combo(form.priority),
            "kano": combo(form.kano),
            "owner": _Field(lambda: form.owner.currentText().strip(), write_owner, (form.owner,)),
            "tags": _Field(lambda: split_tags(form.tags.text()), write_tags, (form.tags,)),
            "source": line(form.source),
            "release": combo(form.release),
            "lane": combo(form.lane),
            "persona": combo(form.persona),
            "value": _Field(form.value.current, form.value.show_value, (form.value,)),
            "horizon": combo(form.horizon),
            "start": _Field(form.start.value, form.start.set_value, (form.start,)),
            "end": _Field(form.end.value, form.end.set_value, (form.end,)),
            "rice": _Field(rice.value, rice.set_value, rice.widgets()),
            "ice": _Field(form.ice.value, form.ice.set_value, form.ice.widgets()),
            "wsjf": _Field(form.wsjf.value, form.wsjf.set_value, form.wsjf.widgets()),
            # The criteria's spin boxes change with the project's criteria: looked up late.
            "scores": _Field(
                form.criteria.value,
                form.criteria.set_value,
                (form.criteria.empty,),
                form.criteria.widgets,
            ),
            # Schema 9: the project's own fields, made again when they change.
            "custom": _Field(form.custom.value, form.custom.set_value, (), form.custom.widgets),
            "description": _Field(description.value, description.set_value, (description,)),
            "acceptance": _Field(acceptance.value, acceptance.set_value, (acceptance,)),
        }

    def _connect(self, form: DetailForm) -> None:
        def commit(name: str) -> Callable[..., None]:
            return lambda *_args: self._commit(name)

        choices = {"kind": form.kind, "status": form.status, "priority": form.priority}
        choices |= {"kano": form.kano, "release": form.release, "lane": form.lane}
        choices |= {"persona": form.persona, "horizon": form.horizon}
        for name, box in choices.items():
            box.currentIndexChanged.connect(commit(name))
        for name, edit in (("title", form.title), ("tags", form.tags), ("source", form.source)):
            edit.editingFinished.connect(commit(name))
        owner_edit = form.owner_edit
        owner_edit.editingFinished.connect(commit("owner"))
        form.owner.activated.connect(commit("owner"))
        form.value.committed.connect(commit("value"))
        form.start.committed.connect(commit("start"))
        form.end.committed.connect(commit("end"))
        form.rice.committed.connect(commit("rice"))
        form.ice.committed.connect(commit("ice"))
        form.wsjf.committed.connect(commit("wsjf"))
        form.criteria.committed.connect(commit("scores"))
        form.custom.committed.connect(commit("custom"))
        form.description.committed.connect(commit("description"))
        form.acceptance.committed.connect(commit("acceptance"))
        form.story_template.clicked.connect(self.insert_story_template)
        form.description.text.textChanged.connect(self._offer_story_template)
        form.links.add_requested.connect(self._add_link)
        form.links.remove_requested.connect(self._remove_link)
        form.links.review_requested.connect(self._review_links)
        form.links.impact_requested.connect(self.impact_requested)
        form.links.problem.connect(self._show_message)
        form.links.requirement_activated.connect(self.requirement_activated)
        form.tabs.currentChanged.connect(self._load_history)
        self._escapable: dict[QObject, str] = {
            form.title: "title",
            form.tags: "tags",
            form.source: "source",
            owner_edit: "owner",
        }
        for watched in self._escapable:
            watched.installEventFilter(self)

    # -- showing -------------------------------------------------------------------
    def _show_empty(self) -> None:
        self._uid = None
        self.form.description.cancel_pending()
        self.form.pages.setCurrentIndex(0)

    def _reload(
        self, names: Iterable[str], *, force: bool = False, effects: tuple[Effect, ...] = ()
    ) -> bool:
        """Show `names` of the requirement, as `effects` left the one shown when they
        tell (issue 12), else read again; False (and the empty state) if it is gone."""
        assert self._uid is not None
        shown = self._detail if self._detail is not None and self._detail.uid == self._uid else None
        detail = detail_after(shown, effects) if shown is not None and effects else None
        if detail is None:
            detail = self._session.project.requirement(self._uid)
        self._detail = detail
        if detail is None:
            self._show_empty()
            return False
        self._populating = True
        try:
            for name in names:
                if name in self._fields:
                    self._show_field(name, detail.values[name], force=force)
            self._show_header(detail)
        finally:
            self._populating = False
        self._offer_story_template()
        return True

    def _show_field(self, name: str, value: Any, *, force: bool) -> None:
        field = self._fields[name]
        busy = field.has_focus() and field.read() != self._shown.get(name)
        if not force and busy and name != self._committing:
            return  # the user is typing here; their edit commits when they finish
        field.write(value)
        self._shown[name] = field.read()

    def _show_header(self, detail: RequirementDetail) -> None:
        values = detail.values
        self.form.show_header(detail.key, kind_icon(values["kind"]), kind_label(values["kind"]))
        created = (
            self.tr("Created %1 by %2").replace("%2", detail.created_by)
            if detail.created_by
            else self.tr("Created %1")
        ).replace("%1", _stamp(detail.created_at))
        updated = (
            self.tr("Updated %1 by %2").replace("%2", detail.updated_by)
            if detail.updated_by
            else self.tr("Updated %1")
        ).replace("%1", _stamp(detail.updated_at))
        self.form.footer.setText(f"{created}  ·  {updated}")

    def _show_model(self) -> None:
        """Show the inputs of the project's scoring model (it may have changed)."""
        chosen = self._session.project.scoring()
        self.form.show_model(chosen.model, chosen.criteria)
        if self._locked:  # the criteria's spin boxes are made anew when the criteria change
            for box in self.form.criteria.widgets():
                lock_editing(box)

    def _fill_named_combos(self) -> None:
        releases, lanes = self._session.project.releases_and_lanes()
        release_items = [("—", None), *((r.name, r.uid) for r in releases)]
        lane_items = [("—", None), *((lane.name, lane.uid) for lane in lanes)]
        fill_combo(self.form.release, release_items)
        fill_combo(self.form.lane, lane_items)
        if self._personas_stale:
            self._fill_personas()

    def _fill_personas(self) -> None:
        """The persona choice, each with its avatar (read again only after a
        persona changed: the photos need not be read at every selection)."""
        self._personas_stale = False
        self._personas = {p.uid: p for p in self._session.project.personas()}
        avatars = {
            p.uid: QIcon(QPixmap.fromImage(avatar_image(p.name, p.uid, p.photo, AVATAR)))
            for p in self._personas.values()
        }
        persona_items = [("—", None), *((p.name, p.uid) for p in self._personas.values())]
        fill_combo(self.form.persona, persona_items, avatars.__getitem__)

    def _fill_custom_fields(self) -> None:
        """The inputs of the project's custom fields (made again when they changed)."""
        self._custom_stale = False
        project = self._session.project
        if self.form.custom.set_fields(project.custom_fields(), project.owner_names()):
            if self._locked:
                for widget in self.form.custom.widgets():
                    lock_editing(widget)
            self._shown.pop("custom", None)

    def _fill_owners(self) -> None:
        names = self._session.project.owner_names()
        owner = self.form.owner
        text = owner.currentText()
        owner.blockSignals(True)
        owner.clear()
        owner.addItems(names)
        owner.setEditText(text)
        owner.blockSignals(False)
        self._owners_stale = False

    def _load_links(self) -> None:
        if self._uid is None:
            return
        rows = self._session.project.links_of(self._uid)
        self._linked = {row.other_uid for row in rows}
        self.form.links.set_links(self._uid, rows)

    def _load_history(self, *_args: object) -> None:
        """Fill the History tab, only while it is shown: the editor follows every
        edit, and nobody needs the log of a requirement they are not reading."""
        if self._uid is None or self.form.tabs.currentWidget() is not self.form.history:
            return
        rows = self._session.project.history(self._uid, ui_wording())
        self.form.history.show_changes(rows)

    def _find(self, text: str) -> list[tuple[str, str, str]]:
        return self._session.project.find_requirements(text, 20)

    def _suggest_date(self, which: str) -> QDate:
        """Where a newly ticked date starts: the release's own start or end (else today),
        kept on the right side of the other date."""
        suggested = QDate.currentDate()
        release = self._fields["release"].read()
        for record in self._session.project.releases() if release else ():
            planned = record.start if which == "start" else record.end
            if record.uid == release and planned:
                suggested = QDate.fromString(planned, Qt.DateFormat.ISODate)
        other = self._fields["end" if which == "start" else "start"].read()
        if not other:
            return suggested
        date = QDate.fromString(other, Qt.DateFormat.ISODate)
        return min(suggested, date) if which == "start" else max(suggested, date)

    # -- editing -------------------------------------------------------------------
    def _commit(self, name: str) -> None:
        if self._populating or self._uid is None:
            return
        value = self._fields[name].read()
        if value == self._shown.get(name):
            return
        merge = ("requirement", self._uid, name) if name == "description" else None
        if name == "custom":  # only the fields that changed: they merge one by one
            shown = self._shown.get(name) or {}
            changed = {k: value.get(k) for k in {*value, *shown} if value.get(k) != shown.get(k)}
            self._push(SetCustomValues({self._uid: changed}), None, name)
            return
        self._push(Update("requirement", self._uid, {name: value}), merge, name)

    # -- the user story template -------------------------------------------------------
    def _offer_story_template(self) -> None:
        """Offer the template to a user story whose description is still empty."""
        story = self._fields["kind"].read() == "story"
        empty = not self.form.description.value().strip()
        offered = story and empty and not self._locked
        self.form.show_story_template(offered)
        if offered:
            self.form.story_template.setToolTip(self.story_template())

    def story_template(self) -> str:
        """ "As a <persona>, I want …, so that …." in the project's language, with
        the story's persona when it has one ("As Ann, I want …")."""
        chosen = self._personas.get(self._fields["persona"].read() or "")
        if self._session.project.info().language == "zh":
            return f"作为{chosen.name if chosen else '<用户画像>'}，我希望…，以便…。"
        who = chosen.name if chosen else "a <persona>"  # "As Ann, …": a name needs no article
        return f"As {who}, I want …, so that …."

    def insert_story_template(self) -> None:
        """One click: the template becomes the description (one undo step), and the
        first "…" is selected, ready to type over."""
        if self._uid is None or self._locked:
            return
        text = self.story_template()
        editor = self.form.description
        editor.set_value(text)
        self._commit("description")
        editor.text.setFocus()
        cursor = editor.text.textCursor()
        start = text.index("…")
        cursor.setPosition(start)
        cursor.setPosition(start + 1, QTextCursor.MoveMode.KeepAnchor)
        editor.text.setTextCursor(cursor)

    def _add_link(self, link_type: str, other: str) -> None:
        if self._uid is None:
            return
        values = {"from": self._uid, "to": other, "type": link_type}
        if self._push(Create("link", str(uuid.uuid4()), values)):
            self.form.links.clear_target()

    def _remove_link(self, link_uid: str) -> None:
        self._push(Remove((("link", link_uid),)))

    def _review_links(self, link_uids: list[str]) -> None:
        self._push(MarkReviewed(tuple(link_uids)))

    def _push(self, op: Operation, merge_key: Any = None, field: str | None = None) -> bool:
        self._pushing, self._committing = True, field
        try:
            ok = self._session.push(op, merge_key)
        finally:
            self._pushing, self._committing = False, None
        if ok:
            self.form.message.hide()
        elif field is not None and self._uid is not None:
            self._reload({field}, force=True)  # show the stored value again
        return ok

    def _refused(self, message: str) -> None:
        if self._pushing:
            self._show_message(message)

    def _show_message(self, message: str) -> None:
        self.form.message.setText(message)
        self.form.message.show()
        self._message_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and watched in self._escapable
            and self._uid is not None
        ):
            self._reload({self._escapable[watched]}, force=True)  # Escape: back to stored
            return True
        return super().eventFilter(watched, event)

    # -- following the project -------------------------------------------------------
    def _follow(self, effects: tuple[Effect, ...]) -> None:
        names: set[str] = set()
        touched = lists = links = False
        read = False  # the requirement shown must be read again: its effects do not tell
        if any(e.action == "reloaded" for e in effects):  # a merge: anything may differ
            self._owners_stale = touched = lists = links = read = True
            self._personas_stale = self._custom_stale = True
            names = set(self._fields)
        for effect in effects:
            if effect.entity in ("release", "lane", "persona"):
                lists = True
                self._personas_stale |= effect.entity == "persona"
            elif effect.entity == "custom_field":  # schema 9: the inputs are made again
                self._custom_stale = touched = read = True
                names.add("custom")
            elif effect.entity == "project":  # a new key prefix renames every key
                touched = links = read = True
            elif effect.entity == "link":
                links = True
            elif effect.entity == "requirement":
                if effect.action in ("inserted", "removed") or "owner" in effect.fields:
                    self._owners_stale = True
                if effect.action == "removed":
                    touched = links = read = True  # the shown one may have gone with an ancestor
                elif effect.uid == self._uid:
                    names.update(effect.fields)
                    touched = True
                elif effect.uid in self._linked and "title" in effect.fields:
                    links = True
        if self._uid is None:
            return
        if lists:
            self._fill_named_combos()
        if self._custom_stale:
            self._fill_custom_fields()
        if any(e.entity == "project" or e.action == "reloaded" for e in effects):
            self._show_model()
            names.add("scores")  # the criteria's spin boxes were made again: fill them
        if touched and not self._reload(names, effects=() if read else effects):
            return
        if links:
            self._load_links()
        if touched or links or lists:
            self._load_history()
