"""Local calendar periods (China Standard Time minutes, hours, days and months) that means and shares count in."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache

CHINA_STANDARD_TIME = timezone(timedelta(hours=8), "CST")
"""HJ 212 DataTime is Beijing time; China keeps UTC+8 all year, so a fixed offset is exact."""


def floor_to(moment: datetime, step: timedelta) -> datetime:
    """The start of the `step`-long slot (minute, hour) holding `moment`, slots counted from the Unix epoch."""
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    return epoch + ((moment - epoch) // step) * step


def local_date(moment: datetime, zone: tzinfo = CHINA_STANDARD_TIME) -> date:
    """The calendar day, in `zone`, that holds `moment`."""
    return moment.astimezone(zone).date()


def day_start(day: date, zone: tzinfo = CHINA_STANDARD_TIME) -> datetime:
    """The UTC instant at which the local calendar day `day` begins."""
    return datetime.combine(day, time(), zone).astimezone(UTC)


@lru_cache(maxsize=4096)
def day_of(moment: datetime, zone: tzinfo = CHINA_STANDARD_TIME) -> datetime:
    """The UTC start of the local calendar day holding `moment` (cached: every factor of a record asks)."""
    return day_start(local_date(moment, zone), zone)


def month_of(moment: datetime, zone: tzinfo = CHINA_STANDARD_TIME) -> datetime:
    """The UTC start of the local calendar month holding `moment`."""
    return day_start(local_date(moment, zone).replace(day=1), zone)
