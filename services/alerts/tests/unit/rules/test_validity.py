"""ANOMALY_RULES R1–R6 and R10: valid values, minimum counts, flag roll-ups, and hourly, daily and monthly means."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from ecolink_alerts.domain.factors import COD, FLUE_GAS_TEMPERATURE, PH, SO2, WASTE_WATER_FLOW, Medium
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.periods import day_start
from ecolink_alerts.domain.readings import DataKind, FactorLimits
from ecolink_alerts.domain.thresholds import ValidityThresholds
from ecolink_alerts.domain.validity import (
    daily_means,
    days_required_per_month,
    hourly_means,
    is_valid,
    minute_means,
    roll_up_flag,
    samples_required_per_minute,
    values_required_per_hour,
)

DEFAULTS = ValidityThresholds()
SO2_LIMITS = {SO2: FactorLimits("mg/m3", 100.0, 0.0, 500.0)}
HOUR_START = datetime(2024, 3, 4, 6, tzinfo=UTC)
N, M, D = DataFlag.NORMAL, DataFlag.MAINTENANCE, DataFlag.FAULT


@pytest.mark.parametrize(
    ("factor", "value", "flag", "valid"),
    [
        (SO2, 50.0, N, True),
        (SO2, 50.0, M, False),
        (SO2, 0.0, N, True),
        (SO2, -0.1, N, False),
        (SO2, 500.0, N, True),
        (SO2, 500.1, N, False),
        (FLUE_GAS_TEMPERATURE, -5.0, N, True),
        (PH, 7.0, N, True),
        (PH, 14.5, N, False),
        (WASTE_WATER_FLOW, -1.0, N, False),
    ],
)
def test_a_valid_value_is_flagged_n_possible_and_within_the_range(scripted, factor, value, flag, valid):
    reading = scripted.reading(factor, HOUR_START, value, flag)
    assert is_valid(reading, SO2_LIMITS.get(factor, FactorLimits()), DEFAULTS) is valid


@pytest.mark.parametrize(("seconds", "required"), [(1, 12), (5, 12), (10, 6), (30, 2), (60, 1), (120, 1)])
def test_a_minute_needs_twelve_valid_samples_or_every_sample_when_sampled_slower(seconds, required):
    assert samples_required_per_minute(timedelta(seconds=seconds), DEFAULTS) == required


@pytest.mark.parametrize(
    ("minutes", "medium", "required"),
    [
        (1, Medium.FLUE_GAS, 45),
        (5, Medium.FLUE_GAS, 9),
        (10, Medium.FLUE_GAS, 5),
        (30, Medium.FLUE_GAS, 2),
        (10, Medium.WASTE_WATER, 1),
    ],
)
def test_an_hour_needs_three_quarters_of_its_minute_values_for_flue_gas_and_one_for_waste_water(
    minutes, medium, required
):
    assert values_required_per_hour(timedelta(minutes=minutes), medium, DEFAULTS) == required


def minute_values(scripted, flags, step=timedelta(minutes=1), factor=SO2, start=HOUR_START):
    return [
        scripted.reading(factor, start + index * step, 40.0 + index % 3, flag, DataKind.MINUTE)
        for index, flag in enumerate(flags)
        if flag is not None
    ]


@pytest.mark.parametrize(
    ("flags", "step_minutes", "valid", "flag"),
    [
        ([N] * 45 + [M] * 15, 1, True, N),
        ([N] * 44 + [M] * 16, 1, False, D),
        ([N] * 45 + [None] * 15, 1, True, N),
        ([N] * 44 + [None] * 16, 1, False, N),
        ([N] * 5 + [D], 10, True, N),
        ([N] * 4 + [None] * 2, 10, False, N),
    ],
    ids=["45 of 60", "44 of 60 and 16 flagged", "45 present", "44 present", "5 of 6 ten-minute", "4 of 6 ten-minute"],
)
def test_hourly_means_are_valid_with_enough_valid_minute_values(scripted, flags, step_minutes, valid, flag):
    [mean] = hourly_means(
        minute_values(scripted, flags, timedelta(minutes=step_minutes)), SO2_LIMITS, timedelta(minutes=step_minutes)
    )
    assert (mean.valid, mean.flag, mean.key.kind, mean.period_start) == (valid, flag, DataKind.HOURLY, HOUR_START)
    reading = mean.as_reading()
    assert reading is not None
    assert reading.flag is (N if valid else D)


def test_an_hourly_mean_averages_only_valid_values_and_keeps_their_extremes(scripted):
    values = minute_values(scripted, [N] * 50 + [M] * 10)
    values[55] = replace(values[55], value=400.0)
    values[0] = replace(values[0], minimum=1.0)
    [mean] = hourly_means(values, SO2_LIMITS, timedelta(minutes=1))
    valid = values[:50]
    assert mean.value == pytest.approx(sum(r.value for r in valid) / 50)
    assert (mean.minimum, mean.maximum, mean.valid_count, mean.total_count) == (1.0, 42.0, 50, 60)


def test_the_converted_mean_needs_a_converted_value_for_every_valid_value(scripted):
    values = [replace(r, converted=r.value * 1.5) for r in minute_values(scripted, [N] * 60)]
    [converted] = hourly_means(values, SO2_LIMITS, timedelta(minutes=1))
    [partly] = hourly_means([*values[:59], replace(values[59], converted=None)], SO2_LIMITS, timedelta(minutes=1))
    assert converted.converted == pytest.approx(converted.value * 1.5)
    assert partly.converted is None


def test_a_waste_water_hour_is_abnormal_as_soon_as_one_value_is(scripted):
    limits = {COD: FactorLimits("mg/L", 50.0, 0.0, 500.0)}
    one = minute_values(scripted, [N, None, None, None, None, None], timedelta(minutes=10), factor=COD)
    faulty = minute_values(scripted, [N, N, N, N, N, D], timedelta(minutes=10), factor=COD)
    [one_mean] = hourly_means(one, limits, timedelta(minutes=10))
    [faulty_mean] = hourly_means(faulty, limits, timedelta(minutes=10))
    assert (one_mean.valid, faulty_mean.valid, faulty_mean.flag) == (True, False, D)


@pytest.mark.parametrize(
    ("flags", "medium", "rolled_up"),
    [
        ([N, N, N, M], Medium.FLUE_GAS, N),
        ([N, N, M, M], Medium.FLUE_GAS, D),
        ([N, N, N, N], Medium.WASTE_WATER, N),
        ([N, M, M, D], Medium.WASTE_WATER, M),
    ],
)
def test_flags_roll_up_by_three_quarters_for_gas_and_by_any_abnormal_value_for_water(flags, medium, rolled_up):
    assert roll_up_flag(flags, medium, DEFAULTS) is rolled_up


@pytest.mark.parametrize(("valid_hours", "valid"), [(24, True), (20, True), (19, False)])
def test_a_daily_mean_needs_twenty_valid_hours(scripted, valid_hours, valid):
    midnight = day_start(date(2024, 3, 4))
    hours = [scripted.reading(SO2, midnight + timedelta(hours=h), 50.0, N if h < valid_hours else M) for h in range(24)]
    [mean] = daily_means(hours, SO2_LIMITS)
    assert (mean.valid, mean.period_start, mean.key.kind) == (valid, midnight, DataKind.DAILY)


def test_days_are_local_calendar_days(scripted):
    last_hour_of_4_march = scripted.reading(SO2, day_start(date(2024, 3, 5)) - timedelta(hours=1), 50.0)
    first_hour_of_5_march = scripted.reading(SO2, day_start(date(2024, 3, 5)), 50.0)
    means = daily_means([last_hour_of_4_march, first_hour_of_5_march], SO2_LIMITS)
    assert [mean.period_start for mean in means] == [day_start(date(2024, 3, 4)), day_start(date(2024, 3, 5))]


@pytest.mark.parametrize(
    ("month", "medium", "required"),
    [
        (date(2024, 2, 1), Medium.FLUE_GAS, 23),
        (date(2024, 3, 1), Medium.FLUE_GAS, 25),
        (date(2024, 3, 1), Medium.WASTE_WATER, 1),
    ],
)
def test_a_monthly_mean_needs_twenty_five_valid_days_and_twenty_three_in_february(month, medium, required):
    assert days_required_per_month(day_start(month), medium, DEFAULTS) == required


@pytest.mark.parametrize(("valid_samples", "valid"), [(12, True), (11, False)])
def test_a_minute_of_five_second_samples_needs_twelve_valid_ones(scripted, valid_samples, valid):
    samples = [
        scripted.reading(
            SO2, HOUR_START + timedelta(seconds=5 * i), 40.0, N if i < valid_samples else D, DataKind.REALTIME
        )
        for i in range(12)
    ]
    [mean] = minute_means(samples, SO2_LIMITS, timedelta(seconds=5))
    assert (mean.valid, mean.key.kind) == (valid, DataKind.MINUTE)
