"""The platform's Celery app (`celery -A ecolink_cli.worker_app`): every service's task modules and beat entries,
and the platform tasks every service gets (audit chain check, outbox relay)."""

from __future__ import annotations

import logging
from typing import Any

from celery import Task

from ecolink_cli.services import service_spec, service_specs
from ecolink_common import operations
from ecolink_common.celery_app import (
    RELAY_OUTBOX,
    RETRIED_TASK,
    VERIFY_AUDIT_CHAIN,
    follow_up,
    make_worker_celery,
    run_async,
)
from ecolink_common.settings import ServiceSettings
from ecolink_common.worker_resources import platform_settings, service_sessions

log = logging.getLogger(__name__)

AUDIT_VERIFY_INTERVAL_SECONDS = 3600.0


def beat_schedule() -> dict[str, dict[str, Any]]:
    """The platform entries for every service, then each service's own entries, read from settings when beat
    starts."""
    schedule: dict[str, dict[str, Any]] = {}
    for name, spec in service_specs().items():
        schedule[f"verify-audit-chain-{name}"] = {
            "task": VERIFY_AUDIT_CHAIN,
            "schedule": AUDIT_VERIFY_INTERVAL_SECONDS,
            "args": (name,),
        }
        schedule[f"relay-outbox-{name}"] = {
            "task": RELAY_OUTBOX,
            "schedule": platform_settings().outbox_relay_seconds,
            "args": (name,),
        }
        schedule.update(spec.beat_schedule())
    return schedule


app = make_worker_celery(
    "ecolink",
    include=[module for spec in service_specs().values() for module in spec.task_modules],
    beat_schedule=beat_schedule,
)


@app.task(name=VERIFY_AUDIT_CHAIN, bind=True, ignore_result=False, acks_late=True, max_retries=5)
def verify_audit_chain(self: Task, service: str) -> dict[str, Any]:
    """Walks one service's audit chain; read-only and so safe to run twice. A break is logged as CRITICAL."""
    try:
        report = run_async(
            operations.verify_audit_chain(operations.database_url(service_spec(service), platform_settings()))
        )
    except OSError as error:
        raise self.retry(exc=error, countdown=min(2**self.request.retries * 5, 300)) from error
    if not report.intact:
        log.critical("audit chain of %s is broken: %s", service, report.problem)
    return {
        "service": service,
        "intact": report.intact,
        "rows_checked": report.rows_checked,
        "broken_seq": report.broken_seq,
        "problem": report.problem,
    }


@app.task(name=RELAY_OUTBOX, max_retries=10, **RETRIED_TASK)
def relay_outbox(self: Task, service: str) -> dict[str, Any]:
    """Publishes one service's committed outbox events in order; a run killed at any point only publishes its batch
    again (receivers de-duplicate by event id), and two runs at once publish each event once."""
    spec = service_spec(service)
    settings_type: type[ServiceSettings] = spec.settings_type
    outcome = run_async(operations.relay_outbox(spec, service_sessions(settings_type)))
    if outcome.deliveries and platform_settings().outbox_wake:
        for task in spec.after_relay:
            follow_up(self, task)
    return {"service": service, "published": outcome.published, "deliveries": outcome.deliveries}
