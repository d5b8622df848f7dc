"""A Celery round trip through a real worker process: embedded filesystem broker, and Redis."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from ecolink_alerts.service import SPEC as ALERTS
from ecolink_alerts.service_layer.rollup import GRADE_CHANGED_EVENT
from ecolink_cli.worker_app import RELAY_OUTBOX, VERIFY_AUDIT_CHAIN
from ecolink_common import operations
from ecolink_common.celery_app import make_celery
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.outbox import OutboxEvent
from ecolink_common.platform_tables import audit_event_table
from ecolink_common.testing.databases import port_open, rabbitmq_required, redis_required
from ecolink_common.testing.platform import platform_settings_for_tests
from ecolink_common.testing.worker import running_worker
from ecolink_common.unit_of_work import UnitOfWork

REDIS = ("127.0.0.1", 6379)
RABBITMQ = ("127.0.0.1", 5672)
RESULT_TIMEOUT_SECONDS = 60


def broker_params() -> list:
    redis_missing = not port_open(*REDIS) and not redis_required()
    rabbit_missing = redis_missing or (not port_open(*RABBITMQ) and not rabbitmq_required())
    return [
        pytest.param("filesystem", id="filesystem"),
        pytest.param("redis", id="redis", marks=pytest.mark.skipif(redis_missing, reason="no Redis on 127.0.0.1")),
        pytest.param("rabbitmq", id="rabbitmq", marks=pytest.mark.skipif(rabbit_missing, reason="no RabbitMQ")),
    ]


BROKERS = {
    "filesystem": ("", ""),
    "redis": ("redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/1"),
    "rabbitmq": ("amqp://guest:guest@127.0.0.1:5672//", "redis://127.0.0.1:6379/1"),
}


@pytest.fixture(params=broker_params())
def broker_env(request) -> dict[str, str]:
    broker, backend = BROKERS[request.param]
    return {"ECOLINK_CELERY_BROKER_URL": broker, "ECOLINK_CELERY_RESULT_BACKEND": backend}


@pytest.fixture
async def worker(tmp_path, broker_env, database_url):
    await operations.migrate(ALERTS, database_url)
    await operations.load_directory(ALERTS, database_url, platform_settings_for_tests(tmp_path / "var").directory_file)
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {**broker_env, "ECOLINK_VAR_DIR": str(tmp_path / "var"), "ALERTS_DATABASE_URL": database_url}
    settings = platform_settings_for_tests(
        tmp_path / "var",
        celery_broker_url=broker_env["ECOLINK_CELERY_BROKER_URL"],
        celery_result_backend=broker_env["ECOLINK_CELERY_RESULT_BACKEND"],
    )
    with running_worker(env, queue=queue):
        yield make_celery("ecolink-test-client", settings, include=[]), queue


def verify_through_worker(client, queue: str) -> dict:
    result = client.send_task(VERIFY_AUDIT_CHAIN, args=("alerts",), queue=queue)
    return result.get(timeout=RESULT_TIMEOUT_SECONDS)


async def test_worker_verifies_an_intact_chain(worker):
    client, queue = worker
    report = verify_through_worker(client, queue)
    assert report == {"service": "alerts", "intact": True, "rows_checked": 1, "broken_seq": None, "problem": ""}


async def test_worker_reports_a_tampered_chain(worker, database_url):
    engine = create_engine(database_url)
    async with engine.begin() as connection:
        await connection.execute(update(audit_event_table).where(audit_event_table.c.seq == 1).values(reason="edit"))
    await engine.dispose()
    client, queue = worker
    report = verify_through_worker(client, queue)
    assert (report["intact"], report["broken_seq"]) == (False, 1)


async def test_the_worker_runs_the_outbox_relay_and_events_without_a_subscriber_wait_for_one(worker, database_url):
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    async with UnitOfWork(sessions) as uow:
        for number in range(3):
            event = OutboxEvent(f"e-{number}", GRADE_CHANGED_EVENT, {"n": number}, datetime(2026, 12, 2, tzinfo=UTC))
            await uow.outbox.add(event, at=datetime(2026, 12, 2, tzinfo=UTC))
        await uow.commit()
    client, queue = worker
    relayed = client.send_task(RELAY_OUTBOX, args=("alerts",), queue=queue).get(timeout=RESULT_TIMEOUT_SECONDS)
    assert relayed == {"service": "alerts", "published": 0, "deliveries": 0}
    async with UnitOfWork(sessions) as uow:
        stored = await uow.outbox.all_events()
    await engine.dispose()
    # Grade changes are delivered to bureaus by the closed loop (a later issue): until it subscribes, they wait.
    assert [(s.event.event_id, s.published_at) for s in stored] == [("e-0", None), ("e-1", None), ("e-2", None)]
