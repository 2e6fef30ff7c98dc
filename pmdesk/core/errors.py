"""Errors the user can act on. Each carries one clear sentence, shown as is.

An error names its sentence by a stable code with parameters (the catalogue is
pmdesk.core.messages): `str(error)` is the English sentence the command line
prints, and the window translates the code into the user's language.
"""

from __future__ import annotations

from pmdesk.core.messages import message_text


class PmdeskError(Exception):
    """Base class: `str(error)` is a complete sentence meant for the user."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(message_text(code, params))


class ProjectFileError(PmdeskError):
    """The file is not a project pmdesk can open (missing, damaged, foreign, newer)."""


class SnapshotError(PmdeskError):
    """A JSON snapshot is malformed or holds a value that is not allowed."""

    def __init__(self, code: str, /, *, problems: list[str] | None = None, **params: object):
        super().__init__(code, **params)
        self.problems = problems or [str(self)]


class OperationError(PmdeskError):
    """An edit was refused (unknown uid, a move into its own subtree, a bad value)."""


class ProjectInUseError(PmdeskError):
    """The project is already open for editing elsewhere (another pmdesk here, or a
    lock: pmdesk.core.storage.lockfile.ProjectLockedError says who holds it)."""
