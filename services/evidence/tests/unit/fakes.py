"""In-memory evidence repositories and object store, on top of ecolink_common's fake unit of work."""

from __future__ import annotations

import hashlib
from collections.abc import Generator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from ecolink_common.audit import GENESIS_HASH
from ecolink_common.clock import Clock
from ecolink_common.testing.fakes import FakeUnitOfWork
from ecolink_evidence.domain.model import CustodyEvent, EvidenceGrant, EvidenceItem, EvidenceKind
from ecolink_evidence.service_layer.ports import StoredObject, content_key

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
BUREAU = "eeb-360823"
BYTES = b"outfall photo"


def item(owner: str = BUREAU, region: str = "360823", **changes: object) -> EvidenceItem:
    """ev-1, a photo the Xiajiang county bureau filed under one of its cases a day before NOW, its bytes `BYTES`."""
    sha256 = hashlib.sha256(BYTES).hexdigest()
    fields: dict[str, object] = {
        "evidence_id": "ev-1",
        "subject": "cases/xj-2026-001",
        "kind": EvidenceKind.PHOTO,
        "capture_time": NOW - timedelta(days=1),
        "location": None,
        "collecting_officer": "officer 0417",
        "original_filename": "outfall.jpg",
        "content_type": "image/jpeg",
        "size_bytes": len(BYTES),
        "sha256": sha256,
        "object_key": content_key(sha256),
        "object_version": "v1",
        "owner_agency_id": owner,
        "region_code": region,
        "created_at": NOW - timedelta(days=1),
        "retain_until": NOW + timedelta(days=3650),
        "legal_hold": False,
        "last_verified_at": None,
        "intact": True,
        **changes,
    }
    return EvidenceItem(**fields)  # type: ignore[arg-type]


class InMemoryEvidence:
    def __init__(self) -> None:
        self.items: dict[str, EvidenceItem] = {}
        self.grant_rows: list[EvidenceGrant] = []

    async def get(self, evidence_id: str) -> EvidenceItem | None:
        return self.items.get(evidence_id)

    async def grants(self, evidence_id: str) -> Sequence[EvidenceGrant]:
        return [grant for grant in self.grant_rows if grant.evidence_id == evidence_id]

    async def grants_of(self, evidence_ids: Sequence[str]) -> dict[str, list[EvidenceGrant]]:
        return {evidence_id: list(await self.grants(evidence_id)) for evidence_id in evidence_ids}

    async def add_grant(self, grant: EvidenceGrant) -> None:
        self.grant_rows.append(grant)

    async def revoke_grant(self, grant_id: str, *, at: datetime, by: str) -> None:
        self.grant_rows = [replace(g, revoked_at=at) if g.grant_id == grant_id else g for g in self.grant_rows]

    async def set_legal_hold(self, evidence_id: str, on: bool) -> None:
        self.items[evidence_id] = replace(self.items[evidence_id], legal_hold=on)

    async def holds_on_object(self, object_key: str) -> int:
        return sum(1 for item in self.items.values() if item.object_key == object_key and item.legal_hold)

    async def record_verification(self, evidence_id: str, *, at: datetime, intact: bool) -> None:
        self.items[evidence_id] = replace(self.items[evidence_id], last_verified_at=at, intact=intact)

    async def least_recently_verified(self, limit: int) -> Sequence[EvidenceItem]:
        def order(item: EvidenceItem) -> tuple[bool, datetime, str]:
            return item.last_verified_at is not None, item.last_verified_at or NOW, item.evidence_id

        return sorted(self.items.values(), key=order)[:limit]

    async def count(self) -> int:
        return len(self.items)

    async def failed_verification(self) -> Sequence[EvidenceItem]:
        return [item for item in self.items.values() if not item.intact]


class InMemoryCustody:
    def __init__(self) -> None:
        self.links: dict[str, list[CustodyEvent]] = {}

    async def advance_head(self, evidence_id: str) -> tuple[int, str]:
        chain = self.links.get(evidence_id, [])
        return len(chain) + 1, chain[-1].hash if chain else GENESIS_HASH

    async def append(self, event: CustodyEvent) -> None:
        self.links.setdefault(event.evidence_id, []).append(event)

    async def events(self, evidence_id: str, *, after_seq: int = 0, limit: int | None = None) -> Sequence[CustodyEvent]:
        chain = [event for event in self.links.get(evidence_id, []) if event.seq > after_seq]
        return chain[:limit] if limit is not None else chain


class RecordingStore:
    """An object store that records the legal holds set on it and serves the bytes a test put under a key."""

    def __init__(self) -> None:
        self.holds: list[tuple[str, bool]] = []
        self.objects: dict[str, bytes] = {}

    def set_legal_hold(self, stored: StoredObject, on: bool) -> None:
        self.holds.append((stored.key, on))

    def read(self, stored: StoredObject, chunk_bytes: int) -> Generator[bytes, None, None]:
        body = self.objects[stored.key]
        for start in range(0, len(body), chunk_bytes):
            yield body[start : start + chunk_bytes]


class FakeEvidenceUnitOfWork(FakeUnitOfWork):
    def __init__(self, clock: Clock, **kwargs: Any):
        super().__init__(clock, **kwargs)
        self.evidence = InMemoryEvidence()
        self.custody = InMemoryCustody()
