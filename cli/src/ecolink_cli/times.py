"""Times as the CLI sends and shows them: ISO 8601 in, a time without a zone is UTC; UTC ISO 8601 out."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload

from google.protobuf.timestamp_pb2 import Timestamp


@overload
def utc_timestamp(moment: datetime) -> Timestamp: ...
@overload
def utc_timestamp(moment: None) -> None: ...
def utc_timestamp(moment: datetime | None) -> Timestamp | None:
    """The moment as a Timestamp (a time without a zone is UTC); None stays unset."""
    if moment is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    return stamp


def shown_time(stamp: Timestamp, timespec: str = "auto") -> str:
    """A Timestamp in UTC ISO 8601 (to the `timespec` of `datetime.isoformat`), or a dash when unset."""
    return stamp.ToDatetime(tzinfo=UTC).isoformat(timespec=timespec) if stamp.seconds else "—"
