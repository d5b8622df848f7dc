"""Each agency's webhook, and each event's delivery to each party agency."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import BigIntId, UtcDateTime

revision = "referrals_0002"
down_revision = "referrals_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "webhook",
        sa.Column("agency_id", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("secret", sa.String(64), nullable=False),
        sa.Column("update_time", UtcDateTime, nullable=False),
    )
    op.create_table(
        "webhook_delivery",
        sa.Column("delivery_id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(200), nullable=False),
        sa.Column("agency_id", sa.String(64), nullable=False, index=True),
        sa.Column("topic", sa.String(64), nullable=False),
        sa.Column("transfer", sa.String(64), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_result", sa.Text, nullable=False),
        sa.Column("create_time", UtcDateTime, nullable=False),
        sa.Column("next_attempt_time", UtcDateTime, nullable=False, index=True),
        sa.Column("claimed_until", UtcDateTime, nullable=True),
        sa.Column("delivered_time", UtcDateTime, nullable=True),
        sa.UniqueConstraint("event_id", "agency_id", name="uq_webhook_delivery_event_agency"),
    )


def downgrade() -> None:
    op.drop_table("webhook_delivery")
    op.drop_table("webhook")
