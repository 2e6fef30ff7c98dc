"""The project file's tables as typed SQLAlchemy 2 ORM classes.

Every entity's primary key is its `uid` (UUID text): it never changes, survives
copies and is the merge key. Dates are ISO `YYYY-MM-DD` text and instants ISO
`YYYY-MM-DDTHH:MM:SS` text, exactly as they appear in the JSON snapshot; lists
(acceptance criteria, tags, authors) are JSON text. Allowed enum values are
enforced by CHECK constraints so a hand-edited file cannot smuggle in others.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, cast

from sqlalchemy import (
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from pmdesk.core.domain.vocabulary import (
    CUSTOM_KINDS,
    HORIZONS,
    KANO,
    KINDS,
    LANGUAGES,
    LINK_TYPES,
    PRIORITIES,
    RELEASE_STATUSES,
    STATUSES,
)

# Named constraints let Alembic's batch mode recreate SQLite tables reliably.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


UID = String(36)


class Project(Base):
    """The single row describing the project itself."""

    __tablename__ = "project"
    __table_args__ = (CheckConstraint(_one_of("language", LANGUAGES), name="language"),)

    uid: Mapped[str] = mapped_column(UID, primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    product: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[str] = mapped_column(Text, default="")
    authors: Mapped[str] = mapped_column(Text, default="[]")
    key_prefix: Mapped[str] = mapped_column(String(16), default="REQ")
    language: Mapped[str] = mapped_column(String(8), default="zh")
    created_at: Mapped[str] = mapped_column(String(19), default="")
    organisation: Mapped[str] = mapped_column(Text, default="", server_default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)  # PNG or JPEG, for the PRD cover
    # What the PRD states about itself (schema 5): on its cover and sign-off table.
    doc_status: Mapped[str] = mapped_column(String(16), default="draft", server_default="draft")
    confidentiality: Mapped[str] = mapped_column(
        String(16), default="internal", server_default="internal"
    )
    doc_number: Mapped[str] = mapped_column(Text, default="", server_default="")
    reviewers: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # JSON
    # How requirements are scored (schema 6), and the weighted model's criteria (JSON).
    scoring: Mapped[str] = mapped_column(String(16), default="rice", server_default="rice")
    criteria: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    # The number the next new requirement gets (schema 9): only ever grows, so a
    # key once given out is never given to another requirement (core.ops.numbers).
    next_number: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class Release(Base):
    """A release: dates, a one-line goal, a status and capacity; ordered by rank."""

    __tablename__ = "release"
    __table_args__ = (CheckConstraint(_one_of("status", RELEASE_STATUSES), name="status"),)

    uid: Mapped[str] = mapped_column(UID, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    start: Mapped[str | None] = mapped_column(String(10))
    end: Mapped[str | None] = mapped_column(String(10))
    goal: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(16), default="planned", server_default="planned")
    capacity: Mapped[float | None] = mapped_column(Float)  # person-days
    rank: Mapped[str] = mapped_column(String(255), default="", server_default="")


class Milestone(Base):
    __tablename__ = "milestone"

    uid: Mapped[str] = mapped_column(UID, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10))
    release_uid: Mapped[str | None] = mapped_column(
        UID, ForeignKey("release.uid", ondelete="SET NULL")
    )


class Lane(Base):
    """A row of the roadmap: a theme or a team. Ordered by rank."""

    __tablename__ = "lane"

    uid: Mapped[str] = mapped_column(UID, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    rank: Mapped[str] = mapped_column(String(255))
    colour: Mapped[str | None] = mapped_column(String(7))  # "#rrggbb"; None: the default


class Persona(Base):
    """A user persona (用户画像, schema 7): who a story is for. Ordered by rank."""

    __tablename__ = "persona"

    uid: Mapped[str] = mapped_column(UID, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(Text, default="", server_default="")
    goals: Mapped[str] = mapped_column(Text, default="", server_default="")  # Markdown
    pain_points: Mapped[str] = mapped_column(Text, default="", server_default="")  # Markdown
    scenarios: Mapped[str] = mapped_column(Text, default="", server_default="")  # Markdown
    share: Mapped[float | None] = mapped_column(Float)  # % of the users, 0–100
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)  # PNG or JPEG; None: initials
    rank: Mapped[str] = mapped_column(String(255))


TREE_INDEX = "ix_requirement_tree"  # covers the tree query (see Requirement)


class Requirement(Base):
    """A node of the requirement tree; siblings are ordered by `rank`."""

    __tablename__ = "requirement"
    __table_args__ = (
        CheckConstraint(_one_of("kind", KINDS), name="kind"),
        CheckConstraint(_one_of("status", STATUSES), name="status"),
        CheckConstraint(_one_of("priority", PRIORITIES), name="priority"),
        CheckConstraint(_one_of("kano", KANO), name="kano"),
        CheckConstraint(_one_of("horizon", HORIZONS), name="horizon"),
        Index("ix_requirement_parent_rank", "parent_uid", "rank"),
        Index("ix_requirement_persona", "persona_uid"),
        Index("ix_requirement_release", "release_uid"),
        Index("ix_requirement_lane", "lane_uid"),
        Index("ix_requirement_owner", "owner"),
        # Covers the tree query (tree_read.TREE_SQL, queries.tree_rows), in its
        # order: opening reads this instead of the whole table (migration 0003).
        Index(
            TREE_INDEX,
            "rank",
            "uid",
            "parent_uid",
            "key",
            "title",
            "kind",
            "status",
            "priority",
            "owner",
            "release_uid",
        ),
    )

    uid: Mapped[str] = mapped_column(UID, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    number: Mapped[int] = mapped_column(Integer, index=True)
    parent_uid: Mapped[str | None] = mapped_column(
        UID, ForeignKey("requirement.uid", ondelete="CASCADE")
    )
    rank: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    acceptance: Mapped[str] = mapped_column(Text, default="[]")
    status: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str | None] = mapped_column(String(16))  # None: not assessed
    kano: Mapped[str | None] = mapped_column(String(16))  # None: not assessed
    rice_reach: Mapped[float | None] = mapped_column(Float)
    rice_impact: Mapped[float | None] = mapped_column(Float)
    rice_confidence: Mapped[float | None] = mapped_column(Float)
    rice_effort: Mapped[float | None] = mapped_column(Float)
    owner: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(Text, default="[]")
    source: Mapped[str] = mapped_column(Text, default="")
    release_uid: Mapped[str | None] = mapped_column(
        UID, ForeignKey("release.uid", ondelete="SET NULL")
    )
    lane_uid: Mapped[str | None] = mapped_column(UID, ForeignKey("lane.uid", ondelete="SET NULL"))
    start: Mapped[str | None] = mapped_column(String(10))
    end: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[str] = mapped_column(String(19), default="")
    created_by: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[str] = mapped_column(String(19), default="")
    updated_by: Mapped[str] = mapped_column(Text, default="")
    # Scoring inputs besides RICE (schema 6): one column each, so they merge one by one.
    ice_impact: Mapped[float | None] = mapped_column(Float)
    ice_confidence: Mapped[float | None] = mapped_column(Float)
    ice_ease: Mapped[float | None] = mapped_column(Float)
    wsjf_business_value: Mapped[float | None] = mapped_column(Float)
    wsjf_time_criticality: Mapped[float | None] = mapped_column(Float)
    wsjf_risk_reduction: Mapped[float | None] = mapped_column(Float)
    wsjf_job_size: Mapped[float | None] = mapped_column(Float)
    scores: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")  # JSON
    # Schema 7 (added columns: ALTER TABLE, no copy of a large table).
    persona_uid: Mapped[str | None] = mapped_column(
        UID, ForeignKey("persona.uid", ondelete="SET NULL")
    )
    value: Mapped[float | None] = mapped_column(Float)  # business value, 0–10
    horizon: Mapped[str | None] = mapped_column(String(8))  # now/next/later; None: derived
    # Schema 9: custom field values, JSON {custom field uid: value} (see CustomField).
    custom: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


class Link(Base):
    """A typed relation between two requirements (`from` depends_on `to`, …)."""

    __tablename__ = "link"
    __table_args__ = (
        CheckConstraint(_one_of("type", LINK_TYPES), name="type"),
        UniqueConstraint("from_uid", "to_uid", "type", name="uq_link_ends"),
        Index("ix_link_to", "to_uid"),
    )

    uid: Mapped[str] = mapped_column(UID, primary_key=True)
    from_uid: Mapped[str] = mapped_column(UID, ForeignKey("requirement.uid", ondelete="CASCADE"))
    to_uid: Mapped[str] = mapped_column(UID, ForeignKey("requirement.uid", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(16))
    # Schema 8: "needs review" since the linked-to requirement's text changed
    # (None: not suspect), and when someone last marked the link reviewed.
    suspect_at: Mapped[str | None] = mapped_column(String(19))
    reviewed_at: Mapped[str | None] = mapped_column(String(19))


class Section(Base):
    """An ordered PRD section with a Markdown body."""

    __tablename__ = "section"

    uid: Mapped[str] = mapped_column(UID, primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    rank: Mapped[str] = mapped_column(String(255))


class Baseline(Base):
    """A named, frozen snapshot of the project (for example "v1.0 评审版")."""

    __tablename__ = "baseline"

    uid: Mapped[str] = mapped_column(UID, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    created_at: Mapped[str] = mapped_column(String(19), default="")
    created_by: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[str] = mapped_column(Text)


class HistoryEntry(Base):
    """One field of one entity changed by one operation: who, when, old, new."""

    __tablename__ = "history"
    __table_args__ = (Index("ix_history_entity", "entity_uid"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(UID, unique=True)
    batch: Mapped[str] = mapped_column(UID)
    at: Mapped[str] = mapped_column(String(19))
    by: Mapped[str] = mapped_column(Text, default="")
    operation: Mapped[str] = mapped_column(Text, default="")
    entity: Mapped[str] = mapped_column(String(16))
    entity_uid: Mapped[str] = mapped_column(UID)
    field: Mapped[str] = mapped_column(String(32))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)


def table_of(entity: type[Base]) -> Table:
    """The Core table of an ORM class (typed, for insert/update statements)."""
    return cast(Table, entity.__table__)


# The edited entities by the name operations, history and snapshots use.
TABLES: dict[str, Table] = {
    "project": table_of(Project),
    "requirement": table_of(Requirement),
    "release": table_of(Release),
    "milestone": table_of(Milestone),
    "lane": table_of(Lane),
    "persona": table_of(Persona),
    "link": table_of(Link),
    "section": table_of(Section),
}


def _picture(value: Any) -> Any:
    # A logo or photo in the history is named by size and digest: the bytes stay in the
    # project row (and in the inverse operation), not twice in every change.
    if isinstance(value, bytes):
        return {"bytes": len(value), "sha256": hashlib.sha256(value).hexdigest()[:16]}
    raise TypeError(f"{type(value).__name__} is not JSON")


def encode(value: Any) -> str | None:
    """A value as the history's `old`/`new` columns keep it: JSON text, None as NULL."""
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_picture)


