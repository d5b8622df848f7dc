"""The administrative case lifecycle (DOMAIN §3.1): which step may follow which, and what each step needs.

clue → registered → investigating → legal review → notified (hearing requested, held) → decided (penalty, or no
penalty) → served → executing → closed; withdrawn from any step before a decision. A refused step names its rule."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class CaseState(StrEnum):
    CLUE = "clue"  # 线索
    REGISTERED = "registered"  # 立案
    INVESTIGATING = "investigating"  # 调查取证
    LEGAL_REVIEW = "legal_review"  # 法制审核
    NOTIFIED = "notified"  # 告知 (intended penalty and the right to be heard)
    DECIDED = "decided"  # 决定 (penalty or no penalty)
    SERVED = "served"  # 送达
    EXECUTING = "executing"  # 执行
    CLOSED = "closed"  # 结案
    WITHDRAWN = "withdrawn"  # 撤销


class Step(StrEnum):
    """One custom method of the API per step (AIP-136)."""

    REGISTER = "RegisterCase"
    START_INVESTIGATION = "StartInvestigation"
    RECORD_INVESTIGATION = "RecordInvestigation"
    SUBMIT_FOR_LEGAL_REVIEW = "SubmitForLegalReview"
    NOTIFY_INTENDED_PENALTY = "NotifyIntendedPenalty"
    RECORD_HEARING_REQUEST = "RecordHearingApplication"
    RECORD_HEARING = "RecordHearing"
    DECIDE = "DecideCase"
    RECORD_SERVICE = "RecordService"
    RECORD_PAYMENT = "RecordPayment"
    ISSUE_PAYMENT_REMINDER = "IssuePaymentReminder"
    RECORD_REMINDER_SERVICE = "RecordReminderService"
    APPLY_TO_COURT = "ApplyToCourt"
    CLOSE = "CloseCase"
    WITHDRAW = "WithdrawCase"
    # Supporting measures (DOMAIN §3.1), which leave the state as it is.
    ORDER_SEALING = "OrderSealing"
    EXTEND_SEALING = "ExtendSealing"
    LIFT_SEALING = "LiftSealing"
    RESTRICT_PRODUCTION = "RestrictProduction"
    ORDER_CORRECTION = "OrderCorrection"
    RECORD_REINSPECTION = "RecordReinspection"
    HAND_OFF_FOR_DETENTION = "HandOffForDetention"


class Outcome(StrEnum):
    PENALTY = "penalty"  # 行政处罚决定
    NO_PENALTY = "no_penalty"  # 不予处罚 (first minor violation, unintentional, minor and corrected [004])


REASON_TRANSITION_NOT_ALLOWED = "CASE_TRANSITION_NOT_ALLOWED"
REASON_HEARING_PENDING = "CASE_HEARING_PENDING"
REASON_INVESTIGATION_RECORD_MISSING = "CASE_INVESTIGATION_RECORD_MISSING"
REASON_FINE_UNPAID = "CASE_FINE_UNPAID"
REASON_OFFICERS_TOO_FEW = "CASE_OFFICERS_TOO_FEW"
# Administrative Penalty Law art. 42: investigations and inspections are made by at least two enforcement officers.
MIN_INVESTIGATING_OFFICERS = 2

_BEFORE_DECISION = (
    CaseState.CLUE,
    CaseState.REGISTERED,
    CaseState.INVESTIGATING,
    CaseState.LEGAL_REVIEW,
    CaseState.NOTIFIED,
)
# A registered case not yet closed: where supporting measures are taken.
_OPEN_AFTER_REGISTRATION = (
    CaseState.REGISTERED,
    CaseState.INVESTIGATING,
    CaseState.LEGAL_REVIEW,
    CaseState.NOTIFIED,
    CaseState.DECIDED,
    CaseState.SERVED,
    CaseState.EXECUTING,
)
_AFTER_DECISION = (CaseState.DECIDED, CaseState.SERVED, CaseState.EXECUTING)
# Each step and the states it may be taken from, and the state it leads to (a state-keeping step: the first).
TRANSITIONS: Mapping[Step, tuple[tuple[CaseState, ...], CaseState]] = MappingProxyType(
    {
        Step.REGISTER: ((CaseState.CLUE,), CaseState.REGISTERED),
        Step.START_INVESTIGATION: ((CaseState.REGISTERED,), CaseState.INVESTIGATING),
        Step.RECORD_INVESTIGATION: ((CaseState.INVESTIGATING,), CaseState.INVESTIGATING),
        Step.SUBMIT_FOR_LEGAL_REVIEW: ((CaseState.INVESTIGATING,), CaseState.LEGAL_REVIEW),
        Step.NOTIFY_INTENDED_PENALTY: ((CaseState.LEGAL_REVIEW,), CaseState.NOTIFIED),
        Step.RECORD_HEARING_REQUEST: ((CaseState.NOTIFIED,), CaseState.NOTIFIED),
        Step.RECORD_HEARING: ((CaseState.NOTIFIED,), CaseState.NOTIFIED),
        # A no-penalty decision needs no notice of an intended penalty; a penalty does (Administrative Penalty
        # Law art. 44).
        Step.DECIDE: ((CaseState.LEGAL_REVIEW, CaseState.NOTIFIED), CaseState.DECIDED),
        Step.RECORD_SERVICE: ((CaseState.DECIDED,), CaseState.SERVED),
        Step.RECORD_PAYMENT: ((CaseState.SERVED, CaseState.EXECUTING), CaseState.EXECUTING),
        # Administrative Compulsion Law arts. 53–54: reminder, its service and the court application happen while
        # the fine is unpaid; they record facts and leave the state as it is.
        Step.ISSUE_PAYMENT_REMINDER: ((CaseState.SERVED, CaseState.EXECUTING), CaseState.SERVED),
        Step.RECORD_REMINDER_SERVICE: ((CaseState.SERVED, CaseState.EXECUTING), CaseState.SERVED),
        Step.APPLY_TO_COURT: ((CaseState.SERVED, CaseState.EXECUTING), CaseState.SERVED),
        Step.CLOSE: ((CaseState.SERVED, CaseState.EXECUTING), CaseState.CLOSED),
        Step.WITHDRAW: (_BEFORE_DECISION, CaseState.WITHDRAWN),
        Step.ORDER_SEALING: (_OPEN_AFTER_REGISTRATION, CaseState.REGISTERED),
        Step.EXTEND_SEALING: (_OPEN_AFTER_REGISTRATION, CaseState.REGISTERED),
        Step.LIFT_SEALING: (_OPEN_AFTER_REGISTRATION, CaseState.REGISTERED),
        Step.RESTRICT_PRODUCTION: (_OPEN_AFTER_REGISTRATION, CaseState.REGISTERED),
        Step.HAND_OFF_FOR_DETENTION: (_OPEN_AFTER_REGISTRATION, CaseState.REGISTERED),
        # Environmental Protection Law art. 59: the correction order and its re-inspection follow the decision.
        Step.ORDER_CORRECTION: (_AFTER_DECISION, CaseState.DECIDED),
        Step.RECORD_REINSPECTION: (_AFTER_DECISION, CaseState.DECIDED),
    }
)


# Steps that record an act of execution or a supporting measure and leave the state as it is.
STATE_KEEPING_STEPS = frozenset(
    {
        Step.ISSUE_PAYMENT_REMINDER,
        Step.RECORD_REMINDER_SERVICE,
        Step.APPLY_TO_COURT,
        Step.ORDER_SEALING,
        Step.EXTEND_SEALING,
        Step.LIFT_SEALING,
        Step.RESTRICT_PRODUCTION,
        Step.ORDER_CORRECTION,
        Step.RECORD_REINSPECTION,
        Step.HAND_OFF_FOR_DETENTION,
    }
)


class StepRefused(Exception):
    """A step the case's state or record does not allow; `reason` is the stable name of the rule."""

    def __init__(self, reason: str, message: str, **facts: str):
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.facts = facts


