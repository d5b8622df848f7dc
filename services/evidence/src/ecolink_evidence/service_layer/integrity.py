"""The integrity sweep: re-hash a share of stored items per run, least recently verified first."""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ecolink_evidence.domain.model import EvidenceItem
from ecolink_evidence.service_layer.ports import ObjectStore
from ecolink_evidence.service_layer.rehash import stored_sha256
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork
from ecolink_evidence.service_layer.verification import record_rehash

log = logging.getLogger(__name__)

SWEEPER = "integrity-sweep"


@dataclass(frozen=True)
class SweepReport:
    """One run: how many items were re-hashed, and which no longer match."""

    checked: int
    failed: list[str] = field(default_factory=list)


async def sweep_integrity(
    uow: EvidenceUnitOfWork, store: ObjectStore, *, share: float, chunk_bytes: int
) -> SweepReport:
    """Safe to run twice: every run only re-reads and records what it found."""
    async with uow:
        total = await uow.evidence.count()
        due = await uow.evidence.least_recently_verified(max(1, math.ceil(total * share))) if total else []
    failed = []
    for item in due:
        try:
            seen = await stored_sha256(store, item, chunk_bytes)
        except Exception:
            log.exception("%s could not be read from the object store", item.name)
            seen = ""
        if not await record_rehash(uow, item, seen_sha256=seen, actor=SWEEPER, during="IntegritySweep"):
            failed.append(item.name)
    return SweepReport(len(due), failed)


async def items_failing_verification(uow: EvidenceUnitOfWork) -> Sequence[EvidenceItem]:
    """Every item whose last re-hash found altered or missing bytes."""
    async with uow:
        return await uow.evidence.failed_verification()
