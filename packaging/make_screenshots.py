"""Render the README's main-window screenshots offscreen: `python packaging/make_screenshots.py`.

Writes packaging/screenshots/main-zh.png and main-en.png: the window at
1600×1000 on the bundled sample, in each UI language, after the document
preview and the roadmap have painted.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pmdesk.app.i18n import install_translators  # noqa: E402
from pmdesk.app.main_window import MainWindow  # noqa: E402
from pmdesk.app.settings import AppSettings  # noqa: E402
from pmdesk.core.sample import write_sample  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"


def settle(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(app: QApplication, language: str, folder: Path) -> None:
    translators = install_translators(app, "zh_CN" if language == "zh" else "en")
    settings = AppSettings.at(folder / f"settings-{language}.ini")
    window = MainWindow(settings, folder / "data")
    window.resize(1600, 1000)
    window.show()
    project = folder / f"crm-{language}.pmdesk"
    write_sample(project, language)
    window.open_project(project, background=False)
    settle(1500)  # preview render and roadmap layout run on worker threads
    window.grab().save(str(OUT / f"main-{language}.png"))
    window.close()
    for translator in translators:
        app.removeTranslator(translator)


def main() -> int:
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PMDESK_DATA_DIR"] = str(Path(tmp) / "data")
        for language in ("zh", "en"):
            shoot(app, language, Path(tmp))
    print(f"Wrote {OUT / 'main-zh.png'} and {OUT / 'main-en.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
