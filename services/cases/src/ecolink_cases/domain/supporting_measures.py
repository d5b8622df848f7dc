"""Supporting measures of a case (DOMAIN §3.1): sealing or seizure (查封扣押) for a period with one extension,
production restriction (限制生产), the daily continuous penalty (按日连续处罚) counted from the day after the
correction order was served to the re-inspection that finds it unmet, and the hand-off for administrative detention
(移送行政拘留), recorded here and transferred by the referrals service. Periods come from the dated legal table."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ecolink_cases.domain.case import CaseRecord, StepFacts
from ecolink_cases.domain.legal_periods import LegalPeriods, Period
from ecolink_cases.domain.lifecycle import Outcome, Step, StepRefused

REASON_SEALING_ACTIVE = "CASE_SEALING_ACTIVE"
REASON_NO_ACTIVE_SEALING = "CASE_NO_ACTIVE_SEALING"
REASON_SEALING_ALREADY_EXTENDED = "CASE_SEALING_ALREADY_EXTENDED"
REASON_SEALING_ENDED = "CASE_SEALING_ENDED"
REASON_MEASURE_TOO_LONG = "CASE_MEASURE_TOO_LONG"
REASON_NO_PENALTY_TO_CONTINUE = "CASE_NO_PENALTY_TO_CONTINUE"
REASON_NO_CORRECTION_ORDER = "CASE_NO_CORRECTION_ORDER"
REASON_REINSPECTION_LATE = "CASE_REINSPECTION_LATE"
REASON_REINSPECTION_BEFORE_ORDER = "CASE_REINSPECTION_BEFORE_ORDER"
REASON_DETENTION_ALREADY_HANDED_OFF = "CASE_DETENTION_ALREADY_HANDED_OFF"

MEASURE_STEPS = frozenset(
    {
        Step.ORDER_SEALING,
        Step.EXTEND_SEALING,
        Step.LIFT_SEALING,
        Step.RESTRICT_PRODUCTION,
        Step.ORDER_CORRECTION,
        Step.RECORD_REINSPECTION,
        Step.HAND_OFF_FOR_DETENTION,
    }
)
# The period that caps each measure's days, and whose source is cited when it is exceeded.
_CAPPING_PERIOD = {
    Step.ORDER_SEALING: Period.SEALING,
    Step.EXTEND_SEALING: Period.SEALING_EXTENSION,
    Step.RESTRICT_PRODUCTION: Period.PRODUCTION_RESTRICTION,
}


def longest_measure_days(step: Step, on: date, periods: LegalPeriods) -> int | None:
    """The most days the measure `step` starts may last when taken on `on`; None for steps without a length."""
    period = _CAPPING_PERIOD.get(step)
    if period is None:
        return None
    return (periods.end(period, on) - on).days


def with_measure_days(step: Step, facts: StepFacts, periods: LegalPeriods) -> StepFacts:
    """The facts with the measure's days set to the longest allowed when the caller gave none."""
    longest = longest_measure_days(step, facts.occurred_on, periods)
    if longest is None or facts.measure_days:
        return facts
    return replace(facts, measure_days=longest)


def sealing_until(case: CaseRecord) -> date | None:
    """The last day of the sealing, its extension included."""
    if case.sealing_on is None:
        return None
    return date.fromordinal(case.sealing_on.toordinal() + case.sealing_days + case.sealing_extension_days)


def _sealing_active(case: CaseRecord, on: date) -> bool:
    until = sealing_until(case)
    return until is not None and case.sealing_lifted_on is None and on <= until


