"""Cases tasks: the daily scan that turns deadlines crossed into outbox events, run by beat."""

from __future__ import annotations

from datetime import date
from typing import Any

from celery import Task, shared_task

from ecolink_cases.service_layer.deadline_crossings import record_deadline_crossings
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_cases.settings import CasesSettings
from ecolink_common.celery_app import RETRIED_TASK, run_async
from ecolink_common.worker_resources import service_sessions, service_settings

RECORD_DEADLINE_CROSSINGS = "ecolink.cases.record_deadline_crossings"


@shared_task(name=RECORD_DEADLINE_CROSSINGS, max_retries=3, **RETRIED_TASK)
def record_crossings(self: Task, as_of: str | None = None) -> dict[str, Any]:
    """Queues an event per deadline crossed on `as_of` (YYYY-MM-DD; today in China by default); a redelivered or
    repeated scan of the same day queues nothing new, the events' ids naming their crossing."""
    scan = run_async(
        record_deadline_crossings(
            lambda: CasesUnitOfWork(service_sessions(CasesSettings)),
            periods=service_settings(CasesSettings).legal_periods(),
            as_of=date.fromisoformat(as_of) if as_of else None,
        )
    )
    return {"as_of": scan.as_of.isoformat(), "cases": scan.cases, "crossings": scan.crossings}
