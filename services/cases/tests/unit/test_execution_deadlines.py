"""DOMAIN §3.3 deadlines from dated legal rules: the Wengniute timeline, and a notice published after the 2021
amendment of the Civil Procedure Law."""

from __future__ import annotations

from datetime import date

import pytest

from ecolink_cases.domain.execution import (
    ServiceMethod,
    court_application_window,
    decision_timeline,
    deemed_served,
    late_payment_surcharge_fen,
)
from ecolink_cases.domain.legal_periods import (
    DEFAULT_PERIODS,
    DatedPeriod,
    Period,
    PeriodRuleMissing,
    PeriodUnit,
    add_months,
)

WENGNIUTE_FINE_FEN = 220_000_00


def test_the_wengniute_reminder_published_2021_10_27_is_served_2021_12_26_and_the_court_may_be_asked_from_01_06():
    reminder_served = deemed_served(ServiceMethod.PUBLIC_NOTICE, date(2021, 10, 27), DEFAULT_PERIODS)
    assert reminder_served == date(2021, 12, 26)
    decision_served = deemed_served(ServiceMethod.PUBLIC_NOTICE, date(2021, 2, 9), DEFAULT_PERIODS)
    timeline = decision_timeline(decision_served, DEFAULT_PERIODS)
    window = court_application_window(timeline, reminder_served, DEFAULT_PERIODS)
    assert window.opens_on == date(2022, 1, 6)


def test_the_wengniute_decision_windows_close_before_the_reminder_it_received():
    timeline = decision_timeline(
        deemed_served(ServiceMethod.PUBLIC_NOTICE, date(2021, 2, 9), DEFAULT_PERIODS), DEFAULT_PERIODS
    )
    assert timeline.served_on == date(2021, 4, 10)
    assert timeline.payment_until == date(2021, 4, 25)
    assert (timeline.reconsideration_until, timeline.lawsuit_until) == (date(2021, 6, 9), date(2021, 10, 10))
    assert timeline.reminder_from == date(2021, 10, 11) <= date(2021, 10, 22)


def test_a_notice_published_in_2023_is_served_after_30_days_and_one_in_2021_after_60():
    assert deemed_served(ServiceMethod.PUBLIC_NOTICE, date(2023, 3, 1), DEFAULT_PERIODS) == date(2023, 3, 31)
    assert deemed_served(ServiceMethod.PUBLIC_NOTICE, date(2021, 12, 31), DEFAULT_PERIODS) == date(2022, 3, 1)
    assert deemed_served(ServiceMethod.DIRECT, date(2023, 3, 1), DEFAULT_PERIODS) == date(2023, 3, 1)


@pytest.mark.parametrize(
    ("on", "surcharge"),
    [
        (date(2021, 4, 25), 0),
        (date(2021, 4, 26), 6_600_00),
        (date(2021, 5, 5), 66_000_00),
        (date(2021, 8, 1), 220_000_00),
    ],
)
def test_the_surcharge_is_3_percent_a_day_after_the_due_day_and_never_more_than_the_fine(on, surcharge):
    assert late_payment_surcharge_fen(WENGNIUTE_FINE_FEN, date(2021, 4, 25), on) == surcharge


def test_a_corrected_rule_replaces_the_one_of_the_same_day_and_applies_to_later_acts_only():
    corrected = DEFAULT_PERIODS.replaced(
        [DatedPeriod(Period.PUBLIC_NOTICE_SERVICE, 45, PeriodUnit.DAYS, date(2030, 1, 1), "a future amendment")]
    )
    assert corrected.end(Period.PUBLIC_NOTICE_SERVICE, date(2029, 12, 31)) == date(2030, 1, 30)
    assert corrected.end(Period.PUBLIC_NOTICE_SERVICE, date(2030, 1, 1)) == date(2030, 2, 15)
    assert corrected.in_force(Period.PUBLIC_NOTICE_SERVICE, date(2030, 1, 1)).source == "a future amendment"


def test_a_day_before_the_table_starts_has_no_rule():
    with pytest.raises(PeriodRuleMissing):
        DEFAULT_PERIODS.in_force(Period.PAYMENT, date(1980, 1, 1))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2021, 4, 10), 6, date(2021, 10, 10)),
        (date(2021, 8, 31), 6, date(2022, 2, 28)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
    ],
)
def test_months_end_on_the_same_day_or_the_last_day_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected
