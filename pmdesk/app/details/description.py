"""The description: Markdown text with an Edit / Preview switch.

Typing is committed after a short pause and when the editor loses focus; the
detail editor pushes those commits with one merge key, so a burst of typing is
one undo step. The preview uses the same safe renderer as the document pane,
on a worker thread as there (reading Markdown can take seconds on pathological
input): raw HTML stays text, images and non-web links never load, nothing
touches the network.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QLocale, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPlainTextEdit,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.tasks import TaskRunner
from pmdesk.export.markdown_html import render_html

IDLE_MS = 700  # commit typing after this pause


class DescriptionEditor(QWidget):
    committed = Signal()
    preview_rendered = Signal()  # the preview shows the latest text (tests wait on it)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks  # the window's one runner (renders the preview)
        self._generation = 0  # of the latest render asked for; older results are dropped
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Describe the requirement (Markdown)…"))
        self.text.setTabChangesFocus(True)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setOpenExternalLinks(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.text)
        self.stack.addWidget(self.preview)
        self.stack.setMinimumHeight(self.fontMetrics().lineSpacing() * 9)

        self.edit_button = self._mode_button(self.tr("Edit"))
        self.preview_button = self._mode_button(self.tr("Preview"))
        self.edit_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.edit_button)
        group.addButton(self.preview_button)
        self.switch = QWidget()
        switch_layout = QHBoxLayout(self.switch)
        switch_layout.setContentsMargins(0, 0, 0, 0)
        switch_layout.setSpacing(0)
        switch_layout.addWidget(self.edit_button)
        switch_layout.addWidget(self.preview_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self.commit_now)
        self.text.textChanged.connect(self._idle.start)
        self.text.installEventFilter(self)
        self.preview_button.toggled.connect(self._show_preview)

    def _mode_button(self, text: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setCheckable(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def value(self) -> str:
        return self.text.toPlainText()

    def has_pending_edit(self) -> bool:
        return self._idle.isActive()

    def set_value(self, text: str) -> None:
        """Show `text`; the caret stays where it was when the editor has focus."""
        if text == self.value():
            return
        position = self.text.textCursor().position()
        with QSignalBlocker(self.text):
            self.text.setPlainText(text)
        if self.text.hasFocus():
            cursor = self.text.textCursor()
            cursor.setPosition(min(position, len(text)), QTextCursor.MoveMode.MoveAnchor)
            self.text.setTextCursor(cursor)
        self._idle.stop()
        if self.preview_button.isChecked():
            self._render()

    def commit_now(self) -> None:
        self._idle.stop()
        self.committed.emit()

    def cancel_pending(self) -> None:
        self._idle.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and event.type() == QEvent.Type.FocusOut and self._idle.isActive():
            self.commit_now()
        return super().eventFilter(watched, event)

    def _show_preview(self, on: bool) -> None:
        if on:
            if self._idle.isActive():
                self.commit_now()
            self._render()
        self.stack.setCurrentIndex(1 if on else 0)

    def _render(self) -> None:
        self._generation += 1
        generation, source = self._generation, self.value()
        if not source.strip():
            empty = self.tr("No description yet.")
            self._show(generation, f"<p><i>{html.escape(empty)}</i></p>")
            return
        language = "zh" if QLocale().language() == QLocale.Language.Chinese else "en"
        self._tasks.run(
            lambda: render_html(source, None, language=language),
            lambda page: self._show(generation, page),
            lambda error: self._show(generation, html.escape(str(error))),
        )

    def _show(self, generation: int, page: str) -> None:
        if generation != self._generation:
            return  # a newer render is on its way
        self.preview.setHtml(page)
        self.preview_rendered.emit()
