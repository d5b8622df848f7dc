"""Finding a key unit for a caller: NOT_FOUND outside its jurisdiction, PERMISSION_DENIED for a read-only caller."""

from __future__ import annotations

from ecolink_alerts.domain.registry_records import KeyUnit
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.access import require_visible
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import NotFound, PermissionDenied
from ecolink_common.jurisdiction import REGION_WIDE_KINDS, region_contains

REASON_REGISTRY_READ_ONLY = "REGISTRY_READ_ONLY"
OUTCOME_DENIED = "PERMISSION_DENIED"


def may_register(principal: Principal, region_code: str) -> bool:
    """DOMAIN §1: eco-environment and enforcement bureaus keep the registry of the units in their region."""
    return principal.agency.kind in REGION_WIDE_KINDS and region_contains(principal.agency.region_code, region_code)


async def visible_unit(uow: AlertsUnitOfWork, principal: Principal, unit_id: str, *, action: str) -> KeyUnit:
    """The unit if the caller may see it; a refusal is audited and reported as NOT_FOUND (existence not leaked)."""
    unit = await uow.registry.get_unit(unit_id)
    if unit is None:
        raise NotFound(f"units/{unit_id} was not found")
    await require_visible(uow, principal, unit.scope, action=action, resource=unit.name)
    return unit


async def refuse_registration(uow: AlertsUnitOfWork, principal: Principal, *, action: str, resource: str) -> None:
    """Commits the refusal's audit row alone, then raises PERMISSION_DENIED."""
    await uow.commit_refusal(
        AuditEntry(principal.agency_id, action, resource, OUTCOME_DENIED, REASON_REGISTRY_READ_ONLY)
    )
    raise PermissionDenied(
        f"{principal.agency_id} may not change {resource}: only the bureaus whose region contains the unit may",
        reason=REASON_REGISTRY_READ_ONLY,
    )


async def registrable_unit(uow: AlertsUnitOfWork, principal: Principal, unit_id: str, *, action: str) -> KeyUnit:
    """The unit if the caller may change what is registered under it; NOT_FOUND or PERMISSION_DENIED otherwise."""
    unit = await visible_unit(uow, principal, unit_id, action=action)
    if not may_register(principal, unit.region_code):
        await refuse_registration(uow, principal, action=action, resource=unit.name)
    return unit
