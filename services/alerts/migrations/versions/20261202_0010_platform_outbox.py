"""Grade-change events move from the alerts service's own outbox into the platform's outbox_event table (one outbox
and one relay for every service); the events already recorded keep their ids, times and publication."""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import UtcDateTime

revision = "alerts_0010"
down_revision = "alerts_0009"
branch_labels = None
depends_on = "platform_0002"

ALERTS_OUTBOX = sa.table(
    "alerts_outbox",
    sa.column("event_id", sa.String),
    sa.column("event_type", sa.String),
    sa.column("payload", sa.Text),
    sa.column("occurred_at", UtcDateTime),
    sa.column("created_at", UtcDateTime),
    sa.column("published_at", UtcDateTime),
)
OUTBOX_EVENT = sa.table(
    "outbox_event",
    sa.column("event_id", sa.String),
    sa.column("topic", sa.String),
    sa.column("payload", sa.JSON),
    sa.column("occurred_at", UtcDateTime),
    sa.column("created_at", UtcDateTime),
    sa.column("published_at", UtcDateTime),
)


def upgrade() -> None:
    connection = op.get_bind()
    query = sa.select(ALERTS_OUTBOX).order_by(ALERTS_OUTBOX.c.occurred_at, ALERTS_OUTBOX.c.event_id)
    rows = [
        {
            "event_id": row.event_id,
            "topic": row.event_type,
            "payload": json.loads(row.payload),
            "occurred_at": row.occurred_at,
            "created_at": row.created_at,
            "published_at": row.published_at,
        }
        for row in connection.execute(query)
    ]
    if rows:
        connection.execute(sa.insert(OUTBOX_EVENT), rows)
    op.drop_index("ix_alerts_outbox_unpublished", table_name="alerts_outbox")
    op.drop_table("alerts_outbox")


def downgrade() -> None:
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
