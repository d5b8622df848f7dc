"""Alert → case provenance: the alert a case was opened from (one case per alert), its rule and the SHA-256 of its
evidence window as the alerts service showed it; the supporting measures a case records; the unit's enterprise,
which sees the documents served on it; and why a document was voided."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "cases_0004"
down_revision = "cases_0002"
branch_labels = None
depends_on = None

MEASURE_COLUMNS = (
    sa.Column("sealing_on", sa.Date, nullable=True),
    sa.Column("sealing_days", sa.Integer, nullable=False, server_default="0"),
    sa.Column("sealing_extension_days", sa.Integer, nullable=False, server_default="0"),
    sa.Column("sealing_lifted_on", sa.Date, nullable=True),
    sa.Column("restriction_on", sa.Date, nullable=True),
    sa.Column("restriction_days", sa.Integer, nullable=False, server_default="0"),
    sa.Column("correction_served_on", sa.Date, nullable=True),
    sa.Column("reinspected_on", sa.Date, nullable=True),
    sa.Column("daily_penalty_days", sa.Integer, nullable=False, server_default="0"),
    sa.Column("daily_penalty_fen", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("detention_handed_off_on", sa.Date, nullable=True),
    sa.Column("detention_police_agency_id", sa.String(64), nullable=False, server_default=""),
    sa.Column("enterprise_agency_id", sa.String(64), nullable=False, server_default=""),
)


def upgrade() -> None:
    with op.batch_alter_table("enforcement_case") as table:
        table.add_column(sa.Column("source_alert", sa.String(128), nullable=True))
        table.add_column(sa.Column("alert_rule", sa.String(40), nullable=False, server_default=""))
        table.add_column(sa.Column("alert_evidence_sha256", sa.String(64), nullable=False, server_default=""))
        table.create_unique_constraint("uq_enforcement_case_source_alert", ["source_alert"])
        for column in MEASURE_COLUMNS:
            table.add_column(column)
        table.create_index("ix_enforcement_case_enterprise_agency_id", ["enterprise_agency_id"])
    with op.batch_alter_table("case_document") as table:
        table.add_column(sa.Column("void_reason", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("case_document") as table:
        table.drop_column("void_reason")
    with op.batch_alter_table("enforcement_case") as table:
        table.drop_index("ix_enforcement_case_enterprise_agency_id")
        for column in reversed(MEASURE_COLUMNS):
            table.drop_column(column.name)
        table.drop_constraint("uq_enforcement_case_source_alert", type_="unique")
        for column in ("alert_evidence_sha256", "alert_rule", "source_alert"):
            table.drop_column(column)
