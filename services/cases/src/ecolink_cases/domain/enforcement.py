"""When a bureau may remind and then go to court (DOMAIN §3.3; Administrative Compulsion Law arts. 53–54): a
reminder only once the reconsideration and lawsuit windows closed with the fine unpaid; the court only from the day
after the reminder's 10 days pass, and within three months after those windows closed."""

from __future__ import annotations

from datetime import date

from ecolink_cases.domain.case import CaseRecord
from ecolink_cases.domain.execution import court_application_window, decision_timeline, deemed_served
from ecolink_cases.domain.legal_periods import LegalPeriods
from ecolink_cases.domain.lifecycle import Outcome, Step, StepRefused

REASON_NOTHING_TO_ENFORCE = "CASE_NOTHING_TO_ENFORCE"
REASON_REMINDER_TOO_EARLY = "CASE_REMINDER_TOO_EARLY"
REASON_REMINDER_ALREADY_ISSUED = "CASE_REMINDER_ALREADY_ISSUED"
REASON_REMINDER_NOT_ISSUED = "CASE_REMINDER_NOT_ISSUED"
REASON_REMINDER_NOT_SERVED = "CASE_REMINDER_NOT_SERVED"
REASON_OUTSIDE_COURT_WINDOW = "CASE_COURT_APPLICATION_OUTSIDE_WINDOW"

ENFORCEMENT_STEPS = frozenset({Step.ISSUE_PAYMENT_REMINDER, Step.RECORD_REMINDER_SERVICE, Step.APPLY_TO_COURT})


def check_enforcement_step(case: CaseRecord, step: Step, on: date, periods: LegalPeriods) -> None:
    """Refuses an enforcement step the dates or the record do not yet (or no longer) allow."""
    if step not in ENFORCEMENT_STEPS:
        return
    if case.outcome is not Outcome.PENALTY or case.paid_fen >= case.fine_fen or case.service_on is None:
        raise StepRefused(REASON_NOTHING_TO_ENFORCE, f"{case.name} has no served, unpaid fine to enforce")
    assert case.service_method is not None
    timeline = decision_timeline(deemed_served(case.service_method, case.service_on, periods), periods)
    if step is Step.ISSUE_PAYMENT_REMINDER:
        if case.reminder_issued_on is not None:
            raise StepRefused(REASON_REMINDER_ALREADY_ISSUED, f"a reminder was issued on {case.reminder_issued_on}")
        if on < timeline.reminder_from:
            raise StepRefused(
                REASON_REMINDER_TOO_EARLY,
                f"a reminder may issue from {timeline.reminder_from}, once reconsideration and lawsuit windows closed",
                reminder_from=timeline.reminder_from.isoformat(),
            )
    elif step is Step.RECORD_REMINDER_SERVICE:
        if case.reminder_issued_on is None:
            raise StepRefused(REASON_REMINDER_NOT_ISSUED, "issue the payment reminder before recording its service")
    else:
        if case.reminder_service_on is None or case.reminder_service_method is None:
            raise StepRefused(REASON_REMINDER_NOT_SERVED, "the court is asked only after the reminder was served")
        served = deemed_served(case.reminder_service_method, case.reminder_service_on, periods)
        window = court_application_window(timeline, served, periods)
        if not window.opens_on <= on <= window.closes_on:
            raise StepRefused(
                REASON_OUTSIDE_COURT_WINDOW,
                f"the court may be asked from {window.opens_on} to {window.closes_on}",
                opens_on=window.opens_on.isoformat(),
                closes_on=window.closes_on.isoformat(),
            )
