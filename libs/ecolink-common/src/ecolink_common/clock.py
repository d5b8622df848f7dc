"""The clock port: use cases and deadlines read the time from here, so tests move a fake clock instead of waiting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Where a use case gets "now" from."""

    def now(self) -> datetime:
        """The current moment, timezone-aware UTC."""
        ...


class SystemClock:
    """The machine's clock, the one every running service uses."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that stands still until a test sets or advances it."""

    def __init__(self, at: datetime):
        if at.tzinfo is None:
            raise ValueError("a fake clock needs a timezone-aware moment")
        self._at = at

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        """Moves the clock to `at` (forwards or back: a test replays whatever moment it needs)."""
        if at.tzinfo is None:
            raise ValueError("a fake clock needs a timezone-aware moment")
        self._at = at

    def advance(self, by: timedelta) -> datetime:
        """Moves the clock on by `by` and returns the new moment."""
        self._at += by
        return self._at


SYSTEM_CLOCK = SystemClock()
