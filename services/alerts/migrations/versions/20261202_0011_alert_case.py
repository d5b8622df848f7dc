"""The enforcement case an alert became (`cases/{id}`), as the cases service reports it through its outbox."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "alerts_0011"
down_revision = "alerts_0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("alert") as table:
        table.add_column(sa.Column("case_name", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("alert") as table:
        table.drop_column("case_name")
