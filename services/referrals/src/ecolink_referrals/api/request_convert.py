"""TransferService requests to commands: names, enums, officers, texts and request ids checked, each refusal
INVALID_ARGUMENT naming its field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import cast

from ecolink.referrals.v1 import transfer_pb2 as pb
from ecolink.referrals.v1 import transfer_service_pb2 as service_pb
from ecolink_common.errors import InvalidArgument
from ecolink_common.officers import checked_officer_ids
from ecolink_common.proto_enums import EnumMap
from ecolink_common.proto_names import ResourceName
from ecolink_common.request_records import request_key
from ecolink_common.text_rules import MAX_NAME_CHARS, MAX_TEXT_CHARS, checked_text
from ecolink_referrals.domain.lifecycle import Step, TransferKind, TransferState
from ecolink_referrals.domain.transfer import Person
from ecolink_referrals.service_layer.transfer_decisions import Decision
from ecolink_referrals.service_layer.transfer_reporting import HeadApproval, ReportTransfer
from ecolink_referrals.service_layer.transfer_sending import DecideApproval, Resend
from ecolink_referrals.service_layer.transfer_steps import StepDetails

TRANSFER_NAME = ResourceName(
    re.compile(r"^transfers/([1-9][0-9]{0,17})\Z"), "must be transfers/{transfer_id}, e.g. transfers/3"
)
CASE_NAME = ResourceName(re.compile(r"^cases/([1-9][0-9]{0,17})\Z"), "must be cases/{case_id}, e.g. cases/12")
MAX_PERSONS = 50
MAX_PERSONS_HELD = 1000

KINDS = EnumMap({TransferKind.CRIMINAL: pb.TRANSFER_KIND_CRIMINAL, TransferKind.DETENTION: pb.TRANSFER_KIND_DETENTION})
STATES = EnumMap(
    {state: cast(pb.TransferState, pb.TransferState.Value(f"TRANSFER_STATE_{state.name}")) for state in TransferState}
)


def transfer_id_from_name(name: str, field: str = "name") -> int:
    return TRANSFER_NAME.number(name, field)


def step_details(
    details: service_pb.TransferStepDetails, agency_id: str, method: str, request: object, field: str = "details"
) -> StepDetails:
    return StepDetails(
        officer_ids=checked_officer_ids(details.officer_ids, f"{field}.officer_ids"),
        note=checked_text(details.note, f"{field}.note", limit=MAX_TEXT_CHARS),
        request=request_key(agency_id, method, details.request_id, request, f"{field}.request_id"),  # type: ignore[arg-type]
    )


def _persons(values: Sequence[pb.TransferPerson]) -> tuple[Person, ...]:
    if len(values) > MAX_PERSONS:
        raise InvalidArgument.for_field("persons", f"name at most {MAX_PERSONS} persons")
    return tuple(
        Person(
            checked_text(person.name, f"persons[{index}].name", limit=MAX_NAME_CHARS, required=True),
            checked_text(person.role, f"persons[{index}].role", limit=MAX_NAME_CHARS),
        )
        for index, person in enumerate(values)
    )


def report_command(request: service_pb.TransferCaseRequest, agency_id: str) -> ReportTransfer:
    CASE_NAME.id(request.case, "case")
    approval = None
    if request.HasField("approval"):
        approval = HeadApproval(
            approver_officer_id=request.approval.approver_officer_id,
            opinion=checked_text(request.approval.opinion, "approval.opinion", limit=MAX_TEXT_CHARS),
        )
    return ReportTransfer(
        case=request.case,
        police_agency_id=request.police_agency_id,
        kind=KINDS.from_proto(request.kind, "kind") if request.kind else TransferKind.CRIMINAL,
        facts=checked_text(request.facts, "facts", limit=MAX_TEXT_CHARS * 5),
        suspected_offence=checked_text(request.suspected_offence, "suspected_offence", limit=MAX_NAME_CHARS),
        persons=_persons(request.persons),
        details=step_details(request.details, agency_id, Step.REPORT.value, request),
        approval=approval,
    )


def approval_command(request: service_pb.ApproveTransferRequest, agency_id: str) -> DecideApproval:
    key = request_key(agency_id, Step.APPROVE.value, request.request_id, request, "request_id")
    opinion = checked_text(request.approval.opinion, "approval.opinion", limit=MAX_TEXT_CHARS)
    return DecideApproval(
        transfer_id=transfer_id_from_name(request.name),
        etag=request.etag,
        approver_officer_id=request.approval.approver_officer_id,
        opinion=opinion,
        approved=request.approved,
        details=StepDetails(note=opinion, request=key),
    )


def resend_command(request: service_pb.ResendTransferRequest, agency_id: str) -> Resend:
    return Resend(
        transfer_id=transfer_id_from_name(request.name),
        etag=request.etag,
        facts=checked_text(request.facts, "facts", limit=MAX_TEXT_CHARS * 5),
        details=step_details(request.details, agency_id, Step.RESEND.value, request),
    )


def _day(value: str, field: str) -> str:
    if not value:
        return ""
    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else _bad_day(field)
    except ValueError:
        return _bad_day(field)


def _bad_day(field: str) -> str:
    raise InvalidArgument.for_field(field, "must be a day written YYYY-MM-DD, e.g. 2023-09-12")


def decision_command(request: object, step: Step, agency_id: str) -> Decision:
    """Any step request after the send: `name`, `etag`, `details` and the step's own fields."""
    fields = {field.name for field in request.DESCRIPTOR.fields}  # type: ignore[attr-defined]

    def text(name: str, limit: int = MAX_NAME_CHARS) -> str:
        return checked_text(getattr(request, name), name, limit=limit) if name in fields else ""

    days = getattr(request, "answer_days", 0) if "answer_days" in fields else 0
    if not 0 <= days <= 90:
        raise InvalidArgument.for_field("answer_days", "0 (the setting) to 90 days")
    detention_days = getattr(request, "detention_days", 0) if "detention_days" in fields else 0
    persons_held = getattr(request, "persons_held", 0) if "persons_held" in fields else 0
    if not 0 <= persons_held <= MAX_PERSONS_HELD:
        raise InvalidArgument.for_field("persons_held", f"0 to {MAX_PERSONS_HELD} persons")
    return Decision(
        transfer_id=transfer_id_from_name(request.name),  # type: ignore[attr-defined]
        step=step,
        etag=request.etag,  # type: ignore[attr-defined]
        details=step_details(request.details, agency_id, step.value, request),  # type: ignore[attr-defined]
        police_case_number=text("police_case_number"),
        detention_days=detention_days,
        persons_held=persons_held,
        forward_to=text("police_agency_id"),
        answer_days=days,
        outcome=text("outcome", MAX_TEXT_CHARS),
        judged_on=_day(text("judged_on"), "judged_on"),
        court_agency_id=text("court_agency_id"),
    )


def statistics_query(request: service_pb.GetTransferStatisticsRequest, caller: str) -> tuple[str, int]:
    if not 2000 <= request.year <= 2100:
        raise InvalidArgument.for_field("year", "a year from 2000 to 2100")
    return request.agency_id or caller, request.year
