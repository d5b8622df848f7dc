"""Jointly listed cases (挂牌督办): their parties, tasks, progress reports, the reports due and what was escalated."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import BigIntId, UtcDateTime

revision = "referrals_0003"
down_revision = "referrals_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "listing",
        sa.Column("listing_id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("case_name", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("authority_agency_id", sa.String(64), nullable=False, index=True),
        sa.Column("region_code", sa.String(6), nullable=False, index=True),
        sa.Column("party_agency_ids", sa.JSON, nullable=False),
        sa.Column("report_every_days", sa.Integer, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("tasks", sa.JSON, nullable=False),
        sa.Column("reports", sa.JSON, nullable=False),
        sa.Column("reports_due", sa.JSON, nullable=False),
        sa.Column("escalated", sa.JSON, nullable=False),
        sa.Column("delist_reason", sa.Text, nullable=False),
        sa.Column("create_time", UtcDateTime, nullable=False),
        sa.Column("update_time", UtcDateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("listing")
