"""Give a project's requirements exactly these business values (the sample
comes with values of its own, which a test of the matrix must not count)."""

from __future__ import annotations

from collections.abc import Mapping

from pmdesk.core.ops import Update
from pmdesk.core.project import Project


def keep_only_values(project: Project, values: Mapping[str, float | None]) -> dict[str, str]:
    """Set each key's value from `values` and every other requirement's to none
    (one edit each, only where it changes); returns key → uid."""
    uids = {key: uid for uid, key, _ in project.find_requirements("", 100_000)}
    for key, uid in uids.items():
        detail = project.requirement(uid)
        if detail is not None and detail.values["value"] != values.get(key):
            project.apply(Update("requirement", uid, {"value": values.get(key)}))
    return uids
