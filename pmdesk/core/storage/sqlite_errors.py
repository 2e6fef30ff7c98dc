"""SQLite's and the system's failures in plain words.

SQLite's own texts ("database disk image is malformed", "unable to open
database file") mean little to a user, and are English only. Its result code
(`sqlite_errorcode`, its low byte the primary code) says what happened; each is
a few words here, translated by the window like any other word of a sentence
(pmdesk.core.messages.WORDS), to end a sentence that names the file.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from pmdesk.core.messages import WORDS
from pmdesk.core.storage.disk_space import is_disk_full

# The words, as pmdesk.core.messages lists them for translation.
FULL = "the disk is full"
DAMAGED = "the file is damaged"
READ_ONLY = "the file or its folder is read-only"
CANNOT_OPEN = "the file or its folder cannot be reached"
DISK_ERROR = "the disk reported a read or write error"
IN_USE = "another program is using the file"
NO_PERMISSION = "permission denied"

REASONS = (FULL, DAMAGED, READ_ONLY, CANNOT_OPEN, DISK_ERROR, IN_USE, NO_PERMISSION)
assert set(REASONS) <= set(WORDS)

_BY_CODE = {
    sqlite3.SQLITE_CORRUPT: DAMAGED,
    sqlite3.SQLITE_NOTADB: DAMAGED,
    sqlite3.SQLITE_READONLY: READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: CANNOT_OPEN,
    sqlite3.SQLITE_IOERR: DISK_ERROR,
    sqlite3.SQLITE_BUSY: IN_USE,
    sqlite3.SQLITE_LOCKED: IN_USE,
    sqlite3.SQLITE_PERM: NO_PERMISSION,
}
_BY_ERRNO = {
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
    errno.EROFS: READ_ONLY,
    errno.EIO: DISK_ERROR,
    errno.ENOENT: CANNOT_OPEN,
}


def reason(error: BaseException) -> str:
    """A few words for why `error` (a sqlite3 or SQLAlchemy error, an
    OSError, or an error raised over one) happened: plain words for the
    known causes; the error's own text, lower case, for any other."""
    if is_disk_full(error):
        return FULL
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        code = getattr(cause, "sqlite_errorcode", None)
        if isinstance(cause, sqlite3.Error) and isinstance(code, int):
            if code & 0xFF in _BY_CODE:
                return _BY_CODE[code & 0xFF]
            return str(cause)
        if isinstance(cause, OSError) and cause.errno in _BY_ERRNO:
            return _BY_ERRNO[cause.errno]
        orig = getattr(cause, "orig", None)  # SQLAlchemy's wrapper of the driver's error
        cause = orig if isinstance(orig, BaseException) else cause.__cause__ or cause.__context__
    if isinstance(error, OSError):
        return (error.strerror or str(error)).lower()
    return str(getattr(error, "orig", None) or error)


def working_copy_target(database: Path) -> Path | None:
    """The project whose working copy `database` is (read from the state
    file beside it), or None if it is not a working copy."""
    import json

    try:
        state = json.loads((database.parent / "state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    target = state.get("target") if isinstance(state, dict) else None
    return Path(target) if isinstance(target, str) else None
