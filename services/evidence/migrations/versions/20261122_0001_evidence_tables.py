"""Evidence items, grants between agencies, and the per-item custody chain."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import UtcDateTime

revision = "evidence_0001"
down_revision = "platform_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_item",
        sa.Column("evidence_id", sa.String(64), primary_key=True),
        sa.Column("subject", sa.String(128), nullable=False, index=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("capture_time", UtcDateTime, nullable=False),
        sa.Column("latitude", sa.Float, nullable=True),
        sa.Column("longitude", sa.Float, nullable=True),
        sa.Column("collecting_officer", sa.Text, nullable=False),
        sa.Column("original_filename", sa.Text, nullable=False),
        sa.Column("content_type", sa.String(128), nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("object_key", sa.Text, nullable=False),
        sa.Column("object_version", sa.Text, nullable=False),
        sa.Column("owner_agency_id", sa.String(64), nullable=False),
        sa.Column("region_code", sa.String(6), nullable=False, index=True),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("retain_until", UtcDateTime, nullable=False),
        sa.Column("legal_hold", sa.Boolean, nullable=False),
        sa.Column("request_id", sa.String(128), nullable=True),
        sa.Column("last_verified_at", UtcDateTime, nullable=True),
        sa.Column("intact", sa.Boolean, nullable=False),
        sa.Column("custody_head_seq", sa.BigInteger, nullable=False),
        sa.Column("custody_head_hash", sa.String(64), nullable=False),
        sa.UniqueConstraint("owner_agency_id", "request_id", name="uq_evidence_item_owner_request"),
    )
    op.create_table(
        "evidence_grant",
        sa.Column("grant_id", sa.String(64), primary_key=True),
        sa.Column("evidence_id", sa.String(64), sa.ForeignKey("evidence_item.evidence_id"), nullable=False, index=True),
        sa.Column("grantee_agency_id", sa.String(64), nullable=False),
        sa.Column("purpose", sa.Text, nullable=False),
        sa.Column("expires_at", UtcDateTime, nullable=False),
        sa.Column("granted_by_agency_id", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("revoked_at", UtcDateTime, nullable=True),
        sa.Column("revoked_by_agency_id", sa.String(64), nullable=True),
        sa.Column("request_id", sa.String(128), nullable=True),
        sa.Index("ix_evidence_grant_grantee", "grantee_agency_id", "evidence_id"),
        sa.UniqueConstraint("granted_by_agency_id", "request_id", name="uq_evidence_grant_granter_request"),
    )
    op.create_table(
        "custody_event",
        sa.Column("evidence_id", sa.String(64), sa.ForeignKey("evidence_item.evidence_id"), primary_key=True),
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("occurred_at", UtcDateTime, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("actor_agency_id", sa.String(64), nullable=False),
        sa.Column("sha256_seen", sa.String(64), nullable=False),
        sa.Column("details", sa.JSON, nullable=False),
        sa.Column("trace_id", sa.String(32), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    for table in ("custody_event", "evidence_grant", "evidence_item"):
        op.drop_table(table)
