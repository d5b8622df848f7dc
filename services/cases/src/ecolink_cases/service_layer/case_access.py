"""Who may see and who may act on a case (DOMAIN §1): the handling bureau and the bureaus above it see it, only
the handling agency takes its steps; anything else is NOT_FOUND or PERMISSION_DENIED, audited."""

from __future__ import annotations

from ecolink_cases.domain.case import CaseRecord
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.access import require_visible
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import NotFound, PermissionDenied
from ecolink_common.jurisdiction import RecordScope

REASON_CASE_NOT_FOUND = "CASE_NOT_FOUND"
REASON_NOT_HANDLING_AGENCY = "CASE_NOT_HANDLING_AGENCY"


def case_scope(case: CaseRecord) -> RecordScope:
    return RecordScope(owner_agency_id=case.handling_agency_id, region_code=case.region_code)


async def visible_case(uow: CasesUnitOfWork, principal: Principal, case_id: int, *, action: str) -> CaseRecord:
    """The case if the caller may see it; NOT_FOUND (audited when it exists) otherwise."""
    case = await uow.cases.get(case_id)
    if case is None:
        raise NotFound(f"cases/{case_id} was not found", reason=REASON_CASE_NOT_FOUND)
    await require_visible(uow, principal, case_scope(case), action=action, resource=case.name)
    return case


async def handled_case(uow: CasesUnitOfWork, principal: Principal, case_id: int, *, action: str) -> CaseRecord:
    """The case if the caller handles it; a bureau above that sees it but does not handle it is refused."""
    case = await visible_case(uow, principal, case_id, action=action)
    if case.handling_agency_id != principal.agency_id:
        await uow.commit_refusal(
            AuditEntry(principal.agency_id, action, case.name, "PERMISSION_DENIED", REASON_NOT_HANDLING_AGENCY)
        )
        raise PermissionDenied(
            f"{case.name} is handled by {case.handling_agency_id}; only it takes the case's steps",
            reason=REASON_NOT_HANDLING_AGENCY,
        )
    return case
