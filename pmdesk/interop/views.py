"""A saved view (schema 9) as an export: its requirements, in tree order, with its
backlog columns (key and title first, as the view's PRD block shows them)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from typing import Any, Protocol

from pmdesk.core.queries.views import SavedViewRecord
from pmdesk.core.views.evaluate import view_uids
from pmdesk.interop.incoming import InteropError
from pmdesk.interop.sheets import CUSTOM, column_ids

Json = dict[str, Any]
_SLOT = re.compile(r"custom(\d+)")


class Reads(Protocol):
    def saved_views(self) -> list[SavedViewRecord]: ...
    def read(self, query: Any) -> Any: ...


def find_view(views: Sequence[SavedViewRecord], name: str) -> SavedViewRecord:
    """The view called `name` (else one spelt so but for case); an unknown name is
    one sentence naming the views there are."""
    for view in views:
        if view.name == name:
            return view
    for view in views:
        if view.name.strip().casefold() == name.strip().casefold():
            return view
    there = ", ".join(v.name for v in views)
    raise InteropError(
        f"The project has no saved view {name!r}"
        + (f"; its views are: {there}." if there else "; it has no saved views.")
    )


def view_columns(view: SavedViewRecord, snapshot: Json) -> list[str]:
    """The view's backlog columns that an export can hold (its RICE score is worked
    out, not kept; a custom field's column by its slot in the project's list), key
    and title first."""
    fields = snapshot.get("custom_fields", [])
    names = {f["uid"]: f["name"] for f in fields}
    known = set(column_ids(snapshot))
    columns = ["key", "title"]
    for column in view.columns:
        slot = _SLOT.fullmatch(column)  # the backlog's "custom3": the fourth custom field
        if slot and int(slot.group(1)) < len(fields):
            column = CUSTOM + fields[int(slot.group(1))]["name"]
        elif column.startswith(CUSTOM) and column[len(CUSTOM) :] in names:
            column = CUSTOM + names[column[len(CUSTOM) :]]
        if column in known and column not in columns:
            columns.append(column)
    return columns


def view_export(project: Reads, name: str, snapshot: Json) -> tuple[list[str], set[str]]:
    """(columns, requirement uids) of saved view `name` of `project`."""
    view = find_view(project.saved_views(), name)
    uids = project.read(partial(view_uids, view=view))
    return view_columns(view, snapshot), set(uids)
