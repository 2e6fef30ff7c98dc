"""Export tests share the test run's QApplication.

The roadmap picture creates a bare QGuiApplication when none exists (as in the
CLI); inside pytest that one would then refuse the widgets of later app tests,
so the pytest-qt application is created first. The no-application path is
tested in a subprocess (test_roadmap_picture.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _application(qapp: QApplication) -> QApplication:
    return qapp
