"""Basin incidents (DOMAIN §4.5): the report, its notices with their deadlines, measures, escalations, close-out and
the change watermark pollers read."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import BigIntId, UtcDateTime

revision = "referrals_0004"
down_revision = "referrals_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "basin_incident",
        sa.Column("incident_id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("agreement_id", sa.String(64), nullable=False),
        sa.Column("basin_id", sa.String(64), nullable=False, index=True),
        sa.Column("reporter_agency_id", sa.String(64), nullable=False),
        sa.Column("region_code", sa.String(6), nullable=False),
        sa.Column("facts", sa.JSON, nullable=False),
        sa.Column("drill", sa.Boolean, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("report_time", UtcDateTime, nullable=False),
        sa.Column("update_time", UtcDateTime, nullable=False, index=True),
        sa.Column("notices", sa.JSON, nullable=False),
        sa.Column("measures", sa.JSON, nullable=False),
        sa.Column("escalations", sa.JSON, nullable=False),
        sa.Column("close_time", UtcDateTime, nullable=True),
        sa.Column("closed_by", sa.String(64), nullable=False),
        sa.Column("close_note", sa.Text, nullable=False),
        sa.Column("scheduled_by", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("change_seq", sa.BigInteger, nullable=False, index=True),
    )


def downgrade() -> None:
    op.drop_table("basin_incident")
