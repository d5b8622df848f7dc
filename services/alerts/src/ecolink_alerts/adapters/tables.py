"""Tables of the alerts database: the registry of key units, outlets, factors, devices and video channels."""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, ForeignKeyConstraint, String, Table, Text

from ecolink_common.db import UtcDateTime, new_metadata

alerts_metadata = new_metadata()

key_unit_table = Table(
    "key_unit",
    alerts_metadata,
    Column("unit_id", String(64), primary_key=True),
    Column("display_name", Text, nullable=False),
    Column("region_code", String(6), nullable=False, index=True),
    Column("industry", Text, nullable=False),
    Column("enterprise_agency_id", String(64), nullable=True, index=True),
)

outlet_table = Table(
    "outlet",
    alerts_metadata,
    Column("unit_id", String(64), ForeignKey("key_unit.unit_id"), primary_key=True),
    Column("outlet_id", String(64), primary_key=True),
    Column("display_name", Text, nullable=False),
    Column("medium", String(16), nullable=False),
)

outlet_factor_table = Table(
    "outlet_factor",
    alerts_metadata,
    Column("unit_id", String(64), primary_key=True),
    Column("outlet_id", String(64), primary_key=True),
    Column("pollutant_code", String(16), primary_key=True),
    Column("unit", String(32), nullable=False),
    Column("emission_limit", Float, nullable=True),
    Column("range_lower", Float, nullable=True),
    Column("range_upper", Float, nullable=True),
    ForeignKeyConstraint(["unit_id", "outlet_id"], ["outlet.unit_id", "outlet.outlet_id"]),
)

device_table = Table(
    "device",
    alerts_metadata,
    Column("mn", String(24), primary_key=True),
    Column("unit_id", String(64), nullable=False, index=True),
    Column("outlet_id", String(64), nullable=False),
    Column("protocol_version", String(16), nullable=False),
    Column("crc_mode", String(16), nullable=False),
    Column("access_password", String(64), nullable=False),
    ForeignKeyConstraint(["unit_id", "outlet_id"], ["outlet.unit_id", "outlet.outlet_id"]),
)

video_channel_table = Table(
    "video_channel",
    alerts_metadata,
    Column("unit_id", String(64), ForeignKey("key_unit.unit_id"), primary_key=True),
    Column("channel_id", String(64), primary_key=True),
    Column("display_name", Text, nullable=False),
    Column("outlet_id", String(64), nullable=True),
    Column("stream_url", Text, nullable=False),
)

registry_request_table = Table(
    "registry_request",
    alerts_metadata,
    Column("agency_id", String(64), primary_key=True),
    Column("request_id", String(128), primary_key=True),
    Column("resource_name", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)
