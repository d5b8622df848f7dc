"""The suspected-crime mark of a case (DOMAIN §4.6): the criterion found met, its day and the amount measured."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "cases_0007"
down_revision = "cases_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("enforcement_case") as case:
        case.add_column(sa.Column("suspected_crime_criterion", sa.String(64), nullable=False, server_default=""))
        case.add_column(sa.Column("suspected_crime_on", sa.Date, nullable=True))
        case.add_column(sa.Column("suspected_crime_measured", sa.Float, nullable=True))
    op.create_index("ix_enforcement_case_suspected_crime_criterion", "enforcement_case", ["suspected_crime_criterion"])


def downgrade() -> None:
    op.drop_index("ix_enforcement_case_suspected_crime_criterion", table_name="enforcement_case")
    with op.batch_alter_table("enforcement_case") as case:
        case.drop_column("suspected_crime_measured")
        case.drop_column("suspected_crime_on")
        case.drop_column("suspected_crime_criterion")
