"""Tables of the referrals database: transfers with their steps, signed records and deadlines, the gap-free number
counters per bureau and year, and the change counter the pollers' watermark reads."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from ecolink_common.db import BigIntId, UtcDateTime, new_metadata

referrals_metadata = new_metadata()

transfer_table = Table(
    "transfer",
    referrals_metadata,
    Column("transfer_id", BigIntId, primary_key=True, autoincrement=True),
    Column("number", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("case_name", String(64), nullable=False, index=True),
    Column("bureau_agency_id", String(64), nullable=False, index=True),
    Column("police_agency_id", String(64), nullable=False, index=True),
    Column("procuratorate_agency_id", String(64), nullable=False),
    Column("region_code", String(6), nullable=False, index=True),
    Column("unit", String(80), nullable=False),
    Column("unit_display_name", Text, nullable=False),
    Column("facts", Text, nullable=False),
    Column("suspected_offence", Text, nullable=False),
    Column("persons", JSON, nullable=False),
    Column("officer_ids", JSON, nullable=False),
    Column("approver_officer_id", String(64), nullable=False),
    Column("state", String(32), nullable=False),
    Column("version", Integer, nullable=False),
    Column("sent_version", Integer, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("police_case_number", String(128), nullable=False),
    Column("outcome", Text, nullable=False),
    Column("prosecuted", Boolean, nullable=True),
    Column("persons_held", Integer, nullable=False, server_default="0"),
    Column("supervisions", JSON, nullable=False),
    Column("create_time", UtcDateTime, nullable=False),
    Column("update_time", UtcDateTime, nullable=False),
    Column("change_seq", BigInteger, nullable=False, index=True),
    UniqueConstraint("number", name="uq_transfer_number"),
)

transfer_step_table = Table(
    "transfer_step",
    referrals_metadata,
    Column("transfer_id", BigInteger, primary_key=True, autoincrement=False),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("step", String(64), nullable=False),
    Column("from_state", String(32), nullable=False),
    Column("to_state", String(32), nullable=False),
    Column("agency_id", String(64), nullable=False),
    Column("officer_ids", JSON, nullable=False),
    Column("record_time", UtcDateTime, nullable=False),
    Column("note", Text, nullable=False),
)

transfer_record_table = Table(
    "transfer_record",
    referrals_metadata,
    Column("transfer_id", BigInteger, primary_key=True, autoincrement=False),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(64), nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Column("key_sha256", String(64), nullable=False),
)

transfer_deadline_table = Table(
    "transfer_deadline",
    referrals_metadata,
    Column("transfer_id", BigInteger, primary_key=True, autoincrement=False),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("duty", String(32), nullable=False),
    Column("owed_by_agency_id", String(64), nullable=False),
    Column("basis", Text, nullable=False),
    Column("due_time", UtcDateTime, nullable=False, index=True),
    Column("escalates", Boolean, nullable=False),
    Column("met_time", UtcDateTime, nullable=True),
    Column("overdue_recorded_at", UtcDateTime, nullable=True),
)

transfer_counter_table = Table(
    "transfer_counter",
    referrals_metadata,
    Column("agency_id", String(64), primary_key=True),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("last_number", Integer, nullable=False),
)

change_counter_table = Table(
    "change_counter",
    referrals_metadata,
    Column("series", String(32), primary_key=True),
    Column("last_number", BigInteger, nullable=False),
)

# Issue 13 item 9b: each agency's webhook, and each event's delivery to each party agency (one row per pair).
webhook_table = Table(
    "webhook",
    referrals_metadata,
    Column("agency_id", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("secret", String(64), nullable=False),
    Column("update_time", UtcDateTime, nullable=False),
)

webhook_delivery_table = Table(
    "webhook_delivery",
    referrals_metadata,
    Column("delivery_id", BigIntId, primary_key=True, autoincrement=True),
    Column("event_id", String(200), nullable=False),
    Column("agency_id", String(64), nullable=False, index=True),
    Column("topic", String(64), nullable=False),
    Column("transfer", String(64), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("last_result", Text, nullable=False),
    Column("create_time", UtcDateTime, nullable=False),
    Column("next_attempt_time", UtcDateTime, nullable=False, index=True),
    Column("claimed_until", UtcDateTime, nullable=True),
    Column("delivered_time", UtcDateTime, nullable=True),
    UniqueConstraint("event_id", "agency_id", name="uq_webhook_delivery_event_agency"),
)

# DOMAIN §4.3: jointly listed cases, their tasks, progress reports, the reports due and what was escalated.
listing_table = Table(
    "listing",
    referrals_metadata,
    Column("listing_id", BigIntId, primary_key=True, autoincrement=True),
    Column("case_name", String(64), nullable=False),
    Column("title", Text, nullable=False),
    Column("authority_agency_id", String(64), nullable=False, index=True),
    Column("region_code", String(6), nullable=False, index=True),
    Column("party_agency_ids", JSON, nullable=False),
    Column("report_every_days", Integer, nullable=False),
    Column("state", String(16), nullable=False),
    Column("tasks", JSON, nullable=False),
    Column("reports", JSON, nullable=False),
    Column("reports_due", JSON, nullable=False),
    Column("escalated", JSON, nullable=False),
    Column("delist_reason", Text, nullable=False),
    Column("create_time", UtcDateTime, nullable=False),
    Column("update_time", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
)

# DOMAIN §4.5: basin incidents, their notices (deadlines and when they were met), measures and escalations.
incident_table = Table(
    "basin_incident",
    referrals_metadata,
    Column("incident_id", BigIntId, primary_key=True, autoincrement=True),
    Column("agreement_id", String(64), nullable=False),
    Column("basin_id", String(64), nullable=False, index=True),
    Column("reporter_agency_id", String(64), nullable=False),
    Column("region_code", String(6), nullable=False),
    Column("facts", JSON, nullable=False),
    Column("drill", Boolean, nullable=False),
    Column("state", String(16), nullable=False),
    Column("report_time", UtcDateTime, nullable=False),
    Column("update_time", UtcDateTime, nullable=False, index=True),
    Column("notices", JSON, nullable=False),
    Column("measures", JSON, nullable=False),
    Column("escalations", JSON, nullable=False),
    Column("close_time", UtcDateTime, nullable=True),
    Column("closed_by", String(64), nullable=False),
    Column("close_note", Text, nullable=False),
    Column("scheduled_by", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("change_seq", BigInteger, nullable=False, index=True),
)

# DOMAIN §4.5, issue 14 item 4: a basin's joint tasks (reports and escalations kept with each) and joint meetings.
joint_task_table = Table(
    "basin_task",
    referrals_metadata,
    Column("task_id", BigIntId, primary_key=True, autoincrement=True),
    Column("agreement_id", String(64), nullable=False),
    Column("basin_id", String(64), nullable=False, index=True),
    Column("assigned_by", String(64), nullable=False),
    Column("region_code", String(6), nullable=False),
    Column("assignee_agency_id", String(64), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("description", Text, nullable=False),
    Column("due_time", UtcDateTime, nullable=False),
    Column("create_time", UtcDateTime, nullable=False),
    Column("update_time", UtcDateTime, nullable=False),
    Column("meeting_id", BigInteger, nullable=True),
    Column("reports", JSON, nullable=False),
    Column("done_time", UtcDateTime, nullable=True),
    Column("escalations", JSON, nullable=False),
    Column("version", Integer, nullable=False),
)

joint_meeting_table = Table(
    "basin_meeting",
    referrals_metadata,
    Column("meeting_id", BigIntId, primary_key=True, autoincrement=True),
    Column("agreement_id", String(64), nullable=False),
    Column("basin_id", String(64), nullable=False, index=True),
    Column("convened_by", String(64), nullable=False),
    Column("held_on", Date, nullable=False),
    Column("attendee_agency_ids", JSON, nullable=False),
    Column("minutes", Text, nullable=False),
    Column("task_ids", JSON, nullable=False),
    Column("record_time", UtcDateTime, nullable=False),
)
