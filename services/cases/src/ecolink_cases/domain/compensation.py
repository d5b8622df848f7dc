"""The ecological damage compensation case (生态环境损害赔偿, DOMAIN §3.5): the "double case" a penalty case opens, and
what each of its steps does to it.

clue screening → investigating → appraised → consulting (one round or more, similar cases consulted together) →
agreed → performed (restoration done, or the compensation paid in full) → closed. A refused step names its rule."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType

from ecolink_cases.domain.lifecycle import CaseState, StepRefused
from ecolink_cases.domain.records import CitedEvidence


class CompensationState(StrEnum):
    CLUE_SCREENING = "clue_screening"  # 线索筛查
    INVESTIGATING = "investigating"  # 调查
    APPRAISED = "appraised"  # 鉴定评估
    CONSULTING = "consulting"  # 磋商
    AGREED = "agreed"  # 赔偿协议
    PERFORMED = "performed"  # 修复 done or 赔偿金 paid in full
    CLOSED = "closed"  # 结案


class CompensationStep(StrEnum):
    """One custom method of CompensationService per step (AIP-136)."""

    START_INVESTIGATION = "StartCompensationInvestigation"
    RECORD_APPRAISAL = "RecordAppraisal"
    RECORD_CONSULTATION = "RecordConsultation"
    CONCLUDE_AGREEMENT = "ConcludeAgreement"
    RECORD_RESTORATION = "RecordRestoration"
    RECORD_PAYMENT = "RecordCompensationPayment"
    CLOSE = "CloseCompensationCase"


class Remedy(StrEnum):
    """How an agreement makes good the damage (DOMAIN §3.5: restoration or payment)."""

    RESTORATION = "restoration"  # 修复
    PAYMENT = "payment"  # 赔偿金


REASON_TRANSITION_NOT_ALLOWED = "COMPENSATION_TRANSITION_NOT_ALLOWED"
REASON_REMEDY_MISMATCH = "COMPENSATION_REMEDY_MISMATCH"
REASON_PAYMENT_EXCEEDS_OWED = "COMPENSATION_PAYMENT_EXCEEDS_OWED"
REASON_PENALTY_CASE_NOT_OPEN = "COMPENSATION_PENALTY_CASE_NOT_OPEN"
# A clue is not yet a case, and a withdrawn case found nothing to compensate: compensation follows registration.
_PENALTY_STATES_NOT_OPENING = frozenset({CaseState.CLUE, CaseState.WITHDRAWN})

S = CompensationState
# Each step, the states it may be taken from and the state it leads to. A payment leads to performed only once the
# agreed amount is paid in full; until then the case stays agreed.
TRANSITIONS: Mapping[CompensationStep, tuple[tuple[CompensationState, ...], CompensationState]] = MappingProxyType(
    {
        CompensationStep.START_INVESTIGATION: ((S.CLUE_SCREENING,), S.INVESTIGATING),
        CompensationStep.RECORD_APPRAISAL: ((S.INVESTIGATING,), S.APPRAISED),
        # DOMAIN §3.5: consultation may take several rounds before an agreement.
        CompensationStep.RECORD_CONSULTATION: ((S.APPRAISED, S.CONSULTING), S.CONSULTING),
        CompensationStep.CONCLUDE_AGREEMENT: ((S.CONSULTING,), S.AGREED),
        CompensationStep.RECORD_RESTORATION: ((S.AGREED,), S.PERFORMED),
        CompensationStep.RECORD_PAYMENT: ((S.AGREED,), S.PERFORMED),
        CompensationStep.CLOSE: ((S.PERFORMED,), S.CLOSED),
    }
)
# The remedy a performing step needs the agreement to have chosen.
_REMEDY_OF_STEP = {
    CompensationStep.RECORD_RESTORATION: Remedy.RESTORATION,
    CompensationStep.RECORD_PAYMENT: Remedy.PAYMENT,
}


@dataclass(frozen=True)
class Consultation:
    """One consultation round of a case, and the other compensation cases consulted together in it."""

    round: int
    parties: tuple[str, ...]
    joined_cases: tuple[str, ...] = ()


@dataclass(frozen=True)
class CompensationRecord:
    """One compensation case with the facts its steps recorded; `version` is its etag. It takes the handling agency
    and region of its penalty case, so the same bureaus see both (DOMAIN §1)."""

    compensation_id: int
    penalty_case_id: int
    handling_agency_id: str
    region_code: str
    unit_id: str
    create_time: datetime
    update_time: datetime
    state: CompensationState = CompensationState.CLUE_SCREENING
    appraised_damage_fen: int = 0
    appraisal_body: str = ""
    consultation_rounds: int = 0
    agreed_amount_fen: int = 0
    remedy: Remedy | None = None
    restoration_plan: str = ""
    paid_fen: int = 0
    restored_on: date | None = None
    version: int = 1

    @property
    def name(self) -> str:
        return compensation_name(self.compensation_id)

    @property
    def penalty_case(self) -> str:
        return f"cases/{self.penalty_case_id}"


def compensation_name(compensation_id: int) -> str:
    return f"compensationCases/{compensation_id}"


@dataclass(frozen=True)
class CompensationFacts:
    """What a step brings beyond who and when: the appraisal, the round, the agreement or the payment."""

    occurred_on: date | None = None  # the step's day, set by the use case
    amount_fen: int = 0  # the damage appraised, the compensation agreed, or a payment
    appraisal_body: str = ""
    parties: tuple[str, ...] = ()
    joined_cases: tuple[str, ...] = ()
    remedy: Remedy | None = None
    restoration_plan: str = ""


@dataclass(frozen=True)
class CompensationStepRecord:
    """One step of a compensation case's timeline; a consultation round keeps its parties and joined cases."""

    compensation_id: int
    seq: int
    step: CompensationStep
    from_state: CompensationState
    to_state: CompensationState
    agency_id: str
    officer_ids: tuple[str, ...]
    occurred_on: date
    record_time: datetime
    note: str
    evidence: tuple[CitedEvidence, ...] = ()
    consultation: Consultation | None = None


