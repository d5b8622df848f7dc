"""The legal deadlines of a transfer as data (DOMAIN §4.2): which step opens which duty, by when, owed by whom, and
which steps meet it. Periods are settings with the regulation's defaults (State Council regulation on transfers of
suspected crimes by administrative law-enforcement organs, 2020 revision)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from ecolink_common.civil_days import CHINA_STANDARD_TIME, china_day
from ecolink_referrals.domain.lifecycle import Party, Step


class Duty(StrEnum):
    HEAD_DECISION = "head_decision"
    RECEIPT = "receipt"
    FILING_DECISION = "filing_decision"
    RECONSIDERATION_WINDOW = "reconsideration_window"
    RECONSIDERATION_ANSWER = "reconsideration_answer"
    SUPERVISION_ANSWER = "supervision_answer"


@dataclass(frozen=True)
class TransferPeriods:
    """How long each party has; days are counted as the regulation counts them (below)."""

    # Art. 5: the head decides within 3 days of receiving the report.
    head_decision_days: int = 3
    # Proposed: the regulation has the police sign the receipt (art. 7) without a period; a day lets an overdue
    # receipt be seen.
    receipt_days: int = 1
    # Art. 8: the police decide on filing within 3 days of accepting the transfer.
    filing_decision_days: int = 3
    # Art. 9: the bureau may ask for reconsideration within 3 days of the refusal notice ...
    reconsideration_request_days: int = 3
    # ... and the police decide within 3 days of receiving the request.
    reconsideration_answer_days: int = 3
    # Proposed: the procuratorate's request for the police's reasons (立案监督) answered within 7 days.
    supervision_answer_days: int = 7


@dataclass(frozen=True)
class DutyRule:
    """A duty: the step that opens it, who owes it, its basis, the steps that meet it, and whether missing it is an
    overdue step (a window the bureau may let pass is not)."""

    opened_by: frozenset[Step]
    owed_by: Party
    basis: str
    met_by: frozenset[Step]
    escalates: bool = True


DUTIES: dict[Duty, DutyRule] = {
    Duty.HEAD_DECISION: DutyRule(
        frozenset({Step.REPORT}),
        Party.BUREAU,
        "regulation art. 5",
        frozenset({Step.APPROVE, Step.REFUSE_APPROVAL, Step.WITHDRAW}),
    ),
    Duty.RECEIPT: DutyRule(
        frozenset({Step.APPROVE, Step.RESEND, Step.FORWARD}),
        Party.POLICE,
        "regulation art. 7 (period proposed)",
        frozenset({Step.RECEIVE, Step.WITHDRAW}),
    ),
    Duty.FILING_DECISION: DutyRule(
        frozenset({Step.RECEIVE}),
        Party.POLICE,
        "regulation art. 8",
        frozenset({Step.FILE, Step.DECLINE, Step.RETURN, Step.FORWARD}),
    ),
    Duty.RECONSIDERATION_WINDOW: DutyRule(
        frozenset({Step.DECLINE}),
        Party.BUREAU,
        "regulation art. 9",
        frozenset({Step.REQUEST_RECONSIDERATION, Step.REVERSE}),
        escalates=False,
    ),
    Duty.RECONSIDERATION_ANSWER: DutyRule(
        frozenset({Step.REQUEST_RECONSIDERATION}),
        Party.POLICE,
        "regulation art. 9",
        frozenset({Step.RECONSIDER_AND_FILE, Step.UPHOLD_DECLINE}),
    ),
    Duty.SUPERVISION_ANSWER: DutyRule(
        frozenset({Step.OPEN_SUPERVISION}),
        Party.POLICE,
        "regulation art. 14; period proposed",
        frozenset({Step.ANSWER_SUPERVISION, Step.CLOSE_SUPERVISION}),
    ),
}


def period_of(duty: Duty, periods: TransferPeriods, *, supervision_days: int = 0) -> int:
    return {
        Duty.HEAD_DECISION: periods.head_decision_days,
        Duty.RECEIPT: periods.receipt_days,
        Duty.FILING_DECISION: periods.filing_decision_days,
        Duty.RECONSIDERATION_WINDOW: periods.reconsideration_request_days,
        Duty.RECONSIDERATION_ANSWER: periods.reconsideration_answer_days,
        Duty.SUPERVISION_ANSWER: supervision_days or periods.supervision_answer_days,
    }[duty]


def end_of_days_after(at: datetime, days: int) -> datetime:
    """ "Within N days of" a moment: the day it happens does not count, and the period ends with the N-th day after
    it, at midnight in China (the civil rule on periods; Civil Code art. 201 and 203)."""
    last_day = china_day(at) + timedelta(days=days)
    return datetime.combine(last_day + timedelta(days=1), datetime.min.time(), CHINA_STANDARD_TIME)


@dataclass(frozen=True)
class OpenedDuty:
    duty: Duty
    owed_by: Party
    basis: str
    due_time: datetime


def duties_opened(step: Step, at: datetime, periods: TransferPeriods, *, supervision_days: int = 0) -> list[OpenedDuty]:
    """The duties `step` taken at `at` opens, with their due times."""
    return [
        OpenedDuty(
            duty,
            rule.owed_by,
            rule.basis,
            end_of_days_after(at, period_of(duty, periods, supervision_days=supervision_days)),
        )
        for duty, rule in DUTIES.items()
        if step in rule.opened_by
    ]


def duties_met(step: Step) -> frozenset[Duty]:
    """The open duties `step` meets."""
    return frozenset(duty for duty, rule in DUTIES.items() if step in rule.met_by)
