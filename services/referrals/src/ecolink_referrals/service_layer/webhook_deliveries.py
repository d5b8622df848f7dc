"""Push to the parties' systems (issue 13 item 9b): the relay queues a delivery of each transfer event for every party
agency with a webhook; the delivery task sends what is due, signed, with the event id as idempotency key, and backs
off on failure until the agency accepts it. A killed sender's lease runs out and the delivery is sent again, under
the same idempotency key."""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import NotFound
from ecolink_common.hash_chain import canonical_time
from ecolink_common.outbox import OutboxEvent
from ecolink_common.paging import Page, PageRequest
from ecolink_referrals.domain.webhook_signing import (
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    backoff,
    delivery_body,
    signature,
)
from ecolink_referrals.domain.webhooks import DeliveryRecord, DeliveryStatus, WebhookRecord
from ecolink_referrals.service_layer.ports import PostResult, WebhookQueue, WebhookSender
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

log = logging.getLogger(__name__)
REASON_NO_WEBHOOK = "WEBHOOK_NOT_FOUND"
PARTY_KEYS = ("bureau", "police", "procuratorate", "owed_by", "authority")
RECIPIENTS_KEY = "recipients"  # an event addressed to a list of agencies (a basin incident's notices, issue 14)
SUBJECT_KEYS = ("transfer", "listing", "incident", "task")


async def set_webhook(uow: ReferralsUnitOfWork, principal: Principal, url: str) -> WebhookRecord:
    """The caller's agency's webhook, with a new secret."""
    async with uow:
        webhook = WebhookRecord(principal.agency_id, url, secrets.token_hex(32), uow.clock.now())
        await uow.webhooks.set(webhook)
        await uow.audit.record(AuditEntry(principal.agency_id, "SetWebhook", f"webhooks/{principal.agency_id}", "OK"))
        await uow.commit()
        return webhook


async def get_webhook(uow: ReferralsUnitOfWork, principal: Principal) -> WebhookRecord:
    async with uow:
        found = (await uow.webhooks.of_agencies([principal.agency_id])).get(principal.agency_id)
    if found is None:
        raise NotFound(f"{principal.agency_id} has no webhook", reason=REASON_NO_WEBHOOK)
    return found


async def list_deliveries(uow: ReferralsUnitOfWork, principal: Principal, page: PageRequest) -> Page[DeliveryRecord]:
    before = page.position.get("before")
    async with uow:
        rows = await uow.webhooks.of_agency(
            principal.agency_id, before_id=int(before) if before else None, limit=page.size + 1
        )
    return page.page_of(list(rows), lambda delivery: {"before": str(delivery.delivery_id)})


async def queue_for_parties(event: OutboxEvent, queue: WebhookQueue, *, at: datetime) -> None:
    """The relay's subscriber: a delivery per party or recipient agency that registered a webhook, in the relay's
    transaction (the same event again queues nothing)."""
    parties = {str(event.payload[key]) for key in PARTY_KEYS if event.payload.get(key)}
    parties |= {str(agency_id) for agency_id in event.payload.get(RECIPIENTS_KEY, ())}
    for agency_id in sorted((await queue.of_agencies(parties)).keys()):
        await queue.queue(
            DeliveryRecord(
                delivery_id=0,
                event_id=event.event_id,
                agency_id=agency_id,
                topic=event.topic,
                transfer=next((str(event.payload[key]) for key in SUBJECT_KEYS if event.payload.get(key)), ""),
                payload=dict(event.payload),
                status=DeliveryStatus.PENDING,
                attempts=0,
                last_result="",
                create_time=at,
                next_attempt_time=at,
            )
        )


@dataclass(frozen=True)
class DeliveryPolicy:
    """How many deliveries a run sends, how long a claim holds, how failures back off."""

    batch: int
    lease: timedelta
    concurrency: int
    first_backoff: timedelta
    max_backoff: timedelta


@dataclass(frozen=True)
class DeliveryRun:
    sent: int
    accepted: int


async def deliver_due(
    uow_factory: Callable[[], ReferralsUnitOfWork], sender: WebhookSender, policy: DeliveryPolicy
) -> DeliveryRun:
    """Sends every due delivery once: the batch claimed in one transaction, POSTed outside any (a few at a time,
    each agency's deliveries of one transfer in the order of its steps), the attempts recorded in one more."""
    async with uow_factory() as uow:
        now = uow.clock.now()
        due = await uow.webhooks.due(now, limit=policy.batch)
        webhooks = await uow.webhooks.of_agencies({delivery.agency_id for delivery in due})
        claimed = [
            delivery
            for delivery in due
            if delivery.agency_id in webhooks and await uow.webhooks.claim(delivery, now=now, until=now + policy.lease)
        ]
        await uow.commit()
    outcomes = await _post_in_order(claimed, webhooks, sender, now, concurrency=policy.concurrency)
    async with uow_factory() as uow:
        at = uow.clock.now()
        for delivery, outcome in zip(claimed, outcomes, strict=True):
            wait = backoff(delivery.attempts + 1, first=policy.first_backoff, cap=policy.max_backoff)
            await uow.webhooks.record_attempt(
                delivery, delivered=outcome.accepted, result=outcome.result, at=at, next_attempt=at + wait
            )
            if not outcome.accepted:
                log.info("webhook of %s refused %s: %s", delivery.agency_id, delivery.event_id, outcome.result)
        await uow.commit()
    return DeliveryRun(len(claimed), sum(outcome.accepted for outcome in outcomes))


async def _post_in_order(
    claimed: list[DeliveryRecord],
    webhooks: dict[str, WebhookRecord],
    sender: WebhookSender,
    now: datetime,
    *,
    concurrency: int,
) -> list[PostResult]:
    """An agency's deliveries of one transfer one after the other, oldest first, so its system sees the steps in the
    order they happened; other agencies and other transfers at the same time."""
    outcomes: dict[int, PostResult] = {}
    in_sequence: dict[tuple[str, str], list[DeliveryRecord]] = {}
    for delivery in claimed:
        in_sequence.setdefault((delivery.agency_id, delivery.transfer), []).append(delivery)
    gate = asyncio.Semaphore(concurrency)

    async def post_all(deliveries: list[DeliveryRecord]) -> None:
        async with gate:
            for delivery in sorted(deliveries, key=lambda each: each.delivery_id):
                webhook = webhooks[delivery.agency_id]
                outcomes[delivery.delivery_id] = await sender.post(webhook.url, *_signed(webhook, delivery, now))

    await asyncio.gather(*(post_all(deliveries) for deliveries in in_sequence.values()))
    return [outcomes[delivery.delivery_id] for delivery in claimed]


def _signed(webhook: WebhookRecord, delivery: DeliveryRecord, now: datetime) -> tuple[bytes, dict[str, str]]:
    body = delivery_body(delivery.event_id, delivery.topic, delivery.payload)
    timestamp = canonical_time(now)
    headers = {
        "Content-Type": "application/json",
        IDEMPOTENCY_HEADER: delivery.event_id,
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: signature(webhook.secret, timestamp, body),
    }
    return body, headers
