"""ANOMALY_RULES R1–R6 and R10: which values are valid, and minute, hourly, daily and monthly means with their flags."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import fmean

from ecolink_alerts.domain.factors import FactorRole, Medium, factor_role, medium_of
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.periods import day_of, floor_to, local_date, month_of
from ecolink_alerts.domain.readings import DataKind, FactorLimits, Reading, SeriesKey
from ecolink_alerts.domain.thresholds import DEFAULT_VALIDITY, ValidityThresholds

ONE_MINUTE = timedelta(minutes=1)
ONE_HOUR = timedelta(hours=1)
NO_LIMITS = FactorLimits()


def is_valid(reading: Reading, limits: FactorLimits, thresholds: ValidityThresholds) -> bool:
    """ANOMALY_RULES §A R10 (proposed): flag N, a physically possible value, and not above the instrument range."""
    if reading.flag is not DataFlag.NORMAL:
        return False
    role = factor_role(reading.factor)
    if role is FactorRole.PH:
        return thresholds.ph_min <= reading.value <= thresholds.ph_max
    if role in (FactorRole.CONCENTRATION, FactorRole.FLOW) and reading.value < 0:
        return False
    return limits.range_upper is None or reading.value <= limits.range_upper


def samples_required_per_minute(sample_interval: timedelta, thresholds: ValidityThresholds) -> int:
    """R1: ≥ 12 valid instantaneous values; sampling slower than every 5 s cannot give 12, so every sample of
    the minute is required instead (proposed generalisation: R1 at 5 s is also "all 12 samples")."""
    samples_per_minute = max(1, ONE_MINUTE // sample_interval)
    return min(thresholds.min_valid_samples_per_minute, samples_per_minute)


def values_required_per_hour(value_interval: timedelta, medium: Medium, thresholds: ValidityThresholds) -> int:
    """R2: ≥ 45 valid 1-minute values; for a longer MinInterval the same 45/60 share of the hour's values
    (proposed scaling: 10-minute data needs 5 of 6). R6: a waste-water hour needs one value."""
    if medium is Medium.WASTE_WATER:
        return thresholds.min_valid_values_per_water_period
    interval_seconds = max(1, int(value_interval.total_seconds()))
    return max(1, -(-thresholds.min_valid_minutes_per_hour * 60 // interval_seconds))


def hours_required_per_day(medium: Medium, thresholds: ValidityThresholds) -> int:
    """R3: ≥ 20 valid hourly means for flue gas; R6: one hour for waste water."""
    if medium is Medium.WASTE_WATER:
        return thresholds.min_valid_values_per_water_period
    return thresholds.min_valid_hours_per_day


def days_required_per_month(month_start: datetime, medium: Medium, thresholds: ValidityThresholds) -> int:
    """R3: ≥ 25 valid days in a month, ≥ 23 in February; R6: one day for waste water."""
    if medium is Medium.WASTE_WATER:
        return thresholds.min_valid_values_per_water_period
    if local_date(month_start).month == 2:
        return thresholds.min_valid_days_in_february
    return thresholds.min_valid_days_per_month


def roll_up_flag(flags: Sequence[DataFlag], medium: Medium, thresholds: ValidityThresholds) -> DataFlag:
    """R4: flue gas is N when ≥ 75 % of the underlying flags are N, else D. R5: waste water is abnormal as soon
    as one underlying value is; the doc names no flag, so the most frequent abnormal flag is used."""
    abnormal = [flag for flag in flags if flag is not DataFlag.NORMAL]
    if medium is Medium.WASTE_WATER:
        return Counter(abnormal).most_common(1)[0][0] if abnormal else DataFlag.NORMAL
    normal_share = (len(flags) - len(abnormal)) / len(flags) if flags else 0.0
    return DataFlag.NORMAL if normal_share >= thresholds.min_normal_share else DataFlag.FAULT


@dataclass(frozen=True)
class Mean:
    """A mean of one factor series over one period, with what makes it valid or not."""

    key: SeriesKey
    period_start: datetime
    value: float | None
    converted: float | None
    minimum: float | None
    maximum: float | None
    cumulative: float | None
    valid_count: int
    total_count: int
    required_count: int
    flag: DataFlag

    @property
    def valid(self) -> bool:
        """ANOMALY_RULES notation: valid = flag N and enough valid underlying values (R1–R3, R6)."""
        return self.value is not None and self.flag is DataFlag.NORMAL and self.valid_count >= self.required_count

    def as_reading(self) -> Reading | None:
        """The mean as a reading of its kind; None when no underlying value was valid.

        A mean short of its minimum count is flagged D, as R4 flags an aggregate with too few normal values.
        """
        if self.value is None or self.key.kind is None or self.key.factor is None:
            return None
        flag = DataFlag.NORMAL if self.valid else DataFlag.FAULT if self.flag is DataFlag.NORMAL else self.flag
        return Reading(
            mn=self.key.mn,
            unit_id=self.key.unit_id,
            outlet_id=self.key.outlet_id,
            factor=self.key.factor,
            kind=self.key.kind,
            data_time=self.period_start,
            value=self.value,
            flag=flag,
            converted=self.converted,
            minimum=self.minimum,
            maximum=self.maximum,
            cumulative=self.cumulative,
        )


def _mean_of(
    key: SeriesKey,
    period_start: datetime,
    readings: Sequence[Reading],
    valid: Sequence[Reading],
    required: int,
    flag: DataFlag,
) -> Mean:
    converted = [reading.converted for reading in valid if reading.converted is not None]
    cumulative = [reading.cumulative for reading in valid if reading.cumulative is not None]
    return Mean(
        key=key,
        period_start=period_start,
        value=fmean(reading.value for reading in valid) if valid else None,
        converted=fmean(converted) if valid and len(converted) == len(valid) else None,
        minimum=min((r.value if r.minimum is None else r.minimum for r in valid), default=None),
        maximum=max((r.value if r.maximum is None else r.maximum for r in valid), default=None),
        cumulative=math.fsum(cumulative) if cumulative else None,
        valid_count=len(valid),
        total_count=len(readings),
        required_count=required,
        flag=flag,
    )


def _means(
    readings: Iterable[Reading],
    kind: DataKind | None,
    period_of: Callable[[datetime], datetime],
    required_for: Callable[[datetime, Medium], int],
    limits: Mapping[str, FactorLimits],
    thresholds: ValidityThresholds,
) -> list[Mean]:
    groups: dict[tuple[SeriesKey, datetime], list[Reading]] = {}
    for reading in readings:
        key = SeriesKey(reading.unit_id, reading.outlet_id, reading.mn, kind, reading.factor)
        groups.setdefault((key, period_of(reading.data_time)), []).append(reading)
    means = []
    for (key, period_start), members in groups.items():
        factor = key.factor or ""
        medium = medium_of(factor)
        factor_limits = limits.get(factor, NO_LIMITS)
        valid = [reading for reading in members if is_valid(reading, factor_limits, thresholds)]
        flag = roll_up_flag([reading.flag for reading in members], medium, thresholds)
        means.append(_mean_of(key, period_start, members, valid, required_for(period_start, medium), flag))
    return sorted(means, key=lambda mean: (mean.key.mn, mean.key.factor or "", mean.period_start))


def minute_means(
    realtime: Iterable[Reading],
    limits: Mapping[str, FactorLimits],
    sample_interval: timedelta,
    thresholds: ValidityThresholds = DEFAULT_VALIDITY,
) -> list[Mean]:
    """R1: minute means of real-time (2011) values sampled every `sample_interval` (the RtdInterval)."""
    required = samples_required_per_minute(sample_interval, thresholds)
    return _means(
        realtime,
        DataKind.MINUTE,
        lambda moment: floor_to(moment, ONE_MINUTE),
        lambda _, __: required,
        limits,
        thresholds,
    )


def hourly_means(
    minute_values: Iterable[Reading],
    limits: Mapping[str, FactorLimits],
    value_interval: timedelta,
    thresholds: ValidityThresholds = DEFAULT_VALIDITY,
) -> list[Mean]:
    """R2/R4 (flue gas) and R5/R6 (waste water): hourly means of minute values reported every `value_interval`."""
    return _means(
        minute_values,
        DataKind.HOURLY,
        lambda moment: floor_to(moment, ONE_HOUR),
        lambda _, medium: values_required_per_hour(value_interval, medium, thresholds),
        limits,
        thresholds,
    )


def daily_means(
    hourly_values: Iterable[Reading],
    limits: Mapping[str, FactorLimits],
    thresholds: ValidityThresholds = DEFAULT_VALIDITY,
) -> list[Mean]:
    """R3/R4 and R5/R6: daily means over local (China Standard Time) calendar days."""
    return _means(
        hourly_values,
        DataKind.DAILY,
        day_of,
        lambda _, medium: hours_required_per_day(medium, thresholds),
        limits,
        thresholds,
    )


def monthly_means(
    daily_values: Iterable[Reading],
    limits: Mapping[str, FactorLimits],
    thresholds: ValidityThresholds = DEFAULT_VALIDITY,
) -> list[Mean]:
    """R3: monthly means over local calendar months; HJ 212 has no monthly data kind, so their key has none."""
    return _means(
        daily_values,
        None,
        month_of,
        lambda start, medium: days_required_per_month(start, medium, thresholds),
        limits,
        thresholds,
    )
