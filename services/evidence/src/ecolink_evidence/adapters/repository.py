"""Reads and writes evidence items, grants and custody links; never commits."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, func, insert, or_, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_common.directory import AgencyKind
from ecolink_common.platform_tables import agency_table
from ecolink_evidence.adapters.tables import custody_event_table, evidence_grant_table, evidence_item_table
from ecolink_evidence.domain.model import (
    CustodyAction,
    CustodyEvent,
    EvidenceGrant,
    EvidenceItem,
    EvidenceKind,
    GeoPoint,
)
from ecolink_evidence.service_layer.ports import StoredObject


def _item(row: Row) -> EvidenceItem:
    location = GeoPoint(row.latitude, row.longitude) if row.latitude is not None else None
    return EvidenceItem(
        evidence_id=row.evidence_id,
        subject=row.subject,
        kind=EvidenceKind(row.kind),
        capture_time=row.capture_time,
        location=location,
        collecting_officer=row.collecting_officer,
        original_filename=row.original_filename,
        content_type=row.content_type,
        size_bytes=row.size_bytes,
        sha256=row.sha256,
        object_key=row.object_key,
        object_version=row.object_version,
        owner_agency_id=row.owner_agency_id,
        region_code=row.region_code,
        created_at=row.created_at,
        retain_until=row.retain_until,
        legal_hold=row.legal_hold,
        last_verified_at=row.last_verified_at,
        intact=row.intact,
    )


def _grant(row: Row) -> EvidenceGrant:
    return EvidenceGrant(
        grant_id=row.grant_id,
        evidence_id=row.evidence_id,
        grantee_agency_id=row.grantee_agency_id,
        purpose=row.purpose,
        expires_at=row.expires_at,
        granted_by_agency_id=row.granted_by_agency_id,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )


def _event(row: Row) -> CustodyEvent:
    return CustodyEvent(
        evidence_id=row.evidence_id,
        seq=row.seq,
        occurred_at=row.occurred_at,
        action=CustodyAction(row.action),
        actor_agency_id=row.actor_agency_id,
        sha256_seen=row.sha256_seen,
        details=dict(row.details),
        trace_id=row.trace_id,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def _event_row(event: CustodyEvent) -> dict[str, Any]:
    return asdict(event) | {"action": event.action.value}


class EvidenceRepository:
    """Items and their grants."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def add(self, item: EvidenceItem, *, intake: CustodyEvent) -> None:
        """Stores a new item with its first custody link as the head of its chain."""
        row: dict[str, Any] = {k: v for k, v in asdict(item).items() if k != "location"}
        row["kind"] = item.kind.value
        row["latitude"] = item.location.latitude if item.location else None
        row["longitude"] = item.location.longitude if item.location else None
        await self._session.execute(
            insert(evidence_item_table).values(**row, custody_head_seq=intake.seq, custody_head_hash=intake.hash)
        )
        await self._session.execute(insert(custody_event_table).values(**_event_row(intake)))

    async def stored_object_with(self, sha256: str) -> StoredObject | None:
        """Where equal bytes are already stored, if an earlier item holds them."""
        items = evidence_item_table
        query = select(items.c.object_key, items.c.object_version).where(items.c.sha256 == sha256).limit(1)
        row = (await self._session.execute(query)).first()
        return StoredObject(row.object_key, row.object_version) if row else None

    async def get(self, evidence_id: str) -> EvidenceItem | None:
        query = select(evidence_item_table).where(evidence_item_table.c.evidence_id == evidence_id)
        row = (await self._session.execute(query)).first()
        return _item(row) if row else None

    async def list_visible_candidates(
        self,
        *,
        region_prefix: str | None,
        region_seen_owner_kinds: Collection[AgencyKind],
        agency_id: str,
        now: datetime,
        subject: str,
        kind: EvidenceKind | None,
        capture_from: datetime | None,
        capture_before: datetime | None,
        before_id: str,
        limit: int,
    ) -> Sequence[EvidenceItem]:
        """Newest first: items in the region prefix (when given) whose uploader is of a kind the region's bureaus
        see, the caller's own, or granted to it and live."""
        items = evidence_item_table
        live_grant = exists().where(
            evidence_grant_table.c.evidence_id == items.c.evidence_id,
            evidence_grant_table.c.grantee_agency_id == agency_id,
            evidence_grant_table.c.revoked_at.is_(None),
            evidence_grant_table.c.expires_at > now,
        )
        reach = [items.c.owner_agency_id == agency_id, live_grant]
        if region_prefix is not None:
            owner_seen_by_region = exists().where(
                agency_table.c.agency_id == items.c.owner_agency_id,
                agency_table.c.kind.in_([kind.value for kind in region_seen_owner_kinds]),
            )
            reach.append(and_(items.c.region_code.startswith(region_prefix, autoescape=True), owner_seen_by_region))
        conditions = [or_(*reach)]
        if subject:
            conditions.append(items.c.subject == subject)
        if kind is not None:
            conditions.append(items.c.kind == kind.value)
        if capture_from is not None:
            conditions.append(items.c.capture_time >= capture_from)
        if capture_before is not None:
            conditions.append(items.c.capture_time < capture_before)
        if before_id:
            conditions.append(items.c.evidence_id < before_id)
        query = select(items).where(and_(*conditions)).order_by(items.c.evidence_id.desc()).limit(limit)
        return [_item(row) for row in (await self._session.execute(query)).all()]

    async def set_legal_hold(self, evidence_id: str, on: bool) -> None:
        await self._session.execute(
            update(evidence_item_table).where(evidence_item_table.c.evidence_id == evidence_id).values(legal_hold=on)
        )

    async def holds_on_object(self, object_key: str) -> int:
        """How many items sharing one stored object still hold it."""
        query = select(evidence_item_table.c.evidence_id).where(
            evidence_item_table.c.object_key == object_key, evidence_item_table.c.legal_hold.is_(True)
        )
        return len((await self._session.execute(query)).all())

    async def record_verification(self, evidence_id: str, *, at: datetime, intact: bool) -> None:
        await self._session.execute(
            update(evidence_item_table)
            .where(evidence_item_table.c.evidence_id == evidence_id)
            .values(last_verified_at=at, intact=intact)
        )

    async def least_recently_verified(self, limit: int) -> Sequence[EvidenceItem]:
        items = evidence_item_table
        query = (
            select(items)
            .order_by(items.c.last_verified_at.is_not(None), items.c.last_verified_at, items.c.evidence_id)
            .limit(limit)
        )
        return [_item(row) for row in (await self._session.execute(query)).all()]

    async def count(self) -> int:
        return int((await self._session.execute(select(func.count()).select_from(evidence_item_table))).scalar_one())

    async def failed_verification(self) -> Sequence[EvidenceItem]:
        query = select(evidence_item_table).where(evidence_item_table.c.intact.is_(False))
        return [_item(row) for row in (await self._session.execute(query)).all()]

    async def grants(self, evidence_id: str) -> Sequence[EvidenceGrant]:
        return (await self.grants_of([evidence_id])).get(evidence_id, [])

    async def grants_of(self, evidence_ids: Sequence[str]) -> dict[str, list[EvidenceGrant]]:
        """The grants of several items in one query, each item's oldest first."""
        if not evidence_ids:
            return {}
        query = (
            select(evidence_grant_table)
            .where(evidence_grant_table.c.evidence_id.in_(list(evidence_ids)))
            .order_by(evidence_grant_table.c.created_at, evidence_grant_table.c.grant_id)
        )
        by_item: dict[str, list[EvidenceGrant]] = {}
        for row in (await self._session.execute(query)).all():
            grant = _grant(row)
            by_item.setdefault(grant.evidence_id, []).append(grant)
        return by_item

    async def add_grant(self, grant: EvidenceGrant) -> None:
        await self._session.execute(insert(evidence_grant_table).values(**asdict(grant)))

    async def revoke_grant(self, grant_id: str, *, at: datetime, by: str) -> None:
        await self._session.execute(
            update(evidence_grant_table)
            .where(evidence_grant_table.c.grant_id == grant_id)
            .values(revoked_at=at, revoked_by_agency_id=by)
        )


