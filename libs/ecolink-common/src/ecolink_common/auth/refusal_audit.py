"""Refused authentications (and services refused to act for agencies) in the audit log, counted per source and
reason per interval: the log stays complete, and a stranger who reaches a port cannot fill the disk with one committed
row per bad call."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ecolink_common.audit import AuditEntry, AuditTrail
from ecolink_common.clock import Clock
from ecolink_common.errors import EcolinkError

log = logging.getLogger(__name__)

OUTCOME_UNAUTHENTICATED = "UNAUTHENTICATED"
ACTION_REPEATED = "authentication refused again"
# Proposed here: past this many sources in one interval, further ones are counted together under ANY_SOURCE.
MAX_SOURCES_TRACKED = 10_000
ANY_SOURCE = "*"


@dataclass
class _Window:
    """The refusals of one source and reason since the first of the interval, which was written at once."""

    opened_at: datetime
    outcome: str = OUTCOME_UNAUTHENTICATED
    repeats: int = 0
    claimed: set[str] = field(default_factory=set)
    methods: set[str] = field(default_factory=set)


class RefusalAudit:
    """Writes the first refusal of a source and reason at once, and one count row for the rest of its interval."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession], *, interval: timedelta, clock: Clock):
        self._session_factory = session_factory
        self._interval = interval
        self._clock = clock
        self._windows: dict[tuple[str, str], _Window] = {}
        self._lock = asyncio.Lock()

    async def record(self, *, source: str, claimed: str, method: str, refusal: EcolinkError) -> None:
        now = self._clock.now()
        async with self._lock:
            if (source, refusal.reason) not in self._windows and len(self._windows) >= MAX_SOURCES_TRACKED:
                source = ANY_SOURCE
            key = (source, refusal.reason)
            window = self._windows.get(key)
            if window is not None and now - window.opened_at < self._interval:
                window.repeats += 1
                window.claimed.add(claimed)
                window.methods.add(method)
                return
            entries = [] if window is None else self._count_entries({key: window}, now)
            self._windows[key] = _Window(opened_at=now, outcome=refusal.code.name)
            details = {**refusal.metadata, "message": refusal.message, "source": source}
            entries.append(AuditEntry(claimed, method, "", refusal.code.name, refusal.reason, details))
            await self._write(entries)

    async def flush(self, *, everything: bool = False) -> None:
        """Writes the count rows of the intervals that have ended (all of them when the server stops)."""
        now = self._clock.now()
        async with self._lock:
            ended = {
                key: window
                for key, window in self._windows.items()
                if everything or now - window.opened_at >= self._interval
            }
            for key in ended:
                del self._windows[key]
            await self._write(self._count_entries(ended, now))

    async def flush_periodically(self) -> None:
        """Runs until cancelled, writing ended intervals' counts even when no further refusal comes."""
        while True:
            await asyncio.sleep(self._interval.total_seconds())
            await self.flush()

    @staticmethod
    def _count_entries(windows: dict[tuple[str, str], _Window], now: datetime) -> list[AuditEntry]:
        return [
            AuditEntry(
                ",".join(sorted(window.claimed)),
                ACTION_REPEATED,
                "",
                window.outcome,
                reason,
                {
                    "source": source,
                    "count": window.repeats,
                    "from": window.opened_at.isoformat(),
                    "to": now.isoformat(),
                    "methods": sorted(window.methods),
                },
            )
            for (source, reason), window in windows.items()
            if window.repeats
        ]

    async def _write(self, entries: list[AuditEntry]) -> None:
        if not entries:
            return
        try:
            async with self._session_factory() as session:
                trail = AuditTrail(session)
                for entry in entries:
                    await trail.record(entry)
                await session.commit()
        except Exception:
            log.exception("could not audit %d refused authentication(s)", len(entries))
