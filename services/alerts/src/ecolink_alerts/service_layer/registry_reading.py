"""Reading the registry: one record or a page of them, only what the caller's jurisdiction covers."""

from __future__ import annotations

from ecolink_alerts.domain.registry_records import Device, KeyUnit, Outlet, VideoChannel
from ecolink_alerts.service_layer.registry_access import visible_unit
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.access import require_region_within_reach, require_visible
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import NotFound
from ecolink_common.jurisdiction import bureau_reach, may_see, region_prefix
from ecolink_common.paging import Page, PageRequest


def _after(page: PageRequest) -> str:
    return page.position.get("after", "")


async def get_key_unit(uow: AlertsUnitOfWork, principal: Principal, unit_id: str) -> KeyUnit:
    async with uow:
        unit = await visible_unit(uow, principal, unit_id, action="GetKeyUnit")
        await uow.commit()
        return unit


async def list_key_units(
    uow: AlertsUnitOfWork, principal: Principal, *, within_region: str, page: PageRequest
) -> Page[KeyUnit]:
    """By unit id: the units of the caller's region (bureaus) or its own (an enterprise), within a region if asked
    (NOT_FOUND, audited, for a region outside the caller's own)."""
    async with uow:
        if within_region:
            await require_region_within_reach(uow, principal, within_region, action="ListKeyUnits")
        found = await uow.registry.list_units(
            region_prefix=bureau_reach(principal.viewer),
            agency_id=principal.agency_id,
            within_region=region_prefix(within_region) if within_region else "",
            after_id=_after(page),
            limit=page.size + 1,
        )
    listed = page.page_of(found, lambda unit: {"after": unit.unit_id})
    return Page([unit for unit in listed.items if may_see(principal.viewer, unit.scope)], listed.next_page_token)


async def get_outlet(uow: AlertsUnitOfWork, principal: Principal, unit_id: str, outlet_id: str) -> Outlet:
    async with uow:
        await visible_unit(uow, principal, unit_id, action="GetOutlet")
        outlet = await uow.registry.get_outlet(unit_id, outlet_id)
        if outlet is None:
            raise NotFound(f"units/{unit_id}/outlets/{outlet_id} was not found")
        await uow.commit()
        return outlet


async def list_outlets(uow: AlertsUnitOfWork, principal: Principal, unit_id: str, *, page: PageRequest) -> Page[Outlet]:
    async with uow:
        await visible_unit(uow, principal, unit_id, action="ListOutlets")
        found = await uow.registry.list_outlets(unit_id, after_id=_after(page), limit=page.size + 1)
        await uow.commit()
    return page.page_of(found, lambda outlet: {"after": outlet.outlet_id})


async def get_device(uow: AlertsUnitOfWork, principal: Principal, mn: str) -> Device:
    """A device by MN; one outside the caller's jurisdiction is NOT_FOUND like an unknown MN (audited)."""
    async with uow:
        device = await uow.registry.get_device(mn)
        unit = await uow.registry.get_unit(device.unit_id) if device else None
        if device is None or unit is None:
            raise NotFound(f"devices/{mn} was not found")
        await require_visible(uow, principal, unit.scope, action="GetDevice", resource=device.name)
        await uow.commit()
        return device


async def list_devices(uow: AlertsUnitOfWork, principal: Principal, *, unit_id: str, page: PageRequest) -> Page[Device]:
    """By MN: the devices of the units the caller may see, only one unit's when `unit_id` is set."""
    async with uow:
        if unit_id:
            await visible_unit(uow, principal, unit_id, action="ListDevices")
        found = await uow.registry.list_devices(
            region_prefix=bureau_reach(principal.viewer),
            agency_id=principal.agency_id,
            unit_id=unit_id,
            after_mn=_after(page),
            limit=page.size + 1,
        )
        await uow.commit()
    return page.page_of(found, lambda device: {"after": device.mn})


async def list_video_channels(
    uow: AlertsUnitOfWork, principal: Principal, unit_id: str, *, page: PageRequest
) -> Page[VideoChannel]:
    async with uow:
        await visible_unit(uow, principal, unit_id, action="ListVideoChannels")
        found = await uow.registry.list_channels(unit_id, after_id=_after(page), limit=page.size + 1)
        await uow.commit()
    return page.page_of(found, lambda channel: {"after": channel.channel_id})
