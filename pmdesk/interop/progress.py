"""How far a long read or plan has got, and a way to stop it: the window reads and
plans a 10,000-row file on a worker thread, shows the progress and can cancel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Stage = str  # "read" (no count), "map" (rows turned into records), "plan" (rows matched)
EVERY = 250  # rows between two reports (and two looks at the cancel flag)


class CancelledError(Exception):
    """The user cancelled: nothing was planned, nothing is shown."""


def _nothing(stage: Stage, done: int, total: int) -> None:
    return None


def _never() -> bool:
    return False


@dataclass(frozen=True)
class Progress:
    report: Callable[[Stage, int, int], None] = field(default=_nothing)
    cancelled: Callable[[], bool] = field(default=_never)

    def stage(self, stage: Stage, total: int = 0) -> None:
        """A new stage begins (total 0: no count, a busy bar)."""
        self.check()
        self.report(stage, 0, total)

    def step(self, stage: Stage, done: int, total: int) -> None:
        """Row `done` of `total`; reports every EVERY rows."""
        if done % EVERY == 0:
            self.check()
            self.report(stage, done, total)

    def check(self) -> None:
        if self.cancelled():
            raise CancelledError


QUIET = Progress()
