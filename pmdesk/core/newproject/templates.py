"""New projects: blank, or from a PRD template (sections in Chinese or English).

`new_project` is what File ▸ New and `pmdesk new` call: the project's title,
product, key prefix and language are set from the start, and a PRD template
brings its sections and an example release ("v1.0", from today for twelve
weeks), so the roadmap has something to show and to edit.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from pmdesk.core.domain import vocabulary
from pmdesk.core.domain.fields import FieldError, spec
from pmdesk.core.errors import PmdeskError
from pmdesk.core.newproject.from_snapshot import import_snapshot, read_snapshot_text
from pmdesk.core.snapshot.convert import loads
from pmdesk.resources import resource_path

TEMPLATES = {"prd-zh": "prd-zh.json", "prd-en": "prd-en.json"}
TEMPLATE_NAMES = ("blank", *TEMPLATES)
EXAMPLE_RELEASE_WEEKS = 12
_EXAMPLE_GOAL = {
    "zh": "第一个可用版本：核心流程跑通",
    "en": "The first usable version: the core flow works end to end",
}

Json = dict[str, Any]


def template_language(template: str) -> str:
    """The language a template's sections are written in ("zh" for blank)."""
    return "en" if template == "prd-en" else "zh"


def new_project_values(
    *,
    title: str = "",
    product: str = "",
    key_prefix: str = vocabulary.DEFAULT_KEY_PREFIX,
    language: str | None = None,
    template: str = "blank",
    today: dt.date | None = None,
) -> Json:
    """The checked snapshot of a new project (what `new_project` writes).

    `language` defaults to the template's; `today` dates the example release.
    Raises PmdeskError("keys.bad_prefix") for a prefix keys cannot have, and
    ValueError for a template or language that does not exist.
    """
    if template not in TEMPLATE_NAMES:
        raise ValueError(f"no template {template!r}; the templates are {TEMPLATE_NAMES}")
    language = language or template_language(template)
    if language not in vocabulary.LANGUAGES:
        raise ValueError(f"no language {language!r}")
    if not _valid_prefix(key_prefix):
        raise PmdeskError("keys.bad_prefix", prefix=key_prefix)
    snapshot: Json = {"pmdesk_snapshot": 1, "project": {}}
    if template != "blank":
        snapshot = json.loads(read_snapshot_text(resource_path("templates", TEMPLATES[template])))
        start = today or dt.date.today()
        end = start + dt.timedelta(weeks=EXAMPLE_RELEASE_WEEKS, days=-1)
        snapshot["releases"] = [
            {
                "name": "v1.0",
                "start": start.isoformat(),
                "end": end.isoformat(),
                "goal": _EXAMPLE_GOAL[template_language(template)],
                "status": "planned",
            }
        ]
    title, product = title.strip(), product.strip()
    project = snapshot["project"]
    # Each new project is a new identity: a template's uids are never shared.
    project.pop("uid", None)
    for part in ("sections", "releases"):
        for item in snapshot.get(part, []):
            item["uid"] = str(uuid.uuid4())
    project["title"] = title or project.get("title", "")
    project["product"] = product
    project["key_prefix"] = key_prefix
    project["language"] = language
    return loads(json.dumps(snapshot, ensure_ascii=False))


def new_project(
    path: Path,
    *,
    title: str = "",
    product: str = "",
    key_prefix: str = vocabulary.DEFAULT_KEY_PREFIX,
    language: str | None = None,
    template: str = "blank",
    today: dt.date | None = None,
) -> None:
    """Write a new project file at `path` (atomically; an existing file is refused)."""
    snapshot = new_project_values(
        title=title,
        product=product,
        key_prefix=key_prefix,
        language=language,
        template=template,
        today=today,
    )
    import_snapshot(snapshot, path)


def write_template(target: Path, name: str, *, title: str = "") -> None:
    """A new project from template `name` (`pmdesk new --template`)."""
    new_project(target, title=title, template=name)


def _valid_prefix(prefix: str) -> bool:
    try:
        spec("project", "key_prefix").check(prefix)
    except FieldError:
        return False
    return True
