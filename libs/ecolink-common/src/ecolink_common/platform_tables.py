"""Tables every service database holds: the agency directory copy with its officers, the hash-chained audit log,
the outbox and the request ids seen (AIP-155)."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Boolean, Column, Index, Integer, String, Table, Text, false

from ecolink_common.db import BigIntId, UtcDateTime, new_metadata

platform_metadata = new_metadata()

agency_table = Table(
    "agency",
    platform_metadata,
    Column("agency_id", String(64), primary_key=True),
    Column("display_name", Text, nullable=False),
    Column("english_name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("level", String(16), nullable=False),
    Column("region_code", String(6), nullable=False, index=True),
    Column("basin_ids", JSON, nullable=False),
    Column("document_prefix", String(16), nullable=True),
)

officer_table = Table(
    "officer",
    platform_metadata,
    Column("officer_id", String(64), primary_key=True),
    Column("agency_id", String(64), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("certificate_number", String(64), nullable=False),
    Column("head", Boolean, nullable=False, server_default=false()),
)

directory_load_table = Table(
    "directory_load",
    platform_metadata,
    Column("id", BigIntId, primary_key=True, autoincrement=True),
    Column("version", String(64), nullable=False),
    Column("file_sha256", String(64), nullable=False),
    Column("agency_count", Integer, nullable=False),
    Column("loaded_at", UtcDateTime, nullable=False),
)

audit_event_table = Table(
    "audit_event",
    platform_metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("occurred_at", UtcDateTime, nullable=False),
    Column("actor_agency_id", String(64), nullable=False),
    Column("action", String(128), nullable=False),
    Column("resource", Text, nullable=False),
    Column("outcome", String(32), nullable=False),
    Column("reason", String(64), nullable=False),
    Column("trace_id", String(32), nullable=False),
    Column("details", JSON, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

audit_head_table = Table(
    "audit_head",
    platform_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_seq", BigInteger, nullable=False),
    Column("last_hash", String(64), nullable=False),
)

outbox_event_table = Table(
    "outbox_event",
    platform_metadata,
    Column("seq", BigIntId, primary_key=True, autoincrement=True),
    Column("event_id", String(128), nullable=False, unique=True),
    Column("topic", String(128), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("occurred_at", UtcDateTime, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("published_at", UtcDateTime, nullable=True),
    Index("ix_outbox_event_unpublished", "published_at", "seq"),
)

request_record_table = Table(
    "request_record",
    platform_metadata,
    Column("agency_id", String(64), primary_key=True),
    Column("request_id", String(128), primary_key=True),
    Column("method", String(128), nullable=False),
    Column("request_sha256", String(64), nullable=False),
    Column("resource_name", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)
