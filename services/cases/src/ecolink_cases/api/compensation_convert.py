"""Requests of CompensationService to commands, and compensation cases to messages (DOMAIN §3.5); every field checked
here names its path."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ecolink.cases.v1 import compensation_pb2 as pb
from ecolink.cases.v1 import compensation_service_pb2 as service_pb
from ecolink_cases.api.case_convert import CASE_NAME, fen, taken_fields
from ecolink_cases.domain.compensation import (
    CompensationFacts,
    CompensationState,
    CompensationStepRecord,
    Consultation,
    Remedy,
)
from ecolink_cases.service_layer.compensation_cases import CompensationView
from ecolink_common.errors import InvalidArgument
from ecolink_common.etags import weak_etag
from ecolink_common.proto_enums import EnumMap
from ecolink_common.proto_names import ResourceName
from ecolink_common.proto_time import timestamp_from_datetime
from ecolink_common.text_rules import MAX_NAME_CHARS, MAX_TEXT_CHARS, checked_text

COMPENSATION_NAME = ResourceName(
    re.compile(r"^compensationCases/([1-9][0-9]{0,17})\Z"), "must be compensationCases/{id}, e.g. compensationCases/3"
)
PENALTY_CASE_NAME = ResourceName(CASE_NAME.pattern, "must be cases/{case_id}, the penalty case, e.g. cases/12")
MAX_PARTIES = 20
MAX_JOINED_CASES = 50

STATES = EnumMap(
    {
        CompensationState.CLUE_SCREENING: pb.COMPENSATION_STATE_CLUE_SCREENING,
        CompensationState.INVESTIGATING: pb.COMPENSATION_STATE_INVESTIGATING,
        CompensationState.APPRAISED: pb.COMPENSATION_STATE_APPRAISED,
        CompensationState.CONSULTING: pb.COMPENSATION_STATE_CONSULTING,
        CompensationState.AGREED: pb.COMPENSATION_STATE_AGREED,
        CompensationState.PERFORMED: pb.COMPENSATION_STATE_PERFORMED,
        CompensationState.CLOSED: pb.COMPENSATION_STATE_CLOSED,
    },
    "unknown compensation state",
)
REMEDIES = EnumMap(
    {Remedy.RESTORATION: pb.COMPENSATION_REMEDY_RESTORATION, Remedy.PAYMENT: pb.COMPENSATION_REMEDY_PAYMENT},
    "agree on restoration or payment",
)


def compensation_id_from_name(name: str, field: str = "name") -> int:
    return COMPENSATION_NAME.number(name, field)


def penalty_case_id(name: str) -> int:
    return PENALTY_CASE_NAME.number(name, "penalty_case")


def remedy(value: int) -> Remedy:
    return REMEDIES.from_proto(value, "remedy")


def compensation_fen(value: int, field: str, *, maximum: int) -> int:
    return fen(value, field, maximum=maximum, positive=True, setting="CASES_MAX_COMPENSATION_FEN")


def appraisal_facts(request: service_pb.RecordAppraisalRequest, *, maximum: int) -> CompensationFacts:
    return CompensationFacts(
        amount_fen=compensation_fen(request.appraised_damage_fen, "appraised_damage_fen", maximum=maximum),
        appraisal_body=checked_text(request.appraisal_body, "appraisal_body", limit=MAX_NAME_CHARS, required=True),
    )


def agreement_facts(request: service_pb.ConcludeAgreementRequest, *, maximum: int) -> CompensationFacts:
    """ConcludeAgreement: a restoration agreement carries its plan."""
    chosen = remedy(request.remedy)
    return CompensationFacts(
        amount_fen=compensation_fen(request.agreed_amount_fen, "agreed_amount_fen", maximum=maximum),
        remedy=chosen,
        restoration_plan=checked_text(
            request.restoration_plan, "restoration_plan", limit=MAX_TEXT_CHARS, required=chosen is Remedy.RESTORATION
        ),
    )


def parties(values: Sequence[str]) -> tuple[str, ...]:
    """DOMAIN §3.5: a consultation names who took part; at least one party."""
    if not values or len(values) > MAX_PARTIES:
        raise InvalidArgument.for_field("parties", f"name from 1 to {MAX_PARTIES} parties")
    return tuple(
        checked_text(value, f"parties[{index}]", limit=MAX_NAME_CHARS, required=True)
        for index, value in enumerate(values)
    )


def joined_ids(values: Sequence[str], own_id: int) -> tuple[int, ...]:
    """The other compensation cases of a joint round: each once, never the case itself."""
    if len(values) > MAX_JOINED_CASES:
        raise InvalidArgument.for_field("joined_cases", f"join at most {MAX_JOINED_CASES} cases")
    ids: list[int] = []
    for index, value in enumerate(values):
        joined = compensation_id_from_name(value, f"joined_cases[{index}]")
        if joined == own_id or joined in ids:
            raise InvalidArgument.for_field(f"joined_cases[{index}]", "name each other case once, not the case itself")
        ids.append(joined)
    return tuple(ids)


def _consultation_to_proto(step: CompensationStepRecord, consultation: Consultation) -> pb.Consultation:
    return pb.Consultation(
        round=consultation.round,
        occurred_on=step.occurred_on.isoformat(),
        parties=list(consultation.parties),
        joined_cases=list(consultation.joined_cases),
    )


def _step_to_proto(step: CompensationStepRecord) -> pb.CompensationStep:
    return pb.CompensationStep(
        from_state=STATES.to_proto(step.from_state), to_state=STATES.to_proto(step.to_state), **taken_fields(step)
    )


def compensation_to_proto(view: CompensationView) -> pb.CompensationCase:
    case = view.case
    return pb.CompensationCase(
        name=case.name,
        penalty_case=case.penalty_case,
        handling_agency_id=case.handling_agency_id,
        unit=f"units/{case.unit_id}",
        region_code=case.region_code,
        state=STATES.to_proto(case.state),
        appraised_damage_fen=case.appraised_damage_fen,
        appraisal_body=case.appraisal_body,
        consultations=[
            _consultation_to_proto(step, step.consultation) for step in view.steps if step.consultation is not None
        ],
        agreed_amount_fen=case.agreed_amount_fen,
        remedy=REMEDIES.to_proto(case.remedy) if case.remedy else pb.COMPENSATION_REMEDY_UNSPECIFIED,
        restoration_plan=case.restoration_plan,
        paid_fen=case.paid_fen,
        restored_on=case.restored_on.isoformat() if case.restored_on else "",
        create_time=timestamp_from_datetime(case.create_time),
        update_time=timestamp_from_datetime(case.update_time),
        etag=weak_etag(case),
        timeline=[_step_to_proto(step) for step in view.steps],
    )
