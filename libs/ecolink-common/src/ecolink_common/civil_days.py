"""Legal days are days in China (UTC+8): a step "today" and every deadline are dates there, not in UTC."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

CHINA_STANDARD_TIME = timezone(timedelta(hours=8), "CST")


def china_day(at: datetime) -> date:
    """The date in China at the moment `at`."""
    return at.astimezone(CHINA_STANDARD_TIME).date()
