"""The steps after the send (DOMAIN §4.2): the police's receipt, forward, acceptance, return, filing or refusal; the
bureau's request for reconsideration and the police's answer; the procuratorate's supervision, prosecution and
judgment; the hand-back for administrative penalty. Each is a `TakeStep` with what it changes on the transfer."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from ecolink_common.auth.principal import Principal
from ecolink_common.directory import AgencyKind
from ecolink_common.errors import FailedPrecondition, InvalidArgument
from ecolink_common.jurisdiction import region_contains
from ecolink_referrals.domain.deadlines import Duty, end_of_days_after
from ecolink_referrals.domain.lifecycle import Step, TransferKind
from ecolink_referrals.domain.transfer import SupervisionRecord, TransferRecord
from ecolink_referrals.service_layer.transfer_steps import Change, StepContext, StepDetails, TakeStep, take_step
from ecolink_referrals.service_layer.transfer_view import TransferView
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

REASON_RECONSIDERATION_LATE = "TRANSFER_RECONSIDERATION_LATE"
REASON_SUPERVISION_OPEN = "TRANSFER_SUPERVISION_OPEN"
REASON_NO_SUPERVISION = "TRANSFER_NO_OPEN_SUPERVISION"
REASON_NOT_PROSECUTED = "TRANSFER_NOT_PROSECUTED"
REASON_PROSECUTED = "TRANSFER_PROSECUTED"
# Public Security Administration Punishments Law art. 16: administrative detention runs 1 to 15 days (20 combined).
MAX_DETENTION_DAYS = 15
DAYS_TO_REQUEST = 3


@dataclass(frozen=True)
class Decision:
    """A step after the send: which, on which transfer at which etag, by whom, and its own facts."""

    transfer_id: int
    step: Step
    etag: str
    details: StepDetails
    police_case_number: str = ""
    detention_days: int = 0
    persons_held: int = 0
    forward_to: str = ""
    answer_days: int = 0
    outcome: str = ""
    judged_on: str = ""
    court_agency_id: str = ""


NOTE_REQUIRED = frozenset(
    {
        Step.RETURN,
        Step.DECLINE,
        Step.REQUEST_RECONSIDERATION,
        Step.RECONSIDER_AND_FILE,
        Step.UPHOLD_DECLINE,
        Step.OPEN_SUPERVISION,
        Step.ANSWER_SUPERVISION,
        Step.PROSECUTE,
        Step.NOT_PROSECUTE,
        Step.RECORD_JUDGMENT,
        Step.REVERSE,
        Step.WITHDRAW,
    }
)


async def decide(
    uow: ReferralsUnitOfWork, principal: Principal, decision: Decision, context: StepContext
) -> TransferView:
    """Takes the decision's step with what it changes."""
    take = TakeStep(
        decision.transfer_id,
        decision.step,
        decision.etag,
        decision.details,
        note_required=decision.step in NOTE_REQUIRED,
        content=_content(decision),
    )
    days = decision.answer_days or context.periods.supervision_answer_days

    async def precheck(inner: ReferralsUnitOfWork, transfer: TransferRecord, at: datetime) -> None:
        await _precheck(inner, transfer, at, decision)

    checked = replace(context, change=_change(decision, days), supervision_days=days, precheck=precheck)
    return await take_step(uow, principal, take, checked)


def _content(decision: Decision) -> dict[str, object]:
    facts: dict[str, object] = {
        "police_case_number": decision.police_case_number,
        "detention_days": decision.detention_days,
        "persons_held": decision.persons_held,
        "forward_to": decision.forward_to,
        "outcome": decision.outcome,
        "judged_on": decision.judged_on,
        "court": decision.court_agency_id,
    }
    return {key: value for key, value in facts.items() if value}


def _change(decision: Decision, supervision_days: int) -> Change:
    step, note = decision.step, decision.details.note

    def change(transfer: TransferRecord, at: datetime) -> TransferRecord:
        if step in (Step.FILE, Step.RECONSIDER_AND_FILE):
            return _filed(transfer, decision)
        if step in (Step.DECLINE, Step.UPHOLD_DECLINE):
            return replace(transfer, outcome=note)
        if step is Step.FORWARD:
            return replace(transfer, police_agency_id=decision.forward_to)
        if step in (Step.OPEN_SUPERVISION, Step.ANSWER_SUPERVISION, Step.CLOSE_SUPERVISION):
            return _supervised(transfer, decision, at, supervision_days)
        if step in (Step.PROSECUTE, Step.NOT_PROSECUTE):
            return replace(transfer, prosecuted=step is Step.PROSECUTE, outcome=note)
        if step is Step.RECORD_JUDGMENT:
            return _judged(transfer, decision)
        if step is Step.REVERSE:
            return _reversed(transfer, note)
        return transfer

    return change


