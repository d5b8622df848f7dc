"""Requests of ecolink.cases.v1 to commands, and records to messages; every field checked here names its path."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from ecolink.cases.v1 import case_pb2 as pb
from ecolink.cases.v1 import case_service_pb2 as service_pb
from ecolink_cases.domain.case import CaseRecord, ClueSource
from ecolink_cases.domain.compensation import CompensationStepRecord, compensation_name
from ecolink_cases.domain.criminal_thresholds import CriminalThresholds
from ecolink_cases.domain.documents import DocumentKind
from ecolink_cases.domain.due_actions import UPCOMING_WINDOW, DueAction
from ecolink_cases.domain.execution import ServiceMethod
from ecolink_cases.domain.lifecycle import CaseState, Outcome, Step
from ecolink_cases.domain.records import ApprovalRecord, DocumentRecord, StepRecord
from ecolink_cases.domain.supporting_measures import sealing_until
from ecolink_cases.service_layer.case_opening import OpenCase
from ecolink_cases.service_layer.case_reading import DocumentQuery
from ecolink_cases.service_layer.case_steps import StepDetails, StepFigures
from ecolink_cases.service_layer.case_view import CaseView
from ecolink_cases.service_layer.document_keeping import VoidDocument
from ecolink_cases.service_layer.hand_backs import HandBack
from ecolink_cases.service_layer.suspected_crimes import MarkSuspectedCrime
from ecolink_common.errors import InvalidArgument
from ecolink_common.etags import weak_etag
from ecolink_common.officers import checked_officer_ids
from ecolink_common.proto_enums import EnumMap
from ecolink_common.proto_names import ResourceName
from ecolink_common.proto_time import timestamp_from_datetime
from ecolink_common.request_records import request_key
from ecolink_common.text_rules import MAX_NAME_CHARS, MAX_TEXT_CHARS, checked_text

CASE_NAME = ResourceName(re.compile(r"^cases/([1-9][0-9]{0,17})\Z"), "must be cases/{case_id}, e.g. cases/12")
DOCUMENT_NAME = ResourceName(
    re.compile(r"^documents/([1-9][0-9]{0,17})\Z"), "must be documents/{document_id}, e.g. documents/3"
)
UNIT_NAME = ResourceName(
    re.compile(r"^units/([a-z0-9][a-z0-9-]{0,63})\Z"), "must be units/{unit_id}, a key unit of the alerts registry"
)
ALERT_NAME = ResourceName(
    re.compile(r"^alerts/([A-Za-z0-9][A-Za-z0-9-]{0,63})\Z"), "a monitoring-alert clue names its alert, alerts/{id}"
)
TRANSFER_NAME = ResourceName(
    re.compile(r"^transfers/([1-9][0-9]{0,17})\Z"), "must be transfers/{transfer_id}, e.g. transfers/3"
)
EVIDENCE_NAME = ResourceName(
    re.compile(r"^evidence/([A-Za-z0-9][A-Za-z0-9-]{0,63})\Z"), "must be evidence/{evidence_id}"
)
OFFICER_ID = re.compile(r"^[a-z][a-z0-9-]{1,62}\Z")

SOURCES = EnumMap(
    {
        ClueSource.MONITORING_ALERT: pb.CLUE_SOURCE_MONITORING_ALERT,
        ClueSource.PETITION: pb.CLUE_SOURCE_PETITION,
        ClueSource.INSPECTION: pb.CLUE_SOURCE_INSPECTION,
        ClueSource.POLICE_HAND_BACK: pb.CLUE_SOURCE_POLICE_HAND_BACK,
        ClueSource.MANUAL: pb.CLUE_SOURCE_MANUAL,
    },
    "name where the clue came from",
)
STATES = EnumMap(
    {
        CaseState.CLUE: pb.CASE_STATE_CLUE,
        CaseState.REGISTERED: pb.CASE_STATE_REGISTERED,
        CaseState.INVESTIGATING: pb.CASE_STATE_INVESTIGATING,
        CaseState.LEGAL_REVIEW: pb.CASE_STATE_LEGAL_REVIEW,
        CaseState.NOTIFIED: pb.CASE_STATE_NOTIFIED,
        CaseState.DECIDED: pb.CASE_STATE_DECIDED,
        CaseState.SERVED: pb.CASE_STATE_SERVED,
        CaseState.EXECUTING: pb.CASE_STATE_EXECUTING,
        CaseState.CLOSED: pb.CASE_STATE_CLOSED,
        CaseState.WITHDRAWN: pb.CASE_STATE_WITHDRAWN,
    }
)
OUTCOMES = EnumMap(
    {Outcome.PENALTY: pb.DECISION_OUTCOME_PENALTY, Outcome.NO_PENALTY: pb.DECISION_OUTCOME_NO_PENALTY},
    "decide a penalty or no penalty",
)
SERVICE_METHODS = EnumMap(
    {
        ServiceMethod.DIRECT: pb.SERVICE_METHOD_DIRECT,
        ServiceMethod.POST: pb.SERVICE_METHOD_POST,
        ServiceMethod.PUBLIC_NOTICE: pb.SERVICE_METHOD_PUBLIC_NOTICE,
    },
    "name how the document was served: direct, post or public notice",
)
DOCUMENT_KINDS = EnumMap(
    {
        DocumentKind.REGISTRATION_APPROVAL: pb.DOCUMENT_KIND_REGISTRATION_APPROVAL,
        DocumentKind.INSPECTION_RECORD: pb.DOCUMENT_KIND_INSPECTION_RECORD,
        DocumentKind.PENALTY_NOTICE: pb.DOCUMENT_KIND_PENALTY_NOTICE,
        DocumentKind.PENALTY_DECISION: pb.DOCUMENT_KIND_PENALTY_DECISION,
        DocumentKind.NO_PENALTY_DECISION: pb.DOCUMENT_KIND_NO_PENALTY_DECISION,
        DocumentKind.SEALING_DECISION: pb.DOCUMENT_KIND_SEALING_DECISION,
        DocumentKind.PAYMENT_REMINDER: pb.DOCUMENT_KIND_PAYMENT_REMINDER,
        DocumentKind.COURT_APPLICATION: pb.DOCUMENT_KIND_COURT_APPLICATION,
    },
    "unknown document kind",
)
APPROVABLE_STEPS = {Step.REGISTER.value: Step.REGISTER, Step.DECIDE.value: Step.DECIDE}
MAX_OFFICERS = 20
MAX_EVIDENCE = 100
MAX_HORIZON_DAYS = 3660
MAX_MEASURE_DAYS = 3660
MIN_YEAR = 1949
MAX_YEAR = 9999


def document_id_from_name(name: str, field: str = "name") -> int:
    return DOCUMENT_NAME.number(name, field)


def case_id_from_name(name: str, field: str = "name") -> int:
    return CASE_NAME.number(name, field)


def calendar_day(value: str, field: str) -> date | None:
    """A YYYY-MM-DD day, None when empty."""
    if not value:
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else _refuse_day(field)
    except ValueError:
        return _refuse_day(field)


def _refuse_day(field: str) -> date:
    raise InvalidArgument.for_field(field, "must be a day written YYYY-MM-DD, e.g. 2021-10-27")


def service_method(value: int) -> ServiceMethod:
    return SERVICE_METHODS.from_proto(value, "method")


def fen(value: int, field: str, *, maximum: int, positive: bool = False, setting: str = "CASES_MAX_FINE_FEN") -> int:
    """An amount in fen: not negative (more than zero where `positive`), at most the maximum `setting` sets."""
    if value < 0 or (positive and value == 0):
        raise InvalidArgument.for_field(field, "must be more than zero fen" if positive else "must not be negative")
    if value > maximum:
        raise InvalidArgument.for_field(field, f"must be at most {maximum} fen ({setting})")
    return value


def officer_ids(values: Sequence[str], field: str) -> tuple[str, ...]:
    return checked_officer_ids(values, field)


def horizon(days: int, field: str = "horizon_days") -> timedelta:
    """How far ahead due actions are listed: 1–3660 days, 0 for the default."""
    if days == 0:
        return UPCOMING_WINDOW
    if not 1 <= days <= MAX_HORIZON_DAYS:
        raise InvalidArgument.for_field(field, f"must be 1 to {MAX_HORIZON_DAYS} days (0: {UPCOMING_WINDOW.days})")
    return timedelta(days=days)


def optional_officer_id(value: str, field: str) -> str:
    """An officer id, or "" when the token's officer is meant."""
    return officer_ids([value], field)[0] if value else ""


