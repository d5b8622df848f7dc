"""Timestamps and durations of requests and responses, one converter for every service: values a caller can send that
no calendar holds are INVALID_ARGUMENT naming the field, never an internal error."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from google.protobuf.duration_pb2 import Duration
from google.protobuf.timestamp_pb2 import Timestamp

from ecolink_common.errors import InvalidArgument

NANOS_PER_SECOND = 1_000_000_000
# google.protobuf.Duration: "between -315,576,000,000 and +315,576,000,000 inclusive" (about ±10,000 years).
MAX_DURATION_SECONDS = 315_576_000_000
TIMESTAMP_RANGE = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z"


def datetime_or_none(stamp: Timestamp) -> datetime | None:
    """The aware UTC datetime of a Timestamp (microseconds kept), or None when its seconds or nanos are out of range.

    Bulk ingest converts every record with this, so nothing is spent on field names unless a value is refused."""
    nanos = stamp.nanos
    if not 0 <= nanos < NANOS_PER_SECOND:
        return None
    try:
        moment = datetime.fromtimestamp(stamp.seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.replace(microsecond=nanos // 1000) if nanos else moment


def datetime_from_timestamp(stamp: Timestamp, field: str) -> datetime:
    """The aware UTC datetime of a Timestamp; out of range is INVALID_ARGUMENT naming `field`."""
    moment = datetime_or_none(stamp)
    if moment is None:
        raise InvalidArgument.for_field(field, TIMESTAMP_RANGE)
    return moment


def optional_datetime(message: Any, name: str, path: str = "") -> datetime | None:
    """The Timestamp field `name` of `message`, None when unset; `path` is its field path in the request (default
    `name`)."""
    if not message.HasField(name):
        return None
    return datetime_from_timestamp(getattr(message, name), path or name)


def required_datetime(message: Any, name: str, path: str = "") -> datetime:
    """The Timestamp field `name` of `message`; unset is INVALID_ARGUMENT naming it."""
    moment = optional_datetime(message, name, path)
    if moment is None:
        raise InvalidArgument.for_field(path or name, "is required")
    return moment


def timestamp_from_datetime(moment: datetime | None) -> Timestamp | None:
    """The Timestamp of an aware datetime, None for None (a field left unset)."""
    if moment is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def timedelta_from_duration(duration: Duration, field: str) -> timedelta:
    """The timedelta of a Duration; seconds beyond its documented range, nanos beyond ±999,999,999 or of the other
    sign than the seconds are INVALID_ARGUMENT naming `field`."""
    seconds, nanos = duration.seconds, duration.nanos
    if (
        abs(seconds) > MAX_DURATION_SECONDS
        or abs(nanos) >= NANOS_PER_SECOND
        or (seconds > 0 and nanos < 0)
        or (seconds < 0 and nanos > 0)
    ):
        raise InvalidArgument.for_field(field, "is not a valid duration (±10,000 years, nanos of the seconds' sign)")
    return timedelta(seconds=seconds, microseconds=int(nanos / 1000))


def optional_timedelta(message: Any, name: str, path: str = "") -> timedelta | None:
    """The Duration field `name` of `message`, None when unset."""
    if not message.HasField(name):
        return None
    return timedelta_from_duration(getattr(message, name), path or name)
