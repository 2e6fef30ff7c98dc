"""PySide6 6.12.0 on Python 3.11 kills the interpreter after a few thousand calls of
Qt methods returning nothing (PITFALLS.md). Catch a broken wheel before a user does."""

from __future__ import annotations

import subprocess
import sys

CALLS = 200_000

SCRIPT = f"""
from PySide6.QtCore import QObject, QPointF
obj = QObject()
point = QPointF()
for i in range({CALLS} // 2):
    obj.setObjectName("x")
    point.setX(float(i))
print("survived")
"""


def test_many_void_qt_calls_do_not_crash_the_interpreter() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
