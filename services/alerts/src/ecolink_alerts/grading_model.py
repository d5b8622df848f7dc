"""Exceedance grades and derived means as stored and listed, and what their listings narrow to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.grading import ExceedanceGrade
from ecolink_alerts.domain.readings import DataKind
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
