"""What the law lets or requires a bureau to do next in a served case, day by day (DOMAIN §3.3): when the decision
counts as served, when the fine falls due and what surcharge runs, when a reminder may be issued."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from ecolink_cases.domain.execution import (
    ServiceMethod,
    decision_timeline,
    deemed_served,
    late_payment_surcharge_fen,
)
from ecolink_cases.domain.legal_periods import LegalPeriods, Period
from ecolink_cases.domain.lifecycle import CaseState, Outcome

UPCOMING_WINDOW = timedelta(days=30)


class DueStatus(StrEnum):
    UPCOMING = "upcoming"  # within UPCOMING_WINDOW ahead
    DUE = "due"  # may or must be done now
    OVERDUE = "overdue"  # its last day passed
    EXPIRED = "expired"  # a window that closed unused


@dataclass(frozen=True)
class ServedDecision:
    """The facts of a decision's service and payment the deadlines follow from."""

    case_name: str
    state: CaseState
    outcome: Outcome | None
    fine_fen: int
    paid_fen: int
    service_method: ServiceMethod
    service_on: date  # the day handed over, received, or published


@dataclass(frozen=True)
class DueAction:
    case_name: str
    action: str
    description: str
    from_date: date
    until_date: date | None
    status: DueStatus
    legal_basis: str


def _status(as_of: date, from_date: date, until_date: date | None, *, done: bool = False) -> DueStatus | None:
    if done:
        return None
    if as_of < from_date:
        return DueStatus.UPCOMING if from_date - as_of <= UPCOMING_WINDOW else None
    if until_date is not None and as_of > until_date:
        return DueStatus.OVERDUE
    return DueStatus.DUE


def due_actions(decision: ServedDecision, as_of: date, periods: LegalPeriods) -> list[DueAction]:
    """The dated actions of one served decision as of `as_of`; an unpaid penalty fine drives all but the first."""
    served_on = deemed_served(decision.service_method, decision.service_on, periods)
    actions: list[DueAction] = []
    notice = decision.service_method is ServiceMethod.PUBLIC_NOTICE
    if notice and as_of <= served_on:
        rule = periods.in_force(Period.PUBLIC_NOTICE_SERVICE, decision.service_on)
        actions.append(
            DueAction(
                decision.case_name,
                "deemed_served",
                f"公告送达期满视为送达 the public notice counts as served on {served_on.isoformat()}",
                served_on,
                None,
                DueStatus.UPCOMING if as_of < served_on else DueStatus.DUE,
                rule.source,
            )
        )
    unpaid = decision.fine_fen - decision.paid_fen
    if decision.outcome is not Outcome.PENALTY or unpaid <= 0 or decision.state is CaseState.CLOSED:
        return actions
    timeline = decision_timeline(served_on, periods)
    payment_status = _status(as_of, served_on, timeline.payment_until)
    if payment_status is not None:
        surcharge = late_payment_surcharge_fen(decision.fine_fen, timeline.payment_until, as_of)
        actions.append(
            DueAction(
                decision.case_name,
                "payment_due",
                f"罚款缴纳期限 fine of {unpaid} fen unpaid, due by {timeline.payment_until.isoformat()}"
                + (f"; 加处罚款 surcharge so far {surcharge} fen (shown, not charged)" if surcharge else ""),
                served_on,
                timeline.payment_until,
                payment_status,
                periods.in_force(Period.PAYMENT, served_on).source,
            )
        )
    reminder_status = _status(as_of, timeline.reminder_from, None)
    if reminder_status is not None:
        actions.append(
            DueAction(
                decision.case_name,
                "reminder_may_issue",
                "催告 reconsideration and lawsuit windows closed unpaid: a payment reminder may be issued from "
                f"{timeline.reminder_from.isoformat()}",
                timeline.reminder_from,
                None,
                reminder_status,
                "Administrative Compulsion Law art. 54",
            )
        )
    return actions
