"""Listing stored monitoring values of a device or a unit with their conflicting versions, within jurisdiction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ecolink_alerts.domain.hj212.factor_codes import ANY_FACTOR_CODE
from ecolink_alerts.domain.monitoring_records import ValuePosition
from ecolink_alerts.domain.readings import DataKind, Reading
from ecolink_alerts.domain.registry_records import Device
from ecolink_alerts.service_layer.registry_access import visible_unit
from ecolink_alerts.service_layer.time_range import checked_range
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.access import require_visible
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import InvalidArgument, NotFound
from ecolink_common.paging import Page, PageRequest, page_token_invalid

LIST_VALUES_ACTION = "ListMonitoringValues"
REASON_VALUES_TARGET_INVALID = "VALUES_TARGET_INVALID"


@dataclass(frozen=True)
class ValueFilter:
    """Which values to list: one device (`mn`) or every device of a unit (`unit_id`), one kind, DataTime range."""

    kind: DataKind
    start: datetime | None
    end: datetime | None
    mn: str = ""
    unit_id: str = ""
    factor: str = ""


@dataclass(frozen=True)
class ListedValue:
    """A stored value and the differing versions of it received later (DOMAIN §2.1, rule C12), in arrival order."""

    reading: Reading
    conflicts: list[Reading]


def _checked(wanted: ValueFilter) -> None:
    if bool(wanted.mn) == bool(wanted.unit_id):
        raise InvalidArgument.for_field(
            "device", "set exactly one of device and unit", reason=REASON_VALUES_TARGET_INVALID
        )
    if wanted.factor and ANY_FACTOR_CODE.fullmatch(wanted.factor) is None:
        raise InvalidArgument.for_field("factor_code", "must be an HJ 212 pollutant code like a21026")


def _after(page: PageRequest) -> ValuePosition | None:
    """The position after the previous page; the signed token is bound to the caller and the filters (AIP-158)."""
    position = page.position
    if not position:
        return None
    try:
        return datetime.fromisoformat(position["data_time"]), position["mn"], position["factor"]
    except (KeyError, ValueError) as error:
        raise page_token_invalid() from error


def _position(last: ListedValue) -> dict[str, str]:
    reading = last.reading
    return {"data_time": reading.data_time.isoformat(), "mn": reading.mn, "factor": reading.factor}


async def _devices(uow: AlertsUnitOfWork, principal: Principal, wanted: ValueFilter) -> list[Device]:
    """The devices listed; a device or unit the caller may not see is NOT_FOUND like an unknown one (audited)."""
    if wanted.unit_id:
        await visible_unit(uow, principal, wanted.unit_id, action=LIST_VALUES_ACTION)
        return list(await uow.registry.devices_of_unit(wanted.unit_id))
    device = await uow.registry.get_device(wanted.mn)
    owner = await uow.registry.get_unit(device.unit_id) if device else None
    if device is None or owner is None:
        raise NotFound(f"devices/{wanted.mn} was not found")
    await require_visible(uow, principal, owner.scope, action=LIST_VALUES_ACTION, resource=device.name)
    return [device]


async def list_monitoring_values(
    uow: AlertsUnitOfWork,
    principal: Principal,
    wanted: ValueFilter,
    *,
    longest: timedelta,
    page: PageRequest,
) -> Page[ListedValue]:
    """DOMAIN §2.1: the stored values the filter selects, by DataTime, MN and factor code, each with its conflicts;
    only of devices whose unit the caller may see (DOMAIN §1)."""
    _checked(wanted)
    start, end = checked_range(wanted.start, wanted.end, longest=longest)
    after = _after(page)
    async with uow:
        devices = await _devices(uow, principal, wanted)
        found = await uow.history.values_page(
            devices, wanted.kind, wanted.factor, start, end, after=after, limit=page.size + 1
        )
        conflicts = await uow.history.conflicts_of(found[: page.size])
        await uow.commit()
    listed = [
        ListedValue(reading, conflicts.get((reading.mn, reading.data_time, reading.factor), [])) for reading in found
    ]
    return page.page_of(listed, _position)
