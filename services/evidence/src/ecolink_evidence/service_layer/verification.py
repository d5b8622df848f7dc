"""Recording what a re-hash found: a custody link, the item's state, and an audit row when bytes changed."""

from __future__ import annotations

from ecolink_common.audit import AuditEntry
from ecolink_evidence.domain.model import CustodyAction, EvidenceItem
from ecolink_evidence.service_layer.custody import record_custody
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork

REASON_STORED_BYTES_CHANGED = "EVIDENCE_STORED_BYTES_CHANGED"


async def record_rehash(
    uow: EvidenceUnitOfWork, item: EvidenceItem, *, seen_sha256: str, actor: str, during: str
) -> bool:
    """Commits the outcome of a re-hash; returns whether the stored bytes still match the intake hash."""
    intact = seen_sha256 == item.sha256
    action = CustodyAction.VERIFIED if intact else CustodyAction.VERIFICATION_FAILED
    async with uow:
        await record_custody(
            uow, item.evidence_id, action, actor=actor, sha256_seen=seen_sha256, details={"during": during}
        )
        await uow.evidence.record_verification(item.evidence_id, at=uow.clock.now(), intact=intact)
        if not intact:
            await uow.audit.record(
                AuditEntry(
                    actor,
                    during,
                    item.name,
                    "DATA_LOSS",
                    REASON_STORED_BYTES_CHANGED,
                    {"recorded_sha256": item.sha256, "stored_sha256": seen_sha256},
                )
            )
        await uow.commit()
    return intact
