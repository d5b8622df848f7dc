"""Monitoring values, value conflicts (C12), the rule engine's state per device, and alerts."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import UtcDateTime

revision = "alerts_0002"
down_revision = "alerts_0001"
branch_labels = None
depends_on = None


def _value_columns() -> list[sa.Column]:
    """What a monitoring value and a conflicting version of it both hold."""
    return [
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("flag", sa.String(1), nullable=False),
        sa.Column("converted", sa.Float, nullable=True),
        sa.Column("minimum", sa.Float, nullable=True),
        sa.Column("maximum", sa.Float, nullable=True),
        sa.Column("cumulative", sa.Float, nullable=True),
        sa.Column("received_at", UtcDateTime, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "monitoring_value",
        sa.Column("mn", sa.String(24), primary_key=True),
        sa.Column("kind", sa.String(4), primary_key=True),
        sa.Column("data_time", UtcDateTime, primary_key=True),
        sa.Column("factor", sa.String(16), primary_key=True),
        *_value_columns(),
    )
    op.create_table(
        "value_conflict",
        sa.Column("conflict_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("mn", sa.String(24), nullable=False),
        sa.Column("kind", sa.String(4), nullable=False),
        sa.Column("data_time", UtcDateTime, nullable=False),
        sa.Column("factor", sa.String(16), nullable=False),
        *_value_columns(),
    )
    op.create_index("ix_value_conflict_record", "value_conflict", ["mn", "kind", "data_time"])
    op.create_table(
        "rule_state",
        sa.Column("mn", sa.String(24), primary_key=True),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "alert",
        sa.Column("alert_id", sa.String(36), primary_key=True),
        sa.Column("rule", sa.String(40), nullable=False),
        sa.Column("unit_id", sa.String(64), nullable=False, index=True),
        sa.Column("outlet_id", sa.String(64), nullable=False),
        sa.Column("mn", sa.String(24), nullable=False),
        sa.Column("kind", sa.String(4), nullable=True),
        sa.Column("factor", sa.String(16), nullable=True),
        sa.Column("region_code", sa.String(6), nullable=False, index=True),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("started_at", UtcDateTime, nullable=False),
        sa.Column("ended_at", UtcDateTime, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("opened_at", UtcDateTime, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_alert_open_episode", "alert", ["mn", "rule", "state"])
    op.create_index("ix_alert_started_at", "alert", ["started_at", "alert_id"])


def downgrade() -> None:
    for table in ("alert", "rule_state", "value_conflict", "monitoring_value"):
        op.drop_table(table)
