"""Translated names of the domain's values (kinds, statuses, priorities, …).

The file keeps the stable English value (`in_progress`); the UI shows these.
The names are the core's vocabulary (pmdesk.core.domain.vocabulary), shown through Qt's
translations: each English name is Qt's source text in the context "Labels".
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from pmdesk.core.domain.vocabulary import (
    CUSTOM_KIND_TERMS,
    ENTITY_VALUE_TERMS,
    FIELD_TERMS,
    HORIZON_TERMS,
    KANO_TERMS,
    KIND_TERMS,
    LABELS,
    LINK_TERMS,
    NOT_ASSESSED,
    PRIORITY_TERMS,
    RELEASE_STATUS_TERMS,
    STATUS_TERMS,
    Term,
)

translate = QCoreApplication.translate

# The requirement tree's columns, left to right.
TREE_COLUMN_FIELDS = ("key", "title", "kind", "status", "priority", "owner", "release")


def _said(terms: Mapping[str, Term], value: str) -> str:
    term = terms.get(value)
    return value if term is None else translate(LABELS, term.en)


def custom_kind_label(kind: str) -> str:
    """What a custom field holds (text, number, date, one or several of a list, person)."""
    return _said(CUSTOM_KIND_TERMS, kind)


def kind_label(kind: str) -> str:
    return _said(KIND_TERMS, kind)


def status_label(status: str) -> str:
    return _said(STATUS_TERMS, status)


def priority_label(priority: str | None) -> str:
    """A MoSCoW priority; nothing when not assessed (None)."""
    return "" if priority is None else _said(PRIORITY_TERMS, priority)


def kano_label(kano: str | None) -> str:
    """A Kano category; nothing when not assessed (None)."""
    return "" if kano is None else _said(KANO_TERMS, kano)


def horizon_label(horizon: str | None) -> str:
    """Now, Next or Later; nothing when derived from the release (None)."""
    return "" if horizon is None else _said(HORIZON_TERMS, horizon)


def not_assessed_label() -> str:
    """The choice of the details' priority and Kano lists for "not decided yet"."""
    return translate(LABELS, NOT_ASSESSED.en)


def release_status_label(status: str) -> str:
    """planned, in_progress, released as the UI says them."""
    return _said(RELEASE_STATUS_TERMS, status)


def document_value_label(field: str, value: str) -> str:
    """The PRD's own status (draft, in_review, approved) or confidentiality as the UI says it."""
    return _said(ENTITY_VALUE_TERMS.get(("project", field), {}), value)


def link_label(link_type: str, outgoing: bool = True) -> str:
    term = LINK_TERMS.get((link_type, outgoing))
    return link_type if term is None else translate(LABELS, term.en)


def field_label(field: str) -> str:
    """A field as the window names it: in the details, in lists of changes
    (history, baselines, merge conflicts)."""
    return _said(FIELD_TERMS, field)


def COLUMN_TITLES() -> list[str]:
    return [field_label(field) for field in TREE_COLUMN_FIELDS]
