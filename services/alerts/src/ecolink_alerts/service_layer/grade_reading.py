"""Reading exceedance grades and derived means: only what the caller's jurisdiction covers."""

from __future__ import annotations

from datetime import datetime

from ecolink_alerts.domain.grade_records import CurrentGrade, GradeFilter, MeanFilter, StoredMean
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.access import require_region_within_reach, require_visible
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import NotFound
from ecolink_common.jurisdiction import bureau_reach, may_see
from ecolink_common.paging import Page, PageRequest, page_token_invalid


async def list_grades(
    uow: AlertsUnitOfWork, principal: Principal, wanted: GradeFilter, *, page: PageRequest
) -> Page[CurrentGrade]:
    """By unit and factor: the grades of units in a bureau's region (DOMAIN §1, §2.3); other agencies see none. A
    region filter outside the caller's own is NOT_FOUND (audited)."""
    position = page.position
    after = (position.get("unit", ""), position.get("factor", "")) if position else None
    async with uow:
        if wanted.region_code:
            await require_region_within_reach(uow, principal, wanted.region_code, action="ListExceedanceGrades")
        reach = bureau_reach(principal.viewer)
        if reach is None:
            return Page([], "")
        found = await uow.grades.list(wanted, within=reach, after=after, limit=page.size + 1)
    listed = page.page_of(found, lambda last: {"unit": last.unit_id, "factor": last.factor})
    return Page([grade for grade in listed.items if may_see(principal.viewer, grade.scope)], listed.next_page_token)


def _mean_after(page: PageRequest) -> tuple[datetime, str, str] | None:
    position = page.position
    if not position:
        return None
    try:
        return datetime.fromisoformat(position["period"]), position["kind"], position["factor"]
    except (KeyError, ValueError) as error:
        raise page_token_invalid() from error


async def list_derived_means(
    uow: AlertsUnitOfWork, principal: Principal, wanted: MeanFilter, *, page: PageRequest
) -> Page[StoredMean]:
    """By period start, kind and factor: a device's derived means, for whoever may see its unit (NOT_FOUND, audited,
    for anyone else, like an unknown device)."""
    after = _mean_after(page)
    async with uow:
        device = await uow.registry.get_device(wanted.mn)
        unit = None if device is None else await uow.registry.get_unit(device.unit_id)
        if device is None or unit is None:
            raise NotFound(f"devices/{wanted.mn} was not found")
        await require_visible(uow, principal, unit.scope, action="ListDerivedMeans", resource=device.name)
        found = await uow.derived_means.list(wanted, after=after, limit=page.size + 1)
        await uow.commit()
    return page.page_of(
        found, lambda last: {"period": last.period_start.isoformat(), "kind": last.kind.value, "factor": last.factor}
    )
