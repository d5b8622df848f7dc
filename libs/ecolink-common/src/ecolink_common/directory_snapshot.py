"""An in-process snapshot of the directory for the per-call hot path, refreshed after a few seconds."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ecolink_common.agency_repository import AgencyRepository
from ecolink_common.directory import Agency


@dataclass(frozen=True)
class DirectorySnapshot:
    """Every agency by id, the agency of every officer by officer id, and the version of the file they came from."""

    agencies: dict[str, Agency] = field(default_factory=dict)
    version: str = ""
    officer_agencies: dict[str, str] = field(default_factory=dict)


class DirectoryCache:
    """Serves authentication from memory; a directory load reaches every call within `max_age_seconds`."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession], *, max_age_seconds: float):
        self._session_factory = session_factory
        self._max_age = max_age_seconds
        self._snapshot = DirectorySnapshot()
        self._taken_at = float("-inf")
        self._refreshing = asyncio.Lock()

    async def current(self) -> DirectorySnapshot:
        """The snapshot, re-read from the database by one caller when it has grown older than the limit."""
        if time.monotonic() - self._taken_at <= self._max_age:
            return self._snapshot
        async with self._refreshing:
            if time.monotonic() - self._taken_at > self._max_age:
                async with self._session_factory() as session:
                    repository = AgencyRepository(session)
                    agencies = await repository.list_after(after_id="", kind=None, region_prefix="")
                    version = (await repository.latest_load()).version
                    officers = await repository.all_officers()
                self._snapshot = DirectorySnapshot(
                    {a.agency_id: a for a in agencies},
                    version,
                    {officer.officer_id: officer.agency_id for officer in officers},
                )
                self._taken_at = time.monotonic()
        return self._snapshot