# -- Saved views (schema 9, issue 16) ---------------------------------------------------


class SavedView(Base):
    """A named filter + the backlog's columns, grouping and sort (schema 9), shared
    with colleagues in the file. Ordered by rank."""

    __tablename__ = "saved_view"

    uid: Mapped[str] = mapped_column(UID, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    # JSON: the filter (core.queries.criteria), the shown column ids, [[id, "asc"|"desc"]…]
    criteria: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    columns: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    grouping: Mapped[str | None] = mapped_column(Text)  # a backlog grouping; None: none
    sort: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    rank: Mapped[str] = mapped_column(String(255))


TABLES["saved_view"] = table_of(SavedView)


# -- Custom fields (schema 9, issue 17) -------------------------------------------------


class CustomField(Base):
    """A field the project defines for its requirements; ordered by rank.

    The values live in `requirement.custom` ({field uid: value}), so two people
    setting different fields of one requirement merge key by key.
    """

    __tablename__ = "custom_field"
    __table_args__ = (CheckConstraint(_one_of("kind", CUSTOM_KINDS), name="kind"),)

    uid: Mapped[str] = mapped_column(UID, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="text", server_default="text")
    options: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # JSON
    rank: Mapped[str] = mapped_column(String(255))


TABLES["custom_field"] = table_of(CustomField)
