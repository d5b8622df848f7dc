"""Cases, their steps and approvals, numbered documents and the gap-free number counters."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import BigIntId, UtcDateTime

revision = "cases_0001"
down_revision = "platform_0001"
branch_labels = None
depends_on = "platform_0003"


def upgrade() -> None:
    op.create_table(
        "enforcement_case",
        sa.Column("case_id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("handling_agency_id", sa.String(64), nullable=False, index=True),
        sa.Column("handling_level", sa.String(16), nullable=False),
        sa.Column("region_code", sa.String(6), nullable=False, index=True),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("unit_display_name", sa.Text, nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("source_ref", sa.String(128), nullable=False),
        sa.Column("violation_type", sa.Text, nullable=False),
        sa.Column("legal_basis", sa.Text, nullable=False),
        sa.Column("handling_officer_ids", sa.JSON, nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=True),
        sa.Column("intended_fine_fen", sa.BigInteger, nullable=False),
        sa.Column("fine_fen", sa.BigInteger, nullable=False),
        sa.Column("paid_fen", sa.BigInteger, nullable=False),
        sa.Column("no_penalty_ground", sa.Text, nullable=False),
        sa.Column("investigation_records", sa.Integer, nullable=False),
        sa.Column("hearing_requested", sa.Boolean, nullable=False),
        sa.Column("hearing_held", sa.Boolean, nullable=False),
        sa.Column("service_method", sa.String(32), nullable=True),
        sa.Column("service_on", sa.Date, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("create_time", UtcDateTime, nullable=False),
        sa.Column("update_time", UtcDateTime, nullable=False),
    )
    op.create_table(
        "case_step",
        sa.Column("case_id", sa.BigInteger, primary_key=True, autoincrement=False),
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
        sa.Column("approval_seq", sa.Integer, nullable=True),
        sa.Column("document_id", sa.BigInteger, nullable=True),
    )
    op.create_table(
        "case_approval",
        sa.Column("case_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("step", sa.String(64), nullable=False),
        sa.Column("approver_agency_id", sa.String(64), nullable=False),
        sa.Column("approver_officer_id", sa.String(64), nullable=False),
        sa.Column("opinion", sa.Text, nullable=False),
        sa.Column("approve_time", UtcDateTime, nullable=False),
        sa.Column("used", sa.Boolean, nullable=False),
    )
    op.create_table(
        "case_document",
        sa.Column("document_id", BigIntId, primary_key=True, autoincrement=True),
        sa.Column("agency_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("display_number", sa.Text, nullable=False),
        sa.Column("case_id", sa.BigInteger, nullable=False, index=True),
        sa.Column("issue_time", UtcDateTime, nullable=False),
        sa.Column("cites", sa.JSON, nullable=False),
        sa.Column("void_time", UtcDateTime, nullable=True),
        sa.UniqueConstraint("agency_id", "kind", "year", "number", name="uq_case_document_agency_id"),
    )
    op.create_table(
        "document_counter",
        sa.Column("agency_id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_number", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("document_counter", "case_document", "case_approval", "case_step", "enforcement_case"):
        op.drop_table(table)