class CustodyRepository:
    """Each item's custody chain; appends queue on the item's head so the chain never forks."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def advance_head(self, evidence_id: str) -> tuple[int, str]:
        """Takes the next sequence number (locking the item's head) and returns it with the previous hash."""
        items = evidence_item_table
        head = (
            await self._session.execute(
                update(items)
                .where(items.c.evidence_id == evidence_id)
                .values(custody_head_seq=items.c.custody_head_seq + 1)
                .returning(items.c.custody_head_seq, items.c.custody_head_hash)
            )
        ).one()
        return int(head.custody_head_seq), str(head.custody_head_hash)

    async def append(self, event: CustodyEvent) -> None:
        await self._session.execute(insert(custody_event_table).values(**_event_row(event)))
        await self._session.execute(
            update(evidence_item_table)
            .where(evidence_item_table.c.evidence_id == event.evidence_id)
            .values(custody_head_hash=event.hash)
        )

    async def events(self, evidence_id: str, *, after_seq: int = 0, limit: int | None = None) -> Sequence[CustodyEvent]:
        query = (
            select(custody_event_table)
            .where(custody_event_table.c.evidence_id == evidence_id, custody_event_table.c.seq > after_seq)
            .order_by(custody_event_table.c.seq)
        )
        if limit is not None:
            query = query.limit(limit)
        return [_event(row) for row in (await self._session.execute(query)).all()]

    async def head(self, evidence_id: str) -> tuple[int, str]:
        query = select(evidence_item_table.c.custody_head_seq, evidence_item_table.c.custody_head_hash).where(
            evidence_item_table.c.evidence_id == evidence_id
        )
        row = (await self._session.execute(query)).one()
        return int(row.custody_head_seq), str(row.custody_head_hash)
