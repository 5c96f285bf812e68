"""SQLAlchemy 2 models: documents, sections, claims, conflicts, reviews, users, metrics."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Metric(Base):
    """The metric catalogue, loaded from `etl/data/metrics.csv`."""

    __tablename__ = "metrics"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(16))
    cumulative: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(Text, default="")


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500), unique=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source_format: Mapped[str] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str | None] = mapped_column(String(100))
    url: Mapped[str | None] = mapped_column(Text)
    published_on: Mapped[date | None] = mapped_column(Date)
    date_source: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The extractor that made its claims: a newer one extracts the same file again.
    extractor_version: Mapped[str | None] = mapped_column(String(32))

    sections: Mapped[list[Section]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Section.idx",
    )
    claims: Mapped[list[Claim]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )


class Section(Base):
    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    idx: Mapped[int] = mapped_column(Integer)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    published_on: Mapped[date | None] = mapped_column(Date)
    date_source: Mapped[str] = mapped_column(String(16))
    heading: Mapped[str | None] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="sections")


# What the checks read of each claim besides its entity, metric and date (ix_claims_series).
SERIES_INDEX_COLUMNS = (
    "period", "value", "value_low", "value_high", "value_hkd", "unit", "qualifier", "flags",
    "initial_status", "document_id", "uid", "id",
)  # fmt: skip


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (
        # A series' claims (entity, metric) by date, with every column the checks read: the
        # checks of a series of many thousand claims read this index alone, in order, instead
        # of each claim's row wherever it lies.
        Index("ix_claims_series", "entity", "metric", "as_of", *SERIES_INDEX_COLUMNS),
        Index("ix_claims_metric_as_of", "metric", "as_of"),
        # The grid's "metric = m, value > x, sorted by value": a range walk in sort order.
        Index("ix_claims_metric_value", "metric", "value"),
        # The claims grid's default order (newest first) walks this index, even deep pages.
        Index("ix_claims_as_of", "as_of"),
        # (Its default view walks ix_claims_listed, a partial index migration 0011 makes:
        # db.claims_listed.)
        # The "To confirm" queue: the candidates in the order they were stored, with the uid
        # their reviews point at (so the queue, and what default views leave out, is read
        # from the index alone).
        Index("ix_claims_initial_status", "initial_status", "id", "uid"),
        # At most one row derived from each corrected claim.
        Index("ix_claims_corrects_uid", "corrects_uid", unique=True),
        # The few flagged claims (garbled, implausible) per document, for its standing.
        Index("ix_claims_flags", "flags", "document_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stable across re-ingests and extractor versions: reviews point at it.
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    section_id: Mapped[int | None] = mapped_column(
        ForeignKey("sections.id", ondelete="CASCADE"), index=True
    )
    entity: Mapped[str] = mapped_column(String(300))
    metric: Mapped[str] = mapped_column(String(64))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16))
    qualifier: Mapped[str] = mapped_column(String(16))
    value_low: Mapped[float] = mapped_column(Float)
    value_high: Mapped[float] = mapped_column(Float)
    value_hkd: Mapped[float | None] = mapped_column(Float)
    as_of: Mapped[date] = mapped_column(Date)
    as_of_precision: Mapped[str] = mapped_column(String(8), default="day")
    period: Mapped[str | None] = mapped_column(String(16))
    quote: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    mention_start: Mapped[int] = mapped_column(Integer)
    mention_end: Mapped[int] = mapped_column(Integer)
    flags: Mapped[str] = mapped_column(String(200), default="")  # ';'-separated
    extractor_version: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The status before any review (the current one is derived from the review log): `auto`,
    # `candidate` (the extractor was unsure, see `unsure`) or `accepted` (a row derived from a
    # reviewer's correction, db.corrections).
    # Defaults on the server only, so an insert written for an older schema still runs.
    initial_status: Mapped[str] = mapped_column(String(16), server_default="auto")
    unsure: Mapped[str] = mapped_column(String(64), server_default="")  # ';'-separated
    # Set on a row derived from a correction: the uid of the claim it corrects.
    corrects_uid: Mapped[str | None] = mapped_column(String(32))

    document: Mapped[Document] = relationship(back_populates="claims")


class DocumentCount(Base):
    """How many claim rows each document holds, kept by the database itself (triggers on
    claims, migration 0011), so a document's standing is read without counting its claims."""

    __tablename__ = "document_counts"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    claims: Mapped[int] = mapped_column(Integer)


