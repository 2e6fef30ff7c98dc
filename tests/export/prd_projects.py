"""Projects for the export tests: the samples, hostile content, a baseline."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from pmdesk.core.newproject.from_snapshot import import_snapshot
from pmdesk.core.snapshot.convert import export_from, loads
from pmdesk.core.storage.projectfile import open_readonly

HOSTILE_TITLE = "敌意 <script>alert('x')</script> \u202eRTL\u202c 😀"


def nested_list(depth: int) -> str:
    return "\n".join("  " * i + f"- 第 {i + 1} 层" for i in range(depth))


def hostile_snapshot() -> dict[str, Any]:
    description = "\n\n".join(
        [
            "控制字符\x00\x01\x08\x0b\x0c\x1b 已去掉；零宽\u200b与私用区\ue000保留。",
            "<script>alert('描述')</script> <b onclick=\"x()\">粗</b>",
            "مرحبا بالعالم — עברית — 中文混排 😀👍🏽",
            nested_list(10),
            # GFM splits a cell on every unescaped pipe, even in code: `\|` keeps it.
            "| a | b |\n| --- | --- |\n| `x\\|y` | **粗** |",
            "```\n" + "代码 <tag> & \t tab\n" * 3 + "```",
        ]
    )
    return {
        "pmdesk_snapshot": 1,
        "project": {"title": HOSTILE_TITLE, "product": "产品\x07", "version": "0.1"},
        "requirements": [
            {
                "title": HOSTILE_TITLE,
                "kind": "epic",
                "description": description,
                "acceptance": ["<i>不是斜体</i>", "☑ 已有符号", "\x1b[31m红色\x1b[0m"],
                "owner": "Ω\x0c",
                "tags": ["a|b", "*星*"],
            },
            {"title": "很长的描述", "description": ("一段很长的文字。" * 16 + "\n\n") * 4000},
        ],
        "sections": [
            {"title": "正文 <b>", "body": "```pmdesk\nrequirements: status=draft\n```\n"},
            {"title": "坏块", "body": "```pmdesk\nrequirements: colour=red\n```\n"},
        ],
    }


def make_project(path: Path, snapshot: dict[str, Any], *, chain: int = 0) -> Path:
    """Import `snapshot`; `chain` adds requirements nested that many levels deep.

    Snapshots refuse nesting beyond 50 levels, so the chain is written in SQL.
    """
    import_snapshot(loads(json.dumps(snapshot)), path)
    if chain:
        with sqlite3.connect(path) as conn:
            conn.row_factory = sqlite3.Row
            template = dict(conn.execute("SELECT * FROM requirement LIMIT 1").fetchone())
            top = conn.execute("SELECT max(number) FROM requirement").fetchone()[0]
            parent = None
            for level in range(1, chain + 1):
                row = dict(template)
                number = top + level
                row |= {
                    "uid": f"chain-{level}",
                    "key": f"DEEP-{level}",
                    "number": number,
                    "parent_uid": parent,
                    "rank": "a0",
                    "title": f"第 {level} 层",
                    "description": f"第 {level} 层的描述",
                    "kind": "story",
                }
                names = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                conn.execute(
                    f"INSERT INTO requirement ({names}) VALUES ({marks})", list(row.values())
                )
                parent = row["uid"]
        conn.close()
    return path


def add_baseline(path: Path, name: str, at: str = "2027-01-08T10:00:00") -> None:
    """Store the project as it is now as baseline `name` (what issue 6's command will do)."""
    store = open_readonly(path)
    try:
        with store.engine.connect() as conn:
            snapshot = export_from(conn)
    finally:
        store.dispose()
    for key in ("baselines", "history"):
        snapshot.pop(key, None)
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO baseline (uid, name, created_at, created_by, snapshot) VALUES (?,?,?,?,?)",
            (f"baseline-{name}", name, at, "张伟", json.dumps(snapshot, ensure_ascii=False)),
        )
    db.close()


def set_title(path: Path, key: str, title: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE requirement SET title = ? WHERE key = ?", (title, key))
    conn.close()


def edit_sql(path: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    """Change the file directly, as a sync tool or another program might."""
    with sqlite3.connect(path) as conn:
        for sql, values in statements:
            conn.execute(sql, values)
    conn.close()
