"""DOMAIN §2.1 transmission effective rate: valid records received / records expected, per device, unit, region."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.readings import DataKind, Reading


class RegionLevel(StrEnum):
    """DOMAIN §1: administrative division levels of a six-digit region code."""

    COUNTY = "county"
    CITY = "city"
    PROVINCE = "province"


def region_at(code: str, level: RegionLevel) -> str:
    """The code of the county (the code itself), city (first 4 digits + 00) or province (first 2 + 0000)."""
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        raise ValueError(f"a region code has six digits, got {code!r}")
    if level is RegionLevel.CITY:
        return code[:4] + "00"
    if level is RegionLevel.PROVINCE:
        return code[:2] + "0000"
    return code


@dataclass(frozen=True)
class DeviceExpectation:
    """A device expected to send one record of `kind` every `interval`; its unit sits in `region_code`."""

    mn: str
    unit_id: str
    region_code: str
    kind: DataKind = DataKind.HOURLY
    interval: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class TransmissionRate:
    """Valid records received and records expected over a period, for a device, unit or region."""

    scope: str
    expected: int
    valid: int

    @property
    def rate(self) -> float | None:
        """valid / expected; None when nothing was expected."""
        return self.valid / self.expected if self.expected else None


def expected_records(interval: timedelta, start: datetime, end: datetime) -> int:
    """How many records a device sending every `interval` owes over [start, end)."""
    return max(0, -(-(end - start) // interval))


def valid_records(readings: Iterable[Reading], start: datetime, end: datetime) -> dict[tuple[str, DataKind], int]:
    """The valid records of each (MN, data kind) over [start, end). A record (MN + CN + DataTime) is valid when
    every factor value in it is flagged N; back-filled records count like any other."""
    records: dict[tuple[str, DataKind, datetime], bool] = {}
    for reading in readings:
        if start <= reading.data_time < end:
            record = (reading.mn, reading.kind, reading.data_time)
            records[record] = records.get(record, True) and reading.flag is DataFlag.NORMAL
    valid_by_device: dict[tuple[str, DataKind], int] = {}
    for (mn, kind, _), record_valid in records.items():
        valid_by_device[mn, kind] = valid_by_device.get((mn, kind), 0) + int(record_valid)
    return valid_by_device


def rates_of_devices(
    devices: Iterable[DeviceExpectation],
    valid_by_device: Mapping[tuple[str, DataKind], int],
    start: datetime,
    end: datetime,
) -> dict[DeviceExpectation, TransmissionRate]:
    """Each device's rate over [start, end) from its count of valid records (as `valid_records` counts them, or
    storage does). Valid records beyond the expected number (a device sending more often than expected) are not
    counted, so a rate never exceeds 1."""
    rates = {}
    for device in devices:
        expected = expected_records(device.interval, start, end)
        valid = min(expected, valid_by_device.get((device.mn, device.kind), 0))
        rates[device] = TransmissionRate(device.mn, expected, valid)
    return rates


def device_rates(
    devices: Iterable[DeviceExpectation], readings: Iterable[Reading], start: datetime, end: datetime
) -> dict[DeviceExpectation, TransmissionRate]:
    """Each device's rate over [start, end), counted from its readings."""
    return rates_of_devices(devices, valid_records(readings, start, end), start, end)


def _rates_by(
    rates: Mapping[DeviceExpectation, TransmissionRate], scope_of: Callable[[DeviceExpectation], str]
) -> list[TransmissionRate]:
    totals: dict[str, tuple[int, int]] = {}
    for device, rate in rates.items():
        expected, valid = totals.get(scope_of(device), (0, 0))
        totals[scope_of(device)] = (expected + rate.expected, valid + rate.valid)
    return [TransmissionRate(scope, expected, valid) for scope, (expected, valid) in sorted(totals.items())]


def rates_per_unit(rates: Mapping[DeviceExpectation, TransmissionRate]) -> list[TransmissionRate]:
    """DOMAIN §2.1: the rate of each unit, over all its devices (a ratio of sums, not a mean of ratios)."""
    return _rates_by(rates, lambda device: device.unit_id)


def rates_per_region(rates: Mapping[DeviceExpectation, TransmissionRate], level: RegionLevel) -> list[TransmissionRate]:
    """DOMAIN §2.1: the rate of each county, city or province, over all devices of its units."""
    return _rates_by(rates, lambda device: region_at(device.region_code, level))
