"""Credit findings recorded against units and published double-random inspection draws (DOMAIN §3.4)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import BigIntId, UtcDateTime

revision = "cases_0005"
down_revision = "cases_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "credit_finding",
        sa.Column("finding_id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("unit_id", sa.String(64), nullable=False, index=True),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("found_on", sa.Date, nullable=False),
        sa.Column("reference", sa.String(200), nullable=False),
        sa.Column("agency_id", sa.String(64), nullable=False),
        sa.Column("record_time", UtcDateTime, nullable=False),
        sa.UniqueConstraint("unit_id", "kind", "reference", name="uq_credit_finding_unit_kind_reference"),
    )
    op.create_table(
        "inspection_draw",
        sa.Column("draw_id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("region_code", sa.String(6), nullable=False, index=True),
        sa.Column("agency_id", sa.String(64), nullable=False),
        sa.Column("draw_time", UtcDateTime, nullable=False),
        sa.Column("graded_on", sa.Date, nullable=False),
        sa.Column("previous_draw_id", sa.BigInteger, nullable=True),
        sa.Column("record", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("inspection_draw")
    op.drop_table("credit_finding")
