"""Referrals tasks, run by beat: deadlines that passed unmet become events, silent basin members are escalated, and
due webhook deliveries are sent."""

from __future__ import annotations

from typing import Any

from celery import Task, shared_task

from ecolink_common.celery_app import RETRIED_TASK, follow_up, run_async
from ecolink_common.worker_resources import platform_settings, service_sessions, service_settings
from ecolink_referrals.adapters.webhook_sender import HttpWebhookSender
from ecolink_referrals.service_layer.basin_drills import start_due_drills
from ecolink_referrals.service_layer.basin_incidents import escalate_silence
from ecolink_referrals.service_layer.basin_tasks import escalate_overdue_tasks
from ecolink_referrals.service_layer.joint_listings import escalate_overdue_listings
from ecolink_referrals.service_layer.overdue_deadlines import record_overdue_deadlines
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork
from ecolink_referrals.service_layer.webhook_deliveries import deliver_due
from ecolink_referrals.settings import ReferralsSettings

RECORD_OVERDUE_DEADLINES = "ecolink.referrals.record_overdue_deadlines"
DELIVER_WEBHOOKS = "ecolink.referrals.deliver_webhooks"
ESCALATE_BASIN_INCIDENTS = "ecolink.referrals.escalate_basin_incidents"


def _unit_of_work() -> ReferralsUnitOfWork:
    return ReferralsUnitOfWork(service_sessions(ReferralsSettings))


@shared_task(name=RECORD_OVERDUE_DEADLINES, max_retries=3, **RETRIED_TASK)
def record_overdue(self: Task) -> dict[str, Any]:
    """An event per deadline newly overdue, and per listing task or report overdue (DOMAIN §4.3); a repeated or
    redelivered scan queues nothing new."""
    recorded = run_async(record_overdue_deadlines(_unit_of_work))
    return {"recorded": recorded, "listings_escalated": run_async(escalate_overdue_listings(_unit_of_work))}


@shared_task(name=DELIVER_WEBHOOKS, max_retries=3, **RETRIED_TASK)
def deliver_webhooks(self: Task) -> dict[str, Any]:
    """Sends the due deliveries; a killed run's claims run out and the next run sends them again. A run that sent a
    full batch sends the next one at once (when wakes are on) rather than at its next beat."""
    settings = service_settings(ReferralsSettings)
    run = run_async(
        deliver_due(_unit_of_work, HttpWebhookSender(settings.webhook_timeout_seconds), settings.delivery_policy())
    )
    if run.sent >= settings.webhook_batch and platform_settings().outbox_wake:
        follow_up(self, DELIVER_WEBHOOKS)
    return {"sent": run.sent, "accepted": run.accepted}


@shared_task(name=ESCALATE_BASIN_INCIDENTS, max_retries=3, **RETRIED_TASK)
def escalate_basin_incidents(self: Task) -> dict[str, Any]:
    """Drills whose time came start, then every rung due on an open incident or an overdue joint task is climbed,
    once each (DOMAIN §4.5); what came due while beat was down happens now."""
    agreements = service_settings(ReferralsSettings).basin_agreements()
    started = run_async(start_due_drills(_unit_of_work, agreements))
    escalated = run_async(escalate_silence(_unit_of_work, agreements))
    tasks = run_async(escalate_overdue_tasks(_unit_of_work, agreements))
    return {"drills_started": started, "escalated": escalated, "tasks_escalated": tasks}
