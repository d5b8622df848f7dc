"""Authorisation of reads: apply the jurisdiction rule, audit reads of others' records, hide what is refused."""

from __future__ import annotations

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import NotFound
from ecolink_common.jurisdiction import RecordScope, may_see, region_contains
from ecolink_common.unit_of_work import Refusal, UnitOfWork

OUTCOME_ALLOWED = "ALLOWED"
OUTCOME_HIDDEN = "NOT_FOUND"
REASON_OUTSIDE_JURISDICTION = "OUTSIDE_JURISDICTION"


async def require_visible(
    uow: UnitOfWork,
    principal: Principal,
    scope: RecordScope,
    *,
    action: str,
    resource: str,
    also: Refusal | None = None,
) -> None:
    """DOMAIN §1: reading another agency's record is allowed only by a rule or share, and is audited either way.

    A refusal is committed alone to the audit log (with what `also` records beside it) and raised as NOT_FOUND,
    so existence is not leaked.
    """
    if scope.owner_agency_id == principal.agency_id:
        return
    if may_see(principal.viewer, scope):
        await uow.audit.record(AuditEntry(principal.agency_id, action, resource, OUTCOME_ALLOWED))
        return
    await uow.commit_refusal(
        AuditEntry(principal.agency_id, action, resource, OUTCOME_HIDDEN, REASON_OUTSIDE_JURISDICTION), also=also
    )
    raise NotFound(f"{resource} was not found", reason="NOT_FOUND")


async def require_region_within_reach(uow: UnitOfWork, principal: Principal, region_code: str, *, action: str) -> None:
    """DOMAIN §1: a list or report narrowed to a region outside the caller's own answers NOT_FOUND, as an unknown
    region would, and the attempt is committed to the audit log. One rule for every region-filtered request."""
    if region_contains(principal.agency.region_code, region_code):
        return
    resource = f"regions/{region_code}"
    await uow.commit_refusal(
        AuditEntry(principal.agency_id, action, resource, OUTCOME_HIDDEN, REASON_OUTSIDE_JURISDICTION)
    )
    raise NotFound(f"{resource} was not found", reason="NOT_FOUND")
