"""Errors the user can act on. Each carries one clear sentence, shown as is."""

from __future__ import annotations


class PmdeskError(Exception):
    """Base class: `str(error)` is a complete sentence meant for the user."""


class ProjectFileError(PmdeskError):
    """The file is not a project pmdesk can open (missing, damaged, foreign, newer)."""


class SnapshotError(PmdeskError):
    """A JSON snapshot is malformed or holds a value that is not allowed."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]


class OperationError(PmdeskError):
    """An edit was refused (unknown uid, a move into its own subtree, a bad value)."""


class ProjectInUseError(PmdeskError):
    """The project is already open for editing in another pmdesk on this machine."""
