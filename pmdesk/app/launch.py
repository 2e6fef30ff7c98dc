"""Start the application: settings, language, theme, the window and what it opens.

`pmdesk FILE` opens FILE; `pmdesk` alone offers to recover unsaved work, else
opens the last project, else the bundled sample (app/lifecycle.py decides).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from pmdesk.app import collector
from pmdesk.app.i18n import choose_language, install_translators
from pmdesk.app.main_window import MainWindow
from pmdesk.app.settings import AppSettings
from pmdesk.app.single_instance import OpenRequests, claim
from pmdesk.app.theme import apply_theme
from pmdesk.core.storage.places import default_data_dir
from pmdesk.resources import resource_path


def sample_project(data_dir: Path, language: str) -> Path:
    """The bundled sample, written once into the user's data folder."""
    name = "云帆CRM-示例.pmdesk" if language == "zh" else "Yunfan-CRM-sample.pmdesk"
    path = data_dir / "sample" / name
    if not path.exists():
        from pmdesk.core.newproject.sample import write_sample

        path.parent.mkdir(parents=True, exist_ok=True)
        write_sample(path, language)
    return path


def start(window: MainWindow, path: Path | None, ui_language: str) -> None:
    """What the window opens first (app/lifecycle.py: `Lifecycle.start`); without
    a file, and nothing else to open, the bundled sample in the UI language."""
    language = "zh" if ui_language.startswith("zh") else "en"
    window.lifecycle.start(path, lambda: sample_project(window.data_dir, language))


def run_window(path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    collector.install(app)  # no full collection pausing an edit (app/collector.py)
    app.setOrganizationName("pmdesk")
    app.setApplicationName("pmdesk")
    # The desktop file's name: Wayland shells match the window to its icon by it.
    app.setDesktopFileName("pmdesk")
    data_dir = default_data_dir()
    # A pmdesk of this user already runs: it opens `path` (app/single_instance.py).
    listener = claim(data_dir, path)
    if listener is None:
        return 0
    app.setWindowIcon(QIcon(str(resource_path("icons", "pmdesk.svg"))))
    settings = AppSettings(QSettings())
    install_translators(app, settings.language)
    language = choose_language(settings.language)
    apply_theme(app, settings.theme)
    window = MainWindow(settings, data_dir)
    listener.file_requested.connect(OpenRequests(window).request)
    window.show()
    # Paint the empty window first: finding leftovers and opening load the
    # database layer, which takes longer than the whole first frame.
    app.processEvents()
    QTimer.singleShot(0, lambda: start(window, path, language))
    return int(app.exec())
