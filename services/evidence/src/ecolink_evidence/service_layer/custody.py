"""Appending to and verifying an item's custody chain (DOMAIN §5: whole process recorded and traceable)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ecolink_common.hash_chain import GENESIS_HASH, canonical_time, seal, walk
from ecolink_common.telemetry import current_trace_id
from ecolink_evidence.domain.model import CustodyAction, CustodyEvent
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork

VERIFY_BATCH = 500


def custody_hash(event: CustodyEvent, prev_hash: str) -> str:
    """Seals one link to the links before it."""
    return seal(
        {
            "evidence_id": event.evidence_id,
            "seq": event.seq,
            "occurred_at": canonical_time(event.occurred_at),
            "action": event.action.value,
            "actor": event.actor_agency_id,
            "sha256_seen": event.sha256_seen,
            "details": event.details,
            "trace_id": event.trace_id,
        },
        prev_hash,
    )


def sealed_link(
    evidence_id: str,
    action: CustodyAction,
    *,
    seq: int,
    prev_hash: str,
    actor: str,
    sha256_seen: str,
    at: datetime,
    details: Mapping[str, Any] | None = None,
) -> CustodyEvent:
    """One link made at `at`, sealed to the hash of the link before it."""
    unsealed = CustodyEvent(
        evidence_id=evidence_id,
        seq=seq,
        occurred_at=at,
        action=action,
        actor_agency_id=actor,
        sha256_seen=sha256_seen,
        details={k: str(v) for k, v in (details or {}).items()},
        trace_id=current_trace_id(),
        prev_hash=prev_hash,
    )
    return CustodyEvent(**{**unsealed.__dict__, "hash": custody_hash(unsealed, prev_hash)})


def first_link(
    evidence_id: str, *, actor: str, sha256_seen: str, at: datetime, details: Mapping[str, Any]
) -> CustodyEvent:
    """The intake link that starts a new item's chain; the item is stored with it as its head."""
    return sealed_link(
        evidence_id,
        CustodyAction.INTAKE,
        seq=1,
        prev_hash=GENESIS_HASH,
        actor=actor,
        sha256_seen=sha256_seen,
        at=at,
        details=details,
    )


async def record_custody(
    uow: EvidenceUnitOfWork,
    evidence_id: str,
    action: CustodyAction,
    *,
    actor: str,
    sha256_seen: str,
    details: Mapping[str, Any] | None = None,
) -> CustodyEvent:
    """Appends one link inside the caller's transaction, made at the unit of work's "now"."""
    seq, prev_hash = await uow.custody.advance_head(evidence_id)
    sealed = sealed_link(
        evidence_id,
        action,
        seq=seq,
        prev_hash=prev_hash,
        actor=actor,
        sha256_seen=sha256_seen,
        at=uow.clock.now(),
        details=details,
    )
    await uow.custody.append(sealed)
    return sealed


@dataclass(frozen=True)
class CustodyReport:
    """How far an item's chain held."""

    events_checked: int
    broken_seq: int | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_seq is None


async def verify_custody(uow: EvidenceUnitOfWork, evidence_id: str) -> CustodyReport:
    """Walks the chain in order and names the first link edited, removed or reordered."""

    async def events_after(seq: int, limit: int) -> Sequence[CustodyEvent]:
        return await uow.custody.events(evidence_id, after_seq=seq, limit=limit)

    outcome = await walk(
        events_after,
        lambda event: custody_hash(event, event.prev_hash),
        lambda: uow.custody.head(evidence_id),
        noun="link",
        batch=VERIFY_BATCH,
    )
    return CustodyReport(outcome.checked, outcome.broken_seq, outcome.problem)
