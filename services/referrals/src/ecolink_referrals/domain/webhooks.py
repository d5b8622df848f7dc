"""Webhooks and deliveries as the referrals service keeps them (issue 13 item 9b)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"


@dataclass(frozen=True)
class WebhookRecord:
    agency_id: str
    url: str
    secret: str
    update_time: datetime


@dataclass(frozen=True)
class DeliveryRecord:
    """One event for one agency: queued when the relay publishes the event, sent until the agency accepts it."""

    delivery_id: int
    event_id: str
    agency_id: str
    topic: str
    transfer: str
    payload: dict[str, Any]
    status: DeliveryStatus
    attempts: int
    last_result: str
    create_time: datetime
    next_attempt_time: datetime
    delivered_time: datetime | None = None
