"""Tables of the evidence database: items, grants, and each item's hash-chained custody log."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
)

from ecolink_common.db import UtcDateTime, new_metadata

evidence_metadata = new_metadata()

evidence_item_table = Table(
    "evidence_item",
    evidence_metadata,
    Column("evidence_id", String(64), primary_key=True),
    Column("subject", String(128), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("capture_time", UtcDateTime, nullable=False),
    Column("latitude", Float, nullable=True),
    Column("longitude", Float, nullable=True),
    Column("collecting_officer", Text, nullable=False),
    Column("original_filename", Text, nullable=False),
    Column("content_type", String(128), nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False, index=True),
    Column("object_key", Text, nullable=False),
    Column("object_version", Text, nullable=False),
    Column("owner_agency_id", String(64), nullable=False),
    Column("region_code", String(6), nullable=False, index=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("retain_until", UtcDateTime, nullable=False),
    Column("legal_hold", Boolean, nullable=False),
    Column("last_verified_at", UtcDateTime, nullable=True),
    Column("intact", Boolean, nullable=False),
    Column("custody_head_seq", BigInteger, nullable=False),
    Column("custody_head_hash", String(64), nullable=False),
)

evidence_grant_table = Table(
    "evidence_grant",
    evidence_metadata,
    Column("grant_id", String(64), primary_key=True),
    Column("evidence_id", String(64), ForeignKey("evidence_item.evidence_id"), nullable=False, index=True),
    Column("grantee_agency_id", String(64), nullable=False),
    Column("purpose", Text, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("granted_by_agency_id", String(64), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("revoked_at", UtcDateTime, nullable=True),
    Column("revoked_by_agency_id", String(64), nullable=True),
    Index("ix_evidence_grant_grantee", "grantee_agency_id", "evidence_id"),
)

custody_event_table = Table(
    "custody_event",
    evidence_metadata,
    Column("evidence_id", String(64), ForeignKey("evidence_item.evidence_id"), primary_key=True),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("occurred_at", UtcDateTime, nullable=False),
    Column("action", String(32), nullable=False),
    Column("actor_agency_id", String(64), nullable=False),
    Column("sha256_seen", String(64), nullable=False),
    Column("details", JSON, nullable=False),
    Column("trace_id", String(32), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)
