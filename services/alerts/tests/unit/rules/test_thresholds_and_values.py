"""Documented threshold defaults, flag tables, factor roles, local periods and the checks on reading values."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from ecolink_alerts.domain.factors import (
    COD,
    FLUE_GAS_FLOW,
    OXYGEN,
    PH,
    SO2,
    FactorRole,
    Medium,
    factor_role,
    medium_of,
)
from ecolink_alerts.domain.flags import LEGACY_FLAG_CODES, DataFlag, UnknownDataFlag, data_flag
from ecolink_alerts.domain.periods import day_of, local_date, month_of
from ecolink_alerts.domain.thresholds import RuleThresholds

DEFAULTS = RuleThresholds()
SO2_THRESHOLDS = DEFAULTS.for_factor(SO2)

# (threshold, documented default, where it is documented)
DOCUMENTED = [
    (SO2_THRESHOLDS.validity.min_valid_samples_per_minute, 12, "R1"),
    (SO2_THRESHOLDS.validity.min_valid_minutes_per_hour, 45, "R2"),
    (SO2_THRESHOLDS.validity.min_valid_hours_per_day, 20, "R3"),
    (SO2_THRESHOLDS.validity.min_valid_days_per_month, 25, "R3"),
    (SO2_THRESHOLDS.validity.min_valid_days_in_february, 23, "R3"),
    (SO2_THRESHOLDS.validity.min_normal_share, 0.75, "R4"),
    (DEFAULTS.device.process.running_flow_share_of_median, 0.10, "C1"),
    (DEFAULTS.device.process.stopped_oxygen_percent, 19.0, "C2"),
    (SO2_THRESHOLDS.constant.equal_hours, 6, "C1"),
    (DEFAULTS.for_factor(COD).constant.equal_hours, 12, "C1"),
    (SO2_THRESHOLDS.constant.near_constant_relative_range, 0.01, "C1"),
    (SO2_THRESHOLDS.zero.consecutive_hours, 3, "C2"),
    (SO2_THRESHOLDS.impossible.oxygen_max_percent, 21.0, "C3"),
    (SO2_THRESHOLDS.impossible.nox_tolerance, 0.10, "C3"),
    (SO2_THRESHOLDS.sudden_drop.drop_share_of_baseline, 0.5, "C4"),
    (SO2_THRESHOLDS.sudden_drop.baseline_hours, 6, "C4"),
    (SO2_THRESHOLDS.sudden_drop.min_hours, 3, "C4"),
    (SO2_THRESHOLDS.sudden_drop.explaining_flow_fall, 0.10, "C4"),
    (SO2_THRESHOLDS.sudden_drop.explaining_flags, frozenset({DataFlag.STOPPED, DataFlag.MAINTENANCE}), "C4"),
    (SO2_THRESHOLDS.sudden_drop.recorded_rise, 0.10, "C4"),
    (SO2_THRESHOLDS.sudden_jump.jump_multiple, 3.0, "C5"),
    (SO2_THRESHOLDS.sudden_jump.baseline_hours, 24, "C5"),
    (SO2_THRESHOLDS.sudden_jump.min_share_of_limit, 0.5, "C5"),
    (SO2_THRESHOLDS.stable_low.window, timedelta(hours=72), "C6"),
    (SO2_THRESHOLDS.stable_low.max_cv, 0.05, "C6"),
    (SO2_THRESHOLDS.stable_low.max_mean_share_of_limit, 0.20, "C6"),
    (SO2_THRESHOLDS.stable_low.min_flow_cv, 0.10, "C6"),
    (SO2_THRESHOLDS.limit_hugging.window, timedelta(days=7), "C7"),
    (SO2_THRESHOLDS.limit_hugging.min_share, 0.80, "C7"),
    (SO2_THRESHOLDS.limit_hugging.band_low_share_of_limit, 0.85, "C7"),
    (SO2_THRESHOLDS.minimum.consecutive_hours, 6, "C8"),
    (SO2_THRESHOLDS.minimum.default_share_of_range, 0.01, "C8"),
    (SO2_THRESHOLDS.over_range.max_over_range_share_per_day, 0.05, "C9"),
    (DEFAULTS.device.offline.gap_multiple, 2.0, "C10"),
    (DEFAULTS.device.offline.long_term_continuous, timedelta(hours=24), "C10"),
    (DEFAULTS.device.offline.long_term_cumulative, timedelta(hours=72), "C10"),
    (DEFAULTS.device.offline.cumulative_window, timedelta(days=7), "C10"),
    (SO2_THRESHOLDS.flag_abuse.max_flagged_share_per_month, 0.10, "C11"),
    (DEFAULTS.device.time.max_future, timedelta(minutes=10), "C12"),
    (DEFAULTS.device.time.qn_digits, 17, "C12"),
]


@pytest.mark.parametrize(("threshold", "default"), [row[:2] for row in DOCUMENTED], ids=[row[2] for row in DOCUMENTED])
def test_every_threshold_defaults_to_its_documented_value(threshold, default):
    assert threshold == default


@pytest.mark.parametrize(
    ("code", "table", "flag"),
    [
        ("N", None, DataFlag.NORMAL),
        ("B", None, DataFlag.COMMUNICATION),
        ("D", None, DataFlag.FAULT),
        ("B", LEGACY_FLAG_CODES, DataFlag.FAULT),
        ("D", LEGACY_FLAG_CODES, DataFlag.COMMUNICATION),
        ("H", LEGACY_FLAG_CODES, DataFlag.OVER_RANGE),
        ("P", LEGACY_FLAG_CODES, DataFlag.FAULT),
    ],
)
def test_flag_codes_mean_what_the_device_profile_table_says(code, table, flag):
    assert (data_flag(code) if table is None else data_flag(code, table)) is flag


def test_a_flag_code_outside_the_table_is_refused():
    with pytest.raises(UnknownDataFlag):
        data_flag("H")


@pytest.mark.parametrize(
    ("code", "role", "medium"),
    [
        (SO2, FactorRole.CONCENTRATION, Medium.FLUE_GAS),
        (FLUE_GAS_FLOW, FactorRole.FLOW, Medium.FLUE_GAS),
        (OXYGEN, FactorRole.OXYGEN, Medium.FLUE_GAS),
        ("a01013", FactorRole.OTHER, Medium.FLUE_GAS),
        (COD, FactorRole.CONCENTRATION, Medium.WASTE_WATER),
        (PH, FactorRole.PH, Medium.WASTE_WATER),
        ("LA", FactorRole.OTHER, Medium.OTHER),
    ],
)
def test_a_factor_code_tells_its_role_and_medium(code, role, medium):
    assert (factor_role(code), medium_of(code)) == (role, medium)


def test_local_days_and_months_begin_at_midnight_china_standard_time():
    moment = datetime(2024, 2, 29, 17, tzinfo=UTC)
    assert local_date(moment) == date(2024, 3, 1)
    assert day_of(moment) == datetime(2024, 2, 29, 16, tzinfo=UTC)
    assert month_of(moment) == datetime(2024, 2, 29, 16, tzinfo=UTC)


@pytest.mark.parametrize(
    "change",
    [
        {"data_time": datetime(2024, 3, 4, 6)},
        {"data_time": datetime(2024, 3, 4, 6, tzinfo=timezone(timedelta(hours=8)))},
        {"received_at": datetime(2024, 3, 4, 6)},
        {"value": float("nan")},
    ],
    ids=["naive DataTime", "DataTime not in UTC", "naive receipt time", "not a number"],
)
def test_a_reading_refuses_times_that_are_not_aware_utc_and_values_that_are_not_numbers(scripted, change):
    reading = scripted.reading(SO2, scripted.at(0), 50.0)
    with pytest.raises(ValueError, match=r"UTC|finite"):
        replace(reading, **change)
