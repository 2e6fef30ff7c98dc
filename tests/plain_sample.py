"""The bundled sample without its custom fields (平台/Platform, 试点客户/Pilot customer,
预计上线/Target launch): for tests that define fields and count them, their slots and
their values from none."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pmdesk.core.newproject.from_snapshot import import_snapshot_file
from pmdesk.core.newproject.sample import sample_snapshot_path


def write_sample_without_custom_fields(path: Path, language: str = "zh") -> Path:
    snap = json.loads(sample_snapshot_path(language).read_text(encoding="utf-8"))
    assert len(snap.pop("custom_fields")) == 3

    def strip(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            node.pop("custom", None)
            strip(node["children"])

    strip(snap["requirements"])
    source = path.with_name(f"{path.stem}-without-fields.json")
    source.write_text(json.dumps(snap, ensure_ascii=False), encoding="utf-8")
    import_snapshot_file(source, path, replace=True)
    source.unlink()
    return path