def measure_days(value: int, field: str) -> int:
    """Days of a supporting measure as asked: 0 (the longest allowed) or a positive count; the legal cap is the use
    case's."""
    if not 0 <= value <= MAX_MEASURE_DAYS:
        raise InvalidArgument.for_field(field, f"must be from 0 (the longest allowed) to {MAX_MEASURE_DAYS}")
    return value


def approvable_step(value: str) -> Step:
    step = APPROVABLE_STEPS.get(value)
    if step is None:
        raise InvalidArgument.for_field("step", f"approved steps are {', '.join(APPROVABLE_STEPS)}")
    return step


def approval_opinion(value: str) -> str:
    return checked_text(value, "opinion", limit=MAX_TEXT_CHARS, required=True)


def decision_figures(request: service_pb.DecideCaseRequest, *, max_fine_fen: int) -> StepFigures:
    """DecideCase: a penalty names its fine, no penalty its ground."""
    outcome = OUTCOMES.from_proto(request.outcome, "outcome")
    if outcome is Outcome.PENALTY:
        return StepFigures(
            outcome=outcome, fine_fen=fen(request.fine_fen, "fine_fen", maximum=max_fine_fen, positive=True)
        )
    ground = checked_text(request.no_penalty_ground, "no_penalty_ground", limit=MAX_TEXT_CHARS, required=True)
    return StepFigures(outcome=outcome, no_penalty_ground=ground)


