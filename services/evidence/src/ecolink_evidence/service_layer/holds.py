"""Legal holds on stored objects, and deletion requests, which are refused during retention (DOMAIN §5)."""

from __future__ import annotations

import asyncio

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import FailedPrecondition
from ecolink_evidence.domain.model import CustodyAction, EvidenceItem
from ecolink_evidence.domain.rules import deletion_refusal
from ecolink_evidence.service_layer.access import managed_item
from ecolink_evidence.service_layer.custody import record_custody
from ecolink_evidence.service_layer.ports import ObjectStore
from ecolink_evidence.service_layer.rehash import stored_object
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork

REASON_DISPOSAL_BY_ARCHIVE = "EVIDENCE_DISPOSAL_BY_ARCHIVE"


async def set_legal_hold(
    uow: EvidenceUnitOfWork, store: ObjectStore, principal: Principal, evidence_id: str, *, on: bool, reason: str
) -> EvidenceItem:
    """Places or releases the hold; the stored object is released only when no item sharing it holds it."""
    action = "PlaceLegalHold" if on else "ReleaseLegalHold"
    async with uow:
        item = await managed_item(uow, principal, evidence_id, action=action)
        if item.legal_hold == on:
            state = "already on" if on else "not on"
            raise FailedPrecondition(f"the legal hold is {state} {item.name}", reason="LEGAL_HOLD_UNCHANGED")
        await uow.evidence.set_legal_hold(evidence_id, on)
        if on or await uow.evidence.holds_on_object(item.object_key) == 0:
            await asyncio.to_thread(store.set_legal_hold, stored_object(item), on)
        custody = CustodyAction.HOLD_PLACED if on else CustodyAction.HOLD_RELEASED
        await record_custody(
            uow, evidence_id, custody, actor=principal.agency_id, sha256_seen=item.sha256, details={"reason": reason}
        )
        await uow.audit.record(AuditEntry(principal.agency_id, action, item.name, "OK", details={"reason": reason}))
        await uow.commit()
        return EvidenceItem(**{**item.__dict__, "legal_hold": on})


async def delete_evidence(uow: EvidenceUnitOfWork, principal: Principal, evidence_id: str) -> None:
    """Always refused here, and audited: during retention or a hold by rule; after it, disposal is the
    archive's procedure (a deletion through this API would also erase the chain of custody)."""
    async with uow:
        item = await managed_item(uow, principal, evidence_id, action="DeleteEvidence")
        reason = deletion_refusal(item, uow.clock.now()) or REASON_DISPOSAL_BY_ARCHIVE
        await record_custody(
            uow,
            evidence_id,
            CustodyAction.DELETE_REFUSED,
            actor=principal.agency_id,
            sha256_seen=item.sha256,
            details={"reason": reason},
        )
        await uow.audit.record(
            AuditEntry(principal.agency_id, "DeleteEvidence", item.name, "FAILED_PRECONDITION", reason)
        )
        await uow.commit()
    raise FailedPrecondition(
        f"{item.name} is retained until {item.retain_until:%Y-%m-%d} and cannot be deleted", reason=reason
    )
