"""The platform's Celery app (`celery -A ecolink_cli.worker_app`) and its periodic operator tasks."""

from __future__ import annotations

import logging
from typing import Any

from celery import Task

from ecolink_alerts.settings import AlertsSettings
from ecolink_alerts.worker.tasks import ROLL_UP_MEANS_AND_GRADES, TICK_RULE_ENGINES
from ecolink_cli.services import SERVICES, service_spec
from ecolink_common import operations
from ecolink_common.celery_app import RETRIED_TASK, make_celery, run_async
from ecolink_common.settings import PlatformSettings
from ecolink_evidence.settings import EvidenceSettings
from ecolink_evidence.worker.tasks import INTEGRITY_SWEEP

log = logging.getLogger(__name__)

platform = PlatformSettings()
app = make_celery("ecolink", platform, include=["ecolink_evidence.worker.tasks", "ecolink_alerts.worker.tasks"])

VERIFY_AUDIT_CHAIN = "ecolink.platform.verify_audit_chain"
RELAY_OUTBOX = "ecolink.platform.relay_outbox"
AUDIT_VERIFY_INTERVAL_SECONDS = 3600.0


@app.task(name=VERIFY_AUDIT_CHAIN, bind=True, ignore_result=False, acks_late=True, max_retries=5)
def verify_audit_chain(self: Task, service: str) -> dict[str, Any]:
    """Walks one service's audit chain; read-only and so safe to run twice. A break is logged as CRITICAL."""
    try:
        report = run_async(operations.verify_audit_chain(operations.database_url(service_spec(service), platform)))
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
    outcome = run_async(operations.relay_outbox(spec, operations.database_url(spec, platform)))
    return {"service": service, "published": outcome.published, "deliveries": outcome.deliveries}


app.conf.beat_schedule = {
    **{
        f"verify-audit-chain-{name}": {
            "task": VERIFY_AUDIT_CHAIN,
            "schedule": AUDIT_VERIFY_INTERVAL_SECONDS,
            "args": (name,),
        }
        for name in SERVICES
    },
    **{
        f"relay-outbox-{name}": {"task": RELAY_OUTBOX, "schedule": platform.outbox_relay_seconds, "args": (name,)}
        for name in SERVICES
    },
    "alerts-tick-rule-engines": {
        "task": TICK_RULE_ENGINES,
        "schedule": AlertsSettings().rule_tick_seconds,
    },
    "alerts-roll-up-means-and-grades": {
        "task": ROLL_UP_MEANS_AND_GRADES,
        "schedule": AlertsSettings().rollup_seconds,
    },
    "evidence-integrity-sweep": {
        "task": INTEGRITY_SWEEP,
        "schedule": EvidenceSettings().sweep_interval_seconds,
    },
}
