"""Run slow work (open, import, export) off the GUI thread.

A task is a plain function of core calls; it never touches a widget. Its result
or its error comes back on the GUI thread through a queued signal. The window
makes one runner and passes it down (opening, previews, the roadmap's layout,
exports); closing a project waits for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Report = Callable[[Any], None]


class _Relay(QObject):
    reported = Signal(object)
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Report], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work(self._relay.reported.emit)
        except BaseException as e:  # delivered to the GUI thread, never lost
            self._relay.failed.emit(e)
        else:
            self._relay.done.emit(result)


class TaskRunner(QObject):
    """Starts background jobs and keeps their relays alive until they report."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relays: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.run_reporting(lambda _report: work(), lambda _value: None, on_done, on_error)

    def run_reporting(
        self,
        work: Callable[[Report], Any],
        on_report: Callable[[Any], None],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run `work(report)`: each `report(value)` reaches `on_report` on the GUI
        thread, in order and before the result."""
        # A child of the runner: if the runner's owner is gone when the job ends,
        # the relay is gone too and the result is dropped instead of delivered.
        relay = _Relay(self)
        self._relays.add(relay)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._relays.discard(relay)
            callback(value)

        relay.reported.connect(on_report)
        relay.done.connect(lambda value: finish(on_done, value))
        relay.failed.connect(lambda error: finish(on_error, error))
        self._pool.start(_Job(work, relay))

    def wait(self) -> None:
        self._pool.waitForDone()
