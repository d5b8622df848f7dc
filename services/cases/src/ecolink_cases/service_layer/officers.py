"""Who may do enforcement work (DOMAIN §1: bureaus), and the police agency a case is handed to; the officer checks
every service shares are `ecolink_common.officers`."""

from __future__ import annotations

from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.auth.principal import Principal
from ecolink_common.directory import AgencyKind
from ecolink_common.errors import PermissionDenied
from ecolink_common.officers import require_agency_of_kind

REASON_NOT_ENFORCING_AGENCY = "CASE_AGENCY_NOT_ENFORCING"
# DOMAIN §1: cases are handled by ecological-environment bureaus and the provincial enforcement bureau.
ENFORCING_KINDS = frozenset({AgencyKind.ECO_BUREAU, AgencyKind.ENFORCEMENT_BUREAU})


def require_enforcing_agency(principal: Principal, work: str) -> None:
    """DOMAIN §1: enforcement work (cases, findings, draws) is a bureau's; another kind of agency is refused."""
    if principal.agency.kind not in ENFORCING_KINDS:
        raise PermissionDenied(
            f"{principal.agency_id} is a {principal.agency.kind.value}; {work} by bureaus",
            reason=REASON_NOT_ENFORCING_AGENCY,
        )


async def require_police_agency(uow: CasesUnitOfWork, agency_id: str, *, field: str) -> None:
    """`agency_id` is a public security bureau of the directory."""
    await require_agency_of_kind(uow, agency_id, AgencyKind.POLICE, field=field)
