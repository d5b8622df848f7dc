"""Officers and document-number prefixes in the directory copy, and one table of request ids for every service."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import UtcDateTime

revision = "platform_0003"
down_revision = "platform_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agency") as agency:
        agency.add_column(sa.Column("document_prefix", sa.String(16), nullable=True))
    op.create_table(
        "officer",
        sa.Column("officer_id", sa.String(64), primary_key=True),
        sa.Column("agency_id", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("certificate_number", sa.String(64), nullable=False),
    )
    op.create_index("ix_officer_agency_id", "officer", ["agency_id"])
    op.create_table(
        "request_record",
        sa.Column("agency_id", sa.String(64), primary_key=True),
        sa.Column("request_id", sa.String(128), primary_key=True),
        sa.Column("method", sa.String(128), nullable=False),
        sa.Column("request_sha256", sa.String(64), nullable=False),
        sa.Column("resource_name", sa.Text, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("request_record")
    op.drop_index("ix_officer_agency_id", table_name="officer")
    op.drop_table("officer")
    with op.batch_alter_table("agency") as agency:
        agency.drop_column("document_prefix")
