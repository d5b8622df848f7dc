"""The roll-up's pure parts: complete periods, derived hourly and daily means with their flags, and regrading."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from ecolink_alerts.domain.factors import SO2
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.grading import ExceedanceGrade, GradeSubject
from ecolink_alerts.domain.periods import day_start
from ecolink_alerts.domain.readings import DataKind, FactorLimits, Reading
from ecolink_alerts.domain.rollup import (
    DEFAULT_ROLLUP,
    by_local_day,
    complete_hours,
    day_spans,
    days_to_recompute,
    derived_daily_means,
    derived_hourly_means,
    device_sent_wins,
    hours_to_derive,
    regrade,
    regrade_from,
    typical_interval,
)
from ecolink_alerts.domain.thresholds import DEFAULT_GRADING

LIMITS = {SO2: FactorLimits("mg/m3", emission_limit=35.0, range_lower=0.0, range_upper=200.0)}
DAY = date(2026, 11, 20)
DAY_START = day_start(DAY)
"""2026-11-19 16:00 UTC: local midnight (China Standard Time)."""
SUBJECT = GradeSubject("lingbi-jiancai", SO2)


def reading(kind: DataKind, at: datetime, value: float, flag: DataFlag = DataFlag.NORMAL) -> Reading:
    return Reading("MN1", "unit", "DA001", SO2, kind, at, value, flag)


def minutes(hour_start: datetime, count: int, value: float, flag: DataFlag = DataFlag.NORMAL) -> list[Reading]:
    return [reading(DataKind.MINUTE, hour_start + timedelta(minutes=m), value, flag) for m in range(count)]


def test_an_hour_is_complete_only_once_its_grace_period_has_passed():
    hour = datetime(2026, 11, 20, 3, tzinfo=UTC)
    assert complete_hours(hour + timedelta(hours=1, minutes=14), DEFAULT_ROLLUP)[-1] == hour - timedelta(hours=1)
    assert complete_hours(hour + timedelta(hours=1, minutes=15), DEFAULT_ROLLUP)[-1] == hour
    assert len(complete_hours(hour + timedelta(hours=1, minutes=15), DEFAULT_ROLLUP)) == 24


def test_after_the_first_run_only_newly_complete_hours_and_hours_with_new_receipts_are_derived_again():
    now = datetime(2026, 11, 20, 12, 20, tzinfo=UTC)
    hours = complete_hours(now, DEFAULT_ROLLUP)
    oldest = now - timedelta(days=366)
    assert hours_to_derive(hours, [], None, oldest, DEFAULT_ROLLUP) == hours
    late = datetime(2026, 11, 20, 3, 17, tzinfo=UTC)
    again = hours_to_derive(hours, [late], now - timedelta(minutes=5), oldest, DEFAULT_ROLLUP)
    assert again == [datetime(2026, 11, 20, 3, tzinfo=UTC)]
    later = hours_to_derive(hours, [], now - timedelta(hours=1), oldest, DEFAULT_ROLLUP)
    assert later == [datetime(2026, 11, 20, 11, tzinfo=UTC)], "11:00–12:00 completed at 12:15"


def test_hours_before_the_lookback_are_derived_when_they_received_values_up_to_the_oldest_hour():
    now = datetime(2026, 11, 20, 12, 20, tzinfo=UTC)
    hours = complete_hours(now, DEFAULT_ROLLUP)
    month_old = [datetime(2026, 10, 20, 5, minute, tzinfo=UTC) for minute in (0, 10, 50)]
    too_old = datetime(2025, 10, 20, 5, tzinfo=UTC)
    oldest = datetime(2025, 11, 20, tzinfo=UTC)
    found = hours_to_derive(hours, [*month_old, too_old], now - timedelta(minutes=5), oldest, DEFAULT_ROLLUP)
    assert found == [datetime(2026, 10, 20, 5, tzinfo=UTC)]
    assert hours_to_derive(hours, month_old, None, oldest, DEFAULT_ROLLUP) == [found[0], *hours]


def test_hours_are_grouped_by_local_day():
    hours = [DAY_START - timedelta(hours=1), DAY_START, DAY_START + timedelta(hours=23)]
    assert by_local_day(hours) == [[hours[0]], hours[1:]]


def test_a_local_day_is_recomputed_only_once_its_grace_period_has_passed():
    next_midnight = day_start(DAY + timedelta(days=1))
    touched = [DAY_START + timedelta(hours=3), DAY_START - timedelta(hours=3)]
    assert days_to_recompute(touched, None, next_midnight + timedelta(minutes=14), DEFAULT_ROLLUP) == [
        DAY - timedelta(days=1)
    ]
    assert days_to_recompute(touched, None, next_midnight + timedelta(minutes=15), DEFAULT_ROLLUP) == [
        DAY - timedelta(days=1),
        DAY,
    ]


def test_days_that_received_values_are_recomputed_however_old_up_to_the_backfill_bound():
    now = day_start(DAY + timedelta(days=1)) + timedelta(hours=1)
    last_run = now - timedelta(minutes=5)
    late = [DAY_START - timedelta(days=39, hours=-2), DAY_START - timedelta(days=400)]
    assert days_to_recompute(late, last_run, now, DEFAULT_ROLLUP) == [DAY - timedelta(days=39)], "400 days is too old"
    assert days_to_recompute([], last_run, now, DEFAULT_ROLLUP) == [], "nothing new, nothing completed"
    assert days_to_recompute([], now - timedelta(hours=2), now, DEFAULT_ROLLUP) == [DAY], "completed at 00:15"
    assert days_to_recompute(late, last_run, now, replace(DEFAULT_ROLLUP, backfill_days=30)) == []


def test_days_are_read_in_runs_of_consecutive_days():
    days = [DAY, DAY + timedelta(days=1), DAY + timedelta(days=2), DAY + timedelta(days=5)]
    assert day_spans(days) == [(DAY, DAY + timedelta(days=2)), (DAY + timedelta(days=5), DAY + timedelta(days=5))]
    assert day_spans([]) == []


def test_forty_five_valid_minutes_make_a_valid_hour_and_thirty_do_not():
    full, short = DAY_START, DAY_START + timedelta(hours=1)
    finer = minutes(full, 45, 20.0) + minutes(full + timedelta(minutes=45), 15, 99.0, DataFlag.CALIBRATION)
    finer += minutes(short, 30, 30.0)
    means = {mean.period_start: mean for mean in derived_hourly_means(finer, [], [full, short], LIMITS, DEFAULT_ROLLUP)}
    assert (means[full].valid, means[full].value, means[full].valid_count, means[full].flag) == (
        True,
        20.0,
        45,
        DataFlag.NORMAL,
    )
    assert (means[short].valid, means[short].value, means[short].required_count) == (False, 30.0, 45)
    assert means[short].as_reading() is not None and means[short].as_reading().flag is DataFlag.FAULT


def test_an_hour_the_device_sent_itself_is_not_derived():
    finer = minutes(DAY_START, 60, 20.0)
    assert derived_hourly_means(finer, [(DAY_START, SO2)], [DAY_START], LIMITS, DEFAULT_ROLLUP) == []


def test_real_time_samples_every_five_seconds_roll_up_through_minute_means():
    samples = [
        reading(DataKind.REALTIME, DAY_START + timedelta(seconds=5 * step), 10.0 + (step % 2)) for step in range(720)
    ]
    [hour] = derived_hourly_means(samples, [], [DAY_START], LIMITS, DEFAULT_ROLLUP)
    assert (hour.valid, hour.valid_count, hour.value) == (True, 60, 10.5)


def test_the_device_interval_is_the_most_common_gap():
    times = [DAY_START + timedelta(minutes=10 * step) for step in range(6)] + [DAY_START + timedelta(minutes=55)]
    assert typical_interval(times, timedelta(minutes=1)) == timedelta(minutes=10)
    assert typical_interval(times[:1], timedelta(minutes=1)) == timedelta(minutes=1)


def test_twenty_valid_hours_make_a_valid_day_and_a_device_sent_hour_wins_over_a_derived_one():
    hours = [DAY_START + timedelta(hours=h) for h in range(20)]
    derived = [reading(DataKind.HOURLY, hour, 10.0) for hour in hours]
    sent = [reading(DataKind.HOURLY, hours[0], 30.0)]
    hourly = device_sent_wins(sent, derived)
    [day] = derived_daily_means(hourly, [], [DAY], LIMITS, DEFAULT_ROLLUP)
    assert (day.valid, day.valid_count, day.value, day.period_start) == (True, 20, 11.0, DAY_START)
    [short] = derived_daily_means(hourly[:19], [], [DAY], LIMITS, DEFAULT_ROLLUP)
    assert (short.valid, short.required_count) == (False, 20)
    assert derived_daily_means(hourly, [(DAY_START, SO2)], [DAY], LIMITS, DEFAULT_ROLLUP) == []


def test_three_exceedance_days_are_yellow_ten_red_and_the_grade_falls_as_days_leave_the_window():
    first_days = [date(2026, 11, day) for day in (1, 2, 3)]
    window, changes = regrade(
        SUBJECT, first_days, ExceedanceGrade.NONE, date(2026, 11, 5), date(2026, 11, 5), DEFAULT_GRADING
    )
    assert (window.grade, [c.current for c in changes]) == (ExceedanceGrade.YELLOW, [ExceedanceGrade.YELLOW])
    ten = [date(2026, 11, day) for day in range(1, 11)]
    window, changes = regrade(SUBJECT, ten, window.grade, date(2026, 11, 6), date(2026, 11, 11), DEFAULT_GRADING)
    assert window.grade is ExceedanceGrade.RED
    assert [(c.as_of.day, c.current) for c in changes] == [(7, ExceedanceGrade.ORANGE), (10, ExceedanceGrade.RED)]
    window, changes = regrade(SUBJECT, ten, window.grade, date(2026, 11, 12), date(2026, 12, 1), DEFAULT_GRADING)
    assert (window.grade, len(window.exceedance_days)) == (ExceedanceGrade.ORANGE, 9)
    assert [c.current for c in changes] == [ExceedanceGrade.ORANGE]


def test_regrading_starts_the_day_after_the_last_and_at_most_one_window_back():
    today = date(2026, 12, 31)
    assert regrade_from(None, today, DEFAULT_GRADING) == today
    assert regrade_from(today, today, DEFAULT_GRADING) == today
    assert regrade_from(date(2026, 12, 20), today, DEFAULT_GRADING) == date(2026, 12, 21)
    assert regrade_from(date(2026, 1, 1), today, DEFAULT_GRADING) == today - timedelta(days=30)
    assert regrade_from(date(2026, 12, 20), today, replace(DEFAULT_GRADING, window_days=5)) == date(2026, 12, 26)