def void_request_to_command(request: service_pb.VoidDocumentRequest, agency_id: str) -> VoidDocument:
    """VoidDocument of the caller's agency; the reason is checked first."""
    reason = checked_text(request.reason, "reason", limit=MAX_TEXT_CHARS, required=True)
    return VoidDocument(
        document_id_from_name(request.name),
        reason,
        request=request_key(agency_id, "VoidDocument", request.request_id, request, "request_id"),
    )


def year(value: int, field: str) -> int:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise InvalidArgument.for_field(field, f"must be a year from {MIN_YEAR} to {MAX_YEAR}")
    return value


def document_query(request: service_pb.ListDocumentsRequest, agency_id: str) -> DocumentQuery:
    """ListDocuments: the caller's own documents unless it names another agency; kind and year when set."""
    return DocumentQuery(
        agency_id=request.agency_id or agency_id,
        kind=DOCUMENT_KINDS.optional_from_proto(request.kind, "kind"),
        year=year(request.year, "year") if request.year else None,
    )


def step_details(details: service_pb.StepDetails) -> StepDetails:
    if len(details.evidence) > MAX_EVIDENCE:
        raise InvalidArgument.for_field("details.evidence", f"cite at most {MAX_EVIDENCE} items")
    for index, name in enumerate(details.evidence):
        EVIDENCE_NAME.id(name, f"details.evidence[{index}]")
    return StepDetails(
        officer_ids=officer_ids(details.officer_ids, "details.officer_ids"),
        occurred_on=calendar_day(details.occurred_on, "details.occurred_on"),
        note=checked_text(details.note, "details.note", limit=MAX_TEXT_CHARS),
        evidence=tuple(details.evidence),
    )


