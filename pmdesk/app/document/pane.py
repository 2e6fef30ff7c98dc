"""The PRD document pane: the ordered sections, a Markdown editor and a live preview.

Typing is saved as section updates after a short pause; a burst of typing in
one section is one undo step. ```` ```pmdesk ```` blocks show live project
content in the preview. The preview renders raw HTML as text and never loads
anything from the network.
"""

from __future__ import annotations

import uuid
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app import read_only
from pmdesk.app.document.highlighter import MarkdownHighlighter
from pmdesk.app.session import ProjectSession
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.ops import Create, Effect, Move, Remove, Update

SAVE_DELAY_MS = 600
PREVIEW_DELAY_MS = 250
UID_ROLE = Qt.ItemDataRole.UserRole + 1


class SafePreview(QTextBrowser):
    """A preview that never follows links or fetches images (offline, no leaks)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        return None


class DocumentPane(QWidget):
    preview_rendered = Signal()  # the preview shows the latest text (tests wait on it)

    def __init__(
        self,
        session: ProjectSession,
        tasks: TaskRunner,
        language: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.language = language
        self._uid: str | None = None
        self._saved_body = ""
        self._generation = 0
        self._tasks = tasks  # the window's one runner (renders the preview)

        self.sections = QListWidget(self)
        self.sections.setObjectName("sectionList")
        self.sections.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.sections.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.sections.currentItemChanged.connect(self._section_chosen)
        self.sections.itemChanged.connect(self._renamed)
        self.sections.model().rowsMoved.connect(self._dragged)

        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        self.add_button = self._button("+", self.tr("Add section"), self.add_section)
        self.remove_button = self._button("−", self.tr("Remove section"), self.remove_section)
        self.up_button = self._button("↑", self.tr("Move section up"), lambda: self.move_by(-1))
        self.down_button = self._button("↓", self.tr("Move section down"), lambda: self.move_by(1))
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sections, 1)
        left_layout.addLayout(buttons)

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("markdownEditor")
        self.editor.setPlaceholderText(self.tr("Write this section in Markdown…"))
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.editor.setFont(font)
        self.editor.setUndoRedoEnabled(False)  # the window's undo stack covers typing
        self.highlighter = MarkdownHighlighter(self.editor.document())
        self.preview = SafePreview(self)
        self.preview.setObjectName("markdownPreview")

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([170, 440, 460])
        left.setMaximumWidth(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.commit_body)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.render_preview)
        self.editor.textChanged.connect(self._typed)
        self.editor.installEventFilter(self)
        session.changed.connect(self._follow)
        self.reload_sections()

    def _button(self, text: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # -- sections list ---------------------------------------------------------
    def reload_sections(self) -> None:
        items = self.session.project.sections()
        current = self._uid
        with QSignalBlocker(self.sections):
            self.sections.clear()
            for named in items:
                item = QListWidgetItem(named.name or self.tr("(untitled)"))
                item.setData(UID_ROLE, named.uid)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.sections.addItem(item)
        row = next((i for i, n in enumerate(items) if n.uid == current), 0 if items else -1)
        if row >= 0:
            self.sections.setCurrentRow(row)
            self._show(self.sections.item(row).data(UID_ROLE))
        else:
            self._show(None)

    def section_uids(self) -> list[str]:
        return [self.sections.item(i).data(UID_ROLE) for i in range(self.sections.count())]

    def select_section(self, uid: str) -> None:
        uids = self.section_uids()
        if uid in uids:
            self.sections.setCurrentRow(uids.index(uid))

    def _section_chosen(self, current: QListWidgetItem | None, _prev: object) -> None:
        self.commit_body()
        self._show(current.data(UID_ROLE) if current is not None else None)

    def _show(self, uid: str | None) -> None:
        self._uid = uid
        body = ""
        if uid is not None:
            body = self.session.project.section_body(uid) or ""
        self._saved_body = body
        with QSignalBlocker(self.editor):
            self.editor.setPlainText(body)
        self.editor.setEnabled(uid is not None)
        # Read-only, lock_editing switched the button off: choosing a section (or a
        # colleague's version shown) must not switch it on again.
        self.remove_button.setEnabled(uid is not None and not self.session.read_only)
        self.render_preview()

    def add_section(self) -> None:
        self.commit_body()
        uid = str(uuid.uuid4())
        row = self.sections.currentRow()
        index = row + 1 if row >= 0 else None
        if self.session.push(
            Create("section", uid, {"title": self.tr("New section")}, index=index)
        ):
            self.select_section(uid)
            self.sections.editItem(self.sections.currentItem())

    def remove_section(self) -> None:
        if self._uid is not None:
            self.commit_body()
            self.session.push(Remove((("section", self._uid),)))

    def move_by(self, step: int) -> None:
        row = self.sections.currentRow()
        target = row + step
        if self._uid is None or not 0 <= target < self.sections.count():
            return
        self.commit_body()
        self.session.push(Move("section", self._uid, index=target))

    def _renamed(self, item: QListWidgetItem) -> None:
        uid = item.data(UID_ROLE)
        title = item.text().strip()
        if title:
            self.session.push(Update("section", uid, {"title": title}))
        else:
            self.reload_sections()

    def _dragged(self, *_args: object) -> None:
        if self._uid is not None:
            self.session.push(Move("section", self._uid, index=self.sections.currentRow()))

    # -- editing ---------------------------------------------------------------
    def _typed(self) -> None:
        self._save_timer.start()
        self._preview_timer.start()

    def commit_body(self) -> None:
        """Write pending typing now (before switching section, saving or closing)."""
        self._save_timer.stop()
        if self._uid is None:
            return
        body = self.editor.toPlainText()
        if body == self._saved_body:
            return
        self._saved_body = body
        self.session.push(
            Update("section", self._uid, {"body": body}), merge_key=("section", self._uid, "body")
        )

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is not self.editor:
            return False
        if event.type() == QEvent.Type.FocusOut:
            self.commit_body()
        elif event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        ):
            # One undo history for the whole window: flush the typing, then let the
            # window's Undo/Redo actions take the key instead of the editor.
            self.commit_body()
            return True
        return False

    def _follow(self, effects: tuple[Effect, ...]) -> None:
        if any(e.action == "reloaded" for e in effects):  # a merge: sections may all differ
            # Reloading sets the text again, which put the caret at the start and
            # scrolled to the top while the user was writing: keep their place.
            uid, caret = self._uid, self.editor.textCursor().position()
            scroll = self.editor.verticalScrollBar().value()
            self.reload_sections()
            if uid is not None and self._uid == uid:
                place = self.editor.textCursor()
                place.setPosition(min(caret, len(self.editor.toPlainText())))
                self.editor.setTextCursor(place)
                self.editor.verticalScrollBar().setValue(scroll)
            return
        if any(e.entity == "section" and e.action != "updated" for e in effects) or any(
            e.entity == "section" and "title" in e.fields for e in effects
        ):
            self.reload_sections()
        for e in effects:
            if e.entity == "section" and e.uid == self._uid and "body" in e.fields:
                body = self.session.project.section_body(e.uid) or ""
                if body != self.editor.toPlainText():  # undo/redo from elsewhere
                    self._saved_body = body
                    with QSignalBlocker(self.editor):
                        cursor = self.editor.textCursor().position()
                        self.editor.setPlainText(body)
                        c = self.editor.textCursor()
                        c.setPosition(min(cursor, len(body)))
                        self.editor.setTextCursor(c)
        live = ("requirement", "release", "lane", "milestone", "project")
        if any(e.entity in live for e in effects):
            # Directive blocks show live content, {{product}} fields the properties.
            self._preview_timer.start()

    # -- preview ---------------------------------------------------------------
    def render_preview(self) -> None:
        """Render the preview on a worker thread: reading Markdown can take seconds
        on pathological input, and typing must never freeze the window."""
        from pmdesk.export.directive_html import render_section_html

        self._generation += 1
        generation, text, language = self._generation, self.editor.toPlainText(), self.language
        project = self.session.project
        # Pictures are drawn as wide as the preview shows them (no scroll bar).
        width = self.preview.viewport().width() - 2 * int(self.preview.document().documentMargin())

        def work() -> str:
            return project.read(
                partial(render_section_html, text=text, language=language, image_width=width)
            )

        self._tasks.run(
            work,
            lambda html: self._show_preview(generation, html),
            lambda error: self._show_preview(generation, str(error)),
        )

    def _show_preview(self, generation: int, html: str) -> None:
        if generation != self._generation:
            return  # a newer render is on its way
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        self.preview.setHtml(html)
        bar.setValue(position)
        self.preview_rendered.emit()

    def lock_editing(self) -> None:
        """Read-only: sections show and preview, nothing edits them."""
        read_only.lock_editing(self)

    def shutdown(self) -> None:
        """Stop timers and wait for a render in flight (before the project closes)."""
        self._save_timer.stop()
        self._preview_timer.stop()
        self._tasks.wait()
