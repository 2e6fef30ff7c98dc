"""Where pmdesk keeps its private files, and who the user is: no database code,
so the window can ask before SQLAlchemy is even imported (start-up time)."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path


def default_data_dir() -> Path:
    """The user's local data folder for pmdesk (never a synced or shared one)."""
    override = os.environ.get("PMDESK_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Application Support"
    else:
        root = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return root / "pmdesk"


def default_user() -> str:
    """The name history records when the user has not set one."""
    name = os.environ.get("PMDESK_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers
        return "unknown"


def resolved(path: Path) -> Path | None:
    """`path` absolute with its symbolic links resolved; None when a link leads
    back to itself (Python 3.11's `resolve` raises RuntimeError there, later
    ones OSError), which the caller says in its own words."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return None


def write_protected(path: Path) -> bool:
    """Is the existing file `path` protected against writing (as LibreOffice
    sees it: such a file opens read-only and is never replaced)? No write bit
    for anyone counts even for root, whom `os.access` always lets write; for
    anyone else, a file they may not write. A rename would replace it all the
    same (it needs only the folder's permission), so pmdesk asks itself."""
    import stat

    try:
        st = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode):
        return False
    if st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) == 0:
        return True
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return False
    return not os.access(path, os.W_OK)