def open_case_command(request: service_pb.CreateCaseRequest, agency_id: str) -> OpenCase:
    case = request.case
    unit_id = UNIT_NAME.id(case.unit, "case.unit")
    source = SOURCES.from_proto(case.source, "case.source")
    if source is ClueSource.MONITORING_ALERT:
        ALERT_NAME.id(case.source_ref, "case.source_ref")
    if case.handling_agency_id and case.handling_agency_id != agency_id:
        raise InvalidArgument.for_field("case.handling_agency_id", "a case is handled by the agency that opens it")
    return OpenCase(
        unit_id=unit_id,
        source=source,
        source_ref=checked_text(case.source_ref, "case.source_ref", limit=MAX_NAME_CHARS),
        violation_type=checked_text(case.violation_type, "case.violation_type", limit=MAX_NAME_CHARS, required=True),
        legal_basis=checked_text(case.legal_basis, "case.legal_basis", limit=MAX_TEXT_CHARS, required=True),
        handling_officer_ids=officer_ids(case.handling_officer_ids, "case.handling_officer_ids"),
        request=request_key(agency_id, "CreateCase", request.request_id, request, "request_id"),
    )


def taken_fields(entry: StepRecord | CompensationStepRecord) -> dict[str, Any]:
    """The fields of a timeline entry's message beyond its states: seq, step, who, when, note, evidence."""
    return {
        "seq": entry.seq,
        "step": entry.step.value,
        "agency_id": entry.agency_id,
        "officer_ids": list(entry.officer_ids),
        "occurred_on": entry.occurred_on.isoformat(),
        "record_time": timestamp_from_datetime(entry.record_time),
        "note": entry.note,
        "evidence": [pb.CitedEvidence(evidence=cited.name, sha256=cited.sha256) for cited in entry.evidence],
    }


def _step_to_proto(step: StepRecord) -> pb.CaseStep:
    return pb.CaseStep(
        from_state=STATES.to_proto(step.from_state),
        to_state=STATES.to_proto(step.to_state),
        **taken_fields(step),
        approval=f"cases/{step.case_id}/approvals/{step.approval_seq}" if step.approval_seq else "",
        document=f"documents/{step.document_id}" if step.document_id else "",
    )


def _approval_to_proto(approval: ApprovalRecord) -> pb.Approval:
    return pb.Approval(
        name=f"cases/{approval.case_id}/approvals/{approval.seq}",
        step=approval.step.value,
        approver_agency_id=approval.approver_agency_id,
        approver_officer_id=approval.approver_officer_id,
        opinion=approval.opinion,
        approve_time=timestamp_from_datetime(approval.approve_time),
        used=approval.used,
    )


def document_to_proto(document: DocumentRecord) -> pb.Document:
    return pb.Document(
        name=f"documents/{document.document_id}",
        kind=DOCUMENT_KINDS.to_proto(document.kind),
        agency_id=document.agency_id,
        year=document.year,
        number=document.number,
        display_number=document.display_number,
        case=f"cases/{document.case_id}",
        issue_time=timestamp_from_datetime(document.issue_time),
        cites=[f"documents/{cited}" for cited in document.cites],
        void=document.void_time is not None,
        void_reason=document.void_reason,
        void_time=timestamp_from_datetime(document.void_time) if document.void_time else None,
    )


