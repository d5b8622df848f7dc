"""Opening and reading ecological damage compensation cases (DOMAIN §3.5): the handling bureau of a registered
penalty case opens its one compensation case ("double case"), seen by the same bureaus as the penalty case."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ecolink_cases.domain.compensation import (
    CompensationRecord,
    CompensationState,
    CompensationStepRecord,
    check_penalty_case_opens,
)
from ecolink_cases.domain.lifecycle import StepRefused
from ecolink_cases.service_layer.case_access import handled_case, visible_compensation_case
from ecolink_cases.service_layer.case_reading import listing_window
from ecolink_cases.service_layer.case_steps import refused_step
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.paging import Page, PageRequest
from ecolink_common.request_records import RequestKey

OPEN_ACTION = "OpenCompensationCase"


@dataclass(frozen=True)
class CompensationView:
    """A compensation case with its timeline, as Get and every step return it."""

    case: CompensationRecord
    steps: Sequence[CompensationStepRecord] = ()


async def compensation_view(uow: CasesUnitOfWork, case: CompensationRecord) -> CompensationView:
    return CompensationView(case, await uow.compensations.steps(case.compensation_id))


async def stored_compensation_view(uow: CasesUnitOfWork, compensation_id: int) -> CompensationView:
    """The compensation case as committed, for a replayed request or after a step."""
    case = await uow.compensations.get(compensation_id)
    assert case is not None, f"compensationCases/{compensation_id} vanished"
    return await compensation_view(uow, case)


async def open_compensation_case(
    uow: CasesUnitOfWork, principal: Principal, penalty_case_id: int, request: RequestKey | None
) -> CompensationView:
    """A new compensation case in clue screening, or the one the penalty case already has (one per penalty case,
    also under concurrent opens); the same request id replays."""
    async with uow:
        if request is not None:
            earlier = await uow.requests.replayed_resource(request)
            if earlier is not None:
                return await stored_compensation_view(uow, int(earlier.removeprefix("compensationCases/")))
        penalty_case = await handled_case(uow, principal, penalty_case_id, action=OPEN_ACTION)
        existing = await uow.compensations.of_penalty_case(penalty_case.case_id)
        if existing is not None:
            return await compensation_view(uow, existing)
        try:
            check_penalty_case_opens(penalty_case.name, penalty_case.state)
        except StepRefused as refused:
            raise await refused_step(uow, principal, OPEN_ACTION, penalty_case.name, refused) from refused
        now = uow.clock.now()
        draft = CompensationRecord(
            compensation_id=0,
            penalty_case_id=penalty_case.case_id,
            handling_agency_id=penalty_case.handling_agency_id,
            region_code=penalty_case.region_code,
            unit_id=penalty_case.unit_id,
            create_time=now,
            update_time=now,
        )
        compensation_id = await uow.compensations.add(draft)
        if compensation_id is None:
            opened = await uow.compensations.of_penalty_case(penalty_case.case_id)
            assert opened is not None, f"the compensation case of {penalty_case.name} vanished"
            return await compensation_view(uow, opened)
        case = replace(draft, compensation_id=compensation_id)
        await uow.audit.record(
            AuditEntry(principal.agency_id, OPEN_ACTION, case.name, "OK", details={"penalty_case": penalty_case.name})
        )
        if request is not None:
            await uow.requests.remember(request, resource_name=case.name, at=now)
        await uow.commit()
        return await compensation_view(uow, case)


async def get_compensation_case(uow: CasesUnitOfWork, principal: Principal, compensation_id: int) -> CompensationView:
    async with uow:
        case = await visible_compensation_case(uow, principal, compensation_id, action="GetCompensationCase")
        view = await compensation_view(uow, case)
        await uow.commit()
        return view


async def list_compensation_cases(
    uow: CasesUnitOfWork, principal: Principal, page: PageRequest, *, state: CompensationState | None
) -> Page[CompensationView]:
    """Newest first: a bureau sees every compensation case under its region, any other agency only its own."""
    async with uow:
        rows = await uow.compensations.listing(state=state, **listing_window(principal, page))
    views = [CompensationView(case) for case in rows]
    return page.page_of(views, lambda view: {"before": str(view.case.compensation_id)})
