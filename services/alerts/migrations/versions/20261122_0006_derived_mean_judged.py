"""Whether the rules judged a derived hourly mean, so a rescan replays exactly the computed hours the rules saw."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "alerts_0006"
down_revision = "alerts_0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("derived_mean") as batch:
        batch.add_column(sa.Column("judged", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("derived_mean") as batch:
        batch.drop_column("judged")
