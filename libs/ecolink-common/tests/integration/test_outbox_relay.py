"""The outbox in a real database: events land only with their transaction, go out in order, at least once, and a
relay that fails or runs twice at once loses and duplicates nothing; a refusal commits only its own record."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from ecolink_common import operations
from ecolink_common.audit import AuditEntry
from ecolink_common.clock import FakeClock
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.outbox import OutboxEvent
from ecolink_common.outbox_relay import Subscribers, relay_outbox
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.unit_of_work import UnitOfWork
from ecolink_evidence.service import SPEC as EVIDENCE

TOPIC = "alerts.exceedance_grade_changed"
AT = datetime(2026, 12, 2, 8, tzinfo=UTC)


@pytest.fixture
async def uow_factory(database_url):
    await operations.migrate(EVIDENCE, database_url)
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    yield lambda: UnitOfWork(sessions)
    await engine.dispose()


def event(number: int, topic: str = TOPIC) -> OutboxEvent:
    return OutboxEvent(
        f"grade-{number}", topic, {"unit": "lingbi-jiancai", "n": number}, AT + timedelta(minutes=number)
    )


async def add(uow_factory, events: list[OutboxEvent], *, commit: bool = True) -> None:
    async with uow_factory() as uow:
        for item in events:
            await uow.outbox.add(item, at=AT)
        if commit:
            await uow.commit()


class Recorder:
    """A subscriber that keeps what it received, and can be told to fail once at an event."""

    def __init__(self, fail_at: str = ""):
        self.received: list[str] = []
        self.fail_at = fail_at

    async def __call__(self, received: OutboxEvent, uow: UnitOfWork) -> None:
        if received.event_id == self.fail_at:
            self.fail_at = ""
            raise ConnectionError("the broker went away")
        self.received.append(received.event_id)


async def test_only_committed_events_are_published_once_and_in_order(uow_factory):
    await add(uow_factory, [event(1), event(2)])
    await add(uow_factory, [event(3)], commit=False)
    await add(uow_factory, [event(2), event(4, topic="nobody.listens")])
    recorder = Recorder()
    subscribers = Subscribers({TOPIC: [recorder]})
    outcome = await relay_outbox(uow_factory, subscribers, FakeClock(AT), batch=1)
    assert recorder.received == ["grade-1", "grade-2"]
    assert (outcome.published, outcome.deliveries) == (2, 2)
    again = await relay_outbox(uow_factory, subscribers, FakeClock(AT))
    assert (again.published, recorder.received) == (0, ["grade-1", "grade-2"])
    async with uow_factory() as uow:
        stored = await uow.outbox.all_events()
    # An event of a topic nobody subscribes to yet waits for its first subscriber.
    assert [(s.event.event_id, s.published_at) for s in stored] == [
        ("grade-1", AT),
        ("grade-2", AT),
        ("grade-4", None),
    ]


async def test_a_failed_delivery_leaves_its_batch_for_the_next_run_which_delivers_it_again(uow_factory):
    await add(uow_factory, [event(n) for n in range(1, 5)])
    recorder = Recorder(fail_at="grade-3")
    subscribers = Subscribers({TOPIC: [recorder]})
    with pytest.raises(ConnectionError):
        await relay_outbox(uow_factory, subscribers, FakeClock(AT), batch=2)
    assert recorder.received == ["grade-1", "grade-2"]
    await relay_outbox(uow_factory, subscribers, FakeClock(AT), batch=2)
    assert recorder.received == ["grade-1", "grade-2", "grade-3", "grade-4"]


async def test_two_relays_at_once_publish_every_event_exactly_once_in_order(uow_factory):
    await add(uow_factory, [event(n) for n in range(1, 41)])
    recorder = Recorder()
    subscribers = Subscribers({TOPIC: [recorder]})
    outcomes = await asyncio.gather(
        relay_outbox(uow_factory, subscribers, FakeClock(AT), batch=5),
        relay_outbox(uow_factory, subscribers, FakeClock(AT), batch=5),
    )
    assert recorder.received == [f"grade-{n}" for n in range(1, 41)]
    assert sum(outcome.published for outcome in outcomes) == 40


async def test_a_refusal_commits_its_audit_row_and_nothing_the_use_case_wrote_before_it(uow_factory, database_url):
    async with uow_factory() as uow:
        await uow.outbox.add(event(1), at=AT)
        await uow.commit_refusal(AuditEntry("eeb-360800", "GrantEvidenceAccess", "evidence/ev-1", "NOT_FOUND"))
    async with uow_factory() as uow:
        assert await uow.outbox.all_events() == []
    assert [(row["action"], row["outcome"]) for row in await audit_rows(database_url)] == [
        ("GrantEvidenceAccess", "NOT_FOUND")
    ]
