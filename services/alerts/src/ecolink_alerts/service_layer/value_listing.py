"""Listing stored monitoring values of a device or a unit with their conflicting versions, within jurisdiction."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from ecolink_alerts.adapters.history_repository import ValuePosition
from ecolink_alerts.domain.readings import DataKind, Reading
from ecolink_alerts.registry_model import Device
from ecolink_alerts.service_layer.registry_access import visible_unit
from ecolink_alerts.service_layer.registry_reading import Page
from ecolink_alerts.service_layer.time_range import checked_range
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.access import require_visible
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import InvalidArgument, NotFound
from ecolink_common.paging import decode_page_token, encode_page_token

LIST_VALUES_ACTION = "ListMonitoringValues"
REASON_VALUES_TARGET_INVALID = "VALUES_TARGET_INVALID"
# HJ212.md §7, §9: 2017 codes are a letter and five digits (a21026), 2005 ones short (02, B01, 011); 16 are stored.
FACTOR_CODE = re.compile(r"[A-Za-z0-9]{1,16}")
TOKEN_NOT_ISSUED = "is not a token this server issued for these filters"


@dataclass(frozen=True)
class ValueFilter:
    """Which values to list: one device (`mn`) or every device of a unit (`unit_id`), one kind, DataTime range."""

    kind: DataKind
    start: datetime | None
    end: datetime | None
    mn: str = ""
    unit_id: str = ""
    factor: str = ""

    @property
    def fingerprint(self) -> str:
        """What a page token is bound to, so that it is refused with other filters (AIP-158)."""
        filters = "\x1f".join([self.mn, self.unit_id, self.factor, self.kind.value, str(self.start), str(self.end)])
        return hashlib.sha256(filters.encode()).hexdigest()[:16]


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
    if wanted.factor and FACTOR_CODE.fullmatch(wanted.factor) is None:
        raise InvalidArgument.for_field("factor_code", "must be an HJ 212 pollutant code like a21026")


def _after(page_token: str, wanted: ValueFilter) -> ValuePosition | None:
    position = decode_page_token(page_token)
    if not position:
        return None
    try:
        data_time = datetime.fromisoformat(position["data_time"])
        after = (data_time, position["mn"], position["factor"])
        bound = position["filters"] == wanted.fingerprint
    except (KeyError, ValueError) as error:
        raise InvalidArgument.for_field("page_token", TOKEN_NOT_ISSUED) from error
    if data_time.tzinfo is None or not bound:
        raise InvalidArgument.for_field("page_token", TOKEN_NOT_ISSUED)
    return after


def _token(last: Reading, wanted: ValueFilter) -> str:
    position = {"data_time": last.data_time.isoformat(), "mn": last.mn, "factor": last.factor}
    return encode_page_token({**position, "filters": wanted.fingerprint})


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
    page_size: int,
    page_token: str,
) -> Page[ListedValue]:
    """DOMAIN §2.1: the stored values the filter selects, by DataTime, MN and factor code, each with its conflicts;
    only of devices whose unit the caller may see (DOMAIN §1)."""
    _checked(wanted)
    start, end = checked_range(wanted.start, wanted.end, longest=longest)
    after = _after(page_token, wanted)
    async with uow:
        devices = await _devices(uow, principal, wanted)
        found = await uow.history.values_page(
            devices, wanted.kind, wanted.factor, start, end, after=after, limit=page_size + 1
        )
        items = found[:page_size]
        conflicts = await uow.history.conflicts_of(items)
        await uow.commit()
    listed = [
        ListedValue(reading, conflicts.get((reading.mn, reading.data_time, reading.factor), [])) for reading in items
    ]
    return Page(listed, _token(items[-1], wanted) if len(found) > page_size else "")
