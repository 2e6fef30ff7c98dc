"""Run-time hook of the bundle (packaging/pmdesk.spec), in place of PyInstaller's
pyi_rth_pyside6: tell Qt where the bundled plugins are, without importing Qt.

PyInstaller's own hook imports PySide6.QtCore at every start, only to register a
qt.conf that PyPI's PySide6 registers itself when imported. That cost each command
(`pmdesk --version`, `pmdesk export …`) about 0.15 s and loaded Qt into the
headless commands, which never import it otherwise (pmdesk/cli.py)."""

import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6")  # type: ignore[attr-defined]
if not sys.platform.startswith("win"):
    _qt = os.path.join(_qt, "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
if sys.platform.startswith("win"):  # QtNetwork finds the OpenSSL DLLs collected beside it
    os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")  # type: ignore[attr-defined]
del _qt
