"""Which officers head their agency (the approver of a transfer of a suspected crime), in the directory copy."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "platform_0004"
down_revision = "platform_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("officer") as officer:
        officer.add_column(sa.Column("head", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("officer") as officer:
        officer.drop_column("head")
