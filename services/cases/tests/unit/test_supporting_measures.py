"""DOMAIN §3.1 supporting measures as pure rules: the periods that cap them come from the dated legal table, a
production restriction lasts at most three calendar months, and the daily penalty adds up over re-inspections."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from ecolink_cases.domain.case import CaseRecord, ClueSource, StepFacts
from ecolink_cases.domain.legal_periods import DEFAULT_PERIODS, DatedPeriod, Period, PeriodUnit
from ecolink_cases.domain.lifecycle import CaseState, Outcome, Step, StepRefused
from ecolink_cases.domain.supporting_measures import (
    apply_measure,
    check_measure_step,
    longest_measure_days,
    sealing_until,
    with_measure_days,
)

AT = datetime(2026, 11, 20, tzinfo=UTC)
CASE = CaseRecord(
    case_id=1,
    handling_agency_id="eeb-341323",
    handling_level="county",
    region_code="341323",
    unit_id="lingbi-jiancai",
    unit_display_name="灵璧建材",
    source=ClueSource.MANUAL,
    source_ref="",
    violation_type="超标排放",
    legal_basis="《大气污染防治法》第九十九条",
    handling_officer_ids=("off-341323-01",),
    create_time=AT,
    update_time=AT,
    state=CaseState.DECIDED,
    outcome=Outcome.PENALTY,
    fine_fen=500_00,
)


def test_a_restriction_lasts_at_most_three_calendar_months_and_a_sealing_thirty_days():
    assert longest_measure_days(Step.RESTRICT_PRODUCTION, date(2027, 1, 31), DEFAULT_PERIODS) == 89  # to 04-30
    assert longest_measure_days(Step.ORDER_SEALING, date(2026, 11, 30), DEFAULT_PERIODS) == 30
    assert longest_measure_days(Step.LIFT_SEALING, date(2026, 11, 30), DEFAULT_PERIODS) is None


def test_a_bureau_table_with_a_shorter_sealing_caps_it_from_its_day():
    periods = DEFAULT_PERIODS.replaced(
        [DatedPeriod(Period.SEALING, 15, PeriodUnit.DAYS, date(2027, 1, 1), "bureau rule 2027")]
    )
    facts = with_measure_days(Step.ORDER_SEALING, StepFacts(occurred_on=date(2027, 1, 5)), periods)
    assert facts.measure_days == 15
    with pytest.raises(StepRefused) as refused:
        check_measure_step(CASE, Step.ORDER_SEALING, replace(facts, measure_days=16), periods)
    assert refused.value.reason == "CASE_MEASURE_TOO_LONG" and "bureau rule 2027" in refused.value.message


def test_the_daily_penalty_adds_up_over_two_reinspections_and_a_met_one_adds_nothing():
    ordered = apply_measure(CASE, Step.ORDER_CORRECTION, StepFacts(occurred_on=date(2026, 11, 1)))
    first = apply_measure(ordered, Step.RECORD_REINSPECTION, StepFacts(date(2026, 11, 11), still_unmet=True))
    again = apply_measure(first, Step.ORDER_CORRECTION, StepFacts(occurred_on=date(2026, 11, 12)))
    second = apply_measure(again, Step.RECORD_REINSPECTION, StepFacts(date(2026, 11, 15), still_unmet=True))
    met = apply_measure(second, Step.RECORD_REINSPECTION, StepFacts(date(2026, 11, 16)))
    assert (second.daily_penalty_days, second.daily_penalty_fen) == (13, 13 * 500_00)
    assert (met.daily_penalty_days, met.reinspected_on) == (13, date(2026, 11, 16))


def test_a_sealing_counts_its_extension_and_ends_when_lifted():
    sealed = apply_measure(CASE, Step.ORDER_SEALING, StepFacts(date(2026, 11, 1), measure_days=30))
    extended = apply_measure(sealed, Step.EXTEND_SEALING, StepFacts(date(2026, 11, 20), measure_days=10))
    assert sealing_until(extended) == date(2026, 12, 11)
    lifted = apply_measure(extended, Step.LIFT_SEALING, StepFacts(date(2026, 11, 25)))
    with pytest.raises(StepRefused) as refused:
        check_measure_step(lifted, Step.EXTEND_SEALING, StepFacts(date(2026, 11, 26), measure_days=1), DEFAULT_PERIODS)
    assert refused.value.reason == "CASE_NO_ACTIVE_SEALING"
