"""The unit of work a use case opens: one session, the audit trail, the directory, the outbox and the clock the use
case reads "now" from; the use case commits."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ecolink_common.agency_repository import AgencyRepository
from ecolink_common.audit import AuditTrail
from ecolink_common.clock import SYSTEM_CLOCK, Clock
from ecolink_common.outbox import OutboxRepository


class UnitOfWork:
    """Everything written between enter and `commit()` lands together; leaving without commit rolls back."""

    session: AsyncSession
    audit: AuditTrail
    agencies: AgencyRepository
    outbox: OutboxRepository

    def __init__(self, session_factory: async_sessionmaker[AsyncSession], clock: Clock = SYSTEM_CLOCK):
        self._session_factory = session_factory
        self.clock = clock

    async def __aenter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        self.audit = AuditTrail(self.session, self.clock)
        self.agencies = AgencyRepository(self.session)
        self.outbox = OutboxRepository(self.session)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.session.rollback()
        await self.session.close()

    async def commit(self) -> None:
        await self.session.commit()