def advance_compensation(
    case: CompensationRecord, step: CompensationStep, facts: CompensationFacts, *, at: datetime
) -> CompensationRecord:
    """The case after `step`, or StepRefused naming the rule the step breaks (and the case, for a joined one)."""
    allowed_from, target = TRANSITIONS[step]
    if case.state not in allowed_from:
        raise StepRefused(
            REASON_TRANSITION_NOT_ALLOWED,
            f"{step.value} is not allowed on {case.name} from {case.state.value}",
            from_state=case.state.value,
            to_state=target.value,
            compensation_case=case.name,
        )
    remedy = _REMEDY_OF_STEP.get(step)
    if remedy is not None and case.remedy is not remedy:
        raise StepRefused(
            REASON_REMEDY_MISMATCH,
            f"the agreement of {case.name} chose {case.remedy.value if case.remedy else 'no remedy'}, not {remedy}",
            remedy=case.remedy.value if case.remedy else "",
        )
    changed = replace(case, state=target, update_time=at, version=case.version + 1)
    if step is CompensationStep.RECORD_APPRAISAL:
        return replace(changed, appraised_damage_fen=facts.amount_fen, appraisal_body=facts.appraisal_body)
    if step is CompensationStep.RECORD_CONSULTATION:
        return replace(changed, consultation_rounds=case.consultation_rounds + 1)
    if step is CompensationStep.CONCLUDE_AGREEMENT:
        plan = facts.restoration_plan if facts.remedy is Remedy.RESTORATION else ""
        return replace(changed, agreed_amount_fen=facts.amount_fen, remedy=facts.remedy, restoration_plan=plan)
    if step is CompensationStep.RECORD_RESTORATION:
        return replace(changed, restored_on=facts.occurred_on)
    if step is CompensationStep.RECORD_PAYMENT:
        return _paid(case, changed, facts.amount_fen)
    return changed


def _paid(case: CompensationRecord, changed: CompensationRecord, amount_fen: int) -> CompensationRecord:
    owed = case.agreed_amount_fen - case.paid_fen
    if amount_fen > owed:
        raise StepRefused(
            REASON_PAYMENT_EXCEEDS_OWED,
            f"the payment of {amount_fen} fen exceeds the {owed} fen still owed",
            owed_fen=str(owed),
        )
    paid = case.paid_fen + amount_fen
    return replace(changed, paid_fen=paid, state=S.PERFORMED if paid == case.agreed_amount_fen else S.AGREED)


def consultation_of(case: CompensationRecord, facts: CompensationFacts, joined: tuple[str, ...]) -> Consultation:
    """The round a consultation step records on `case` (taken before the step), naming the other cases of it."""
    return Consultation(round=case.consultation_rounds + 1, parties=facts.parties, joined_cases=joined)


def check_penalty_case_opens(penalty_case_name: str, state: CaseState) -> None:
    """DOMAIN §3.5: a registered penalty case, not withdrawn, may open its compensation case."""
    if state in _PENALTY_STATES_NOT_OPENING:
        raise StepRefused(
            REASON_PENALTY_CASE_NOT_OPEN,
            f"{penalty_case_name} is {state.value}; a compensation case is opened from a registered penalty case",
            penalty_case_state=state.value,
        )
