"""Registering and changing key units, outlets, devices and video channels; every change is audited."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ecolink_alerts.domain.device_passwords import DevicePasswords
from ecolink_alerts.domain.registry_records import (
    REASON_CHANNEL_EXISTS,
    REASON_DEVICE_EXISTS,
    REASON_OUTLET_EXISTS,
    REASON_UNIT_EXISTS,
    Device,
    KeyUnit,
    Outlet,
    VideoChannel,
)
from ecolink_alerts.domain.registry_rules import (
    channel_violations,
    device_violations,
    enterprise_violations,
    outlet_violations,
    unit_violations,
)
from ecolink_alerts.domain.rule_violations import RuleViolation
from ecolink_alerts.service_layer.registry_access import may_register, refuse_registration, registrable_unit
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import AlreadyExists, FieldViolation, InvalidArgument, NotFound
from ecolink_common.jurisdiction import RecordScope, may_see
from ecolink_common.request_records import RequestKey, checked_request_id, values_fingerprint

REASON_OUTLET_NOT_FOUND = "OUTLET_NOT_FOUND"
OUTCOME_OK = "OK"


def require_well_formed(violations: list[RuleViolation], message_prefix: str) -> None:
    """Raises INVALID_ARGUMENT naming every bad field as the request spells it, e.g. `outlet.factors[0].unit`."""
    if violations:
        named = [FieldViolation(f"{message_prefix}.{v.field}", v.description) for v in violations]
        raise InvalidArgument(f"{message_prefix} is invalid: " + "; ".join(v.field for v in named), violations=named)


def _request_key(principal: Principal, request_id: str, action: str, resource: str) -> RequestKey | None:
    """AIP-155 in the platform table: for the registry the same request is a create of the same resource."""
    if not request_id:
        return None
    checked_request_id(request_id, "request_id")
    return RequestKey(principal.agency_id, request_id, action, values_fingerprint(resource))


async def _repeated(uow: AlertsUnitOfWork, key: RequestKey | None) -> bool:
    """True when this agency already made this resource with this request id; a reuse for another is refused."""
    return key is not None and await uow.requests.replayed_resource(key) is not None


async def _committed(
    uow: AlertsUnitOfWork,
    principal: Principal,
    *,
    action: str,
    resource: str,
    request: RequestKey | None = None,
    details: Mapping[str, Any] | None = None,
) -> None:
    await uow.audit.record(AuditEntry(principal.agency_id, action, resource, OUTCOME_OK, details=details or {}))
    if request is not None:
        await uow.requests.remember(request, resource_name=resource, at=uow.clock.now())
    await uow.commit()


async def _refuse_duplicate(
    uow: AlertsUnitOfWork, principal: Principal, scope: RecordScope, *, action: str, resource: str, reason: str
) -> None:
    """AIP-133: ALREADY_EXISTS when the caller may see the duplicate, PERMISSION_DENIED (audited) when not."""
    if may_see(principal.viewer, scope):
        raise AlreadyExists(f"{resource} already exists", reason=reason)
    await refuse_registration(uow, principal, action=action, resource=resource)


async def _require_enterprise(uow: AlertsUnitOfWork, unit: KeyUnit) -> None:
    enterprise = await uow.agencies.get(unit.enterprise_agency_id) if unit.enterprise_agency_id else None
    require_well_formed(enterprise_violations(unit, enterprise), "key_unit")


async def _require_outlet(uow: AlertsUnitOfWork, unit_id: str, outlet_id: str) -> None:
    if await uow.registry.get_outlet(unit_id, outlet_id) is None:
        raise NotFound(f"units/{unit_id}/outlets/{outlet_id} was not found", reason=REASON_OUTLET_NOT_FOUND)


async def create_key_unit(uow: AlertsUnitOfWork, principal: Principal, unit: KeyUnit, *, request_id: str) -> KeyUnit:
    """Registers a key unit; only a bureau whose region contains the unit's region may."""
    require_well_formed(unit_violations(unit), "key_unit")
    action = "CreateKeyUnit"
    async with uow:
        request = _request_key(principal, request_id, action, unit.name)
        repeated = await _repeated(uow, request)
        existing = await uow.registry.get_unit(unit.unit_id)
        if existing is not None and repeated:
            return existing
        if existing is not None:
            await _refuse_duplicate(
                uow, principal, existing.scope, action=action, resource=unit.name, reason=REASON_UNIT_EXISTS
            )
        if not may_register(principal, unit.region_code):
            await refuse_registration(uow, principal, action=action, resource=unit.name)
        await _require_enterprise(uow, unit)
        await uow.registry.put_unit(unit)
        await _committed(uow, principal, action=action, resource=unit.name, request=request)
        return unit


async def update_key_unit(
    uow: AlertsUnitOfWork, principal: Principal, unit_id: str, changes: Mapping[str, Any]
) -> KeyUnit:
    """Replaces the named fields of a unit (display_name, industry, enterprise_agency_id)."""
    action = "UpdateKeyUnit"
    async with uow:
        unit = replace(await registrable_unit(uow, principal, unit_id, action=action), **changes)
        require_well_formed(unit_violations(unit), "key_unit")
        await _require_enterprise(uow, unit)
        await uow.registry.put_unit(unit)
        await _committed(uow, principal, action=action, resource=unit.name, details={"fields": sorted(changes)})
        return unit