@dataclass(frozen=True)
class CaseProgress:
    """What the lifecycle rules look at: the state and the facts the steps so far recorded."""

    state: CaseState = CaseState.CLUE
    investigation_records: int = 0
    hearing_requested: bool = False
    hearing_held: bool = False
    outcome: Outcome | None = None
    fine_fen: int = 0
    paid_fen: int = 0
    court_applied: bool = False


def next_state(progress: CaseProgress, step: Step, *, outcome: Outcome | None = None) -> CaseState:
    """The state `step` leads to from `progress`, or StepRefused naming the rule it breaks."""
    allowed_from, target = TRANSITIONS[step]
    if progress.state not in allowed_from:
        raise StepRefused(
            REASON_TRANSITION_NOT_ALLOWED,
            f"{step.value} is not allowed from {progress.state.value}",
            from_state=progress.state.value,
            to_state=(progress.state if step in STATE_KEEPING_STEPS else target).value,
        )
    if step is Step.SUBMIT_FOR_LEGAL_REVIEW and progress.investigation_records == 0:
        raise StepRefused(REASON_INVESTIGATION_RECORD_MISSING, "record the investigation before legal review")
    if step is Step.RECORD_HEARING and not progress.hearing_requested:
        raise StepRefused(REASON_TRANSITION_NOT_ALLOWED, "no hearing was requested", from_state=progress.state.value)
    if step is Step.DECIDE:
        _check_decision(progress, outcome)
    unpaid = progress.outcome is Outcome.PENALTY and progress.paid_fen < progress.fine_fen
    if step is Step.CLOSE and unpaid and not progress.court_applied:
        raise StepRefused(REASON_FINE_UNPAID, "the fine is not paid in full; close after payment or enforcement")
    return progress.state if step in STATE_KEEPING_STEPS else target


def _check_decision(progress: CaseProgress, outcome: Outcome | None) -> None:
    if outcome is Outcome.PENALTY and progress.state is not CaseState.NOTIFIED:
        raise StepRefused(
            REASON_TRANSITION_NOT_ALLOWED,
            "a penalty is decided only after the unit was told of it and of its right to be heard",
            from_state=progress.state.value,
            to_state=CaseState.DECIDED.value,
        )
    if progress.hearing_requested and not progress.hearing_held:
        # Administrative Penalty Law art. 63–65: a requested hearing is held before the decision.
        raise StepRefused(REASON_HEARING_PENDING, "the unit asked to be heard; record the hearing first")


def check_investigating_officers(officer_ids: tuple[str, ...]) -> None:
    """Administrative Penalty Law art. 42: an investigation record names at least two distinct officers."""
    if len(set(officer_ids)) < MIN_INVESTIGATING_OFFICERS:
        raise StepRefused(
            REASON_OFFICERS_TOO_FEW,
            f"an investigation is made by at least {MIN_INVESTIGATING_OFFICERS} enforcement officers "
            "(Administrative Penalty Law art. 42)",
            officers=str(len(set(officer_ids))),
        )
