"""Derived hourly and daily means and when each device was last rolled up, current exceedance grades, and the
outbox of grade changes."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import UtcDateTime

revision = "alerts_0004"
down_revision = "alerts_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "derived_mean",
        sa.Column("mn", sa.String(24), primary_key=True),
        sa.Column("kind", sa.String(4), primary_key=True),
        sa.Column("data_time", UtcDateTime, primary_key=True),
        sa.Column("factor", sa.String(16), primary_key=True),
        sa.Column("value", sa.Float, nullable=True),
        sa.Column("converted", sa.Float, nullable=True),
        sa.Column("minimum", sa.Float, nullable=True),
        sa.Column("maximum", sa.Float, nullable=True),
        sa.Column("cumulative", sa.Float, nullable=True),
        sa.Column("flag", sa.String(1), nullable=False),
        sa.Column("valid", sa.Boolean, nullable=False),
        sa.Column("valid_count", sa.Integer, nullable=False),
        sa.Column("total_count", sa.Integer, nullable=False),
        sa.Column("required_count", sa.Integer, nullable=False),
        sa.Column("computed_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "derived_mean_mark",
        sa.Column("mn", sa.String(24), primary_key=True),
        sa.Column("rolled_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "exceedance_grade",
        sa.Column("unit_id", sa.String(64), primary_key=True),
        sa.Column("factor", sa.String(16), primary_key=True),
        sa.Column("region_code", sa.String(6), nullable=False, index=True),
        sa.Column("grade", sa.String(8), nullable=False),
        sa.Column("as_of", sa.Date, nullable=True),
        sa.Column("exceedance_days", sa.Text, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
        sa.Column("changed_at", UtcDateTime, nullable=True),
    )
    op.create_table(
        "alerts_outbox",
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("event_type", sa.String(80), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("occurred_at", UtcDateTime, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("published_at", UtcDateTime, nullable=True),
    )
    op.create_index("ix_alerts_outbox_unpublished", "alerts_outbox", ["published_at", "occurred_at"])


def downgrade() -> None:
    for table in ("alerts_outbox", "exceedance_grade", "derived_mean_mark", "derived_mean"):
        op.drop_table(table)
