"""Monitoring values as the rules see them: data kinds, series keys, readings and per-factor limits."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from ecolink_alerts.domain.flags import DataFlag


class DataKind(StrEnum):
    """DOMAIN §2.1: the four kinds of pollutant data, named by their HJ 212 command code (CN)."""

    REALTIME = "2011"
    MINUTE = "2051"
    HOURLY = "2061"
    DAILY = "2031"


UTC_OFFSET = timedelta(0)


def require_utc(moment: datetime, name: str) -> None:
    """Refuse a naive or non-UTC time: every time in the domain is an aware UTC datetime."""
    if moment.utcoffset() != UTC_OFFSET:
        raise ValueError(f"{name} must be an aware UTC datetime, got {moment!r}")


@dataclass(frozen=True)
class SeriesKey:
    """What an episode is about: a factor series of one device, a device's data kind, or a whole device."""

    unit_id: str
    outlet_id: str
    mn: str
    kind: DataKind | None = None
    factor: str | None = None


@dataclass(frozen=True)
class Reading:
    """One factor value of one record (MN + CN + DataTime), with its flag.

    `value` is the `-Rtd` value of real-time data and the `-Avg` value of minute, hourly and daily data;
    `converted` is the matching `-ZsRtd`/`-ZsAvg` value when the device reports one. `data_time` is the
    acquisition time (2011) or the period start (2051/2061/2031) (ANOMALY_RULES §A R8). `received_at` is
    when the platform received the record; the offline and future-time rules need it.
    """

    mn: str
    unit_id: str
    outlet_id: str
    factor: str
    kind: DataKind
    data_time: datetime
    value: float
    flag: DataFlag = DataFlag.NORMAL
    converted: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    cumulative: float | None = None
    received_at: datetime | None = None
    reported_code: str | None = None
    """The factor code the device sent when it is not `factor` (a 2005 code stored under its 2017 one)."""

    def __post_init__(self) -> None:
        require_utc(self.data_time, "data_time")
        if self.received_at is not None:
            require_utc(self.received_at, "received_at")
        if not math.isfinite(self.value):
            raise ValueError(f"value must be a finite number, got {self.value!r}")

    @property
    def judged_value(self) -> float:
        """ANOMALY_RULES notation: limits are judged on converted (`Zs*`) values where the device reports them."""
        return self.value if self.converted is None else self.converted

    @property
    def arrival(self) -> datetime:
        """When the record reached the platform; without a receipt time, its DataTime."""
        return self.data_time if self.received_at is None else self.received_at

    @property
    def series_key(self) -> SeriesKey:
        return SeriesKey(self.unit_id, self.outlet_id, self.mn, self.kind, self.factor)

    @property
    def data_kind_key(self) -> SeriesKey:
        """The key of rules about this device's whole data kind (a future DataTime)."""
        return SeriesKey(self.unit_id, self.outlet_id, self.mn, self.kind)


@dataclass(frozen=True)
class FactorLimits:
    """DOMAIN §2.1: the emission limit of a factor at an outlet and its instrument's measuring range."""

    unit: str = ""
    emission_limit: float | None = None
    range_lower: float | None = None
    range_upper: float | None = None
    detection_limit: float | None = None
