"""Sealing records into a hash chain: each link's SHA-256 covers its fields and the previous link's hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

GENESIS_HASH = "0" * 64


def canonical_time(moment: datetime) -> str:
    """One spelling of an instant, whatever zone it was written in."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def seal(fields: Mapping[str, Any], prev_hash: str) -> str:
    """The SHA-256 of the fields (canonical JSON, keys sorted) followed by the previous hash."""
    canonical = json.dumps({**fields, "prev": prev_hash}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()
