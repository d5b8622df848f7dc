"""The append-only, hash-chained audit log each service keeps, and the walk that verifies it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_common.auth.principal import current_principal_or_none
from ecolink_common.clock import SYSTEM_CLOCK, Clock
from ecolink_common.hash_chain import GENESIS_HASH as GENESIS_HASH  # the migration seeds the head with it
from ecolink_common.hash_chain import canonical_time, seal, walk
from ecolink_common.platform_tables import audit_event_table, audit_head_table
from ecolink_common.telemetry import current_trace_id

HEAD_ROW_ID = 1
VERIFY_BATCH = 1000
# Detail keys naming the service that acted for the row's agency (RFC 8693 `act`) or relayed its own token.
ACTING_SERVICE_DETAIL = "acting_service"
RELAYED_BY_DETAIL = "relayed_by"


@dataclass(frozen=True)
class AuditEntry:
    """What happened: who did what to which record, and how it ended."""

    actor_agency_id: str
    action: str
    resource: str
    outcome: str
    reason: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)


def with_acting_service(entry: AuditEntry) -> AuditEntry:
    """The entry with the service that acts for the current call's agency named in its details, so every row a
    service-credential call writes says who acted for whom. Rows of calls by the agency itself are unchanged."""
    principal = current_principal_or_none()
    if principal is None or principal.agency_id != entry.actor_agency_id:
        return entry
    acting = {
        key: value
        for key, value in ((ACTING_SERVICE_DETAIL, principal.acting_service), (RELAYED_BY_DETAIL, principal.relayed_by))
        if value is not None and key not in entry.details
    }
    return replace(entry, details={**entry.details, **acting}) if acting else entry


def chain_hash(*, seq: int, occurred_at: datetime, entry: AuditEntry, trace_id: str, prev_hash: str) -> str:
    """The SHA-256 that seals one row to all rows before it."""
    return seal(
        {
            "seq": seq,
            "occurred_at": canonical_time(occurred_at),
            "actor": entry.actor_agency_id,
            "action": entry.action,
            "resource": entry.resource,
            "outcome": entry.outcome,
            "reason": entry.reason,
            "trace_id": trace_id,
            "details": dict(entry.details),
        },
        prev_hash,
    )


class AuditTrail:
    """Appends audit rows inside the caller's transaction; it never commits."""

    def __init__(self, session: AsyncSession, clock: Clock = SYSTEM_CLOCK):
        self._session = session
        self._clock = clock

    async def record(self, entry: AuditEntry, *, now: datetime | None = None) -> int:
        """Appends one row and returns its sequence number; concurrent writers queue on the head row."""
        entry = with_acting_service(entry)
        head = (
            await self._session.execute(
                update(audit_head_table)
                .where(audit_head_table.c.id == HEAD_ROW_ID)
                .values(last_seq=audit_head_table.c.last_seq + 1)
                .returning(audit_head_table.c.last_seq, audit_head_table.c.last_hash)
            )
        ).one()
        seq, prev_hash = head.last_seq, head.last_hash
        occurred_at = now or self._clock.now()
        trace_id = current_trace_id()
        row_hash = chain_hash(seq=seq, occurred_at=occurred_at, entry=entry, trace_id=trace_id, prev_hash=prev_hash)
        await self._session.execute(
            insert(audit_event_table).values(
                seq=seq,
                occurred_at=occurred_at,
                actor_agency_id=entry.actor_agency_id,
                action=entry.action,
                resource=entry.resource,
                outcome=entry.outcome,
                reason=entry.reason,
                trace_id=trace_id,
                details=dict(entry.details),
                prev_hash=prev_hash,
                hash=row_hash,
            )
        )
        await self._session.execute(
            update(audit_head_table).where(audit_head_table.c.id == HEAD_ROW_ID).values(last_hash=row_hash)
        )
        return int(seq)


@dataclass(frozen=True)
class ChainReport:
    """The outcome of walking an audit chain: how far it held, and the first broken link if any."""

    rows_checked: int
    broken_seq: int | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_seq is None


async def verify_chain(session: AsyncSession) -> ChainReport:
    """Walks the chain in order; names the first row that was edited, removed or reordered."""

    async def rows_after(seq: int, limit: int) -> Sequence[Row[Any]]:
        query = select(audit_event_table).where(audit_event_table.c.seq > seq).order_by(audit_event_table.c.seq)
        return (await session.execute(query.limit(limit))).all()

    async def head() -> tuple[int, str]:
        row = (await session.execute(select(audit_head_table).where(audit_head_table.c.id == HEAD_ROW_ID))).one()
        return int(row.last_seq), str(row.last_hash)

    outcome = await walk(rows_after, _recomputed_hash, head, noun="row", batch=VERIFY_BATCH)
    return ChainReport(outcome.checked, outcome.broken_seq, outcome.problem)


def _recomputed_hash(row: Row[Any]) -> str:
    entry = AuditEntry(row.actor_agency_id, row.action, row.resource, row.outcome, row.reason, row.details)
    return chain_hash(
        seq=row.seq, occurred_at=row.occurred_at, entry=entry, trace_id=row.trace_id, prev_hash=row.prev_hash
    )
