"""Throttling of device password guessing: the failing source is blocked, a guessed MN only slowed; failures counted
per source and MN until they are written to the audit log."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class GuardLimits:
    """Issue 10 (proposed here, no source gives numbers): how many wrong passwords, within what window, do what."""

    source_failures: int
    """Wrong passwords from one source address within `window` after which that source is blocked."""
    mn_failures: int
    """Wrong passwords for one MN (from any source) within `window` after which each further one is slowed."""
    window: timedelta
    source_block: timedelta
    """How long a blocked source's packets are dropped unchecked, the right password too."""
    mn_delay: timedelta
    """How long the connection that sent a wrong password for a guessed MN waits before it reads on."""


@dataclass(frozen=True)
class FailureCount:
    """Wrong passwords from one source for one MN since the last flush: one audit row, one C13 arrival."""

    source: str
    mn: str
    failures: int
    first_at: datetime
    last_at: datetime


class PasswordGuard:
    """Shared by the connections of one gateway (one event loop, no locking); every method takes the time.

    A stranger cannot lock a real device out: blocking is per source address, and an MN under attack is only
    slowed for the connections that send it wrong passwords, so the right password from another source passes.
    """

    def __init__(self, limits: GuardLimits) -> None:
        self._limits = limits
        self._source_failures: dict[str, deque[datetime]] = {}
        self._mn_failures: dict[str, deque[datetime]] = {}
        self._blocked_until: dict[str, datetime] = {}
        self._counts: dict[tuple[str, str], FailureCount] = {}

    def blocked(self, source: str, now: datetime) -> bool:
        """Whether packets from `source` are dropped unchecked at `now`."""
        until = self._blocked_until.get(source)
        if until is None:
            return False
        if now < until:
            return True
        del self._blocked_until[source]
        return False

    def failed(self, source: str, mn: str, now: datetime) -> timedelta:
        """Count a wrong password; returns how long the connection should wait before reading on (0 unless the MN
        is being guessed). The source is blocked once its failures reach the limit."""
        key = (source, mn)
        earlier = self._counts.get(key)
        first = now if earlier is None else earlier.first_at
        self._counts[key] = FailureCount(source, mn, 1 if earlier is None else earlier.failures + 1, first, now)
        if (
            self._recent(self._source_failures, source, now, self._limits.source_failures)
            >= self._limits.source_failures
        ):
            self._blocked_until[source] = now + self._limits.source_block
            del self._source_failures[source]
        if self._recent(self._mn_failures, mn, now, self._limits.mn_failures + 1) > self._limits.mn_failures:
            return self._limits.mn_delay
        return timedelta(0)

    def succeeded(self, source: str) -> None:
        """The right password from `source`: its earlier failures (a mistyped password) no longer count."""
        self._source_failures.pop(source, None)

    def flush(self, now: datetime) -> list[FailureCount]:
        """The failures counted since the last flush, one per source and MN; windows older than `now` are forgotten."""
        counts = sorted(self._counts.values(), key=lambda count: (count.mn, count.source))
        self._counts = {}
        for failures in (self._source_failures, self._mn_failures):
            for key in [key for key, times in failures.items() if self._trimmed(times, now) == 0]:
                del failures[key]
        for source in [source for source, until in self._blocked_until.items() if until <= now]:
            del self._blocked_until[source]
        return counts

    def _recent(self, failures: dict[str, deque[datetime]], key: str, now: datetime, keep: int) -> int:
        """Add a failure at `now` and count those within the window (at most `keep` are kept: enough to decide)."""
        times = failures.setdefault(key, deque(maxlen=keep))
        times.append(now)
        return self._trimmed(times, now)

    def _trimmed(self, times: deque[datetime], now: datetime) -> int:
        while times and now - times[0] > self._limits.window:
            times.popleft()
        return len(times)
