"""Webhooks and deliveries of one referrals database: a delivery per (event, agency) once, claimed by one sender at a
time with a lease, so two workers do not send it together and a killed one's claim runs out."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_common.db import upsert_statement
from ecolink_referrals.adapters.tables import webhook_delivery_table, webhook_table
from ecolink_referrals.domain.webhooks import DeliveryRecord, DeliveryStatus, WebhookRecord


def _delivery(row: Any) -> DeliveryRecord:
    return DeliveryRecord(
        delivery_id=row.delivery_id,
        event_id=row.event_id,
        agency_id=row.agency_id,
        topic=row.topic,
        transfer=row.transfer,
        payload=dict(row.payload),
        status=DeliveryStatus(row.status),
        attempts=row.attempts,
        last_result=row.last_result,
        create_time=row.create_time,
        next_attempt_time=row.next_attempt_time,
        delivered_time=row.delivered_time,
    )


class WebhookRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def set(self, webhook: WebhookRecord) -> None:
        values = {"url": webhook.url, "secret": webhook.secret, "update_time": webhook.update_time}
        statement = upsert_statement(self._session, webhook_table).values(agency_id=webhook.agency_id, **values)
        await self._session.execute(statement.on_conflict_do_update(index_elements=["agency_id"], set_=values))

    async def of_agencies(self, agency_ids: Collection[str]) -> dict[str, WebhookRecord]:
        rows = await self._session.execute(select(webhook_table).where(webhook_table.c.agency_id.in_(list(agency_ids))))
        return {row.agency_id: WebhookRecord(row.agency_id, row.url, row.secret, row.update_time) for row in rows}

    async def queue(self, delivery: DeliveryRecord) -> None:
        """Queues the event for the agency; the same pair again is kept once (a relay batch published twice)."""
        statement = upsert_statement(self._session, webhook_delivery_table).values(
            event_id=delivery.event_id,
            agency_id=delivery.agency_id,
            topic=delivery.topic,
            transfer=delivery.transfer,
            payload=delivery.payload,
            status=delivery.status.value,
            attempts=0,
            last_result="",
            create_time=delivery.create_time,
            next_attempt_time=delivery.next_attempt_time,
        )
        await self._session.execute(statement.on_conflict_do_nothing())

    async def due(self, now: datetime, *, limit: int) -> list[DeliveryRecord]:
        table = webhook_delivery_table
        rows = await self._session.execute(
            select(table)
            .where(
                table.c.status == DeliveryStatus.PENDING.value,
                table.c.next_attempt_time <= now,
                or_(table.c.claimed_until.is_(None), table.c.claimed_until <= now),
            )
            .order_by(table.c.delivery_id)
            .limit(limit)
        )
        return [_delivery(row) for row in rows]

    async def claim(self, delivery: DeliveryRecord, *, now: datetime, until: datetime) -> bool:
        """True when this sender holds the delivery until `until` (nobody else held it at `now`)."""
        table = webhook_delivery_table
        result = await self._session.execute(
            update(table)
            .where(
                table.c.delivery_id == delivery.delivery_id,
                table.c.status == DeliveryStatus.PENDING.value,
                or_(table.c.claimed_until.is_(None), table.c.claimed_until <= now),
            )
            .values(claimed_until=until)
        )
        return bool(getattr(result, "rowcount", 0) == 1)

    async def record_attempt(
        self, delivery: DeliveryRecord, *, delivered: bool, result: str, at: datetime, next_attempt: datetime
    ) -> None:
        table = webhook_delivery_table
        values: dict[str, Any] = {"attempts": table.c.attempts + 1, "last_result": result[:500], "claimed_until": None}
        if delivered:
            values |= {"status": DeliveryStatus.DELIVERED.value, "delivered_time": at}
        else:
            values |= {"next_attempt_time": next_attempt}
        await self._session.execute(update(table).where(table.c.delivery_id == delivery.delivery_id).values(**values))

    async def of_agency(self, agency_id: str, *, before_id: int | None, limit: int) -> Sequence[DeliveryRecord]:
        table = webhook_delivery_table
        query = select(table).where(table.c.agency_id == agency_id)
        if before_id is not None:
            query = query.where(table.c.delivery_id < before_id)
        rows = await self._session.execute(query.order_by(table.c.delivery_id.desc()).limit(limit))
        return [_delivery(row) for row in rows]

    async def of_subject(self, subject: str) -> Sequence[DeliveryRecord]:
        """Every delivery about one transfer, listing or incident, oldest first (an incident's timeline shows them)."""
        table = webhook_delivery_table
        rows = await self._session.execute(
            select(table).where(table.c.transfer == subject).order_by(table.c.delivery_id)
        )
        return [_delivery(row) for row in rows]
