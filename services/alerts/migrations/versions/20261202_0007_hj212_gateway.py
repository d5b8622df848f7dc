"""HJ 212 ingest of issue 10: the code a 2005 device reported beside the value stored under its 2017 code, and the
held parts of split packets."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import UtcDateTime

revision = "alerts_0007"
down_revision = "alerts_0006"
branch_labels = None
depends_on = None

_VALUE_TABLES = ("monitoring_value", "value_conflict")


def upgrade() -> None:
    for table in _VALUE_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("reported_code", sa.String(16), nullable=True))
    op.create_table(
        "split_packet_part",
        sa.Column("mn", sa.String(24), primary_key=True),
        sa.Column("qn", sa.String(20), primary_key=True),
        sa.Column("pno", sa.Integer, primary_key=True),
        sa.Column("pnum", sa.Integer, nullable=False),
        sa.Column("packet", sa.Text, nullable=False),
        sa.Column("faults", sa.Text, nullable=False),
        sa.Column("received_at", UtcDateTime, nullable=False),
        sa.Column("joined", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_split_packet_part_received_at", "split_packet_part", ["received_at"])


def downgrade() -> None:
    op.drop_index("ix_split_packet_part_received_at", table_name="split_packet_part")
    op.drop_table("split_packet_part")
    for table in _VALUE_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("reported_code")
