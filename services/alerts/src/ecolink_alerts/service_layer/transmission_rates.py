"""DOMAIN §2.1 transmission effective rates of the devices a caller may see in a region, from stored records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from ecolink_alerts.domain.readings import DataKind
from ecolink_alerts.domain.registry_records import KeyUnit
from ecolink_alerts.domain.registry_rules import REGION_CODE
from ecolink_alerts.domain.transmission import (
    DeviceExpectation,
    RegionLevel,
    TransmissionRate,
    rates_of_devices,
    rates_per_region,
    rates_per_unit,
)
from ecolink_alerts.service_layer.time_range import checked_range
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.access import require_region_within_reach
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import InvalidArgument
from ecolink_common.jurisdiction import may_see, region_prefix

RATE_ACTION = "GetTransmissionRate"
REASON_REGION_CODE_INVALID = "REGION_CODE_INVALID"


class RateLevel(StrEnum):
    """DOMAIN §2.1: what a rate is reported per."""

    DEVICE = "device"
    UNIT = "unit"
    COUNTY = "county"
    CITY = "city"


@dataclass(frozen=True)
class TransmissionExpectation:
    """What every device owes: one record of `kind` per `interval` (settings `transmission_*`)."""

    kind: DataKind
    interval: timedelta


@dataclass(frozen=True)
class ScopedRate:
    """A rate with what it is about: `devices/{mn}`, `units/{unit_id}` or a region code, its unit's name, region."""

    name: str
    display_name: str
    region_code: str
    rate: TransmissionRate


@dataclass(frozen=True)
class TransmissionReport:
    """The rates at the requested level, by name, and the rate over every counted device."""

    rates: list[ScopedRate]
    total: ScopedRate


def _region(region_code: str) -> str:
    if not region_code:
        raise InvalidArgument.for_field("region_code", "is required", reason=REASON_REGION_CODE_INVALID)
    if not REGION_CODE.match(region_code):
        raise InvalidArgument.for_field(
            "region_code", "must be a six-digit administrative division code", reason=REASON_REGION_CODE_INVALID
        )
    return region_code


def _at_level(
    rates: dict[DeviceExpectation, TransmissionRate], units: dict[str, KeyUnit], level: RateLevel
) -> list[ScopedRate]:
    if level is RateLevel.DEVICE:
        return [
            ScopedRate(f"devices/{device.mn}", units[device.unit_id].display_name, device.region_code, rate)
            for device, rate in sorted(rates.items(), key=lambda item: item[0].mn)
        ]
    if level is RateLevel.UNIT:
        return [
            ScopedRate(f"units/{rate.scope}", units[rate.scope].display_name, units[rate.scope].region_code, rate)
            for rate in rates_per_unit(rates)
        ]
    region_level = RegionLevel.COUNTY if level is RateLevel.COUNTY else RegionLevel.CITY
    return [ScopedRate(rate.scope, "", rate.scope, rate) for rate in rates_per_region(rates, region_level)]


async def transmission_rates(
    uow: AlertsUnitOfWork,
    principal: Principal,
    region_code: str,
    start: datetime | None,
    end: datetime | None,
    level: RateLevel,
    *,
    expectation: TransmissionExpectation,
    longest: timedelta,
) -> TransmissionReport:
    """DOMAIN §2.1: valid records received / records owed over [start, end), per device, unit, county or city.

    Only the units within `region_code` that the caller may see count (DOMAIN §1); a region outside the caller's
    own is NOT_FOUND, and the refusal is audited.
    """
    region_code = _region(region_code)
    start, end = checked_range(start, end, longest=longest)
    async with uow:
        await require_region_within_reach(uow, principal, region_code, action=RATE_ACTION)
        devices = [
            (mn, unit)
            for mn, unit in await uow.history.devices_within(region_prefix(region_code))
            if may_see(principal.viewer, unit.scope)
        ]
        counts = await uow.history.valid_record_counts([mn for mn, _ in devices], expectation.kind, start, end)
    expected = [
        DeviceExpectation(mn, unit.unit_id, unit.region_code, expectation.kind, expectation.interval)
        for mn, unit in devices
    ]
    rates = rates_of_devices(expected, counts, start, end)
    units = {unit.unit_id: unit for _, unit in devices}
    total = TransmissionRate(
        region_code, sum(rate.expected for rate in rates.values()), sum(rate.valid for rate in rates.values())
    )
    return TransmissionReport(_at_level(rates, units, level), ScopedRate(region_code, "", region_code, total))
