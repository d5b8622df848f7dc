"""HJ 212 ingest of issue 10: the code a 2005 device reported, kept beside the value stored under its 2017 code."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "alerts_0007"
down_revision = "alerts_0006"
branch_labels = None
depends_on = None

_VALUE_TABLES = ("monitoring_value", "value_conflict")


def upgrade() -> None:
    for table in _VALUE_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("reported_code", sa.String(16), nullable=True))


def downgrade() -> None:
    for table in _VALUE_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("reported_code")
