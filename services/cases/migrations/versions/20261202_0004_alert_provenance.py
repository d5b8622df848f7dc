"""Alert → case provenance: the alert a case was opened from (one case per alert), its rule and the SHA-256 of its
evidence window as the alerts service showed it."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "cases_0004"
down_revision = "cases_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("enforcement_case") as table:
        table.add_column(sa.Column("source_alert", sa.String(128), nullable=True))
        table.add_column(sa.Column("alert_rule", sa.String(40), nullable=False, server_default=""))
        table.add_column(sa.Column("alert_evidence_sha256", sa.String(64), nullable=False, server_default=""))
        table.create_unique_constraint("uq_enforcement_case_source_alert", ["source_alert"])


def downgrade() -> None:
    with op.batch_alter_table("enforcement_case") as table:
        table.drop_constraint("uq_enforcement_case_source_alert", type_="unique")
        for column in ("alert_evidence_sha256", "alert_rule", "source_alert"):
            table.drop_column(column)
