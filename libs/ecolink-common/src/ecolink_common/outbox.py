"""The transactional outbox of a service: events written in the same transaction as the change that raised them,
read back in order by the relay; never commits."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_common.db import upsert_statement
from ecolink_common.platform_tables import outbox_event_table


@dataclass(frozen=True)
class OutboxEvent:
    """Something that happened, for subscribers: a stable id (receivers de-duplicate by it), a topic, its facts."""

    event_id: str
    topic: str
    payload: Mapping[str, Any]
    occurred_at: datetime


@dataclass(frozen=True)
class StoredEvent:
    """An outbox row: the event and its place in the order of publication."""

    seq: int
    event: OutboxEvent
    published_at: datetime | None = field(default=None)


class OutboxRepository:
    """The outbox table of the service's own database."""

    def __init__(self, session: AsyncSession):
        self._session = session
        self.queued = 0  # events added in this transaction: the unit of work wakes the relay when it commits them

    async def add(self, event: OutboxEvent, *, at: datetime) -> None:
        """Queues an event to publish once the transaction commits; the same event id twice is kept once."""
        self.queued += 1
        await self._session.execute(
            upsert_statement(self._session, outbox_event_table)
            .values(
                event_id=event.event_id,
                topic=event.topic,
                payload=dict(event.payload),
                occurred_at=event.occurred_at,
                created_at=at,
                published_at=None,
            )
            .on_conflict_do_nothing()
        )

    async def unpublished(self, *, limit: int, topics: Collection[str]) -> list[StoredEvent]:
        """The oldest events of `topics` no relay has published, locked on PostgreSQL: a second relay waits for the
        first and then finds its batch published, so events go out once per relay run and in order."""
        events = outbox_event_table
        query = (
            select(events)
            .where(events.c.published_at.is_(None), events.c.topic.in_(sorted(topics)))
            .order_by(events.c.seq)
            .limit(limit)
            .with_for_update()
        )
        return [_stored(row) for row in (await self._session.execute(query)).mappings()]

    async def mark_published(self, seqs: Sequence[int], *, at: datetime) -> None:
        if seqs:
            events = outbox_event_table
            await self._session.execute(update(events).where(events.c.seq.in_(list(seqs))).values(published_at=at))

    async def all_events(self) -> list[StoredEvent]:
        """Every event in order, published or not (for operators and tests)."""
        rows = (await self._session.execute(select(outbox_event_table).order_by(outbox_event_table.c.seq))).mappings()
        return [_stored(row) for row in rows]


def _stored(row: RowMapping) -> StoredEvent:
    event = OutboxEvent(row["event_id"], row["topic"], row["payload"], row["occurred_at"])
    return StoredEvent(row["seq"], event, row["published_at"])
