"""The outbox relay: publishes each service's committed events, in order, to the subscribers of their topic, and
marks them published; at least once, so a relay killed at any point loses nothing and receivers de-duplicate by the
event id."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ecolink_common.clock import Clock
from ecolink_common.outbox import OutboxEvent
from ecolink_common.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

# A delivery gets the relay's own unit of work, for directory reads and audit rows, and never commits it: a second
# transaction on the service's database would wait on the relay's (SQLite takes its write lock up front).
Deliver = Callable[[OutboxEvent, UnitOfWork], Awaitable[None]]
RELAY_BATCH = 100


@dataclass(frozen=True)
class Subscribers:
    """Who receives the events of each topic. Events of a topic nobody subscribes to yet stay unpublished, so the
    first subscriber (a later release) still receives them all."""

    by_topic: Mapping[str, Sequence[Deliver]] = field(default_factory=dict)

    def of(self, topic: str) -> Sequence[Deliver]:
        return self.by_topic.get(topic, ())

    @property
    def topics(self) -> frozenset[str]:
        return frozenset(topic for topic, deliveries in self.by_topic.items() if deliveries)


@dataclass(frozen=True)
class RelayOutcome:
    """What one relay run published."""

    published: int
    deliveries: int


async def relay_outbox(
    uow_factory: Callable[[], UnitOfWork], subscribers: Subscribers, clock: Clock, *, batch: int = RELAY_BATCH
) -> RelayOutcome:
    """Publishes every unpublished event oldest first, one batch per transaction: each delivery is awaited before
    the batch is marked, so a crash in between only delivers the batch again. A delivery that fails stops the run
    with the rest left for the next one (retried by the task), never out of order, and what it wrote through the
    unit of work is rolled back with the batch."""
    published = deliveries = 0
    while True:
        async with uow_factory() as uow:
            pending = await uow.outbox.unpublished(limit=batch, topics=subscribers.topics)
            if not pending:
                return RelayOutcome(published, deliveries)
            for stored in pending:
                for deliver in subscribers.of(stored.event.topic):
                    await deliver(stored.event, uow)
                    deliveries += 1
            await uow.outbox.mark_published([stored.seq for stored in pending], at=clock.now())
            await uow.commit()
        published += len(pending)
        log.info("outbox relay published %d event(s)", len(pending))
