"""Translated names of the domain's values (kinds, statuses, priorities, …).

The file keeps the stable English value (`in_progress`); the UI shows these.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def kind_label(kind: str) -> str:
    return {
        "epic": translate("Labels", "Epic"),
        "feature": translate("Labels", "Feature"),
        "story": translate("Labels", "Story"),
        "requirement": translate("Labels", "Requirement"),
        "nfr": translate("Labels", "Non-functional"),
    }.get(kind, kind)


def status_label(status: str) -> str:
    return {
        "idea": translate("Labels", "Idea"),
        "draft": translate("Labels", "Draft"),
        "review": translate("Labels", "In review"),
        "approved": translate("Labels", "Approved"),
        "in_progress": translate("Labels", "In progress"),
        "done": translate("Labels", "Done"),
        "rejected": translate("Labels", "Rejected"),
    }.get(status, status)


def priority_label(priority: str) -> str:
    return {
        "must": translate("Labels", "Must"),
        "should": translate("Labels", "Should"),
        "could": translate("Labels", "Could"),
        "wont": translate("Labels", "Won't"),
    }.get(priority, priority)


def kano_label(kano: str) -> str:
    return {
        "basic": translate("Labels", "Basic"),
        "performance": translate("Labels", "Performance"),
        "delighter": translate("Labels", "Delighter"),
        "indifferent": translate("Labels", "Indifferent"),
        "reverse": translate("Labels", "Reverse"),
    }.get(kano, kano)


def link_label(link_type: str, outgoing: bool = True) -> str:
    if outgoing:
        return {
            "depends_on": translate("Labels", "depends on"),
            "blocks": translate("Labels", "blocks"),
            "relates_to": translate("Labels", "relates to"),
            "duplicates": translate("Labels", "duplicates"),
            "derived_from": translate("Labels", "derived from"),
        }.get(link_type, link_type)
    return {
        "depends_on": translate("Labels", "is needed by"),
        "blocks": translate("Labels", "is blocked by"),
        "relates_to": translate("Labels", "relates to"),
        "duplicates": translate("Labels", "is duplicated by"),
        "derived_from": translate("Labels", "is the source of"),
    }.get(link_type, link_type)


def field_label(field: str) -> str:
    """A field as the window names it: in the details, in lists of changes
    (history, baselines, merge conflicts)."""
    return {
        "key": translate("Labels", "Key"),
        "title": translate("Labels", "Title"),
        "kind": translate("Labels", "Kind"),
        "status": translate("Labels", "Status"),
        "priority": translate("Labels", "Priority"),
        "kano": translate("Labels", "Kano"),
        "rice": translate("Labels", "RICE"),
        "owner": translate("Labels", "Owner"),
        "release": translate("Labels", "Release"),
        "lane": translate("Labels", "Lane"),
        "start": translate("Labels", "Start"),
        "end": translate("Labels", "End"),
        "tags": translate("Labels", "Tags"),
        "source": translate("Labels", "Source"),
        "description": translate("Labels", "Description"),
        "acceptance": translate("Labels", "Acceptance criteria"),
        "links": translate("Labels", "Links"),
        "parent": translate("Labels", "Parent"),
        "created": translate("Labels", "Created"),
        "deleted": translate("Labels", "Deleted"),
        "position": translate("Labels", "Position"),
        "name": translate("Labels", "Name"),
        "date": translate("Labels", "Date"),
        "body": translate("Labels", "Text"),
        "product": translate("Labels", "Product"),
        "version": translate("Labels", "Version"),
        "authors": translate("Labels", "Authors"),
        "key_prefix": translate("Labels", "Key prefix"),
        "language": translate("Labels", "Language"),
    }.get(field, field)


def COLUMN_TITLES() -> list[str]:
    return [
        translate("Labels", "Key"),
        translate("Labels", "Title"),
        translate("Labels", "Kind"),
        translate("Labels", "Status"),
        translate("Labels", "Priority"),
        translate("Labels", "Owner"),
        translate("Labels", "Release"),
    ]
