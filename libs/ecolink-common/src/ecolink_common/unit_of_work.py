"""The unit of work a use case opens: one session, the audit trail, the directory, the outbox, the request ids and the
clock the use case reads "now" from; the use case commits."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import TracebackType

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ecolink_common.agency_repository import AgencyRepository
from ecolink_common.audit import AuditEntry, AuditTrail
from ecolink_common.clock import SYSTEM_CLOCK, Clock
from ecolink_common.outbox import OutboxRepository
from ecolink_common.request_records import RequestRecords

Refusal = Callable[[], Awaitable[object]]


class UnitOfWork:
    """Everything written between enter and `commit()` lands together; leaving without commit rolls back."""

    session: AsyncSession
    audit: AuditTrail
    agencies: AgencyRepository
    outbox: OutboxRepository
    requests: RequestRecords

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock = SYSTEM_CLOCK,
        *,
        wake_relay: Callable[[], None] | None = None,
    ):
        self._session_factory = session_factory
        self.clock = clock
        self._wake_relay = wake_relay

    async def __aenter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        self.audit = AuditTrail(self.session, self.clock)
        self.agencies = AgencyRepository(self.session)
        self.outbox = OutboxRepository(self.session)
        self.requests = RequestRecords(self.session)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.session.rollback()
        await self.session.close()

    async def commit(self) -> None:
        """Commits; when the transaction queued outbox events, the relay is woken to publish them now (issue 11 item
        3), beat running it anyway."""
        await self.session.commit()
        if self.outbox.queued and self._wake_relay is not None:
            self._wake_relay()
        self.outbox.queued = 0

    async def commit_refusal(self, *entries: AuditEntry, also: Refusal | None = None) -> None:
        """Discards what the use case wrote in this transaction and commits only the record of a refusal: its audit
        rows and what `also` writes beside them (an evidence custody link). The caller raises the refusal next, so a
        refused call leaves that record and nothing else."""
        await self.session.rollback()
        if also is not None:
            await also()
        for entry in entries:
            await self.audit.record(entry)
        await self.session.commit()
