"""The registry: key units, outlets and their factors, devices, video channels, and create request ids."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import UtcDateTime

revision = "alerts_0001"
down_revision = "platform_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_unit",
        sa.Column("unit_id", sa.String(64), primary_key=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("region_code", sa.String(6), nullable=False, index=True),
        sa.Column("industry", sa.Text, nullable=False),
        sa.Column("enterprise_agency_id", sa.String(64), nullable=True, index=True),
    )
    op.create_table(
        "outlet",
        sa.Column("unit_id", sa.String(64), sa.ForeignKey("key_unit.unit_id"), primary_key=True),
        sa.Column("outlet_id", sa.String(64), primary_key=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("medium", sa.String(16), nullable=False),
    )
    op.create_table(
        "outlet_factor",
        sa.Column("unit_id", sa.String(64), primary_key=True),
        sa.Column("outlet_id", sa.String(64), primary_key=True),
        sa.Column("pollutant_code", sa.String(16), primary_key=True),
        sa.Column("unit", sa.String(32), nullable=False),
        sa.Column("emission_limit", sa.Float, nullable=True),
        sa.Column("range_lower", sa.Float, nullable=True),
        sa.Column("range_upper", sa.Float, nullable=True),
        sa.ForeignKeyConstraint(["unit_id", "outlet_id"], ["outlet.unit_id", "outlet.outlet_id"]),
    )
    op.create_table(
        "device",
        sa.Column("mn", sa.String(24), primary_key=True),
        sa.Column("unit_id", sa.String(64), nullable=False, index=True),
        sa.Column("outlet_id", sa.String(64), nullable=False),
        sa.Column("protocol_version", sa.String(16), nullable=False),
        sa.Column("crc_mode", sa.String(16), nullable=False),
        sa.Column("access_password", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["unit_id", "outlet_id"], ["outlet.unit_id", "outlet.outlet_id"]),
    )
    op.create_table(
        "video_channel",
        sa.Column("unit_id", sa.String(64), sa.ForeignKey("key_unit.unit_id"), primary_key=True),
        sa.Column("channel_id", sa.String(64), primary_key=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("outlet_id", sa.String(64), nullable=True),
        sa.Column("stream_url", sa.Text, nullable=False),
    )
    op.create_table(
        "registry_request",
        sa.Column("agency_id", sa.String(64), primary_key=True),
        sa.Column("request_id", sa.String(128), primary_key=True),
        sa.Column("resource_name", sa.Text, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )


def downgrade() -> None:
    for table in ("registry_request", "video_channel", "device", "outlet_factor", "outlet", "key_unit"):
        op.drop_table(table)
