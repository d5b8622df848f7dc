"""Grants between agencies (DOMAIN §5: shares only through explicit grants; a grantee never re-shares)."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import FailedPrecondition, InvalidArgument, NotFound
from ecolink_common.request_records import RequestKey, checked_request_id, values_fingerprint
from ecolink_evidence.domain.model import CustodyAction, EvidenceGrant
from ecolink_evidence.service_layer.access import managed_item
from ecolink_evidence.service_layer.custody import record_custody
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork

GRANT_METHOD = "GrantEvidenceAccess"


def grant_name(grant: EvidenceGrant) -> str:
    return f"evidence/{grant.evidence_id}/grants/{grant.grant_id}"


async def grant_evidence_access(
    uow: EvidenceUnitOfWork,
    principal: Principal,
    evidence_id: str,
    *,
    grantee_agency_id: str,
    purpose: str,
    expires_at: datetime,
    request_id: str,
) -> EvidenceGrant:
    """Gives one agency access until `expires_at`; the same `request_id` returns the first grant."""
    now = uow.clock.now()
    if expires_at <= now:
        raise InvalidArgument.for_field("expire_time", "must be in the future")
    request = (
        RequestKey(
            principal.agency_id,
            checked_request_id(request_id, "request_id"),
            GRANT_METHOD,
            values_fingerprint(evidence_id, grantee_agency_id, purpose, expires_at.isoformat()),
        )
        if request_id
        else None
    )
    async with uow:
        item = await managed_item(uow, principal, evidence_id, action=GRANT_METHOD)
        if request is not None and (earlier := await _replayed_grant(uow, request)) is not None:
            return earlier
        if await uow.agencies.get(grantee_agency_id) is None:
            raise InvalidArgument.for_field("grantee_agency_id", f"{grantee_agency_id} is not in the directory")
        if grantee_agency_id == item.owner_agency_id:
            raise InvalidArgument.for_field("grantee_agency_id", "the uploading agency already sees its item")
        grant = EvidenceGrant(
            grant_id=f"gr-{now:%Y%m%d%H%M%S}-{secrets.token_hex(4)}",
            evidence_id=evidence_id,
            grantee_agency_id=grantee_agency_id,
            purpose=purpose,
            expires_at=expires_at,
            granted_by_agency_id=principal.agency_id,
            created_at=now,
            revoked_at=None,
        )
        if request is not None:
            await uow.requests.remember(request, resource_name=grant_name(grant), at=now)
        await uow.evidence.add_grant(grant)
        await record_custody(
            uow,
            evidence_id,
            CustodyAction.GRANT,
            actor=principal.agency_id,
            sha256_seen=item.sha256,
            details={
                "grant_id": grant.grant_id,
                "grantee": grantee_agency_id,
                "purpose": purpose,
                "expires_at": expires_at.isoformat(),
            },
        )
        await uow.audit.record(
            AuditEntry(
                principal.agency_id, "GrantEvidenceAccess", item.name, "OK", details={"grantee": grantee_agency_id}
            )
        )
        await uow.commit()
        return grant


async def _replayed_grant(uow: EvidenceUnitOfWork, request: RequestKey) -> EvidenceGrant | None:
    earlier = await uow.requests.replayed_resource(request)
    if earlier is None:
        return None
    evidence_id, _, grant_id = earlier.removeprefix("evidence/").partition("/grants/")
    grant = next((g for g in await uow.evidence.grants(evidence_id) if g.grant_id == grant_id), None)
    if grant is None:
        raise NotFound(f"{earlier}, the grant request_id {request.request_id[:128]!r} made, was not found")
    return grant


async def revoke_evidence_access(
    uow: EvidenceUnitOfWork, principal: Principal, evidence_id: str, *, grant_id: str
) -> EvidenceGrant:
    """Ends a grant at once; revoking twice is refused with the rule."""
    now = uow.clock.now()
    async with uow:
        item = await managed_item(uow, principal, evidence_id, action="RevokeEvidenceAccess")
        grant = next((g for g in await uow.evidence.grants(evidence_id) if g.grant_id == grant_id), None)
        if grant is None:
            raise NotFound(f"{item.name}/grants/{grant_id} was not found")
        if grant.revoked_at is not None:
            raise FailedPrecondition(f"grant {grant_id} was already revoked", reason="GRANT_ALREADY_REVOKED")
        await uow.evidence.revoke_grant(grant_id, at=now, by=principal.agency_id)
        await record_custody(
            uow,
            evidence_id,
            CustodyAction.REVOKE,
            actor=principal.agency_id,
            sha256_seen=item.sha256,
            details={"grant_id": grant_id, "grantee": grant.grantee_agency_id},
        )
        await uow.audit.record(
            AuditEntry(principal.agency_id, "RevokeEvidenceAccess", item.name, "OK", details={"grant_id": grant_id})
        )
        await uow.commit()
        return EvidenceGrant(**{**grant.__dict__, "revoked_at": now})


async def list_evidence_grants(
    uow: EvidenceUnitOfWork, principal: Principal, evidence_id: str
) -> Sequence[EvidenceGrant]:
    """Every grant on an item, for those who may grant."""
    async with uow:
        await managed_item(uow, principal, evidence_id, action="ListEvidenceGrants")
        return await uow.evidence.grants(evidence_id)
