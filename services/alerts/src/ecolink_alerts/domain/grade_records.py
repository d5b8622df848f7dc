"""Exceedance grades and derived means as stored and listed, and what their listings narrow to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.grading import ExceedanceGrade
from ecolink_alerts.domain.readings import DataKind, FactorLimits
from ecolink_alerts.domain.rollup import PeriodFactor
from ecolink_alerts.domain.validity import Mean
from ecolink_common.jurisdiction import RecordScope


@dataclass(frozen=True)
class CurrentGrade:
    """DOMAIN §2.3: the grade of a unit's factor over the window ending with `as_of` (None before its first)."""

    unit_id: str
    factor: str
    region_code: str
    grade: ExceedanceGrade
    as_of: date | None
    exceedance_days: tuple[date, ...]
    updated_at: datetime
    changed_at: datetime | None

    @property
    def name(self) -> str:
        return f"units/{self.unit_id}/exceedanceGrades/{self.factor}"

    @property
    def scope(self) -> RecordScope:
        """DOMAIN §2.3: grades go to the bureaus of the unit's region, like the alerts (the enterprise owns none)."""
        return RecordScope(owner_agency_id="", region_code=self.region_code)


@dataclass(frozen=True)
class GradeFilter:
    """What ListExceedanceGrades narrows to; empty fields do not narrow."""

    unit_id: str = ""
    region_code: str = ""
    grade: ExceedanceGrade | None = None


@dataclass(frozen=True)
class StoredMean:
    """An hourly or daily mean the platform derived from a device's finer data (ANOMALY_RULES §A R1–R6)."""

    mn: str
    kind: DataKind
    factor: str
    period_start: datetime
    value: float | None
    converted: float | None
    minimum: float | None
    maximum: float | None
    cumulative: float | None
    flag: DataFlag
    valid: bool
    valid_count: int
    total_count: int
    required_count: int
    computed_at: datetime


@dataclass(frozen=True)
class MeanFilter:
    """What ListDerivedMeans narrows to within one device; empty fields do not narrow."""

    mn: str
    kind: DataKind | None = None
    factor: str = ""
    start_from: datetime | None = None
    start_before: datetime | None = None


@dataclass(frozen=True)
class GradedUnit:
    """A unit with at least one factor that has an emission limit: what DOMAIN §2.3 grades."""

    unit_id: str
    region_code: str
    limits: dict[tuple[str, str], FactorLimits]
    """(outlet id, factor) → the factor's limits at that outlet."""

    @property
    def factors(self) -> list[str]:
        return sorted({factor for _, factor in self.limits})


DeviceOutlets = Mapping[str, tuple[str, str]]
"""MN → (unit id, outlet id): where each device of a query measures."""


@dataclass(frozen=True)
class ReplacedMeans:
    """What making a device's derived means exactly the wanted ones wrote: new or changed means, and the (period
    start, factor) of the rows removed."""

    written: list[Mean]
    removed: list[PeriodFactor]

    @property
    def changed(self) -> int:
        """Rows written or removed: 0 when nothing changed."""
        return len(self.written) + len(self.removed)

    @property
    def periods(self) -> set[datetime]:
        """The period starts whose means changed."""
        return {mean.period_start for mean in self.written} | {period for period, _ in self.removed}
