"""The calling side's audit of calls made acting for an agency: which service called which method, for whom, how."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ecolink_common.audit import ACTING_SERVICE_DETAIL, AuditEntry, AuditTrail
from ecolink_common.clock import SYSTEM_CLOCK, Clock

OUTCOME_OK = "OK"
REMOTE_SERVICE_DETAIL = "remote_service"

CallAudit = Callable[[AuditEntry], Awaitable[object]]


def acting_call_entry(
    *,
    acting_service: str,
    agency_id: str,
    remote_service: str,
    method: str,
    resource: str,
    outcome: str,
    reason: str,
    attempts: int,
) -> AuditEntry:
    """The row naming the remote call (`method` is its full path), the agency acted for and the acting service."""
    return AuditEntry(
        agency_id,
        method,
        resource,
        outcome,
        reason,
        {ACTING_SERVICE_DETAIL: acting_service, REMOTE_SERVICE_DETAIL: remote_service, "attempts": attempts},
    )


def committed_call_audit(session_factory: async_sessionmaker[AsyncSession], clock: Clock = SYSTEM_CLOCK) -> CallAudit:
    """Writes each entry in a transaction of its own in the calling service's audit log (a remote call is not
    part of the caller's transaction: it has happened whether or not the caller's change commits)."""

    async def record(entry: AuditEntry) -> None:
        async with session_factory() as session:
            await AuditTrail(session, clock).record(entry)
            await session.commit()

    return record
