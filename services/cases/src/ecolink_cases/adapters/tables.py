"""Tables of the cases database: cases, their steps and approvals, numbered documents and the number counters,
credit findings and published inspection draws, and the compensation cases of penalty cases with their steps."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Column, Date, Float, Integer, String, Table, Text, UniqueConstraint

from ecolink_common.db import BigIntId, UtcDateTime, new_metadata

cases_metadata = new_metadata()

case_table = Table(
    "enforcement_case",
    cases_metadata,
    Column("case_id", BigIntId, primary_key=True, autoincrement=True),
    Column("handling_agency_id", String(64), nullable=False, index=True),
    Column("handling_level", String(16), nullable=False),
    Column("region_code", String(6), nullable=False, index=True),
    Column("unit_id", String(64), nullable=False),
    Column("unit_display_name", Text, nullable=False),
    Column("source", String(32), nullable=False),
    Column("source_ref", String(128), nullable=False),
    Column("violation_type", Text, nullable=False),
    Column("legal_basis", Text, nullable=False),
    Column("handling_officer_ids", JSON, nullable=False),
    Column("state", String(32), nullable=False),
    Column("outcome", String(32), nullable=True),
    Column("intended_fine_fen", BigInteger, nullable=False),
    Column("fine_fen", BigInteger, nullable=False),
    Column("paid_fen", BigInteger, nullable=False),
    Column("no_penalty_ground", Text, nullable=False),
    Column("investigation_records", Integer, nullable=False),
    Column("hearing_requested", Boolean, nullable=False),
    Column("hearing_held", Boolean, nullable=False),
    Column("service_method", String(32), nullable=True),
    Column("service_on", Date, nullable=True),
    Column("reminder_issued_on", Date, nullable=True),
    Column("reminder_service_method", String(32), nullable=True),
    Column("reminder_service_on", Date, nullable=True),
    Column("court_applied_on", Date, nullable=True),
    Column("version", Integer, nullable=False),
    Column("create_time", UtcDateTime, nullable=False),
    Column("update_time", UtcDateTime, nullable=False),
    # Alert → case (DOMAIN §3.1): one case per alert; the alert's rule and evidence window as read when opened.
    Column("source_alert", String(128), nullable=True),
    Column("alert_rule", String(40), nullable=False, server_default=""),
    Column("alert_evidence_sha256", String(64), nullable=False, server_default=""),
    # Supporting measures (DOMAIN §3.1).
    Column("sealing_on", Date, nullable=True),
    Column("sealing_days", Integer, nullable=False, server_default="0"),
    Column("sealing_extension_days", Integer, nullable=False, server_default="0"),
    Column("sealing_lifted_on", Date, nullable=True),
    Column("restriction_on", Date, nullable=True),
    Column("restriction_days", Integer, nullable=False, server_default="0"),
    Column("correction_served_on", Date, nullable=True),
    Column("reinspected_on", Date, nullable=True),
    Column("daily_penalty_days", Integer, nullable=False, server_default="0"),
    Column("daily_penalty_fen", BigInteger, nullable=False, server_default="0"),
    Column("detention_handed_off_on", Date, nullable=True),
    Column("detention_police_agency_id", String(64), nullable=False, server_default=""),
    # DOMAIN §1: the unit's enterprise sees the documents served on it.
    Column("enterprise_agency_id", String(64), nullable=False, server_default="", index=True),
    Column("suspected_crime_criterion", String(64), nullable=False, server_default="", index=True),
    Column("suspected_crime_on", Date, nullable=True),
    Column("suspected_crime_measured", Float, nullable=True),
    UniqueConstraint("source_alert", name="uq_enforcement_case_source_alert"),
)


def timeline_columns(key: str) -> list[Column[Any]]:
    """The columns of one timeline entry keyed by `key` and seq: the step, the states, who, when, note, evidence."""
    return [
        Column(key, BigInteger, primary_key=True, autoincrement=False),
        Column("seq", Integer, primary_key=True, autoincrement=False),
        Column("step", String(64), nullable=False),
        Column("from_state", String(32), nullable=False),
        Column("to_state", String(32), nullable=False),
        Column("agency_id", String(64), nullable=False),
        Column("officer_ids", JSON, nullable=False),
        Column("occurred_on", Date, nullable=False),
        Column("record_time", UtcDateTime, nullable=False),
        Column("note", Text, nullable=False),
        Column("evidence", JSON, nullable=False),
    ]


case_step_table = Table(
    "case_step",
    cases_metadata,
    *timeline_columns("case_id"),
    Column("approval_seq", Integer, nullable=True),
    Column("document_id", BigInteger, nullable=True),
)

case_approval_table = Table(
    "case_approval",
    cases_metadata,
    Column("case_id", BigInteger, primary_key=True, autoincrement=False),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("step", String(64), nullable=False),
    Column("approver_agency_id", String(64), nullable=False),
    Column("approver_officer_id", String(64), nullable=False),
    Column("opinion", Text, nullable=False),
    Column("approve_time", UtcDateTime, nullable=False),
    Column("used", Boolean, nullable=False),
)

case_document_table = Table(
    "case_document",
    cases_metadata,
    Column("document_id", BigIntId, primary_key=True, autoincrement=True),
    Column("agency_id", String(64), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("year", Integer, nullable=False),
    Column("number", Integer, nullable=False),
    Column("display_number", Text, nullable=False),
    Column("case_id", BigInteger, nullable=False, index=True),
    Column("issue_time", UtcDateTime, nullable=False),
    Column("cites", JSON, nullable=False),
    Column("void_time", UtcDateTime, nullable=True),
    Column("void_reason", Text, nullable=False, server_default=""),
    UniqueConstraint("agency_id", "kind", "year", "number"),
)

document_counter_table = Table(
    "document_counter",
    cases_metadata,
    Column("agency_id", String(64), primary_key=True),
    Column("kind", String(32), primary_key=True),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("last_number", Integer, nullable=False),
)

# DOMAIN §3.4: findings a bureau records against a unit's credit (inspections, supervision, petitions).
credit_finding_table = Table(
    "credit_finding",
    cases_metadata,
    Column("finding_id", BigIntId, primary_key=True, autoincrement=True),
    Column("unit_id", String(64), nullable=False, index=True),
    Column("kind", String(64), nullable=False),
    Column("found_on", Date, nullable=False),
    Column("reference", String(200), nullable=False),
    Column("agency_id", String(64), nullable=False),
    Column("record_time", UtcDateTime, nullable=False),
    UniqueConstraint("unit_id", "kind", "reference", name="uq_credit_finding_unit_kind_reference"),
)

# DOMAIN §3.4: double-random draws as published (双随机、一公开), each with the canonical record that re-runs it.
inspection_draw_table = Table(
    "inspection_draw",
    cases_metadata,
    Column("draw_id", BigIntId, primary_key=True, autoincrement=True),
    Column("region_code", String(6), nullable=False, index=True),
    Column("agency_id", String(64), nullable=False),
    Column("draw_time", UtcDateTime, nullable=False),
    Column("graded_on", Date, nullable=False),
    Column("previous_draw_id", BigInteger, nullable=True),
    Column("record", Text, nullable=False),
)

# DOMAIN §3.5: the ecological damage compensation case of a penalty case ("double case"), one per penalty case.
compensation_case_table = Table(
    "compensation_case",
    cases_metadata,
    Column("compensation_id", BigIntId, primary_key=True, autoincrement=True),
    Column("penalty_case_id", BigInteger, nullable=False),
    Column("handling_agency_id", String(64), nullable=False, index=True),
    Column("region_code", String(6), nullable=False, index=True),
    Column("unit_id", String(64), nullable=False),
    Column("state", String(32), nullable=False),
    Column("appraised_damage_fen", BigInteger, nullable=False),
    Column("appraisal_body", Text, nullable=False),
    Column("consultation_rounds", Integer, nullable=False),
    Column("agreed_amount_fen", BigInteger, nullable=False),
    Column("remedy", String(32), nullable=True),
    Column("restoration_plan", Text, nullable=False),
    Column("paid_fen", BigInteger, nullable=False),
    Column("restored_on", Date, nullable=True),
    Column("version", Integer, nullable=False),
    Column("create_time", UtcDateTime, nullable=False),
    Column("update_time", UtcDateTime, nullable=False),
    UniqueConstraint("penalty_case_id", name="uq_compensation_case_penalty_case_id"),
)

compensation_step_table = Table(
    "compensation_step",
    cases_metadata,
    *timeline_columns("compensation_id"),
    # A consultation round: {"round", "parties", "joined_cases"}; null for other steps.
    Column("consultation", JSON, nullable=True),
)
