"""Who may see and who may act on a case or a compensation case (DOMAIN §1): the handling bureau and the bureaus above
it see it, only the handling agency takes its steps; anything else is NOT_FOUND or PERMISSION_DENIED, audited."""

from __future__ import annotations

from typing import Protocol, TypeVar

from ecolink_cases.domain.case import CaseRecord
from ecolink_cases.domain.compensation import CompensationRecord, compensation_name
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.access import require_visible
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import NotFound, PermissionDenied
from ecolink_common.jurisdiction import RecordScope

REASON_CASE_NOT_FOUND = "CASE_NOT_FOUND"
REASON_COMPENSATION_CASE_NOT_FOUND = "COMPENSATION_CASE_NOT_FOUND"
REASON_NOT_HANDLING_AGENCY = "CASE_NOT_HANDLING_AGENCY"


class Handled(Protocol):
    """A record handled by one agency, seen by region: a case or a compensation case."""

    @property
    def name(self) -> str: ...
    @property
    def handling_agency_id(self) -> str: ...
    @property
    def region_code(self) -> str: ...


Record = TypeVar("Record", bound=Handled)


def case_scope(case: Handled) -> RecordScope:
    """DOMAIN §4.6: a case marked a suspected crime is open to the procuratorate's oversight."""
    marked = bool(getattr(case, "suspected_crime_criterion", ""))
    return RecordScope(owner_agency_id=case.handling_agency_id, region_code=case.region_code, open_to_oversight=marked)


async def _shown(
    uow: CasesUnitOfWork, principal: Principal, record: Record | None, name: str, reason: str, *, action: str
) -> Record:
    """The record if the caller may see it; NOT_FOUND (audited when it exists) otherwise."""
    if record is None:
        raise NotFound(f"{name} was not found", reason=reason)
    await require_visible(uow, principal, case_scope(record), action=action, resource=record.name)
    return record


async def _handled(uow: CasesUnitOfWork, principal: Principal, record: Record, *, action: str) -> Record:
    """The record if the caller handles it; a bureau above that sees it but does not handle it is refused."""
    if record.handling_agency_id != principal.agency_id:
        await uow.commit_refusal(
            AuditEntry(principal.agency_id, action, record.name, "PERMISSION_DENIED", REASON_NOT_HANDLING_AGENCY)
        )
        raise PermissionDenied(
            f"{record.name} is handled by {record.handling_agency_id}; only it takes the case's steps",
            reason=REASON_NOT_HANDLING_AGENCY,
        )
    return record


async def visible_case(uow: CasesUnitOfWork, principal: Principal, case_id: int, *, action: str) -> CaseRecord:
    """The case if the caller may see it; NOT_FOUND (audited when it exists) otherwise."""
    case = await uow.cases.get(case_id)
    return await _shown(uow, principal, case, f"cases/{case_id}", REASON_CASE_NOT_FOUND, action=action)


async def handled_case(uow: CasesUnitOfWork, principal: Principal, case_id: int, *, action: str) -> CaseRecord:
    """The case if the caller handles it; a bureau above that sees it but does not handle it is refused."""
    return await _handled(uow, principal, await visible_case(uow, principal, case_id, action=action), action=action)


async def visible_compensation_case(
    uow: CasesUnitOfWork, principal: Principal, compensation_id: int, *, action: str
) -> CompensationRecord:
    """DOMAIN §3.5: a compensation case is seen as its penalty case is, by the same bureaus."""
    case = await uow.compensations.get(compensation_id)
    name = compensation_name(compensation_id)
    return await _shown(uow, principal, case, name, REASON_COMPENSATION_CASE_NOT_FOUND, action=action)


async def handled_compensation_case(
    uow: CasesUnitOfWork, principal: Principal, compensation_id: int, *, action: str
) -> CompensationRecord:
    """The compensation case if the caller handles it; a bureau above only reads it."""
    case = await visible_compensation_case(uow, principal, compensation_id, action=action)
    return await _handled(uow, principal, case, action=action)
