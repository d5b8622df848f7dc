"""Transfers, their steps, signed records and deadlines, the transfer-number counters and the change counter."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import BigIntId, UtcDateTime

revision = "referrals_0001"
down_revision = "platform_0001"
branch_labels = None
depends_on = "platform_0004"


def upgrade() -> None:
    op.create_table(
        "transfer",
        sa.Column("transfer_id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("number", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("case_name", sa.String(64), nullable=False, index=True),
        sa.Column("bureau_agency_id", sa.String(64), nullable=False, index=True),
        sa.Column("police_agency_id", sa.String(64), nullable=False, index=True),
        sa.Column("procuratorate_agency_id", sa.String(64), nullable=False),
        sa.Column("region_code", sa.String(6), nullable=False, index=True),
        sa.Column("unit", sa.String(80), nullable=False),
        sa.Column("unit_display_name", sa.Text, nullable=False),
        sa.Column("facts", sa.Text, nullable=False),
        sa.Column("suspected_offence", sa.Text, nullable=False),
        sa.Column("persons", sa.JSON, nullable=False),
        sa.Column("officer_ids", sa.JSON, nullable=False),
        sa.Column("approver_officer_id", sa.String(64), nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("sent_version", sa.Integer, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("police_case_number", sa.String(128), nullable=False),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("prosecuted", sa.Boolean, nullable=True),
        sa.Column("persons_held", sa.Integer, nullable=False, server_default="0"),
        sa.Column("supervisions", sa.JSON, nullable=False),
        sa.Column("create_time", UtcDateTime, nullable=False),
        sa.Column("update_time", UtcDateTime, nullable=False),
        sa.Column("change_seq", sa.BigInteger, nullable=False, index=True),
        sa.UniqueConstraint("number", name="uq_transfer_number"),
    )
    op.create_table(
        "transfer_step",
        sa.Column("transfer_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("step", sa.String(64), nullable=False),
        sa.Column("from_state", sa.String(32), nullable=False),
        sa.Column("to_state", sa.String(32), nullable=False),
        sa.Column("agency_id", sa.String(64), nullable=False),
        sa.Column("officer_ids", sa.JSON, nullable=False),
        sa.Column("record_time", UtcDateTime, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_table(
        "transfer_record",
        sa.Column("transfer_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("key_sha256", sa.String(64), nullable=False),
    )
    op.create_table(
        "transfer_deadline",
        sa.Column("transfer_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("duty", sa.String(32), nullable=False),
        sa.Column("owed_by_agency_id", sa.String(64), nullable=False),
        sa.Column("basis", sa.Text, nullable=False),
        sa.Column("due_time", UtcDateTime, nullable=False, index=True),
        sa.Column("escalates", sa.Boolean, nullable=False),
        sa.Column("met_time", UtcDateTime, nullable=True),
        sa.Column("overdue_recorded_at", UtcDateTime, nullable=True),
    )
    op.create_table(
        "transfer_counter",
        sa.Column("agency_id", sa.String(64), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_number", sa.Integer, nullable=False),
    )
    op.create_table(
        "change_counter",
        sa.Column("series", sa.String(32), primary_key=True),
        sa.Column("last_number", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "change_counter",
        "transfer_counter",
        "transfer_deadline",
        "transfer_record",
        "transfer_step",
        "transfer",
    ):
        op.drop_table(table)
