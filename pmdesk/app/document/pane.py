"""The PRD document pane: the ordered sections, a Markdown editor and a live preview.

Typing is saved as section updates after a short pause; a burst of typing in
one section is one undo step. ```` ```pmdesk ```` blocks show live project
content in the preview. The preview renders raw HTML as text and never loads
anything from the network.

Editor and preview sit side by side; buttons above them (and Ctrl+1/2/3) show
the editor only, both, or the preview only, and the list of sections collapses
(its button, F9 as in GNOME's side panes, or dragging it shut). No Ctrl+Alt
keys: on many keyboards (German, Polish…) those are AltGr, which types `}`,
`€` or `ą` in the editor. The preview shows the
section as the PRD will, numbered headings and all, scrolls along with the
editor's caret, and follows in-page links (`#4-需求列表`) to the heading they
name, in another section too. All of this is remembered in the settings.
"""

from __future__ import annotations

import uuid
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence, QTextOption
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
from pmdesk.app.document.preview_places import PreviewPlaces
from pmdesk.app.session import ProjectSession
from pmdesk.app.settings import AppSettings
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.ops import Create, Effect, Move, Remove, Update
from pmdesk.export.doc import heading_slug
from pmdesk.export.heading_numbers import section_numbers
from pmdesk.export.markdown_html import PreviewSection

SAVE_DELAY_MS = 600
PREVIEW_DELAY_MS = 250
UID_ROLE = Qt.ItemDataRole.UserRole + 1


# The entities pmdesk blocks show (persona cards, links' "needs review" marks…):
# an edit of one renders the preview again.
_LIVE = frozenset(
    ("requirement", "release", "lane", "milestone", "project", "saved_view", "persona", "link")
)


