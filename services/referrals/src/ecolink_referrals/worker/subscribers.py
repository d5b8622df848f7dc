"""The referrals service's outbox subscribers, built in the worker: every transfer change, overdue deadline and basin
incident fact is queued for the party or recipient agencies' webhooks in the relay's transaction, a reverse transfer
goes back to the cases service, and the police's grants follow a forwarded or reversed transfer."""

from __future__ import annotations

from ecolink_common.outbox import OutboxEvent
from ecolink_common.outbox_relay import Subscribers
from ecolink_common.unit_of_work import UnitOfWork
from ecolink_common.worker_resources import platform_settings, service_settings
from ecolink_referrals.adapters.webhook_repository import WebhookRepository
from ecolink_referrals.service_layer.basin_incidents import BASIN_INCIDENT_EVENT
from ecolink_referrals.service_layer.basin_tasks import BASIN_TASK_EVENT
from ecolink_referrals.service_layer.joint_listings import LISTING_OVERDUE_EVENT
from ecolink_referrals.service_layer.overdue_deadlines import DEADLINE_OVERDUE_EVENT
from ecolink_referrals.service_layer.transfer_steps import TRANSFER_CHANGED_EVENT
from ecolink_referrals.service_layer.webhook_deliveries import queue_for_parties
from ecolink_referrals.settings import ReferralsSettings
from ecolink_referrals.worker.evidence_follows import evidence_follows
from ecolink_referrals.worker.hand_back_delivery import hand_back_reporter


async def queue_webhook_deliveries(event: OutboxEvent, uow: UnitOfWork) -> None:
    await queue_for_parties(event, WebhookRepository(uow.session), at=uow.clock.now())


def referrals_subscribers() -> Subscribers:
    """Who receives the referrals service's events in this worker process."""
    settings, platform = service_settings(ReferralsSettings), platform_settings()
    hand_backs = hand_back_reporter(settings, platform)
    evidence = evidence_follows(settings, platform)
    return Subscribers(
        {
            TRANSFER_CHANGED_EVENT: [queue_webhook_deliveries, hand_backs, evidence],
            DEADLINE_OVERDUE_EVENT: [queue_webhook_deliveries],
            LISTING_OVERDUE_EVENT: [queue_webhook_deliveries],
            BASIN_INCIDENT_EVENT: [queue_webhook_deliveries],
            BASIN_TASK_EVENT: [queue_webhook_deliveries],
        }
    )
