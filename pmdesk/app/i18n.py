"""UI language: pmdesk's own translations plus Qt's (standard buttons, dialogs).

Sources are Qt Linguist files in resources/translations (`pmdesk_zh_CN.ts`),
compiled to `.qm` beside them by packaging/update_translations.py.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from pmdesk.resources import resource_path

SUPPORTED = ("zh_CN", "en")


def choose_language(setting: str) -> str:
    """The language to use: the setting, or the system's if pmdesk speaks it."""
    if setting in SUPPORTED:
        return setting
    system = QLocale.system().name()
    return "zh_CN" if system.startswith("zh") else "en"


def install_translators(app: QApplication, setting: str) -> list[QTranslator]:
    """Install pmdesk's and Qt's translators for the chosen language; returns them
    (the English file only supplies plural forms of the English source strings)."""
    language = choose_language(setting)
    installed = []
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"pmdesk_{language}.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    if language != "en":
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir):
            app.installTranslator(qt)
            installed.append(qt)
    return installed
