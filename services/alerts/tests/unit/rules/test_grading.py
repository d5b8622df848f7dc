"""E1 hourly exceedance, exceedance days from valid daily means, and the rolling 30-day grade (DOMAIN §2.3)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from ecolink_alerts.domain.factors import SO2
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.grading import (
    ExceedanceGrade,
    GradeSubject,
    exceedance_day,
    grade_change,
    grade_changes,
    grade_of,
    grade_window,
    hourly_exceedance,
    unit_exceedance_days,
)
from ecolink_alerts.domain.periods import day_start
from ecolink_alerts.domain.readings import DataKind, FactorLimits
from ecolink_alerts.domain.thresholds import GradingThresholds

LIMITS = FactorLimits("mg/m3", 100.0, 0.0, 500.0)
SUBJECT = GradeSubject("lingbi-building-materials", SO2)
FIRST = date(2024, 3, 1)


@pytest.mark.parametrize(
    ("days", "grade"),
    [
        (0, ExceedanceGrade.NONE),
        (1, ExceedanceGrade.BLUE),
        (2, ExceedanceGrade.BLUE),
        (3, ExceedanceGrade.YELLOW),
        (6, ExceedanceGrade.YELLOW),
        (7, ExceedanceGrade.ORANGE),
        (9, ExceedanceGrade.ORANGE),
        (10, ExceedanceGrade.RED),
        (30, ExceedanceGrade.RED),
    ],
)
def test_the_grade_follows_the_number_of_exceedance_days(days, grade):
    assert grade_of(days) is grade


def test_grade_thresholds_are_settings():
    assert grade_of(3, GradingThresholds(yellow_from_days=4)) is ExceedanceGrade.BLUE


def consecutive_days(count: int, first: date = FIRST) -> list[date]:
    return [first + timedelta(days=offset) for offset in range(count)]


@pytest.mark.parametrize(
    ("as_of_offset", "days_in_window", "grade"),
    [
        (9, 10, ExceedanceGrade.RED),
        (29, 10, ExceedanceGrade.RED),
        (30, 9, ExceedanceGrade.ORANGE),
        (39, 0, ExceedanceGrade.NONE),
    ],
)
def test_days_leave_the_window_thirty_days_later(as_of_offset, days_in_window, grade):
    window = grade_window(SUBJECT, consecutive_days(10), FIRST + timedelta(days=as_of_offset))
    assert (len(window.exceedance_days), window.grade) == (days_in_window, grade)


def test_a_grade_change_is_an_event_and_an_unchanged_grade_is_none():
    yellow = grade_window(SUBJECT, consecutive_days(3), FIRST + timedelta(days=2))
    changed = grade_change(ExceedanceGrade.BLUE, yellow)
    assert changed is not None
    assert (changed.previous, changed.current, changed.exceedance_days) == (
        ExceedanceGrade.BLUE,
        ExceedanceGrade.YELLOW,
        tuple(consecutive_days(3)),
    )
    assert grade_change(ExceedanceGrade.YELLOW, yellow) is None


def test_the_grade_rises_as_exceedance_days_come_and_falls_as_they_leave_the_window():
    changes = grade_changes(SUBJECT, consecutive_days(10), FIRST, FIRST + timedelta(days=45))
    assert [((c.as_of - FIRST).days, c.current) for c in changes] == [
        (0, ExceedanceGrade.BLUE),
        (2, ExceedanceGrade.YELLOW),
        (6, ExceedanceGrade.ORANGE),
        (9, ExceedanceGrade.RED),
        (30, ExceedanceGrade.ORANGE),
        (33, ExceedanceGrade.YELLOW),
        (37, ExceedanceGrade.BLUE),
        (39, ExceedanceGrade.NONE),
    ]


@pytest.mark.parametrize(
    ("value", "converted", "flag", "alarm"),
    [
        (120.0, None, DataFlag.NORMAL, True),
        (100.0, None, DataFlag.NORMAL, False),
        (90.0, 110.0, DataFlag.NORMAL, True),
        (120.0, None, DataFlag.MAINTENANCE, False),
    ],
    ids=["above", "at the limit", "converted above", "flagged"],
)
def test_a_valid_hour_value_above_the_limit_raises_an_hourly_alarm(scripted, value, converted, flag, alarm):
    reading = replace(scripted.reading(SO2, scripted.at(0), value, flag), converted=converted)
    assert (hourly_exceedance(reading, LIMITS) is not None) is alarm


def daily(scripted, day: date, value: float, outlet: str = "outlet-1", flag: DataFlag = DataFlag.NORMAL):
    reading = scripted.reading(SO2, day_start(day), value, flag, DataKind.DAILY)
    return replace(reading, outlet_id=outlet)


def test_a_valid_daily_mean_above_the_limit_is_an_exceedance_day_of_its_local_date(scripted):
    assert exceedance_day(daily(scripted, FIRST, 120.0), LIMITS) == FIRST
    assert exceedance_day(daily(scripted, FIRST, 80.0), LIMITS) is None
    assert exceedance_day(daily(scripted, FIRST, 120.0, flag=DataFlag.FAULT), LIMITS) is None


def test_a_day_on_which_two_outlets_exceed_counts_once_for_the_unit(scripted):
    limits = {("outlet-1", SO2): LIMITS, ("outlet-2", SO2): LIMITS}
    means = [
        daily(scripted, FIRST, 120.0),
        daily(scripted, FIRST, 130.0, outlet="outlet-2"),
        daily(scripted, FIRST + timedelta(days=1), 120.0, outlet="outlet-2"),
        daily(scripted, FIRST + timedelta(days=2), 90.0),
    ]
    assert unit_exceedance_days(means, limits) == {
        GradeSubject("unit-1", SO2): frozenset({FIRST, FIRST + timedelta(days=1)})
    }
