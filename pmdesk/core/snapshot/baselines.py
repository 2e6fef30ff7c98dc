"""Baselines: named, frozen states of the project ("v1.0 评审版") to compare with later.

A baseline's snapshot is the JSON snapshot (pmdesk.core.snapshot.convert) of the project
as it was, without the baselines and the history: what
pmdesk.core.snapshot.compare.compare reads. Names are looked up the way users
type them: blanks and case do not matter, so "V1.0  评审版" is "v1.0 评审版".
The operations that create, rename and delete baselines are in
pmdesk.core.ops.baselines; `frozen_project` (the project as a baseline keeps
it) is in pmdesk.core.snapshot.convert, which reads baselines with this module.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection, select

from pmdesk.core.errors import PmdeskError
from pmdesk.core.schema.tables import Baseline
from pmdesk.core.snapshot.check import check_frozen
from pmdesk.core.snapshot.json_errors import bad_values, where

NAME_LIMIT = 100  # characters: a name is a label in a table, not a description

Json = Any


@dataclass(frozen=True)
class BaselineEntry:
    """A baseline without its snapshot, for lists."""

    uid: str
    name: str
    created_at: str
    created_by: str


def new_baseline_uid() -> str:
    """A uid for a new baseline that sorts by creation time (UUID version 7).

    Baselines are listed by creation time, which is kept to the second; the uid
    breaks the tie, so two baselines made in one second still list in order.
    """
    millis = time.time_ns() // 1_000_000
    value = (millis & (2**48 - 1)) << 80 | int.from_bytes(os.urandom(10)) & (2**80 - 1)
    value = value & ~(0xF << 76) | 0x7 << 76  # version 7
    value = value & ~(0x3 << 62) | 0x2 << 62  # RFC 9562 variant
    return str(uuid.UUID(int=value))


def clean_name(name: str) -> str:
    """A name as it is stored: trimmed, each run of blanks one space."""
    return " ".join(name.split())


def name_key(name: str) -> str:
    """What makes two names the same name: blanks and case ignored."""
    return clean_name(name).casefold()


def baseline_entries(conn: Connection) -> list[BaselineEntry]:
    """Every baseline, oldest first, without reading the snapshots."""
    rows = conn.execute(
        select(Baseline.uid, Baseline.name, Baseline.created_at, Baseline.created_by).order_by(
            Baseline.created_at, Baseline.uid
        )
    )
    return [BaselineEntry(*row) for row in rows]


def baseline_snapshot(conn: Connection, uid: str) -> Json | None:
    """The frozen snapshot of baseline `uid` (None if there is no such baseline)."""
    row = conn.execute(select(Baseline.name, Baseline.snapshot).where(Baseline.uid == uid)).first()
    return None if row is None else read_frozen(row.snapshot, row.name)


def read_frozen(text: str, name: str) -> Json:
    """A baseline's stored snapshot, parsed and checked: one that cannot be
    read (changed by another tool, imported damaged) is said naming the
    baseline, before a comparison or an export stumbles over it."""
    try:
        snapshot = orjson.loads(text)
    except orjson.JSONDecodeError as e:
        problems = bad_values(text)  # NaN, 1e400, a lone surrogate: by JSON path
        at = f"line {e.lineno}, column {e.colno}"
        detail = f"{problems[0]} ({where(e)})" if problems else f"not JSON at {at}"
        raise PmdeskError("baseline.damaged", name=name, detail=detail) from None
    problems = check_frozen(snapshot)
    if problems:
        raise PmdeskError("baseline.damaged", name=name, detail=problems[0])
    return snapshot


def frozen_text(snapshot: Json) -> str:
    """A baseline's snapshot as stored: compact, sorted, UTF-8 text."""
    return json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def suggested_name(version: str, language: str, taken: list[str]) -> str:
    """A first name for a new baseline: "v1.0 评审版" or "v1.0 review", not one taken."""
    version = clean_name(version)
    if version and not version[0].isdigit():
        label = version  # "v1.0", "Beta 2": already says what it is
    elif version:
        label = f"v{version}"
    else:
        label = ""
    word = "评审版" if language == "zh" else "review"
    base = f"{label} {word}".strip()
    used = {name_key(name) for name in taken}
    name, n = base, 2
    while name_key(name) in used:
        name = f"{base} ({n})"
        n += 1
    return name
