"""Start the window. Until the main window lands this is a read-only preview:
it shows the requirement tree and the PRD sections and says that it edits nothing."""

from __future__ import annotations

import sys
from pathlib import Path

from pmdesk.core.errors import PmdeskError


def _default_project() -> Path:
    """The bundled sample, written once into the user's data folder."""
    from pmdesk.core.sample import write_sample
    from pmdesk.core.workingcopy import default_data_dir

    path = default_data_dir() / "sample" / "云帆CRM-示例.pmdesk"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_sample(path, "zh")
    return path


def run_window(path: Path | None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from pmdesk.app.preview_window import PreviewWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("pmdesk")
    try:
        window = PreviewWindow(path or _default_project())
    except PmdeskError as e:
        QMessageBox.critical(None, "pmdesk", str(e))
        return 2
    window.show()
    return int(app.exec())
