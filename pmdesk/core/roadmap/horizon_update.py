"""The Now / Next / Later board kept current from an edit's effects, without reading
every requirement again (a project may hold 100,000; reading them takes seconds).

A requirement's edit carries its new values (title, kind, status, priority,
release, lane, horizon): its card is made anew from them and put in its new cell.
One taken back from done or rejected is read alone; one done or rejected leaves
the board. What moves many cards at once needs the whole board read again
(`needs_full_read`), which the window does off its GUI thread: a release or lane
changed (every card of it may change horizon or row), a requirement created,
deleted or restored (its effect names only the root of the subtree that came or
went), and what the effects cannot say (a merge, a reload).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from pmdesk.core.ops.base import Effect
from pmdesk.core.roadmap.horizons import (
    CLOSED_STATUSES,
    HorizonBoard,
    HorizonCard,
    as_horizon,
    derive_horizon,
)

CARD_FIELDS = frozenset({"title", "kind", "status", "priority", "release", "lane", "horizon"})
_RENAMED = {"release": "release_uid", "lane": "lane_uid", "horizon": "own"}


def needs_full_read(effects: Iterable[Effect]) -> bool:
    return any(
        e.action == "reloaded"
        or e.entity in ("release", "lane")
        or (e.entity == "requirement" and e.action in ("inserted", "removed"))
        for e in effects
    )


def board_after(
    board: HorizonBoard,
    effects: Iterable[Effect],
    read_card: Callable[[str], HorizonCard | None],
) -> HorizonBoard:
    """The board after these requirement updates (`board` itself when none of them
    shows on it; see `needs_full_read` for what they cannot say); `read_card(uid)`
    reads one requirement as a card."""
    changes: dict[str, HorizonCard | None] = {}

    def current(uid: str) -> HorizonCard | None:
        return changes[uid] if uid in changes else board.card(uid)

    for effect in effects:
        if effect.entity != "requirement":
            continue
        uid, values = effect.uid, effect.values
        if effect.action == "updated" and CARD_FIELDS & set(effect.fields):
            card = current(uid)
            if values.get("status") in CLOSED_STATUSES:
                if card is not None:
                    changes[uid] = None
            elif card is None:
                if "status" in values:  # taken back from done or rejected
                    changes[uid] = read_card(uid)
            else:
                changes[uid] = updated_card(card, values, board.release_horizons)
    return board.replaced(changes) if changes else board


def updated_card(
    card: HorizonCard, values: Mapping[str, Any], releases: Mapping[str, Any]
) -> HorizonCard:
    """The card with an edit's new values, its horizon derived again."""
    fields: dict[str, Any] = {
        _RENAMED.get(name, name): value for name, value in values.items() if name in CARD_FIELDS
    }
    if "own" in fields:
        fields["own"] = as_horizon(fields["own"])
    new = replace(card, **fields)
    shown = new.own or derive_horizon(new.status, new.release_uid, releases)
    return new if shown == new.horizon else replace(new, horizon=shown)
