"""alerts_0012 on both databases: the registry's request ids move into the platform's `request_record`, so a create
sent again with its id still replays and the id used for another resource is still refused."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import inspect, text

from ecolink_alerts.service import SPEC as ALERTS
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.errors import FailedPrecondition
from ecolink_common.migrations import alembic_config
from ecolink_common.request_records import RequestKey, values_fingerprint
from ecolink_common.unit_of_work import UnitOfWork

MADE = datetime(2026, 11, 20, 16, tzinfo=UTC)
ROWS = (
    ("req-unit", "units/lingbi-jiancai", "CreateKeyUnit"),
    ("req-outlet", "units/lingbi-jiancai/outlets/DA001", "CreateOutlet"),
    ("req-device", "devices/MN-1", "CreateDevice"),
    ("req-channel", "units/lingbi-jiancai/videoChannels/cam-1", "CreateVideoChannel"),
)


async def test_alerts_0012_keeps_every_registry_request_id_in_the_platform_table(database_url):
    config = alembic_config(ALERTS.migrations_dir, database_url)
    await asyncio.to_thread(command.upgrade, config, "alerts_0011")
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            for request_id, resource, _ in ROWS:
                await connection.execute(
                    text(
                        "INSERT INTO registry_request (agency_id, request_id, resource_name, created_at) "
                        "VALUES ('eeb-341300', :id, :resource, :made)"
                    ),
                    {"id": request_id, "resource": resource, "made": MADE},
                )
        await asyncio.to_thread(command.upgrade, config, "heads")
        async with engine.connect() as connection:
            tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
        async with UnitOfWork(create_session_factory(engine)) as uow:
            for request_id, resource, method in ROWS:
                key = RequestKey("eeb-341300", request_id, method, values_fingerprint(resource))
                assert await uow.requests.replayed_resource(key) == resource
            other = RequestKey("eeb-341300", "req-unit", "CreateKeyUnit", values_fingerprint("units/another"))
            with pytest.raises(FailedPrecondition) as reused:
                await uow.requests.replayed_resource(other)
    finally:
        await engine.dispose()
    assert "registry_request" not in tables
    assert reused.value.reason == "REQUEST_ID_REUSED"
