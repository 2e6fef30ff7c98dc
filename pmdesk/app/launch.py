"""Start the application: settings, language, theme, the window and what it opens.

`pmdesk FILE` opens FILE; `pmdesk` alone offers to recover unsaved work, else
opens the last project, else the bundled sample.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from pmdesk.app import dialogs
from pmdesk.app.i18n import choose_language, install_translators
from pmdesk.app.main_window import MainWindow
from pmdesk.app.settings import AppSettings
from pmdesk.app.theme import apply_theme
from pmdesk.core.places import default_data_dir


def sample_project(data_dir: Path, language: str) -> Path:
    """The bundled sample, written once into the user's data folder."""
    name = "云帆CRM-示例.pmdesk" if language == "zh" else "Yunfan-CRM-sample.pmdesk"
    path = data_dir / "sample" / name
    if not path.exists():
        from pmdesk.core.sample import write_sample

        path.parent.mkdir(parents=True, exist_ok=True)
        write_sample(path, language)
    return path


def start(window: MainWindow, path: Path | None, ui_language: str) -> None:
    """What the window opens first. Unsaved work left by a pmdesk that ended is
    offered once for each project: Recover opens it; Later leaves it for the
    next start and opens the project read-only."""
    from pmdesk.core.places import resolved
    from pmdesk.core.workingcopy import discard_leftover, find_recoverable

    # A link that leads back to itself resolves to nothing: no leftover is
    # its, and opening it says what it is.
    target = None if path is None else resolved(path)
    later: set[Path] = set()
    for item in find_recoverable(window.data_dir):
        if path is not None and item.target != target:
            continue
        answer = dialogs.ask_recover(
            window, item.target.name, item.unsaved_edits, item.last_edit_at
        )
        if answer == dialogs.RECOVER:
            window.open_project(item.target, recover=item)
            return
        if answer == dialogs.DISCARD:
            discard_leftover(item)
        else:
            later.add(item.target)
    if path is None:
        recent = [p for p in window.settings.recent_files if p.exists()]
        path = (
            recent[0]
            if recent
            else sample_project(window.data_dir, "zh" if ui_language.startswith("zh") else "en")
        )
    # Answered Later above: the window does not ask again (it asks only about work
    # that was not offered here).
    asked = dialogs.LATER if resolved(path) in later else None
    window.open_project(path, leftover_answer=asked)


def run_window(path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("pmdesk")
    app.setApplicationName("pmdesk")
    settings = AppSettings(QSettings())
    install_translators(app, settings.language)
    language = choose_language(settings.language)
    apply_theme(app, settings.theme)
    window = MainWindow(settings, default_data_dir())
    window.show()
    # Paint the empty window first: finding leftovers and opening load the
    # database layer, which takes longer than the whole first frame.
    app.processEvents()
    QTimer.singleShot(0, lambda: start(window, path, language))
    return int(app.exec())
