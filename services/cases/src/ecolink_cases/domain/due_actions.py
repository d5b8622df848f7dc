"""What the law lets or requires a bureau to do next in a served case, day by day (DOMAIN §3.3): when the decision
counts as served, when the fine falls due and what surcharge runs, when a reminder may be issued, when it counts as
served and runs out, and when the court may be asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from ecolink_cases.domain.case import CaseRecord
from ecolink_cases.domain.execution import (
    ServiceMethod,
    court_application_window,
    decision_timeline,
    deemed_served,
    late_payment_surcharge_fen,
)
from ecolink_cases.domain.legal_periods import LegalPeriods, Period
from ecolink_cases.domain.lifecycle import CaseState, Outcome
from ecolink_cases.domain.supporting_measures import sealing_until

# How far ahead an action is listed as upcoming unless the caller asks for another horizon.
UPCOMING_WINDOW = timedelta(days=30)
COMPULSION_LAW_ART_53 = "Administrative Compulsion Law art. 53"
COMPULSION_LAW_ART_54 = "Administrative Compulsion Law art. 54"


class DueStatus(StrEnum):
    UPCOMING = "upcoming"  # within UPCOMING_WINDOW ahead
    DUE = "due"  # may or must be done now
    OVERDUE = "overdue"  # its last day passed
    EXPIRED = "expired"  # a window that closed unused


@dataclass(frozen=True)
class DueAction:
    case_name: str
    action: str
    description: str
    from_date: date
    until_date: date | None
    status: DueStatus
    legal_basis: str


@dataclass(frozen=True)
class _Asked:
    """The day the actions are asked for and how far ahead upcoming ones are shown."""

    as_of: date
    horizon: timedelta


def _status(asked: _Asked, from_date: date, until_date: date | None, *, lapse: DueStatus) -> DueStatus | None:
    as_of = asked.as_of
    if as_of < from_date:
        return DueStatus.UPCOMING if from_date - as_of <= asked.horizon else None
    if until_date is not None and as_of > until_date:
        return lapse
    return DueStatus.DUE


def _service_notice(
    case: CaseRecord, action: str, method: ServiceMethod, on: date, asked: _Asked, periods: LegalPeriods
) -> list[DueAction]:
    as_of = asked.as_of
    served_on = deemed_served(method, on, periods)
    if method is not ServiceMethod.PUBLIC_NOTICE or as_of > served_on:
        return []
    return [
        DueAction(
            case.name,
            action,
            f"公告送达期满视为送达 the public notice counts as served on {served_on.isoformat()}",
            served_on,
            None,
            DueStatus.UPCOMING if as_of < served_on else DueStatus.DUE,
            periods.in_force(Period.PUBLIC_NOTICE_SERVICE, on).source,
        )
    ]


def _measure_actions(case: CaseRecord, asked: _Asked, periods: LegalPeriods) -> list[DueAction]:
    """DOMAIN §3.1: the last day of a running sealing, and the re-inspection a correction order awaits."""
    actions = []
    until = sealing_until(case)
    if until is not None and case.sealing_lifted_on is None and case.state is not CaseState.CLOSED:
        status = _status(asked, until, until, lapse=DueStatus.OVERDUE)
        if status is not None:
            actions.append(
                DueAction(
                    case.name,
                    "sealing_ends",
                    f"查封扣押期限届满 the sealing ends on {until.isoformat()}: lift or extend it (once)",
                    until,
                    until,
                    status,
                    periods.in_force(Period.SEALING, case.sealing_on or until).source,
                )
            )
    served = case.correction_served_on
    if served is not None and case.reinspected_on is None and case.state is not CaseState.CLOSED:
        last_day = periods.end(Period.REINSPECTION, served)
        status = _status(asked, served + timedelta(days=1), last_day, lapse=DueStatus.EXPIRED)
        if status is not None:
            actions.append(
                DueAction(
                    case.name,
                    "reinspection_due",
                    f"复查 re-inspect the correction order served on {served.isoformat()} by {last_day.isoformat()}",
                    served + timedelta(days=1),
                    last_day,
                    status,
                    periods.in_force(Period.REINSPECTION, served).source,
                )
            )
    return actions


def due_actions(
    case: CaseRecord, as_of: date, periods: LegalPeriods, *, horizon: timedelta = UPCOMING_WINDOW
) -> list[DueAction]:
    """The dated actions of one case as of `as_of`: its measures', then, once served, its decision's; an unpaid
    penalty fine drives all but the notices. Actions starting within `horizon` are listed as upcoming."""
    asked = _Asked(as_of, horizon)
    measures = _measure_actions(case, asked, periods)
    if case.service_method is None or case.service_on is None:
        return measures
    return measures + _execution_actions(case, asked, periods)


def _execution_actions(case: CaseRecord, asked: _Asked, periods: LegalPeriods) -> list[DueAction]:
    as_of = asked.as_of
    assert case.service_method is not None and case.service_on is not None
    actions = _service_notice(case, "deemed_served", case.service_method, case.service_on, asked, periods)
    unpaid = case.fine_fen - case.paid_fen
    if case.outcome is not Outcome.PENALTY or unpaid <= 0 or case.state is CaseState.CLOSED:
        return actions
    served_on = deemed_served(case.service_method, case.service_on, periods)
    timeline = decision_timeline(served_on, periods)
    payment_status = _status(asked, served_on, timeline.payment_until, lapse=DueStatus.OVERDUE)
    if payment_status is not None:
        surcharge = late_payment_surcharge_fen(case.fine_fen, timeline.payment_until, as_of)
        actions.append(
            DueAction(
                case.name,
                "payment_due",
                f"罚款缴纳期限 fine of {unpaid} fen unpaid, due by {timeline.payment_until.isoformat()}"
                + (f"; 加处罚款 surcharge so far {surcharge} fen (shown, not charged)" if surcharge else ""),
                served_on,
                timeline.payment_until,
                payment_status,
                periods.in_force(Period.PAYMENT, served_on).source,
            )
        )
    if case.reminder_issued_on is None:
        reminder_status = _status(asked, timeline.reminder_from, None, lapse=DueStatus.DUE)
        if reminder_status is not None:
            actions.append(
                DueAction(
                    case.name,
                    "reminder_may_issue",
                    "催告 reconsideration and lawsuit windows closed unpaid: a payment reminder may be issued from "
                    f"{timeline.reminder_from.isoformat()}",
                    timeline.reminder_from,
                    None,
                    reminder_status,
                    COMPULSION_LAW_ART_54,
                )
            )
        return actions
    if case.reminder_service_on is None or case.reminder_service_method is None:
        return actions
    method, on = case.reminder_service_method, case.reminder_service_on
    actions += _service_notice(case, "reminder_deemed_served", method, on, asked, periods)
    reminder_served = deemed_served(method, on, periods)
    window = court_application_window(timeline, reminder_served, periods)
    if case.court_applied_on is None and window.is_open_at_all:
        court_status = _status(asked, window.opens_on, window.closes_on, lapse=DueStatus.EXPIRED)
        if court_status is not None:
            actions.append(
                DueAction(
                    case.name,
                    "court_application",
                    f"申请法院强制执行 the court may be asked from {window.opens_on.isoformat()} "
                    f"to {window.closes_on.isoformat()}",
                    window.opens_on,
                    window.closes_on,
                    court_status,
                    COMPULSION_LAW_ART_53,
                )
            )
    return actions
