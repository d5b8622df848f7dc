"""A basin's joint tasks and joint meetings (DOMAIN §4.5, issue 14 item 4)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import BigIntId, UtcDateTime

revision = "referrals_0005"
down_revision = "referrals_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "basin_task",
        sa.Column("task_id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("agreement_id", sa.String(64), nullable=False),
        sa.Column("basin_id", sa.String(64), nullable=False, index=True),
        sa.Column("assigned_by", sa.String(64), nullable=False),
        sa.Column("region_code", sa.String(6), nullable=False),
        sa.Column("assignee_agency_id", sa.String(64), nullable=False, index=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("due_time", UtcDateTime, nullable=False),
        sa.Column("create_time", UtcDateTime, nullable=False),
        sa.Column("update_time", UtcDateTime, nullable=False),
        sa.Column("meeting_id", sa.BigInteger, nullable=True),
        sa.Column("reports", sa.JSON, nullable=False),
        sa.Column("done_time", UtcDateTime, nullable=True),
        sa.Column("escalations", sa.JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "basin_meeting",
        sa.Column("meeting_id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("agreement_id", sa.String(64), nullable=False),
        sa.Column("basin_id", sa.String(64), nullable=False, index=True),
        sa.Column("convened_by", sa.String(64), nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("attendee_agency_ids", sa.JSON, nullable=False),
        sa.Column("minutes", sa.Text, nullable=False),
        sa.Column("task_ids", sa.JSON, nullable=False),
        sa.Column("record_time", UtcDateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("basin_meeting")
    op.drop_table("basin_task")