class ClaimLine(Base):
    """A claim's export line (db.claims_csv) as written at ingest: status `auto`, stored flags."""

    __tablename__ = "claim_lines"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    line: Mapped[str] = mapped_column(Text)


class Conflict(Base):
    """A set of claims that cannot all hold; `uid` is derived from kind, metric and claims."""

    __tablename__ = "conflicts"
    __table_args__ = (
        Index("ix_conflicts_entity_metric", "entity", "metric"),
        # The review queue's pages: open conflicts by severity, then id.
        Index("ix_conflicts_active_severity_id", "active", "severity", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    entity: Mapped[str] = mapped_column(String(300))
    metric: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(16))
    explanation: Mapped[str] = mapped_column(Text)
    claim_uids: Mapped[str] = mapped_column(Text)  # ';'-separated, sorted
    # False once detection no longer finds it (a claim was rejected or replaced).
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    detected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ConflictClaim(Base):
    """Which current claim rows a conflict involves (rebuilt by each detection run)."""

    __tablename__ = "conflict_claims"

    conflict_id: Mapped[int] = mapped_column(
        ForeignKey("conflicts.id", ondelete="CASCADE"), primary_key=True
    )
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Review(Base):
    """Append-only review log: the current status of a claim or conflict is derived from it."""

    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_target", "target_type", "target_uid", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target_type: Mapped[str] = mapped_column(String(16))  # claim or conflict
    target_uid: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))
    reviewer: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # A `correct` action's label: the figure with the reviewer's metric, owner and date, and
    # what the claim said before (db.corrections).
    correction: Mapped[dict | None] = mapped_column(JSON)


class User(Base):
    """A reviewer who may log in; the password is stored only as an Argon2 hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Setting(Base):
    """Small key/value store, e.g. the generated session secret."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DirtySeries(Base):
    """A series (entity and metric) whose checks and consensus must be computed again.

    Marked in the transaction that changes its claims (a document stored, a review recorded);
    removed in the transaction that stores its new conflicts and points, and only when
    `token` is still the one read there (a mark made meanwhile keeps it dirty).
    """

    __tablename__ = "dirty_series"

    entity: Mapped[str] = mapped_column(String(300), primary_key=True)
    metric: Mapped[str] = mapped_column(String(64), primary_key=True)
    token: Mapped[str] = mapped_column(String(32))
    marked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StoredSeriesPoint(Base):
    """One point of a stored consensus series (etl.check.series), as export series shows it."""

    __tablename__ = "series_points"
    __table_args__ = (
        Index("ix_series_points_entity_metric", "entity", "metric", "period", "as_of"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(300))
    metric: Mapped[str] = mapped_column(String(64))
    period: Mapped[str | None] = mapped_column(String(16))
    as_of: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    value_low: Mapped[float] = mapped_column(Float)
    value_high: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16))
    method: Mapped[str] = mapped_column(String(16))
    claim_ids: Mapped[str] = mapped_column(Text)  # ';'-separated, supporting
    overridden_claim_ids: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text)
    qualifier: Mapped[str] = mapped_column(String(16))  # as the believed figure was printed
    disputed: Mapped[str] = mapped_column(String(16))  # severity of its worst open conflict, or ""


class SeriesCopies(Base):
    """Which claims of one point of a series repeat one another (etl.check.copies), kept so
    that the next check of the series reuses it for a point whose claims are the same ones.

    `members` is a digest of the point's claims (each by id, uid, document and the time that
    document was stored: a claim row never changes, and a replaced document's claims come with
    a new time); `labels` the witness label of each, in order (';'-separated).
    """

    __tablename__ = "series_copies"

    entity: Mapped[str] = mapped_column(String(300), primary_key=True)
    metric: Mapped[str] = mapped_column(String(64), primary_key=True)
    members: Mapped[str] = mapped_column(String(32), primary_key=True)
    labels: Mapped[str] = mapped_column(Text)


class LoginFailure(Base):
    """A failed (or in-flight) reviewer login, counted per key: `account:<sha256>`, `address:...`.

    Rows older than the throttle window are deleted as new attempts come in.
    """

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key_failed_at", "key", "failed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    failed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
