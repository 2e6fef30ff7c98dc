"""How a merge settles a link's review marks (suspect_at, reviewed_at) when both
sides changed them: never a question for the user.

The rule: the link stays suspect when a change of its target's text on either
side is newer than the newest review (a review cannot cover an edit it came
before). `reviewed_at` takes the newer review; `suspect_at` the newer change.
An equal instant counts as not reviewed: safer to ask once more.
"""

from __future__ import annotations

from typing import Any

Marks = dict[str, Any]  # {"suspect_at": str | None, "reviewed_at": str | None}


def merge_marks(mine: Marks, theirs: Marks) -> Marks:
    reviews = [v for v in (mine["reviewed_at"], theirs["reviewed_at"]) if v]
    changes = [v for v in (mine["suspect_at"], theirs["suspect_at"]) if v]
    reviewed = max(reviews) if reviews else None
    changed = max(changes) if changes else None
    if changed is not None and reviewed is not None and changed < reviewed:
        changed = None  # the newest review came after every change either side saw
    return {"suspect_at": changed, "reviewed_at": reviewed}
