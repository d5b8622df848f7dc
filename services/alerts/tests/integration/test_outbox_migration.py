"""alerts_0010 on both databases: grade-change events recorded in the alerts outbox before it move, ids, times,
payloads and publication kept, into the platform's outbox, which the relay reads."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import text

from ecolink_alerts.service import SPEC as ALERTS
from ecolink_alerts.service_layer.rollup import GRADE_CHANGED_EVENT
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.migrations import alembic_config
from ecolink_common.unit_of_work import UnitOfWork

OCCURRED = datetime(2026, 11, 20, 16, tzinfo=UTC)
PUBLISHED = datetime(2026, 11, 21, 1, tzinfo=UTC)


async def test_alerts_0010_moves_the_recorded_grade_events_into_the_platform_outbox(database_url):
    config = alembic_config(ALERTS.migrations_dir, database_url)
    await asyncio.to_thread(command.upgrade, config, "alerts_0009")
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            for event_id, published in (("ev-1", PUBLISHED), ("ev-2", None)):
                await connection.execute(
                    text(
                        "INSERT INTO alerts_outbox (event_id, event_type, payload, occurred_at, created_at, "
                        "published_at) VALUES (:id, :type, :payload, :occurred, :created, :published)"
                    ),
                    {
                        "id": event_id,
                        "type": GRADE_CHANGED_EVENT,
                        "payload": '{"current": "yellow", "unit": "lingbi-jiancai"}',
                        "occurred": OCCURRED,
                        "created": OCCURRED,
                        "published": published,
                    },
                )
        await asyncio.to_thread(command.upgrade, config, "heads")
        async with UnitOfWork(create_session_factory(engine)) as uow:
            stored = await uow.outbox.all_events()
    finally:
        await engine.dispose()
    assert [
        (s.event.event_id, s.event.topic, dict(s.event.payload), s.event.occurred_at, s.published_at) for s in stored
    ] == [
        ("ev-1", GRADE_CHANGED_EVENT, {"current": "yellow", "unit": "lingbi-jiancai"}, OCCURRED, PUBLISHED),
        ("ev-2", GRADE_CHANGED_EVENT, {"current": "yellow", "unit": "lingbi-jiancai"}, OCCURRED, None),
    ]
