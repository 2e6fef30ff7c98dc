"""New projects from a PRD template: a section skeleton in Chinese or English."""

from __future__ import annotations

import uuid
from pathlib import Path

from pmdesk.core.newproject.from_snapshot import import_snapshot, read_snapshot_text
from pmdesk.core.snapshot.convert import loads
from pmdesk.resources import resource_path

TEMPLATES = {"prd-zh": "prd-zh.json", "prd-en": "prd-en.json"}


def write_template(target: Path, name: str, *, title: str = "") -> None:
    snapshot = loads(read_snapshot_text(resource_path("templates", TEMPLATES[name])))
    # Each new project is a new identity; a template's uids must not be shared.
    snapshot["project"]["uid"] = str(uuid.uuid4())
    for section in snapshot["sections"]:
        section["uid"] = str(uuid.uuid4())
    if title:
        snapshot["project"]["title"] = title
    import_snapshot(snapshot, target)