class SafePreview(QTextBrowser):
    """A preview that never follows links or fetches images (offline, no leaks)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Narrow table columns break lines between words, never inside one
        # ("Approv/ed"): a table too wide for the pane scrolls sideways instead.
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)

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
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
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
        self.preview.anchorClicked.connect(self.follow_link)
        self.places = PreviewPlaces()
        self._pending_anchor: str | None = None

        # Editor and preview side by side; the section list beside them collapses.
        self.texts = QSplitter(Qt.Orientation.Horizontal, self)
        self.texts.setObjectName("documentTexts")
        self.texts.addWidget(self.editor)
        self.texts.addWidget(self.preview)
        self.texts.setChildrenCollapsible(False)  # hidden by the view buttons instead
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("documentSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.texts)
        self.splitter.setCollapsible(0, True)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        left.setMaximumWidth(320)
        self._sections_width = 170
        self._view = ""
        self._text_sizes: list[int] = []
        self._restored = False
        self._build_view_buttons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.view_bar)
        layout.addWidget(self.splitter, 1)
        self._restore_view()
        self.splitter.splitterMoved.connect(self._splitter_moved)
        self.texts.splitterMoved.connect(lambda *_: self._remember_sizes())

        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.commit_body)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.render_preview)
        self.editor.textChanged.connect(self._typed)
        self.editor.cursorPositionChanged.connect(self.follow_caret)
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

    # -- what is shown: sections, editor, preview ---------------------------------
    def _build_view_buttons(self) -> None:
        """Tool buttons above the texts, each an action with a key of its own."""
        self.view_bar = QHBoxLayout()
        self.view_bar.setContentsMargins(2, 2, 2, 0)
        self.view_bar.setSpacing(2)
        self.sections_action = self._action(
            self.tr("Sections"), self.tr("Show or hide the list of sections"), "F9"
        )
        self.sections_action.toggled.connect(self.show_sections)
        self.view_actions: dict[str, QAction] = {
            "editor": self._action(self.tr("Editor"), self.tr("Show the editor only"), "Ctrl+1"),
            "both": self._action(
                self.tr("Side by side"), self.tr("Show the editor and the preview"), "Ctrl+2"
            ),
            "preview": self._action(self.tr("Preview"), self.tr("Show the preview only"), "Ctrl+3"),
        }
        group = QActionGroup(self)
        group.setExclusive(True)
        for mode, action in self.view_actions.items():
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, m=mode: self.set_view(m))
        self.sections_button = self._tool(self.sections_action)
        self.view_bar.addWidget(self.sections_button)
        self.view_bar.addStretch(1)
        self.view_buttons = {mode: self._tool(a) for mode, a in self.view_actions.items()}
        for button in self.view_buttons.values():
            self.view_bar.addWidget(button)

    def _action(self, text: str, tip: str, keys: str) -> QAction:
        action = QAction(text, self)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(keys))
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})")
        self.addAction(action)  # the keys work wherever the focus is in the window
        return action

    def _tool(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    @property
    def view(self) -> str:
        """ "both", "editor" (the editor only) or "preview" (the preview only)."""
        return self._view

    def set_view(self, mode: str) -> None:
        """Show the editor, the preview, or both side by side (remembered)."""
        if mode not in self.view_actions:
            mode = "both"
        if self._view == "both" and all(self.texts.sizes()):
            self._text_sizes = self.texts.sizes()  # given back when both show again
        self._view = mode
        self.view_actions[mode].setChecked(True)
        self.editor.setVisible(mode != "preview")
        self.preview.setVisible(mode != "editor")
        if mode == "both":
            self.texts.setSizes(self._text_sizes)
        if mode == "preview" and self.editor.hasFocus():
            self.preview.setFocus()
        elif mode == "editor" and self.preview.hasFocus():
            self.editor.setFocus()
        if self.settings is not None:
            self.settings.document_view = mode
        self.follow_caret()

    def sections_shown(self) -> bool:
        return self.splitter.sizes()[0] > 0

    def show_sections(self, shown: bool) -> None:
        """Open or collapse the list of sections (remembered)."""
        sizes = self.splitter.sizes()
        if shown == (sizes[0] > 0):
            return
        total = sum(sizes)
        if shown:
            width = min(max(self._sections_width, 120), max(total // 3, 120))
            self.splitter.setSizes([width, max(total - width, 1)])
        else:
            self._sections_width = sizes[0]
            self.splitter.setSizes([0, total])
        self._splitter_moved()

    def _splitter_moved(self, *_args: object) -> None:
        """The toggle follows the splitter: dragged shut, the list is hidden."""
        shown = self.sections_shown()
        if shown:
            self._sections_width = self.splitter.sizes()[0]
        with QSignalBlocker(self.sections_action):
            self.sections_action.setChecked(shown)
        if self.settings is not None:
            self.settings.document_sections_shown = shown
        self._remember_sizes()

    def _remember_sizes(self) -> None:
        if self.settings is None or not self._restored:
            return
        sizes = self.texts.sizes()
        if self._view == "both" and all(sizes):  # only as the user left them side by side
            self._text_sizes = sizes
            self.settings.document_sizes = [self._sections_width, *sizes]

    def _restore_view(self) -> None:
        settings = self.settings
        sizes = settings.document_sizes if settings is not None else None
        sections, editor, preview = sizes or [self._sections_width, 400, 500]
        self._sections_width = max(sections, 120)
        shown = settings.document_sections_shown if settings is not None else True
        self.splitter.setSizes([self._sections_width if shown else 0, editor + preview])
        self._text_sizes = [editor, preview]
        self.texts.setSizes(self._text_sizes)
        with QSignalBlocker(self.sections_action):
            self.sections_action.setChecked(shown)
        self.set_view(settings.document_view if settings is not None else "both")
        self._restored = True

    # -- sections list ---------------------------------------------------------
    def reload_sections(self) -> None:
        items = self.session.project.sections()
        self._titles = [n.name for n in items]
        self._numbers = section_numbers(self._titles)
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
        if any(e.entity in _LIVE for e in effects):
            # Directive blocks show live content, {{product}} fields the properties.
            self._preview_timer.start()

    # -- preview ---------------------------------------------------------------
    def render_preview(self) -> None:
        """Render the preview on a worker thread: reading Markdown can take seconds
        on pathological input, and typing must never freeze the window."""
        from pmdesk.export.preview_html import render_preview_html

        self._generation += 1
        generation, text, language = self._generation, self.editor.toPlainText(), self.language
        project = self.session.project
        # Pictures are drawn as wide as the preview shows them (no scroll bar).
        width = self.preview.viewport().width() - 2 * int(self.preview.document().documentMargin())
        section = self._preview_section()

        def work() -> str:
            if section is None:
                return ""
            return project.read(
                partial(
                    render_preview_html,
                    text=text,
                    language=language,
                    section=section,
                    image_width=width,
                )
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
        self.places = PreviewPlaces.read(self.preview)
        bar.setValue(position)
        if self._pending_anchor is not None:  # a link into this section was followed
            self.preview.scrollToAnchor(self._pending_anchor)
            self._pending_anchor = None
        elif self.editor.hasFocus():
            self.follow_caret()
        self.preview_rendered.emit()

    def _preview_section(self) -> PreviewSection | None:
        """The shown section's title and chapter number, as the PRD numbers it."""
        uids = self.section_uids()
        if self._uid not in uids:
            return None
        row = uids.index(self._uid)
        return PreviewSection(self._titles[row], self._numbers[row])

    # -- the preview follows the editor ------------------------------------------
    def follow_caret(self) -> None:
        """Scroll the preview so the block the caret is in shows beside the caret."""
        if self._view != "both" or not self.places.lines:
            return
        caret = self.editor.textCursor().blockNumber()
        top = self.places.top_of(caret, self.editor.blockCount())
        beside = self.editor.cursorRect().top()  # where the caret line is on screen
        bar = self.preview.verticalScrollBar()
        bar.setValue(round(top - max(beside, 0)))

    def follow_link(self, url: QUrl) -> None:
        """An in-page link (`#4-需求列表`): scroll to that heading, in this section
        or in the section it names. Other links are never opened (offline preview)."""
        if not url.hasFragment() or url.scheme() or url.path():
            return
        name = url.fragment(QUrl.ComponentFormattingOption.FullyDecoded)
        if name in self.places.anchors:
            self.preview.scrollToAnchor(name)
            return
        target = self._section_of_anchor(name)
        if target is not None and target != self._uid:
            self._pending_anchor = name
            self.select_section(target)

    def _section_of_anchor(self, name: str) -> str | None:
        """The section whose heading a link names, by number ("4-需求列表") or title."""
        for n, uid in enumerate(self.section_uids()):
            title, number = self._titles[n], self._numbers[n]
            label = f"{number} {title}" if number is not None else title
            if name in (heading_slug(label), heading_slug(title)):
                return uid
        return None

    def lock_editing(self) -> None:
        """Read-only: sections show and preview, nothing edits them."""
        read_only.lock_editing(self)

    def shutdown(self) -> None:
        """Stop timers and wait for a render in flight (before the project closes)."""
        self._save_timer.stop()
        self._preview_timer.stop()
        self._tasks.wait()
