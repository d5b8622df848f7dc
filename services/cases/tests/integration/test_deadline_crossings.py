"""Deadlines driven by beat (issue 12 item 5): the scan task, run by a real Celery worker on the case database,
turns each deadline crossed into one outbox event, however often it scans the same day."""

from __future__ import annotations

import uuid

from ecolink.cases.v1 import case_pb2
from ecolink_cases.service_layer.deadline_crossings import DEADLINE_CROSSED_EVENT
from ecolink_cases.testing import CaseWalk, details
from ecolink_cases.worker.tasks import RECORD_DEADLINE_CROSSINGS
from ecolink_common.celery_app import make_celery
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.testing.worker import running_worker, task_result
from ecolink_common.unit_of_work import UnitOfWork

RESULT_TIMEOUT_SECONDS = 60


async def stored_crossings(database_url: str) -> list[tuple[str, dict]]:
    engine = create_engine(database_url)
    async with UnitOfWork(create_session_factory(engine)) as uow:
        stored = await uow.outbox.all_events()
    await engine.dispose()
    return [(s.event.event_id, dict(s.event.payload)) for s in stored if s.event.topic == DEADLINE_CROSSED_EVENT]


async def test_a_worker_scan_records_each_crossing_once(cases, cases_service, database_url, platform, tmp_path):
    walk = CaseWalk(cases, cases_service)
    await walk.to_decided(fine_fen=1000)
    await walk.step("RecordService", method=case_pb2.SERVICE_METHOD_DIRECT, details=details(on="2026-11-20"))
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {"ECOLINK_VAR_DIR": str(platform.var_dir), "CASES_DATABASE_URL": database_url}
    client = make_celery("ecolink-test-client", platform, include=[])
    with running_worker(env, queue=queue):
        scans = [
            await task_result(client, RECORD_DEADLINE_CROSSINGS, queue=queue, timeout=RESULT_TIMEOUT_SECONDS, as_of=day)
            for day in ("2026-11-25", "2026-12-10", "2026-12-10")
        ]
    assert [scan["crossings"] for scan in scans] == [1, 1, 1]
    crossings = await stored_crossings(database_url)
    # Served 2026-11-20: payment due within 15 days (due on 11-25), overdue after 12-05; the repeat adds nothing.
    assert [(payload["action"], payload["status"]) for _, payload in crossings] == [
        ("payment_due", "due"),
        ("payment_due", "overdue"),
    ]
    assert all(payload["agency_id"] == "eeb-341323" for _, payload in crossings)