def check_measure_step(case: CaseRecord, step: Step, facts: StepFacts, periods: LegalPeriods) -> None:
    """Refuses a measure the case's record or the legal periods do not allow on `facts.occurred_on`."""
    on = facts.occurred_on
    longest = longest_measure_days(step, on, periods)
    if longest is not None and facts.measure_days > longest:
        period = _CAPPING_PERIOD[step]
        raise StepRefused(
            REASON_MEASURE_TOO_LONG,
            f"{step.value} lasts at most {longest} days ({periods.in_force(period, on).source})",
            longest_days=str(longest),
        )
    if step is Step.ORDER_SEALING and _sealing_active(case, on):
        raise StepRefused(REASON_SEALING_ACTIVE, f"a sealing runs until {sealing_until(case)}; lift it first")
    if step in (Step.EXTEND_SEALING, Step.LIFT_SEALING) and not _sealing_active(case, on):
        raise StepRefused(REASON_NO_ACTIVE_SEALING, f"no sealing of {case.name} runs on {on}")
    if step is Step.EXTEND_SEALING and case.sealing_extension_days:
        # Administrative Compulsion Law art. 25: one extension only.
        raise StepRefused(REASON_SEALING_ALREADY_EXTENDED, "a sealing is extended once")
    if step in (Step.ORDER_CORRECTION, Step.RECORD_REINSPECTION) and case.outcome is not Outcome.PENALTY:
        # Environmental Protection Law art. 59: a daily penalty continues a penalty decided for the violation.
        raise StepRefused(REASON_NO_PENALTY_TO_CONTINUE, "a daily penalty follows a penalty decision")
    if step is Step.RECORD_REINSPECTION:
        _check_reinspection(case, on, periods)
    if step is Step.HAND_OFF_FOR_DETENTION and case.detention_handed_off_on is not None:
        raise StepRefused(REASON_DETENTION_ALREADY_HANDED_OFF, f"handed off on {case.detention_handed_off_on}")


def _check_reinspection(case: CaseRecord, on: date, periods: LegalPeriods) -> None:
    served = case.correction_served_on
    if served is None:
        raise StepRefused(REASON_NO_CORRECTION_ORDER, "record the correction order before its re-inspection")
    if on <= served:
        raise StepRefused(REASON_REINSPECTION_BEFORE_ORDER, f"the correction order was served on {served}")
    last_day = periods.end(Period.REINSPECTION, served)
    if on > last_day:
        raise StepRefused(
            REASON_REINSPECTION_LATE,
            f"the correction order served on {served} is re-inspected by {last_day} "
            f"({periods.in_force(Period.REINSPECTION, served).source})",
            last_day=last_day.isoformat(),
        )


def apply_measure(case: CaseRecord, step: Step, facts: StepFacts) -> CaseRecord:
    """What the measure records on the case (its state unchanged)."""
    on = facts.occurred_on
    if step is Step.ORDER_SEALING:
        return replace(
            case, sealing_on=on, sealing_days=facts.measure_days, sealing_extension_days=0, sealing_lifted_on=None
        )
    if step is Step.EXTEND_SEALING:
        return replace(case, sealing_extension_days=facts.measure_days)
    if step is Step.LIFT_SEALING:
        return replace(case, sealing_lifted_on=on)
    if step is Step.RESTRICT_PRODUCTION:
        return replace(case, restriction_on=on, restriction_days=facts.measure_days)
    if step is Step.ORDER_CORRECTION:
        return replace(case, correction_served_on=on, reinspected_on=None)
    if step is Step.RECORD_REINSPECTION:
        return _reinspected(case, on, still_unmet=facts.still_unmet)
    return replace(case, detention_handed_off_on=on, detention_police_agency_id=facts.police_agency_id)


def _reinspected(case: CaseRecord, on: date, *, still_unmet: bool) -> CaseRecord:
    """Environmental Protection Law art. 59: still unmet, the original fine is imposed for each day from the day
    after the correction order was served to the re-inspection day."""
    assert case.correction_served_on is not None
    if not still_unmet:
        return replace(case, reinspected_on=on)
    days = (on - case.correction_served_on).days
    return replace(
        case,
        reinspected_on=on,
        daily_penalty_days=case.daily_penalty_days + days,
        daily_penalty_fen=case.daily_penalty_fen + days * case.fine_fen,
    )
