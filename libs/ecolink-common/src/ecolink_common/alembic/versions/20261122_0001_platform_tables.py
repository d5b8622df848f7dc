"""Platform tables every service database holds: the agency directory copy and the hash-chained audit log."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.audit import GENESIS_HASH, HEAD_ROW_ID
from ecolink_common.db import BigIntId, UtcDateTime

revision = "platform_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agency",
        sa.Column("agency_id", sa.String(64), primary_key=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("english_name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("region_code", sa.String(6), nullable=False, index=True),
        sa.Column("basin_ids", sa.JSON, nullable=False),
    )
    op.create_table(
        "directory_load",
        sa.Column("id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("agency_count", sa.Integer, nullable=False),
        sa.Column("loaded_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "audit_event",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("occurred_at", UtcDateTime, nullable=False),
        sa.Column("actor_agency_id", sa.String(64), nullable=False),
        sa.Column("action", sa.String(128), nullable=False),
        sa.Column("resource", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("trace_id", sa.String(32), nullable=False),
        sa.Column("details", sa.JSON, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
    )
    op.bulk_insert(head, [{"id": HEAD_ROW_ID, "last_seq": 0, "last_hash": GENESIS_HASH}])


def downgrade() -> None:
    for table in ("audit_head", "audit_event", "directory_load", "agency"):
        op.drop_table(table)