def _filed(transfer: TransferRecord, decision: Decision) -> TransferRecord:
    held = replace(transfer, persons_held=decision.persons_held)
    if transfer.kind is TransferKind.DETENTION:
        if not 1 <= decision.detention_days <= MAX_DETENTION_DAYS:
            raise InvalidArgument.for_field("detention_days", f"1 to {MAX_DETENTION_DAYS} days of detention")
        return replace(held, outcome=f"detained {decision.detention_days} days")
    if not decision.police_case_number.strip():
        raise InvalidArgument.for_field("police_case_number", "the police's case number (立案号) of the filed case")
    return replace(held, police_case_number=decision.police_case_number, outcome="criminal case filed")


def _supervised(transfer: TransferRecord, decision: Decision, at: datetime, days: int) -> TransferRecord:
    current = transfer.open_supervision()
    if decision.step is Step.OPEN_SUPERVISION:
        if current is not None:
            raise FailedPrecondition(f"{transfer.name} is under supervision already", reason=REASON_SUPERVISION_OPEN)
        opened = SupervisionRecord(
            seq=len(transfer.supervisions) + 1,
            procuratorate_agency_id=transfer.procuratorate_agency_id,
            reason=decision.details.note,
            open_time=at,
            answer_due_time=end_of_days_after(at, days),
        )
        return replace(transfer, supervisions=(*transfer.supervisions, opened))
    if current is None:
        raise FailedPrecondition(f"{transfer.name} has no open supervision", reason=REASON_NO_SUPERVISION)
    if decision.step is Step.ANSWER_SUPERVISION:
        updated = replace(current, answer=decision.details.note, answer_time=at)
    else:
        if not decision.outcome.strip():
            raise InvalidArgument.for_field("outcome", "the outcome of the supervision")
        updated = replace(current, outcome=decision.outcome, close_time=at)
    return replace(transfer, supervisions=tuple(updated if s.seq == current.seq else s for s in transfer.supervisions))


def _judged(transfer: TransferRecord, decision: Decision) -> TransferRecord:
    if not transfer.prosecuted:
        raise FailedPrecondition(f"{transfer.name} was not prosecuted", reason=REASON_NOT_PROSECUTED)
    if not decision.judged_on:
        raise InvalidArgument.for_field("judged_on", "the day of the judgment (YYYY-MM-DD)")
    return replace(
        transfer, outcome=f"judged {decision.judged_on} by {decision.court_agency_id}: {decision.details.note}"
    )


def _reversed(transfer: TransferRecord, reason: str) -> TransferRecord:
    if transfer.prosecuted:
        raise FailedPrecondition(f"{transfer.name} was prosecuted; it is not handed back", reason=REASON_PROSECUTED)
    return replace(transfer, outcome=f"handed back for administrative penalty: {reason}")


async def _precheck(uow: ReferralsUnitOfWork, transfer: TransferRecord, at: datetime, decision: Decision) -> None:
    """What a step checks against other records: the reconsideration window, the forwarded-to police, the court."""
    if decision.step is Step.REQUEST_RECONSIDERATION:
        # Art. 9: within 3 days of the refusal, the window the refusal opened.
        window = await uow.transfers.open_deadline(transfer.transfer_id, Duty.RECONSIDERATION_WINDOW)
        if window is None or at >= window.due_time:
            raise FailedPrecondition(
                f"the refusal on {transfer.name} can no longer be reconsidered: the request is due within "
                f"{DAYS_TO_REQUEST} days of it (art. 9)",
                reason=REASON_RECONSIDERATION_LATE,
            )
    if decision.step is Step.RECORD_JUDGMENT:
        court = await uow.agencies.get(decision.court_agency_id) if decision.court_agency_id else None
        if court is None or court.kind is not AgencyKind.COURT:
            raise InvalidArgument.for_field(
                "court_agency_id", f"{decision.court_agency_id!r} is not a court in the directory"
            )
    if decision.step is Step.FORWARD:
        agency = await uow.agencies.get(decision.forward_to) if decision.forward_to else None
        if agency is None or agency.kind is not AgencyKind.POLICE:
            raise InvalidArgument.for_field(
                "police_agency_id", f"{decision.forward_to!r} is not a police agency in the directory"
            )
        if (
            not region_contains(agency.region_code, transfer.region_code)
            or agency.agency_id == transfer.police_agency_id
        ):
            raise InvalidArgument.for_field(
                "police_agency_id", f"{agency.agency_id} is not another police agency covering {transfer.region_code}"
            )
