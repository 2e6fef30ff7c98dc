"""Recognise a pmdesk project file from its header, before SQLite touches it.

Reading the 100-byte SQLite header ourselves means a wrong file (text, random
bytes, another application's database, a truncated copy, a newer schema) is
refused with one sentence and is never opened for writing.
"""

from __future__ import annotations

import codecs
import errno
import os
import struct
from dataclasses import dataclass
from pathlib import Path

from pmdesk.core.errors import ProjectFileError

APPLICATION_ID = 0x504D444B  # "PMDK"
SCHEMA_VERSION = 9  # PRAGMA user_version written by this pmdesk; equals the Alembic head
HEAD_REVISION = f"{SCHEMA_VERSION:04d}"  # Alembic revision ids are the zero-padded version
SQLITE_MAGIC = b"SQLite format 3\x00"
FILE_SUFFIX = ".pmdesk"
# Every schema version has all of these (a test keeps the list in step with the
# model): a file without one of them is damaged, whatever else it holds.
REQUIRED_TABLES = frozenset(
    {
        "alembic_version",
        "baseline",
        "history",
        "lane",
        "link",
        "milestone",
        "project",
        "release",
        "requirement",
        "section",
    }
)


@dataclass(frozen=True)
class HeaderInfo:
    schema_version: int
    page_size: int
    page_count: int
    file_size: int


def read_header(path: Path) -> HeaderInfo:
    """Check that `path` looks like an intact pmdesk project this version can read."""
    name = path.name
    try:
        if path.is_dir():
            raise ProjectFileError("file.is_folder", path=path)
        if path.exists() and not path.is_file():  # a pipe or a device would block or lie
            raise ProjectFileError("file.not_regular", path=path)
        with open(path, "rb") as f:
            header = f.read(100)
            size = os.fstat(f.fileno()).st_size
    except FileNotFoundError:
        raise ProjectFileError("file.missing", path=path) from None
    except PermissionError:
        raise ProjectFileError("file.no_permission", path=path) from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise ProjectFileError("file.link_loop", path=path) from None
        raise ProjectFileError("file.unreadable", path=path, reason=e.strerror or e) from None
    if not header:
        raise ProjectFileError("file.empty", name=name)
    if not header.startswith(SQLITE_MAGIC):
        if _looks_like_text(header):
            raise ProjectFileError("file.text", name=name)
        raise ProjectFileError("file.not_database", name=name)
    if len(header) < 100:
        raise ProjectFileError("file.cut_short", name=name)
    app_id, user_version = (
        struct.unpack(">I", header[68:72])[0],
        struct.unpack(">I", header[60:64])[0],
    )
    if app_id != APPLICATION_ID:
        raise ProjectFileError("file.foreign", name=name)
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count = struct.unpack(">I", header[28:32])[0]
    if user_version > SCHEMA_VERSION:
        raise ProjectFileError(
            "file.newer", name=name, version=user_version, supported=SCHEMA_VERSION
        )
    if user_version == 0:
        raise ProjectFileError("file.no_schema", name=name)
    # The in-header page count is valid when the two change counters agree.
    counters_agree = header[24:28] == header[92:96]
    if counters_agree and page_count and size < page_size * page_count:
        raise ProjectFileError("file.cut_short", name=name)
    return HeaderInfo(user_version, page_size, page_count, size)


def _looks_like_text(data: bytes) -> bool:
    try:
        # Not final: the 100-byte sample may end inside a multi-byte character.
        text = codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return all(c.isprintable() or c in "\r\n\t" for c in text)


def refuse_project_target(target: Path) -> None:
    """Never let an export replace a project file (`-o plan.pmdesk` by a slip of the hand)."""
    if target.suffix.lower() == FILE_SUFFIX:
        raise ProjectFileError("export.project_name", name=target.name)
    try:
        with open(target, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError:
        return  # absent or unreadable: writing it will say what is wrong
    if head == SQLITE_MAGIC:
        raise ProjectFileError("export.database", path=target)


# Tables a later schema added: required in files of that version and newer.
TABLES_SINCE = {"saved_view": 9, "persona": 7, "custom_field": 9}


def required_tables(schema_version: int) -> frozenset[str]:
    """The tables a file of `schema_version` (its PRAGMA user_version) must hold."""
    later = {name for name, since in TABLES_SINCE.items() if schema_version >= since}
    return REQUIRED_TABLES | later


def missing_table(tables: set[str], schema_version: int = 0) -> str | None:
    """The first of pmdesk's tables that is not among `tables` (None: all there)."""
    missing = sorted(required_tables(schema_version) - tables)
    return missing[0] if missing else None
