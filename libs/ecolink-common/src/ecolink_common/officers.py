"""The people and agencies a step names, checked against the directory (DOMAIN §1): officers of the acting agency,
the officer a token was issued to, and the agency of a kind a record is sent to."""

from __future__ import annotations

from collections.abc import Sequence

from ecolink_common.auth.principal import Principal
from ecolink_common.directory import AGENCY_ID, Agency, AgencyKind, Officer
from ecolink_common.errors import InvalidArgument
from ecolink_common.unit_of_work import UnitOfWork

MAX_OFFICERS = 20


def checked_officer_ids(values: Sequence[str], field: str) -> tuple[str, ...]:
    """A request's officer ids, each shaped like a directory id, at most MAX_OFFICERS (INVALID_ARGUMENT naming the
    field)."""
    if len(values) > MAX_OFFICERS:
        raise InvalidArgument.for_field(field, f"name at most {MAX_OFFICERS} officers")
    for index, value in enumerate(values):
        if not AGENCY_ID.match(value):
            raise InvalidArgument.for_field(f"{field}[{index}]", "must be a directory officer id, e.g. off-341323-01")
    return tuple(values)


async def require_officers_of(
    uow: UnitOfWork, agency_id: str, officer_ids: tuple[str, ...], *, field: str, at_least: int = 1
) -> tuple[Officer, ...]:
    """Each id names an officer of `agency_id` in the directory, none twice; at least `at_least` are named."""
    if len(set(officer_ids)) < at_least:
        raise InvalidArgument.for_field(field, f"name at least {at_least} different officer(s) of {agency_id}")
    known = await uow.agencies.officers(officer_ids)
    officers: list[Officer] = []
    for index, officer_id in enumerate(officer_ids):
        officer = known.get(officer_id)
        if officer is None or officer.agency_id != agency_id:
            raise InvalidArgument.for_field(
                f"{field}[{index}]", f"{officer_id!r} is not an enforcement officer of {agency_id} in the directory"
            )
        officers.append(officer)
    return tuple(officers)


async def require_agency_of_kind(uow: UnitOfWork, agency_id: str, kind: AgencyKind, *, field: str) -> Agency:
    """`agency_id` is an agency of `kind` in the directory (a police agency a case is handed to, say)."""
    agency = await uow.agencies.get(agency_id) if agency_id else None
    if agency is None or agency.kind is not kind:
        raise InvalidArgument.for_field(field, f"{agency_id!r} is not a {kind.value} agency in the directory")
    return agency


def attributed_officers(principal: Principal, officer_ids: tuple[str, ...]) -> tuple[str, ...]:
    """Issue 12 item 2: a step taken with an officer's token is his, beside the officers the request names."""
    if principal.officer_id is None or principal.officer_id in officer_ids:
        return officer_ids
    return (principal.officer_id, *officer_ids)


def approving_officer(principal: Principal, named: str, *, field: str = "approver_officer_id") -> str:
    """The approver is the officer the token was issued to, or the one named with an agency's token; with an
    officer's token, naming another officer is refused."""
    if principal.officer_id is not None and named and named != principal.officer_id:
        raise InvalidArgument.for_field(
            field, f"the token is officer {principal.officer_id}'s; an officer approves as himself"
        )
    approver = named or principal.officer_id
    if not approver:
        raise InvalidArgument.for_field(field, "name the approving officer")
    return approver
