"""Use cases of the identity API: describe the caller, read the directory within jurisdiction."""

from __future__ import annotations

from dataclasses import dataclass

from ecolink_common.access import require_visible
from ecolink_common.auth.principal import Principal
from ecolink_common.directory import Agency, AgencyKind
from ecolink_common.directory_snapshot import DirectoryCache
from ecolink_common.errors import NotFound
from ecolink_common.jurisdiction import RecordScope, may_see, region_prefix
from ecolink_common.paging import Page, PageRequest
from ecolink_common.unit_of_work import UnitOfWork


def enterprise_scope(agency: Agency) -> RecordScope | None:
    """An enterprise's entry is its own record, seen by the bureaus above it; public bodies have no scope."""
    if agency.kind is not AgencyKind.ENTERPRISE:
        return None
    return RecordScope(owner_agency_id=agency.agency_id, region_code=agency.region_code)


def _visible(principal: Principal, agency: Agency) -> bool:
    scope = enterprise_scope(agency)
    return scope is None or may_see(principal.viewer, scope)


@dataclass(frozen=True)
class WhoAmI:
    """The caller as the server sees it."""

    principal: Principal
    directory_version: str


async def who_am_i(directory: DirectoryCache, principal: Principal) -> WhoAmI:
    """Describes the authenticated caller and the directory version it was checked against."""
    return WhoAmI(principal=principal, directory_version=(await directory.current()).version)


async def get_agency(uow: UnitOfWork, principal: Principal, agency_id: str) -> Agency:
    """One directory entry; an enterprise outside the caller's jurisdiction is NOT_FOUND, and audited."""
    resource = f"agencies/{agency_id}"
    async with uow:
        agency = await uow.agencies.get(agency_id)
        if agency is None:
            raise NotFound(f"{resource} was not found")
        scope = enterprise_scope(agency)
        if scope is not None:
            await require_visible(uow, principal, scope, action="GetAgency", resource=resource)
            await uow.commit()
        return agency


async def list_agencies(
    uow: UnitOfWork, principal: Principal, *, page: PageRequest, kind: AgencyKind | None, region: str
) -> Page[Agency]:
    """The entries the caller may see, in id order, one page at a time."""
    after = page.position.get("after", "")
    async with uow:
        candidates = await uow.agencies.list_after(
            after_id=after, kind=kind, region_prefix=region_prefix(region) if region else ""
        )
    visible = [agency for agency in candidates if _visible(principal, agency)]
    return page.page_of(visible, lambda last: {"after": last.agency_id})
