"""Reading cases and documents (DOMAIN §1: the handling bureau and those above it), what is due in them on a day
(DOMAIN §3.3), and an agency's yearly figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ecolink_cases.domain.case_statistics import CaseStatistics, tally
from ecolink_cases.domain.documents import DocumentKind
from ecolink_cases.domain.due_actions import UPCOMING_WINDOW, DueAction, DueStatus, due_actions
from ecolink_cases.domain.legal_periods import LegalPeriods
from ecolink_cases.domain.lifecycle import CaseState
from ecolink_cases.domain.records import DocumentRecord
from ecolink_cases.service_layer.case_access import visible_case
from ecolink_cases.service_layer.case_view import CaseView, case_view
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.access import require_visible
from ecolink_common.auth.principal import Principal
from ecolink_common.civil_days import china_day
from ecolink_common.errors import NotFound
from ecolink_common.jurisdiction import RecordScope, bureau_reach
from ecolink_common.paging import Page, PageRequest


def listing_window(principal: Principal, page: PageRequest) -> dict[str, Any]:
    """What a newest-first listing reads (DOMAIN §1): a bureau's whole region, any other agency only its own records,
    after the last one of the previous page, one more than the page holds."""
    return {
        "region_prefix": bureau_reach(principal.viewer),
        "agency_id": principal.agency_id,
        "before_id": int(page.position["before"]) if page.position else None,
        "limit": page.size + 1,
    }


async def get_case(uow: CasesUnitOfWork, principal: Principal, case_id: int) -> CaseView:
    async with uow:
        case = await visible_case(uow, principal, case_id, action="GetCase")
        view = await case_view(uow, case)
        await uow.commit()
        return view


async def list_cases(
    uow: CasesUnitOfWork, principal: Principal, page: PageRequest, *, state: CaseState | None
) -> Page[CaseView]:
    """Newest first: a bureau sees every case under its region, any other agency only its own."""
    async with uow:
        rows = await uow.cases.listing(state=state, **listing_window(principal, page))
        compensations = await uow.compensations.ids_of_penalty_cases(case.case_id for case in rows)
    views = [CaseView(case, compensation_id=compensations.get(case.case_id)) for case in rows]
    return page.page_of(views, lambda view: {"before": str(view.case.case_id)})


@dataclass(frozen=True)
class DocumentQuery:
    agency_id: str
    kind: DocumentKind | None
    year: int | None


async def list_documents(
    uow: CasesUnitOfWork, principal: Principal, query: DocumentQuery, page: PageRequest
) -> Page[DocumentRecord]:
    """An agency's documents by kind, year and number; another agency's only where the caller sees its region."""
    async with uow:
        agency = await uow.agencies.get(query.agency_id)
        if agency is None:
            raise NotFound(f"agencies/{query.agency_id} was not found", reason="AGENCY_NOT_FOUND")
        await require_visible(
            uow,
            principal,
            RecordScope(owner_agency_id=query.agency_id, region_code=agency.region_code),
            action="ListDocuments",
            resource=f"agencies/{query.agency_id}/documents",
        )
        position = page.position
        rows = await uow.documents.listing(
            agency_id=query.agency_id,
            kind=query.kind,
            year=query.year,
            after=(position["kind"], int(position["year"]), int(position["number"])) if position else None,
            limit=page.size + 1,
        )
        await uow.commit()
    return page.page_of(list(rows), lambda d: {"kind": d.kind.value, "year": str(d.year), "number": str(d.number)})


async def list_due_actions(
    uow: CasesUnitOfWork,
    principal: Principal,
    *,
    as_of: date | None,
    periods: LegalPeriods,
    upcoming: bool,
    horizon: timedelta = UPCOMING_WINDOW,
) -> Sequence[DueAction]:
    """What is due, overdue and (with `upcoming`) coming within `horizon` in the caller's served cases, by day."""
    async with uow:
        day = as_of or china_day(uow.clock.now())
        cases = await uow.cases.with_deadlines(principal.agency_id)
    actions = [
        action
        for case in cases
        for action in due_actions(case, day, periods, horizon=horizon)
        if upcoming or action.status is not DueStatus.UPCOMING
    ]
    return sorted(actions, key=lambda action: (action.from_date, action.case_name, action.action))


async def case_statistics(uow: CasesUnitOfWork, principal: Principal, agency_id: str, year: int) -> CaseStatistics:
    """An agency's figures for a year, to the agency and the bureaus whose region holds it; others NOT_FOUND."""
    async with uow:
        agency = await uow.agencies.get(agency_id)
        if agency is None:
            raise NotFound(f"agencies/{agency_id} was not found", reason="AGENCY_NOT_FOUND")
        await require_visible(
            uow,
            principal,
            RecordScope(owner_agency_id=agency_id, region_code=agency.region_code),
            action="GetCaseStatistics",
            resource=f"agencies/{agency_id}/statistics/{year}",
        )
        taken = await uow.cases.steps_of_year(agency_id, year)
        await uow.commit()
    return tally(agency_id, year, taken)
