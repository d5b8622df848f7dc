"""The people and agencies a step names: enforcement officers of the acting agency (DOMAIN §3.1: who acted), the
officer a token was issued to, and the police agency a case is handed to."""

from __future__ import annotations

from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.auth.principal import Principal
from ecolink_common.directory import AgencyKind
from ecolink_common.errors import InvalidArgument, PermissionDenied

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


async def require_officers_of(
    uow: CasesUnitOfWork, agency_id: str, officer_ids: tuple[str, ...], *, field: str, at_least: int = 1
) -> None:
    """Each id names an officer of `agency_id` in the directory; at least `at_least` are named."""
    if len(officer_ids) < at_least:
        raise InvalidArgument.for_field(field, f"name at least {at_least} officer(s) of {agency_id}")
    for index, officer_id in enumerate(officer_ids):
        officer = await uow.agencies.officer(officer_id)
        if officer is None or officer.agency_id != agency_id:
            raise InvalidArgument.for_field(
                f"{field}[{index}]", f"{officer_id!r} is not an enforcement officer of {agency_id} in the directory"
            )


async def require_police_agency(uow: CasesUnitOfWork, agency_id: str, *, field: str) -> None:
    """`agency_id` is a public security bureau of the directory."""
    agency = await uow.agencies.get(agency_id) if agency_id else None
    if agency is None or agency.kind is not AgencyKind.POLICE:
        raise InvalidArgument.for_field(field, f"{agency_id!r} is not a police agency in the directory")


def attributed_officers(principal: Principal, officer_ids: tuple[str, ...]) -> tuple[str, ...]:
    """Issue 12 item 2: a step taken with an officer's token is his, beside the officers the request names."""
    if principal.officer_id is None or principal.officer_id in officer_ids:
        return officer_ids
    return (principal.officer_id, *officer_ids)


def approving_officer(principal: Principal, named: str) -> str:
    """The approver is the officer the token was issued to, or the one named with an agency's token; with an
    officer's token, naming another officer is refused."""
    if principal.officer_id is not None and named and named != principal.officer_id:
        raise InvalidArgument.for_field(
            "approver_officer_id", f"the token is officer {principal.officer_id}'s; an officer approves as himself"
        )
    approver = named or principal.officer_id
    if not approver:
        raise InvalidArgument.for_field("approver_officer_id", "name the approving officer")
    return approver
