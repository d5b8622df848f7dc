"""An index of monitoring values by device and receipt time: the roll-up finds the days that received values."""

from __future__ import annotations

from alembic import op

revision = "alerts_0009"
down_revision = "alerts_0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_monitoring_value_received", "monitoring_value", ["mn", "received_at"])


def downgrade() -> None:
    op.drop_index("ix_monitoring_value_received", table_name="monitoring_value")
