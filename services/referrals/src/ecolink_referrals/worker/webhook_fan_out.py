"""The referrals service's outbox subscribers, built in the worker: every transfer change and overdue deadline is
queued for the party agencies' webhooks in the relay's transaction."""

from __future__ import annotations

from ecolink_common.outbox import OutboxEvent
from ecolink_common.outbox_relay import Subscribers
from ecolink_common.unit_of_work import UnitOfWork
from ecolink_referrals.adapters.webhook_repository import WebhookRepository
from ecolink_referrals.service_layer.overdue_deadlines import DEADLINE_OVERDUE_EVENT
from ecolink_referrals.service_layer.transfer_steps import TRANSFER_CHANGED_EVENT
from ecolink_referrals.service_layer.webhook_deliveries import queue_for_parties


async def queue_webhook_deliveries(event: OutboxEvent, uow: UnitOfWork) -> None:
    await queue_for_parties(event, WebhookRepository(uow.session), at=uow.clock.now())


def referrals_subscribers() -> Subscribers:
    return Subscribers(
        {TRANSFER_CHANGED_EVENT: [queue_webhook_deliveries], DEADLINE_OVERDUE_EVENT: [queue_webhook_deliveries]}
    )
