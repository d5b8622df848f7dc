"""E1 hourly exceedance, exceedance days from valid daily means, and the rolling 30-day grade (DOMAIN §2.3)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from ecolink_alerts.domain.periods import local_date
from ecolink_alerts.domain.readings import DataKind, FactorLimits, Reading, SeriesKey
from ecolink_alerts.domain.thresholds import DEFAULT_GRADING, DEFAULT_VALIDITY, GradingThresholds, ValidityThresholds
from ecolink_alerts.domain.validity import is_valid


class ExceedanceGrade(StrEnum):
    """DOMAIN §2.3: the colour of a unit's factor over the rolling window."""

    NONE = "none"
    BLUE = "blue"
    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"


def exceeds_limit(reading: Reading, limits: FactorLimits) -> bool:
    """ANOMALY_RULES notation: the judged (converted, where reported) value is above the limit L."""
    return limits.emission_limit is not None and reading.judged_value > limits.emission_limit


@dataclass(frozen=True)
class HourlyExceedance:
    """ANOMALY_RULES §B E1: one valid hour value above the limit."""

    key: SeriesKey
    data_time: datetime
    value: float
    limit: float


def hourly_exceedance(
    reading: Reading, limits: FactorLimits, validity: ValidityThresholds = DEFAULT_VALIDITY
) -> HourlyExceedance | None:
    """§B E1: a valid hour value above L raises an alarm; §B E4: invalid (flagged) data never do."""
    if reading.kind is not DataKind.HOURLY or limits.emission_limit is None:
        return None
    if not (is_valid(reading, limits, validity) and exceeds_limit(reading, limits)):
        return None
    return HourlyExceedance(reading.series_key, reading.data_time, reading.judged_value, limits.emission_limit)


def exceedance_day(
    daily: Reading, limits: FactorLimits, validity: ValidityThresholds = DEFAULT_VALIDITY
) -> date | None:
    """DOMAIN §2.3 and §B E2/E4: the local calendar day of a valid daily mean above the limit, else None."""
    if daily.kind is not DataKind.DAILY or not (is_valid(daily, limits, validity) and exceeds_limit(daily, limits)):
        return None
    return local_date(daily.data_time)


@dataclass(frozen=True)
class GradeSubject:
    """DOMAIN §2.3: what is graded, a unit's factor."""

    unit_id: str
    factor: str


def unit_exceedance_days(
    daily_means: Iterable[Reading],
    limits: Mapping[tuple[str, str], FactorLimits],
    validity: ValidityThresholds = DEFAULT_VALIDITY,
) -> dict[GradeSubject, frozenset[date]]:
    """Exceedance days per unit and factor; `limits` is keyed by (outlet id, factor). A day on which several
    outlets of the unit exceed counts once for the unit's grade (E2 counts each outlet as its own violation)."""
    days: dict[GradeSubject, set[date]] = {}
    for daily in daily_means:
        outlet_limits = limits.get((daily.outlet_id, daily.factor))
        day = None if outlet_limits is None else exceedance_day(daily, outlet_limits, validity)
        if day is not None:
            days.setdefault(GradeSubject(daily.unit_id, daily.factor), set()).add(day)
    return {subject: frozenset(found) for subject, found in days.items()}


def grade_of(exceedance_days: int, thresholds: GradingThresholds = DEFAULT_GRADING) -> ExceedanceGrade:
    """DOMAIN §2.3: 0 none, 1–2 blue, 3–6 yellow, 7–9 orange, 10+ red (with the default thresholds)."""
    bands = (
        (thresholds.red_from_days, ExceedanceGrade.RED),
        (thresholds.orange_from_days, ExceedanceGrade.ORANGE),
        (thresholds.yellow_from_days, ExceedanceGrade.YELLOW),
        (thresholds.blue_from_days, ExceedanceGrade.BLUE),
    )
    return next((grade for lowest, grade in bands if exceedance_days >= lowest), ExceedanceGrade.NONE)


@dataclass(frozen=True)
class GradeWindow:
    """The exceedance days inside the rolling window that ends with `as_of`, and the grade they give."""

    subject: GradeSubject
    as_of: date
    exceedance_days: tuple[date, ...]
    grade: ExceedanceGrade


def grade_window(
    subject: GradeSubject,
    exceedance_days: Iterable[date],
    as_of: date,
    thresholds: GradingThresholds = DEFAULT_GRADING,
) -> GradeWindow:
    """DOMAIN §2.3: the window holds `as_of` and the 29 days before it; older days have left it."""
    first = as_of - timedelta(days=thresholds.window_days - 1)
    inside = tuple(sorted(day for day in set(exceedance_days) if first <= day <= as_of))
    return GradeWindow(subject, as_of, inside, grade_of(len(inside), thresholds))


@dataclass(frozen=True)
class ExceedanceGradeChanged:
    """DOMAIN §2.3: a unit's factor changed grade; pushed to its bureaus and responsible person."""

    subject: GradeSubject
    as_of: date
    previous: ExceedanceGrade
    current: ExceedanceGrade
    exceedance_days: tuple[date, ...]


def grade_change(previous: ExceedanceGrade, window: GradeWindow) -> ExceedanceGradeChanged | None:
    """The event for a window whose grade differs from the previous one, else None."""
    if window.grade is previous:
        return None
    return ExceedanceGradeChanged(window.subject, window.as_of, previous, window.grade, window.exceedance_days)


def grade_changes(
    subject: GradeSubject,
    exceedance_days: Iterable[date],
    first: date,
    last: date,
    previous: ExceedanceGrade = ExceedanceGrade.NONE,
    thresholds: GradingThresholds = DEFAULT_GRADING,
) -> list[ExceedanceGradeChanged]:
    """Every grade change from `first` to `last`, day by day, as days enter and leave the window."""
    days = frozenset(exceedance_days)
    changes = []
    for offset in range((last - first).days + 1):
        change = grade_change(previous, grade_window(subject, days, first + timedelta(days=offset), thresholds))
        if change is not None:
            changes.append(change)
            previous = change.current
    return changes
