"""The roll-up: which periods are complete, a device's derived hourly and daily means, and a unit's regrading."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import groupby, pairwise

from ecolink_alerts.domain.grading import (
    ExceedanceGrade,
    ExceedanceGradeChanged,
    GradeSubject,
    GradeWindow,
    grade_changes,
    grade_window,
)
from ecolink_alerts.domain.periods import day_start, floor_to, local_date
from ecolink_alerts.domain.readings import DataKind, FactorLimits, Reading
from ecolink_alerts.domain.thresholds import DEFAULT_GRADING, DEFAULT_VALIDITY, GradingThresholds, ValidityThresholds
from ecolink_alerts.domain.validity import ONE_HOUR, ONE_MINUTE, Mean, daily_means, hourly_means, minute_means

ONE_DAY = timedelta(days=1)
PeriodFactor = tuple[datetime, str]
"""A period start and a factor code: what a device-sent value and a derived mean of one kind are keyed by."""


@dataclass(frozen=True)
class RollupPolicy:
    """When periods count as complete, how far back they are recomputed, and the rules' thresholds."""

    # Proposed here (ANOMALY_RULES §A R2/R3 name no delay): a period is complete 15 min after it ends, so minute
    # values a datalogger re-sends late still count.
    grace: timedelta = timedelta(minutes=15)
    # Proposed here: complete hours of the last 24 h are derived on a device's first run and as they complete; older
    # hours only when they receive values (late or back-filled, up to `backfill_days` back).
    hour_lookback: timedelta = timedelta(hours=24)
    # Proposed here: ingest stamps a value's receipt time before it commits, so the hours of values received up to
    # 10 min before the device's last roll-up are looked at again.
    receipt_settle: timedelta = timedelta(minutes=10)
    # Proposed here (ANOMALY_RULES §A R2/R3 and DOMAIN §2.3 need every period's mean, however late its values come):
    # a complete hour or local day is recomputed when it received values since the device's last run, up to 366 days
    # back, so a year of history a province forwards after an outage still gets its means and grades.
    backfill_days: int = 366
    # Proposed here (ANOMALY_RULES notation: an hour value is a 2061 -Avg, or an hour computed from 2051/2011 where
    # there is none): a factor the device sent its own hourly value of in the 7 days before the hours being derived
    # (or during them) has its own hours, so a derived hour of it, computed while the device's hourly packet is
    # still on the way (as in a replay), is kept for the daily means but not judged by the hourly rules.
    own_hours_lookback: timedelta = timedelta(days=7)
    # ANOMALY_RULES §A R2: minute data come every minute unless the device's MinInterval is seen to be longer.
    default_minute_interval: timedelta = ONE_MINUTE
    # ANOMALY_RULES §A R1: instantaneous values sampled every ≤ 5 s, unless the RtdInterval is seen to be longer.
    default_sample_interval: timedelta = timedelta(seconds=5)
    # ANOMALY_RULES §A R1–R6 and R10, as the online rules use them.
    validity: ValidityThresholds = DEFAULT_VALIDITY
    # DOMAIN §2.3: the 30-day window and its colour bands.
    grading: GradingThresholds = DEFAULT_GRADING


DEFAULT_ROLLUP = RollupPolicy()


def complete_hours(now: datetime, policy: RollupPolicy) -> list[datetime]:
    """The starts of the hours within the lookback that ended at least `grace` before `now`, oldest first."""
    first = floor_to(now - policy.hour_lookback, ONE_HOUR)
    last = floor_to(now - policy.grace, ONE_HOUR) - ONE_HOUR
    return [first + ONE_HOUR * step for step in range(int((last - first) / ONE_HOUR) + 1)]


def hours_to_derive(
    hours: Sequence[datetime],
    received: Iterable[datetime],
    last_run: datetime | None,
    oldest: datetime,
    policy: RollupPolicy,
) -> list[datetime]:
    """The hours a roll-up must (re)derive, oldest first. Of the complete `hours` of the lookback: every one the first
    time; afterwards those that became complete since the device's last run and those holding a value received since
    then. Before the lookback, back to `oldest`: every hour holding a value received since the last run (every
    stored value the first time), late or back-filled. So the steady-state cost follows the new data."""
    touched = {floor_to(moment, ONE_HOUR) for moment in received}
    older = sorted(hour for hour in touched if oldest <= hour < hours[0]) if hours else []
    if last_run is None:
        return [*older, *hours]
    return [*older, *(hour for hour in hours if hour in touched or hour + ONE_HOUR + policy.grace > last_run)]


def by_local_day(hours: Sequence[datetime]) -> list[list[datetime]]:
    """Ascending hour starts grouped by local day, so each group's values are read in a range of at most a day."""
    return [list(group) for _, group in groupby(hours, key=local_date)]


def backfill_start(now: datetime, policy: RollupPolicy) -> datetime:
    """The start of the oldest local day a roll-up at `now` still recomputes."""
    return day_start(local_date(now) - timedelta(days=policy.backfill_days))


