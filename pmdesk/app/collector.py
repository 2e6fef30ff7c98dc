"""Python's garbage collector, kept from pausing the window in the middle of an edit.

A project of 100,000 requirements holds millions of objects (rows, sort keys,
cards, SQLAlchemy's caches). CPython's automatic full collection walks them all:
0.3-0.5 s, about every other bulk edit at that size (tests/bench/README.md). So
in the application full collections are not automatic: what a load made is
frozen (`gc.freeze`: left out of later collections, it lives as long as the
project anyway), and a timer collects what was made since and freezes what
survived. Young objects are collected as usual, so a cycle an edit leaves
behind is freed within a few edits. Closing a project thaws everything and
collects it once. Tests and tools that never call `install` keep Python's own
collector.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

FULL_EVERY_MS = 60_000
_NEVER = 1 << 30  # a third-generation threshold never reached

_installed: Collector | None = None


class Collector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        young, middle, _full = self._thresholds
        gc.set_threshold(young, middle, _NEVER)
        self.timer = QTimer(self, interval=FULL_EVERY_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        """A full collection of what is not frozen; the survivors are frozen."""
        gc.collect()
        gc.freeze()

    def uninstall(self) -> None:
        self.timer.stop()
        gc.unfreeze()
        gc.set_threshold(*self._thresholds)


def install(parent: QObject) -> Collector:
    """The application's collector (once per process)."""
    global _installed
    if _installed is None:
        _installed = Collector(parent)
    return _installed


def uninstall() -> None:
    global _installed
    if _installed is not None:
        _installed.uninstall()
        _installed.deleteLater()
        _installed = None


def settle() -> None:
    """A big load finished (a project opened, the backlog's rows read): freeze it,
    so no later collection walks it. Cheap: no collection here."""
    if _installed is not None:
        gc.freeze()


def release() -> None:
    """A project closed: thaw and collect it (its cycles are garbage now)."""
    if _installed is not None:
        gc.unfreeze()
        _installed.collect()
