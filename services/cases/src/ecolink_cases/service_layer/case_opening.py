"""Opening a case from a clue (DOMAIN §3.1): the unit as the alerts registry shows it to the caller decides the
region and so who sees the case; the caller's agency handles it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ecolink_cases.domain.case import CaseRecord, ClueSource
from ecolink_cases.service_layer.case_view import CaseView, case_view, stored_case_view
from ecolink_cases.service_layer.officers import require_officers_of
from ecolink_cases.service_layer.ports import UnitDirectory
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.directory import AgencyKind
from ecolink_common.errors import NotFound, PermissionDenied
from ecolink_common.jurisdiction import region_contains
from ecolink_common.request_records import RequestKey

REASON_UNIT_NOT_FOUND = "UNIT_NOT_FOUND"
REASON_NOT_ENFORCING_AGENCY = "CASE_AGENCY_NOT_ENFORCING"
# DOMAIN §1: cases are handled by ecological-environment bureaus and the provincial enforcement bureau.
ENFORCING_KINDS = frozenset({AgencyKind.ECO_BUREAU, AgencyKind.ENFORCEMENT_BUREAU})


@dataclass(frozen=True)
class OpenCase:
    unit_id: str
    source: ClueSource
    source_ref: str
    violation_type: str
    legal_basis: str
    handling_officer_ids: tuple[str, ...]
    request: RequestKey | None = None


async def open_case(uow: CasesUnitOfWork, principal: Principal, command: OpenCase, units: UnitDirectory) -> CaseView:
    """A new case in state clue; the same request id and request returns the case it opened."""
    if principal.agency.kind not in ENFORCING_KINDS:
        raise PermissionDenied(
            f"{principal.agency_id} is a {principal.agency.kind.value}; cases are opened by bureaus",
            reason=REASON_NOT_ENFORCING_AGENCY,
        )
    async with uow:
        if command.request is not None:
            earlier = await uow.requests.replayed_resource(command.request)
            if earlier is not None:
                return await stored_case_view(uow, int(earlier.removeprefix("cases/")))
        unit = await units.key_unit(command.unit_id)
        if unit is None or not region_contains(principal.agency.region_code, unit.region_code):
            raise NotFound(f"units/{command.unit_id} was not found", reason=REASON_UNIT_NOT_FOUND)
        await require_officers_of(
            uow, principal.agency_id, command.handling_officer_ids, field="case.handling_officer_ids"
        )
        now = uow.clock.now()
        draft = CaseRecord(
            case_id=0,
            handling_agency_id=principal.agency_id,
            handling_level=principal.agency.level.value,
            region_code=unit.region_code,
            unit_id=unit.unit_id,
            unit_display_name=unit.display_name,
            source=command.source,
            source_ref=command.source_ref,
            violation_type=command.violation_type,
            legal_basis=command.legal_basis,
            handling_officer_ids=command.handling_officer_ids,
            create_time=now,
            update_time=now,
        )
        case_id = await uow.cases.add(draft)
        case = replace(draft, case_id=case_id)
        await uow.audit.record(
            AuditEntry(
                principal.agency_id,
                "CreateCase",
                case.name,
                "OK",
                details={"unit": f"units/{unit.unit_id}", "source": command.source.value, "ref": command.source_ref},
            )
        )
        if command.request is not None:
            await uow.requests.remember(command.request, resource_name=case.name, at=now)
        await uow.commit()
        return await case_view(uow, case)
