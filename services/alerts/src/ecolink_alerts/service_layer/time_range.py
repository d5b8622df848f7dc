"""The time range of a history query: both ends given, the end after the start, no longer than a setting allows."""

from __future__ import annotations

from datetime import datetime, timedelta

from ecolink_common.errors import InvalidArgument

REASON_TIME_RANGE_INVALID = "TIME_RANGE_INVALID"
REASON_TIME_RANGE_TOO_LONG = "TIME_RANGE_TOO_LONG"


def checked_range(start: datetime | None, end: datetime | None, *, longest: timedelta) -> tuple[datetime, datetime]:
    """[start, end) when it is a usable range; INVALID_ARGUMENT naming `start_time` or `end_time` otherwise."""
    if start is None:
        raise InvalidArgument.for_field("start_time", "is required", reason=REASON_TIME_RANGE_INVALID)
    if end is None:
        raise InvalidArgument.for_field("end_time", "is required", reason=REASON_TIME_RANGE_INVALID)
    if end <= start:
        raise InvalidArgument.for_field("end_time", "must be after start_time", reason=REASON_TIME_RANGE_INVALID)
    if end - start > longest:
        raise InvalidArgument.for_field(
            "end_time", f"must be at most {longest} after start_time", reason=REASON_TIME_RANGE_TOO_LONG
        )
    return start, end
