"""How a webhook delivery is signed and retried (issue 13 item 9b): the body is canonical JSON, signed with
HMAC-SHA256 under the agency's secret over the timestamp and the body; failures back off doubling, capped."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

SIGNATURE_HEADER = "X-Ecolink-Signature"
TIMESTAMP_HEADER = "X-Ecolink-Timestamp"
IDEMPOTENCY_HEADER = "Idempotency-Key"


def delivery_body(event_id: str, topic: str, payload: Mapping[str, Any]) -> bytes:
    return json.dumps(
        {"event_id": event_id, "topic": topic, "payload": dict(payload)},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """`sha256=<hex>` of HMAC-SHA256(secret, timestamp + "." + body): what a receiver recomputes to trust a call."""
    mac = hmac.new(bytes.fromhex(secret), timestamp.encode() + b"." + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def signature_valid(secret: str, timestamp: str, body: bytes, presented: str) -> bool:
    return hmac.compare_digest(signature(secret, timestamp, body), presented)


def backoff(attempts: int, *, first: timedelta, cap: timedelta) -> timedelta:
    """The wait after the `attempts`-th failure: first, doubled each time, never above cap."""
    return min(first * (2 ** max(attempts - 1, 0)), cap)