def days_to_recompute(
    touched: Iterable[datetime], last_run: datetime | None, now: datetime, policy: RollupPolicy
) -> list[date]:
    """The complete local days (ended at least `grace` before `now`, within the back-fill bound) a roll-up must
    (re)compute, oldest first: those holding a `touched` time (a value received since the device's last run, or an
    hour derived in this run; the first time, every stored value) and those that became complete since the last
    run, so the steady-state cost follows the new data, not the history."""
    last = local_date(now - policy.grace) - ONE_DAY
    first = local_date(now) - timedelta(days=policy.backfill_days)
    days = {local_date(moment) for moment in touched}
    if last_run is not None:
        newly_complete = local_date(last_run - policy.grace)
        days.update(newly_complete + timedelta(days=step) for step in range((last - newly_complete).days + 1))
    return sorted(day for day in days if first <= day <= last)


def day_spans(days: Sequence[date]) -> list[tuple[date, date]]:
    """Ascending `days` as runs of consecutive days, each (first, last), so each run is read in one range."""
    spans: list[tuple[date, date]] = []
    for day in days:
        if spans and spans[-1][1] + ONE_DAY == day:
            spans[-1] = (spans[-1][0], day)
        else:
            spans.append((day, day))
    return spans


def typical_interval(times: Iterable[datetime], default: timedelta) -> timedelta:
    """The most common gap between successive distinct times (the device's MinInterval or RtdInterval, which the
    registry does not hold); `default` when there are fewer than two times."""
    ordered = sorted(set(times))
    gaps = Counter(later - earlier for earlier, later in pairwise(ordered))
    return max(gaps, key=lambda gap: (gaps[gap], -gap)) if gaps else default


def device_sent_wins(device_sent: Iterable[Reading], derived: Iterable[Reading]) -> list[Reading]:
    """A device-sent value of a period and factor wins over the mean derived for the same period and factor."""
    chosen = {(reading.mn, reading.data_time, reading.factor): reading for reading in derived}
    chosen.update({(reading.mn, reading.data_time, reading.factor): reading for reading in device_sent})
    return sorted(chosen.values(), key=lambda reading: (reading.mn, reading.data_time, reading.factor))


def derived_hourly_means(
    finer: Sequence[Reading],
    device_hourly: Iterable[PeriodFactor],
    hours: Iterable[datetime],
    limits: Mapping[str, FactorLimits],
    policy: RollupPolicy,
) -> list[Mean]:
    """ANOMALY_RULES §A R1, R2, R4–R6: the hourly means of `hours` from minute values, or from real-time values
    where a factor has no minute value in the hour; none where the device sent the hourly value itself."""
    wanted = set(hours)
    skipped = set(device_hourly)

    def in_scope(reading: Reading) -> bool:
        hour = floor_to(reading.data_time, ONE_HOUR)
        return hour in wanted and (hour, reading.factor) not in skipped

    minute = [reading for reading in finer if reading.kind is DataKind.MINUTE and in_scope(reading)]
    with_minutes = {(floor_to(reading.data_time, ONE_HOUR), reading.factor) for reading in minute}
    realtime = [
        reading
        for reading in finer
        if reading.kind is DataKind.REALTIME
        and in_scope(reading)
        and (floor_to(reading.data_time, ONE_HOUR), reading.factor) not in with_minutes
    ]
    minute_interval = typical_interval(
        (r.data_time for r in finer if r.kind is DataKind.MINUTE), policy.default_minute_interval
    )
    sample_interval = typical_interval(
        (r.data_time for r in finer if r.kind is DataKind.REALTIME), policy.default_sample_interval
    )
    from_samples = [
        reading
        for mean in minute_means(realtime, limits, sample_interval, policy.validity)
        if (reading := mean.as_reading()) is not None
    ]
    return [
        *hourly_means(minute, limits, minute_interval, policy.validity),
        *hourly_means(from_samples, limits, ONE_MINUTE, policy.validity),
    ]


def derived_daily_means(
    hourly: Iterable[Reading],
    device_daily: Iterable[PeriodFactor],
    days: Iterable[date],
    limits: Mapping[str, FactorLimits],
    policy: RollupPolicy,
) -> list[Mean]:
    """ANOMALY_RULES §A R3–R6: the daily means of `days` from hourly values (device-sent or derived); none where
    the device sent the daily value itself."""
    wanted = {day_start(day) for day in days}
    skipped = set(device_daily)
    in_scope = [
        reading
        for reading in hourly
        if (start := day_start(local_date(reading.data_time))) in wanted and (start, reading.factor) not in skipped
    ]
    return daily_means(in_scope, limits, policy.validity)


def regrade_from(last_as_of: date | None, today: date, thresholds: GradingThresholds) -> date:
    """The first day to regrade: the day after the last regrading (so every change on the way is an event), at most
    one window back; today alone the first time or when already graded today."""
    if last_as_of is None or last_as_of >= today:
        return today
    return max(last_as_of + ONE_DAY, today - timedelta(days=thresholds.window_days))


def regrade(
    subject: GradeSubject,
    exceedance_days: Iterable[date],
    previous: ExceedanceGrade,
    first: date,
    today: date,
    thresholds: GradingThresholds,
) -> tuple[GradeWindow, list[ExceedanceGradeChanged]]:
    """DOMAIN §2.3: the window ending today, and each grade change from `first` to today as days enter and leave."""
    days = frozenset(exceedance_days)
    changes = grade_changes(subject, days, first, today, previous, thresholds)
    return grade_window(subject, days, today, thresholds), changes