async def create_outlet(uow: AlertsUnitOfWork, principal: Principal, outlet: Outlet, *, request_id: str) -> Outlet:
    """Registers an outlet of a unit with its factors."""
    require_well_formed(outlet_violations(outlet), "outlet")
    action = "CreateOutlet"
    async with uow:
        await registrable_unit(uow, principal, outlet.unit_id, action=action)
        request = _request_key(principal, request_id, action, outlet.name)
        repeated = await _repeated(uow, request)
        existing = await uow.registry.get_outlet(outlet.unit_id, outlet.outlet_id)
        if existing is not None and repeated:
            return existing
        if existing is not None:
            raise AlreadyExists(f"{outlet.name} already exists", reason=REASON_OUTLET_EXISTS)
        await uow.registry.put_outlet(outlet)
        await _committed(uow, principal, action=action, resource=outlet.name, request=request)
        return outlet


async def update_outlet(
    uow: AlertsUnitOfWork, principal: Principal, unit_id: str, outlet_id: str, changes: Mapping[str, Any]
) -> Outlet:
    """Replaces the named fields of an outlet (display_name, medium, factors as a whole)."""
    action = "UpdateOutlet"
    async with uow:
        await registrable_unit(uow, principal, unit_id, action=action)
        stored = await uow.registry.get_outlet(unit_id, outlet_id)
        if stored is None:
            raise NotFound(f"units/{unit_id}/outlets/{outlet_id} was not found")
        outlet = replace(stored, **changes)
        require_well_formed(outlet_violations(outlet), "outlet")
        await uow.registry.put_outlet(outlet)
        await _committed(uow, principal, action=action, resource=outlet.name, details={"fields": sorted(changes)})
        return outlet


async def create_device(
    uow: AlertsUnitOfWork, principal: Principal, device: Device, *, request_id: str, passwords: DevicePasswords
) -> Device:
    """Registers a device on an outlet; the MN is unique across the platform; its password is kept as a digest."""
    require_well_formed(device_violations(device), "device")
    device = replace(device, access_password=passwords.digest(device.access_password))
    action = "CreateDevice"
    async with uow:
        request = _request_key(principal, request_id, action, device.name)
        repeated = await _repeated(uow, request)
        existing = await uow.registry.get_device(device.mn)
        if existing is not None and repeated:
            return existing
        if existing is not None:
            owner = await uow.registry.get_unit(existing.unit_id)
            scope = owner.scope if owner else RecordScope(owner_agency_id="", region_code="")
            await _refuse_duplicate(
                uow, principal, scope, action=action, resource=device.name, reason=REASON_DEVICE_EXISTS
            )
        await registrable_unit(uow, principal, device.unit_id, action=action)
        await _require_outlet(uow, device.unit_id, device.outlet_id)
        await uow.registry.put_device(device)
        await _committed(
            uow,
            principal,
            action=action,
            resource=device.name,
            request=request,
            details={"outlet": device.outlet_name},
        )
        return device


async def update_device(
    uow: AlertsUnitOfWork, principal: Principal, mn: str, changes: Mapping[str, Any], *, passwords: DevicePasswords
) -> Device:
    """Replaces the named fields of a device (a new password is kept as a digest); moving it needs the right to
    change both units."""
    action = "UpdateDevice"
    async with uow:
        stored = await uow.registry.get_device(mn)
        if stored is None:
            raise NotFound(f"devices/{mn} was not found")
        await registrable_unit(uow, principal, stored.unit_id, action=action)
        device = replace(stored, **changes)
        password_given = "access_password" in changes
        require_well_formed(device_violations(device, password_given=password_given), "device")
        if password_given:
            device = replace(device, access_password=passwords.digest(device.access_password))
        if device.unit_id != stored.unit_id:
            await registrable_unit(uow, principal, device.unit_id, action=action)
        await _require_outlet(uow, device.unit_id, device.outlet_id)
        await uow.registry.put_device(device)
        await _committed(uow, principal, action=action, resource=device.name, details={"fields": sorted(changes)})
        return device


async def create_video_channel(
    uow: AlertsUnitOfWork, principal: Principal, channel: VideoChannel, *, request_id: str
) -> VideoChannel:
    """Registers a video channel of a unit, watching one of its outlets when it names one."""
    require_well_formed(channel_violations(channel), "video_channel")
    action = "CreateVideoChannel"
    async with uow:
        await registrable_unit(uow, principal, channel.unit_id, action=action)
        request = _request_key(principal, request_id, action, channel.name)
        repeated = await _repeated(uow, request)
        existing = await uow.registry.get_channel(channel.unit_id, channel.channel_id)
        if existing is not None and repeated:
            return existing
        if existing is not None:
            raise AlreadyExists(f"{channel.name} already exists", reason=REASON_CHANNEL_EXISTS)
        if channel.outlet_id:
            await _require_outlet(uow, channel.unit_id, channel.outlet_id)
        await uow.registry.put_channel(channel)
        await _committed(uow, principal, action=action, resource=channel.name, request=request)
        return channel
