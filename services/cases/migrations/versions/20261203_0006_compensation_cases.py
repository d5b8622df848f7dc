"""Ecological damage compensation cases (DOMAIN §3.5): one per penalty case ("double case"), with their steps."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import BigIntId, UtcDateTime

revision = "cases_0006"
down_revision = "cases_0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "compensation_case",
        sa.Column("compensation_id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("penalty_case_id", sa.BigInteger, nullable=False),
        sa.Column("handling_agency_id", sa.String(64), nullable=False, index=True),
        sa.Column("region_code", sa.String(6), nullable=False, index=True),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("appraised_damage_fen", sa.BigInteger, nullable=False),
        sa.Column("appraisal_body", sa.Text, nullable=False),
        sa.Column("consultation_rounds", sa.Integer, nullable=False),
        sa.Column("agreed_amount_fen", sa.BigInteger, nullable=False),
        sa.Column("remedy", sa.String(32), nullable=True),
        sa.Column("restoration_plan", sa.Text, nullable=False),
        sa.Column("paid_fen", sa.BigInteger, nullable=False),
        sa.Column("restored_on", sa.Date, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("create_time", UtcDateTime, nullable=False),
        sa.Column("update_time", UtcDateTime, nullable=False),
        sa.UniqueConstraint("penalty_case_id", name="uq_compensation_case_penalty_case_id"),
    )
    op.create_table(
        "compensation_step",
        sa.Column("compensation_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("step", sa.String(64), nullable=False),
        sa.Column("from_state", sa.String(32), nullable=False),
        sa.Column("to_state", sa.String(32), nullable=False),
        sa.Column("agency_id", sa.String(64), nullable=False),
        sa.Column("officer_ids", sa.JSON, nullable=False),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("record_time", UtcDateTime, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("consultation", sa.JSON, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("compensation_step")
    op.drop_table("compensation_case")
