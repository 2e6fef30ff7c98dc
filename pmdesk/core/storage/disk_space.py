"""Recognising a full disk behind an error, whatever layer raised it.

A full disk shows up as an OSError (ENOSPC, or EDQUOT for a full quota), as
SQLite's SQLITE_FULL ("database or disk is full"), or as a PmdeskError raised
`from None` over one of those. `from None` only hides the cause from the
traceback: it stays in `__context__`, where this module looks.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from pmdesk.core.errors import PmdeskError

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_SQLITE_FULL = 13
# A WAL database's shared-memory file could not grow: on a full disk, SQLite
# says "disk I/O error" with this extended code.
_SQLITE_IOERR_SHMSIZE = 4874


def is_disk_full(error: BaseException | None) -> bool:
    """Did `error` (or an error it was raised over) come from a full disk?"""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno in _FULL_ERRNOS:
            return True
        code = (
            getattr(error, "sqlite_errorcode", None) if isinstance(error, sqlite3.Error) else None
        )
        if isinstance(code, int) and (code & 0xFF == _SQLITE_FULL or code == _SQLITE_IOERR_SHMSIZE):
            return True
        error = error.__cause__ or error.__context__
    return False


def data_folder_full(
    error: BaseException, data_dir: Path, name: str | None = None
) -> PmdeskError | None:
    """The one sentence for `error` if a full disk in the pmdesk data folder
    caused it: opening the project `name`, or (no name) creating a new one."""
    if not is_disk_full(error):
        return None
    if name is None:
        return PmdeskError("new.data_full", folder=data_dir)
    return PmdeskError("open.data_full", name=name, folder=data_dir)
