"""Evidence goes with a transfer as one outcome (issue 13 item 2): a grant to the police and a legal hold on every
dossier item, or, when any of them fails, none: what was placed is undone and the error names the item."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from ecolink_common.errors import EcolinkError, FailedPrecondition, NotFound
from ecolink_referrals.domain.transfer import TransferredItem
from ecolink_referrals.service_layer.ports import DossierItem, EvidenceHandover

LOGGER = logging.getLogger(__name__)
REASON_HANDOVER_FAILED = "TRANSFER_EVIDENCE_HANDOVER_FAILED"


async def hand_over(
    evidence: EvidenceHandover,
    items: Sequence[DossierItem],
    *,
    police_agency_id: str,
    purpose: str,
    expire_time: datetime,
) -> tuple[TransferredItem, ...]:
    """Grants and holds every item; on the first failure undoes the others and raises, naming the item (an
    unavailable evidence service stays UNAVAILABLE; anything the evidence service refused is FAILED_PRECONDITION)."""
    done: list[TransferredItem] = []
    for item in items:
        grant_id = ""
        try:
            grant_id = await evidence.grant(
                item.evidence, grantee=police_agency_id, purpose=purpose, expire_time=expire_time
            )
            placed = await evidence.hold(item.evidence, reason=purpose)
        except EcolinkError as error:
            if grant_id:
                done.append(TransferredItem(item.evidence, item.sha256, grant_id, expire_time, hold_placed=False))
            await undo(evidence, done, reason=f"{purpose}: not sent")
            raise _naming(item.evidence, error) from error
        done.append(TransferredItem(item.evidence, item.sha256, grant_id, expire_time, hold_placed=placed))
    return tuple(done)


async def undo(evidence: EvidenceHandover, items: Sequence[TransferredItem], *, reason: str) -> None:
    """Revokes the grants and releases the holds a transfer placed; a failure is logged and the rest go on (the
    grants expire by themselves)."""
    for item in items:
        try:
            await evidence.revoke(item.evidence, item.grant_id)
            if item.hold_placed:
                await evidence.release(item.evidence, reason=reason)
        except EcolinkError:
            LOGGER.warning("could not undo the hand-over of %s (grant %s)", item.evidence, item.grant_id, exc_info=True)


def _naming(evidence: str, error: EcolinkError) -> EcolinkError:
    if isinstance(error, NotFound | FailedPrecondition):
        return FailedPrecondition(
            f"{evidence} could not go with the transfer: {error.message}; nothing was sent",
            reason=REASON_HANDOVER_FAILED,
            metadata={"evidence": evidence, "cause": error.reason},
        )
    return error