def case_to_proto(view: CaseView) -> pb.Case:
    case = view.case
    return pb.Case(
        name=case.name,
        handling_agency_id=case.handling_agency_id,
        unit=f"units/{case.unit_id}",
        unit_display_name=case.unit_display_name,
        region_code=case.region_code,
        source=SOURCES.to_proto(case.source),
        source_ref=case.source_ref,
        violation_type=case.violation_type,
        legal_basis=case.legal_basis,
        state=STATES.to_proto(case.state),
        handling_officer_ids=list(case.handling_officer_ids),
        outcome=OUTCOMES.to_proto(case.outcome) if case.outcome else pb.DECISION_OUTCOME_UNSPECIFIED,
        fine_fen=case.fine_fen,
        paid_fen=case.paid_fen,
        no_penalty_ground=case.no_penalty_ground,
        create_time=timestamp_from_datetime(case.create_time),
        update_time=timestamp_from_datetime(case.update_time),
        etag=weak_etag(case),
        timeline=[_step_to_proto(step) for step in view.steps],
        approvals=[_approval_to_proto(approval) for approval in view.approvals],
        documents=[document_to_proto(document) for document in view.documents],
        alert_provenance=_alert_provenance(case),
        measures=_measures(case),
        compensation_case=compensation_name(view.compensation_id) if view.compensation_id else "",
        suspected_crime=_suspected_crime(case),
    )


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _measures(case: CaseRecord) -> pb.SupportingMeasures:
    return pb.SupportingMeasures(
        sealing_on=_day(case.sealing_on),
        sealing_days=case.sealing_days,
        sealing_extension_days=case.sealing_extension_days,
        sealing_until=_day(sealing_until(case)),
        sealing_lifted_on=_day(case.sealing_lifted_on),
        restriction_on=_day(case.restriction_on),
        restriction_days=case.restriction_days,
        correction_served_on=_day(case.correction_served_on),
        reinspected_on=_day(case.reinspected_on),
        daily_penalty_days=case.daily_penalty_days,
        daily_penalty_fen=case.daily_penalty_fen,
        detention_handed_off_on=_day(case.detention_handed_off_on),
        detention_police_agency_id=case.detention_police_agency_id,
    )


def _alert_provenance(case: CaseRecord) -> pb.AlertProvenance | None:
    if case.source_alert is None:
        return None
    return pb.AlertProvenance(alert=case.source_alert, rule=case.alert_rule, evidence_sha256=case.alert_evidence_sha256)


def due_action_to_proto(action: DueAction) -> pb.DueAction:
    return pb.DueAction(
        case=action.case_name,
        action=action.action,
        description=action.description,
        from_date=action.from_date.isoformat(),
        until_date=action.until_date.isoformat() if action.until_date else "",
        status=action.status.value,
        legal_basis=action.legal_basis,
    )


def hand_back_command(request: service_pb.RecordHandBackRequest) -> HandBack:
    TRANSFER_NAME.id(request.transfer, "transfer")
    return HandBack(
        case_id=case_id_from_name(request.name),
        transfer=request.transfer,
        reason=checked_text(request.reason, "reason", limit=MAX_TEXT_CHARS),
        handed_back_by=checked_text(request.handed_back_by, "handed_back_by", limit=MAX_NAME_CHARS),
    )


def _suspected_crime(case: CaseRecord) -> pb.SuspectedCrime | None:
    if not case.suspected_crime_criterion:
        return None
    return pb.SuspectedCrime(
        criterion=case.suspected_crime_criterion,
        marked_on=case.suspected_crime_on.isoformat() if case.suspected_crime_on else "",
        measured=case.suspected_crime_measured or 0.0,
    )


def described_suspicion(case: pb.Case, thresholds: CriminalThresholds) -> pb.Case:
    """The mark with its criterion's wording, source and the table's version."""
    criterion = thresholds.criteria.get(case.suspected_crime.criterion)
    if criterion is not None:
        case.suspected_crime.description = f"{criterion.name_zh} ({criterion.name_en})"
        case.suspected_crime.source = criterion.source
        case.suspected_crime.thresholds_version = thresholds.version
    return case


def suspected_crime_command(request: service_pb.MarkSuspectedCrimeRequest) -> MarkSuspectedCrime:
    if not math.isfinite(request.measured) or request.measured < 0:
        raise InvalidArgument.for_field("measured", "a finite amount of at least 0")
    details = step_details(request.details)
    return MarkSuspectedCrime(
        case_id=case_id_from_name(request.name),
        etag=request.etag,
        criterion=checked_text(request.criterion, "criterion", limit=64, required=True),
        measured=request.measured if request.HasField("measured") else None,
        officer_ids=details.officer_ids,
        on=details.occurred_on,
    )
