"""Flag rules: C9 share of T flags per day, C11 share of flagged hours per month and calibration windows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from ecolink_alerts.domain.factors import SO2
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.periods import day_start
from ecolink_alerts.domain.readings import DataKind
from ecolink_alerts.domain.rules.flag_abuse import CalibrationWindow

T = DataFlag.OVER_RANGE
M = DataFlag.MAINTENANCE
D = DataFlag.FAULT
C = DataFlag.CALIBRATION
MIDNIGHT_4_MARCH = day_start(date(2024, 3, 4))
MIDNIGHT_30_MARCH = day_start(date(2024, 3, 30))


def flagged(hours: int, flags: dict[int, DataFlag], value: float = 50.0) -> list:
    """Hour values near 50 flagged N, except the given hours, which carry `value` and their flag."""
    return [(value, flags[hour]) if hour in flags else 50.0 + hour % 5 for hour in range(hours)]


def test_a_day_with_more_than_five_percent_of_t_flags_is_over_range(scripted):
    scripted = replace(scripted, start=MIDNIGHT_4_MARCH)
    values = flagged(49, {5: T, 9: T}, value=600.0)
    assert scripted.summary(scripted.episodes(scripted.readings(values))) == {
        ("C9.daily_share", SO2, MIDNIGHT_4_MARCH, scripted.at(9), True)
    }


def test_a_day_with_one_t_flag_in_twenty_four_hours_is_not_over_range(scripted):
    scripted = replace(scripted, start=MIDNIGHT_4_MARCH)
    assert scripted.episodes(scripted.readings(flagged(49, {5: T}, value=600.0))) == []


def test_a_month_with_more_than_ten_percent_of_maintenance_hours_is_flag_abuse(scripted):
    scripted = replace(scripted, start=MIDNIGHT_30_MARCH)
    values = flagged(50, dict.fromkeys((1, 2, 3, 20, 21, 40), M))
    assert scripted.summary(scripted.episodes(scripted.readings(values))) == {
        ("C11.monthly_share", SO2, day_start(date(2024, 3, 1)), scripted.at(40), False)
    }


def test_a_month_with_under_ten_percent_of_fault_hours_is_not_flag_abuse(scripted):
    scripted = replace(scripted, start=MIDNIGHT_30_MARCH)
    assert scripted.episodes(scripted.readings(flagged(50, dict.fromkeys((1, 2, 20, 40), D)))) == []


@pytest.mark.parametrize(
    ("kind", "step", "calibrated_at", "outside"),
    [
        (DataKind.HOURLY, timedelta(hours=1), 2, False),
        (DataKind.HOURLY, timedelta(hours=1), 10, True),
        (DataKind.MINUTE, timedelta(minutes=10), 13, False),
        (DataKind.MINUTE, timedelta(minutes=10), 16, True),
    ],
    ids=["hour in the window", "hour outside", "minute in the window", "minute outside"],
)
def test_calibration_flags_outside_the_declared_windows_are_flag_abuse(scripted, kind, step, calibrated_at, outside):
    profile = replace(scripted.profile, calibration_windows=(CalibrationWindow(time(2, 0), time(2, 30)),))
    scripted = replace(scripted, start=MIDNIGHT_4_MARCH, profile=profile)
    readings = scripted.readings(flagged(20, {calibrated_at: C}), kind=kind, step=step)
    expected = {("C11.calibration_outside_window", SO2, scripted.start + calibrated_at * step)} if outside else set()
    assert {(e.rule.value, e.key.factor, e.started_at) for e in scripted.episodes(readings)} == expected


def test_a_calibration_window_may_run_over_midnight():
    window = CalibrationWindow(time(23, 30), time(0, 30))
    assert window.holds(day_start(date(2024, 3, 4)) + timedelta(minutes=10))
    assert window.holds(day_start(date(2024, 3, 4)) - timedelta(minutes=10))
    assert not window.holds(day_start(date(2024, 3, 4)) + timedelta(hours=1))
