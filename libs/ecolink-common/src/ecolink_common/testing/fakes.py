"""In-memory stand-ins for the unit of work's platform parts, so use cases are unit-tested without I/O: the audit
trail, the directory with its officers, the outbox and the request ids, under a fake clock. A service's own fake
repositories build on them."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.clock import Clock
from ecolink_common.directory import Agency, AgencyKind, Officer, read_directory_file
from ecolink_common.outbox import OutboxEvent, StoredEvent
from ecolink_common.request_ids import replayed
from ecolink_common.request_records import FINGERPRINT_NOT_KEPT, RequestKey
from ecolink_common.settings import PlatformSettings
from ecolink_common.unit_of_work import Refusal


class InMemoryAudit:
    """The audit rows a use case recorded, in order (the hash chain itself is tested against real databases)."""

    def __init__(self, clock: Clock):
        self._clock = clock
        self.entries: list[tuple[datetime, AuditEntry]] = []

    async def record(self, entry: AuditEntry, *, now: datetime | None = None) -> int:
        self.entries.append((now or self._clock.now(), entry))
        return len(self.entries)

    def outcomes(self) -> list[tuple[str, str, str, str]]:
        """(actor, action, outcome, reason) of every row, the shape refusal tests assert on."""
        return [(e.actor_agency_id, e.action, e.outcome, e.reason) for _, e in self.entries]


class InMemoryAgencies:
    """The agency directory, read from a directory file (the demo one by default)."""

    def __init__(self, directory_file: Path | None = None):
        directory, _ = read_directory_file(directory_file or PlatformSettings().directory_file)
        self.by_id: dict[str, Agency] = {agency.agency_id: agency for agency in directory.agencies}
        self.officer_by_id: dict[str, Officer] = {officer.officer_id: officer for officer in directory.officers}

    async def officer(self, officer_id: str) -> Officer | None:
        return self.officer_by_id.get(officer_id)

    async def officers(self, officer_ids: Sequence[str]) -> dict[str, Officer]:
        return {
            officer_id: self.officer_by_id[officer_id] for officer_id in officer_ids if officer_id in self.officer_by_id
        }

    async def officers_of(self, agency_id: str) -> Sequence[Officer]:
        return [officer for _, officer in sorted(self.officer_by_id.items()) if officer.agency_id == agency_id]

    async def get(self, agency_id: str) -> Agency | None:
        return self.by_id.get(agency_id)

    async def list_after(self, *, after_id: str, kind: AgencyKind | None, region_prefix: str) -> Sequence[Agency]:
        return [
            agency
            for agency_id, agency in sorted(self.by_id.items())
            if agency_id > after_id
            and (kind is None or agency.kind is kind)
            and agency.region_code.startswith(region_prefix)
        ]

    def principal(self, agency_id: str, officer_id: str | None = None) -> Principal:
        """The authenticated caller a token of this agency (or of one of its officers) would give."""
        return Principal(self.by_id[agency_id], datetime.max, "token", officer_id=officer_id)


class InMemoryOutbox:
    """Outbox events in the order they were added; the same event id twice is kept once."""

    def __init__(self) -> None:
        self.stored: list[StoredEvent] = []

    async def add(self, event: OutboxEvent, *, at: datetime) -> None:
        if all(stored.event.event_id != event.event_id for stored in self.stored):
            self.stored.append(StoredEvent(len(self.stored) + 1, event))

    async def unpublished(self, *, limit: int, topics: Collection[str]) -> list[StoredEvent]:
        return [s for s in self.stored if s.published_at is None and s.event.topic in topics][:limit]

    async def mark_published(self, seqs: Sequence[int], *, at: datetime) -> None:
        self.stored = [
            StoredEvent(s.seq, s.event, at) if s.seq in set(seqs) and s.published_at is None else s for s in self.stored
        ]

    async def all_events(self) -> list[StoredEvent]:
        return list(self.stored)


class InMemoryRequests:
    """Request ids (AIP-155) as the platform table keeps them: the same request replays, another one is refused."""

    def __init__(self) -> None:
        self.remembered: dict[tuple[str, str], tuple[RequestKey, str]] = {}

    async def replayed_resource(self, key: RequestKey) -> str | None:
        earlier = self.remembered.get((key.agency_id, key.request_id))
        if earlier is None:
            return None
        first, resource_name = earlier
        replayed(
            key.request_id,
            earlier_resource=resource_name,
            same_request=first.method == key.method and first.fingerprint in (key.fingerprint, FINGERPRINT_NOT_KEPT),
        )
        return resource_name

    async def remember(self, key: RequestKey, *, resource_name: str, at: datetime) -> None:
        self.remembered.setdefault((key.agency_id, key.request_id), (key, resource_name))


class FakeUnitOfWork:
    """A unit of work whose parts live in memory; `commits` counts the use case's commits, and entering it again
    sees what earlier transactions left (a test keeps one instance for the whole scenario)."""

    def __init__(self, clock: Clock, directory_file: Path | None = None):
        self.clock = clock
        self.audit = InMemoryAudit(clock)
        self.agencies = InMemoryAgencies(directory_file)
        self.outbox = InMemoryOutbox()
        self.requests = InMemoryRequests()
        self.commits = 0

    async def __aenter__(self) -> Any:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        return None

    async def commit(self) -> None:
        self.commits += 1

    async def commit_refusal(self, *entries: AuditEntry, also: Refusal | None = None) -> None:
        """As the real one, but nothing written before it is discarded here: refusal tests assert on the audit."""
        if also is not None:
            await also()
        for entry in entries:
            await self.audit.record(entry)
        self.commits += 1
