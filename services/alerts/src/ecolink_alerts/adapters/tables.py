"""Tables of the alerts database: the registry, monitoring values and conflicts, rule states, alerts, derived means,
exceedance grades and held parts of split packets (the outbox is the platform's, in every service database)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Table,
    Text,
    false,
)

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
    # Issue 10: the HMAC-SHA256 digest of the password (domain/device_passwords.py), never the password.
    Column("access_password", String(80), nullable=False),
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

registry_revision_table = Table(
    "registry_revision",
    alerts_metadata,
    Column("id", Integer, primary_key=True),
    Column("revision", Integer, nullable=False),
)
"""One row counting registry writes, so an ingesting process re-reads its copy of the registry only after one."""


def _value_columns() -> list[Column]:
    """What a monitoring value and a conflicting version of it both hold (DOMAIN §2.1: value, flag, companions)."""
    return [
        Column("value", Float, nullable=False),
        Column("flag", String(1), nullable=False),
        Column("converted", Float, nullable=True),
        Column("minimum", Float, nullable=True),
        Column("maximum", Float, nullable=True),
        Column("cumulative", Float, nullable=True),
        Column("received_at", UtcDateTime, nullable=False),
        # HJ212.md §7: the code a 2005 device sent, when the value is stored under its 2017 code.
        Column("reported_code", String(16), nullable=True),
    ]


monitoring_value_table = Table(
    "monitoring_value",
    alerts_metadata,
    Column("mn", String(24), primary_key=True),
    Column("kind", String(4), primary_key=True),
    Column("data_time", UtcDateTime, primary_key=True),
    Column("factor", String(16), primary_key=True),
    *_value_columns(),
    # The roll-up finds the periods that received values since its last run without reading the history.
    Index("ix_monitoring_value_received", "mn", "received_at"),
)

value_conflict_table = Table(
    "value_conflict",
    alerts_metadata,
    Column("conflict_id", Integer, primary_key=True, autoincrement=True),
    Column("mn", String(24), nullable=False),
    Column("kind", String(4), nullable=False),
    Column("data_time", UtcDateTime, nullable=False),
    Column("factor", String(16), nullable=False),
    *_value_columns(),
    Index("ix_value_conflict_record", "mn", "kind", "data_time"),
)

rule_state_table = Table(
    "rule_state",
    alerts_metadata,
    Column("mn", String(24), primary_key=True),
    Column("state", Text, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("revision", Integer, nullable=False, server_default="0"),
)

alert_table = Table(
    "alert",
    alerts_metadata,
    Column("alert_id", String(36), primary_key=True),
    Column("rule", String(40), nullable=False),
    Column("unit_id", String(64), nullable=False, index=True),
    Column("outlet_id", String(64), nullable=False),
    Column("mn", String(24), nullable=False),
    Column("kind", String(4), nullable=True),
    Column("factor", String(16), nullable=True),
    Column("region_code", String(6), nullable=False, index=True),
    Column("state", String(8), nullable=False),
    Column("started_at", UtcDateTime, nullable=False),
    Column("ended_at", UtcDateTime, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("opened_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("case_name", String(64), nullable=True),
    Index("ix_alert_open_episode", "mn", "rule", "state"),
    Index("ix_alert_started_at", "started_at", "alert_id"),
)

derived_mean_table = Table(
    "derived_mean",
    alerts_metadata,
    Column("mn", String(24), primary_key=True),
    Column("kind", String(4), primary_key=True),
    Column("data_time", UtcDateTime, primary_key=True),
    Column("factor", String(16), primary_key=True),
    Column("value", Float, nullable=True),
    Column("converted", Float, nullable=True),
    Column("minimum", Float, nullable=True),
    Column("maximum", Float, nullable=True),
    Column("cumulative", Float, nullable=True),
    Column("flag", String(1), nullable=False),
    Column("valid", Boolean, nullable=False),
    Column("valid_count", Integer, nullable=False),
    Column("total_count", Integer, nullable=False),
    Column("required_count", Integer, nullable=False),
    Column("computed_at", UtcDateTime, nullable=False),
    # Set when the hourly rules judged the mean (a device that sends its own hours has its derived ones unjudged).
    Column("judged", Boolean, nullable=False, server_default=false()),
)

derived_mean_mark_table = Table(
    "derived_mean_mark",
    alerts_metadata,
    Column("mn", String(24), primary_key=True),
    Column("rolled_at", UtcDateTime, nullable=False),
)

exceedance_grade_table = Table(
    "exceedance_grade",
    alerts_metadata,
    Column("unit_id", String(64), primary_key=True),
    Column("factor", String(16), primary_key=True),
    Column("region_code", String(6), nullable=False, index=True),
    Column("grade", String(8), nullable=False),
    Column("as_of", Date, nullable=True),
    Column("exceedance_days", Text, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("changed_at", UtcDateTime, nullable=True),
)

split_packet_part_table = Table(
    "split_packet_part",
    alerts_metadata,
    Column("mn", String(24), primary_key=True),
    # HJ212.md §3: parts of one group share MN and QN; 2005 parts may have no QN, kept as "".
    Column("qn", String(20), primary_key=True),
    Column("pno", Integer, primary_key=True),
    Column("pnum", Integer, nullable=False),
    Column("packet", Text, nullable=False),
    Column("faults", Text, nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    # Set once the group was whole and stored: a part sent again (its reply lost) is then answered, not held anew.
    Column("joined", Boolean, nullable=False, server_default=false()),
    Index("ix_split_packet_part_received_at", "received_at"),
)
"""The parts of split packets held until their group is whole (so each part is answered once durably kept), and
for the age limit after it (so a part sent again is known)."""
