"""A revision number on each device's rule state, so a process can keep the state in memory and see when it moved."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "alerts_0003"
down_revision = "alerts_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rule_state") as batch:
        batch.add_column(sa.Column("revision", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("rule_state") as batch:
        batch.drop_column("revision")
