"""Three-way merge of a JSON object key by key (a requirement's criterion scores).

The weighted model's values live in one column, `scores` ({criterion id:
number}); two people who each score a different criterion of one requirement
changed different keys, and both edits are kept, as with any two fields.
"""

from __future__ import annotations

import json
from typing import Any


def merge_keyed(base: str | None, mine: str, theirs: str) -> str | None:
    """The merged object as JSON text, or None when one key changed differently
    on both sides (then the caller reports a conflict on the whole field)."""
    try:
        b: dict[str, Any] = json.loads(base) if base else {}
        m: dict[str, Any] = json.loads(mine)
        t: dict[str, Any] = json.loads(theirs)
    except ValueError:
        return None
    if not all(isinstance(x, dict) for x in (b, m, t)):
        return None
    merged = dict(m)
    for key in {*b, *t}:
        bv, mv, tv = b.get(key), m.get(key), t.get(key)
        if tv == bv or mv == tv:
            continue
        if mv != bv:
            return None
        if tv is None:
            merged.pop(key, None)
        else:
            merged[key] = tv
    return json.dumps(merged, ensure_ascii=False)
