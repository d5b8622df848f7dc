"""The dates of enforcement a case records: reminder issued and served, court application made."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "cases_0002"
down_revision = "cases_0001"
branch_labels = None
depends_on = None

COLUMNS = ("reminder_issued_on", "reminder_service_method", "reminder_service_on", "court_applied_on")


def upgrade() -> None:
    with op.batch_alter_table("enforcement_case") as table:
        table.add_column(sa.Column("reminder_issued_on", sa.Date, nullable=True))
        table.add_column(sa.Column("reminder_service_method", sa.String(32), nullable=True))
        table.add_column(sa.Column("reminder_service_on", sa.Date, nullable=True))
        table.add_column(sa.Column("court_applied_on", sa.Date, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("enforcement_case") as table:
        for column in reversed(COLUMNS):
            table.drop_column(column)
