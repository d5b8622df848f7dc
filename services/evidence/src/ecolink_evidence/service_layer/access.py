"""Finding an item for a caller: NOT_FOUND outside its visibility, PERMISSION_DENIED for a grantee who manages."""

from __future__ import annotations

from collections.abc import Awaitable

from ecolink_common.access import require_visible
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.directory import AgencyKind
from ecolink_common.errors import NotFound, PermissionDenied
from ecolink_evidence.domain.model import CustodyAction, CustodyEvent, EvidenceItem
from ecolink_evidence.domain.rules import may_share, visibility_scope
from ecolink_evidence.service_layer.custody import record_custody
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork

REASON_GRANTEE_CANNOT_SHARE = "EVIDENCE_GRANTEE_CANNOT_SHARE"


async def owner_kind(uow: EvidenceUnitOfWork, owner_agency_id: str) -> AgencyKind | None:
    """The uploading agency's kind in the directory, which decides whether the bureaus above it see its items."""
    owner = await uow.agencies.get(owner_agency_id)
    return owner.kind if owner is not None else None


async def _visible(
    uow: EvidenceUnitOfWork, principal: Principal, evidence_id: str, *, action: str
) -> tuple[EvidenceItem, AgencyKind | None]:
    item = await uow.evidence.get(evidence_id)
    if item is None:
        raise NotFound(f"evidence/{evidence_id} was not found")
    kind = await owner_kind(uow, item.owner_agency_id)
    scope = visibility_scope(item, kind, await uow.evidence.grants(evidence_id), uow.clock.now())

    def refused_link() -> Awaitable[CustodyEvent]:
        details = {"action": action}
        return record_custody(
            uow, evidence_id, CustodyAction.ACCESS_REFUSED, actor=principal.agency_id, sha256_seen="", details=details
        )

    await require_visible(uow, principal, scope, action=action, resource=item.name, also=refused_link)
    return item, kind


async def visible_item(uow: EvidenceUnitOfWork, principal: Principal, evidence_id: str, *, action: str) -> EvidenceItem:
    """The item if the caller may see it; otherwise the refusal is put in custody and audit, then NOT_FOUND."""
    item, _ = await _visible(uow, principal, evidence_id, action=action)
    return item


async def managed_item(uow: EvidenceUnitOfWork, principal: Principal, evidence_id: str, *, action: str) -> EvidenceItem:
    """The item if the caller sees it by jurisdiction; a grantee may look but never share or hold (audited)."""
    item, kind = await _visible(uow, principal, evidence_id, action=action)
    if not may_share(principal.viewer, item, kind):
        await uow.commit_refusal(
            AuditEntry(principal.agency_id, action, item.name, "PERMISSION_DENIED", REASON_GRANTEE_CANNOT_SHARE)
        )
        raise PermissionDenied(
            f"{item.name} was shared with {principal.agency_id}; only who sees it without a grant may do this",
            reason=REASON_GRANTEE_CANNOT_SHARE,
        )
    return item
