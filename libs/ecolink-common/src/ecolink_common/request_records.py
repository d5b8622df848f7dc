"""The request ids a service has seen (AIP-155), kept in the platform table every service database holds: the same
id with the same request replays the first result, another request under a used id is refused."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from google.protobuf.message import Message
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_common.errors import Aborted, InvalidArgument
from ecolink_common.platform_tables import request_record_table
from ecolink_common.request_ids import replayed

REASON_REQUEST_IN_FLIGHT = "REQUEST_ID_IN_FLIGHT"
# The fingerprint of a request id recorded before its request's fingerprint was kept (a migration copying a service's
# own request-id column into this table): such an id replays by id and method alone.
FINGERPRINT_NOT_KEPT = "not-kept"
MAX_REQUEST_ID_CHARS = 128  # request_record.request_id


def request_fingerprint(request: Message) -> str:
    """SHA-256 of the request's deterministic encoding: what "the same request" means for a replay."""
    return hashlib.sha256(request.SerializeToString(deterministic=True)).hexdigest()


def values_fingerprint(*values: str | int | float | bool | None) -> str:
    """SHA-256 of a request's converted values in order, for a use case whose request reaches it already taken apart
    (a streamed upload's description): the same values are the same request."""
    return hashlib.sha256(json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


def checked_request_id(request_id: str, field: str) -> str:
    """A request id the table can keep, or INVALID_ARGUMENT naming the field."""
    if len(request_id) > MAX_REQUEST_ID_CHARS:
        raise InvalidArgument.for_field(field, f"must be at most {MAX_REQUEST_ID_CHARS} characters")
    return request_id


@dataclass(frozen=True)
class RequestKey:
    """One caller's request id for one method, with the fingerprint of the request it came with."""

    agency_id: str
    request_id: str
    method: str
    fingerprint: str


class RequestRecords:
    """Request ids of one service database; never commits."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def replayed_resource(self, key: RequestKey) -> str | None:
        """The resource the same request made before, or None for an id not yet used; an id used for another
        request (or another method) is FAILED_PRECONDITION `REQUEST_ID_REUSED`."""
        table = request_record_table
        row = (
            await self._session.execute(
                select(table.c.method, table.c.request_sha256, table.c.resource_name).where(
                    table.c.agency_id == key.agency_id, table.c.request_id == key.request_id
                )
            )
        ).first()
        if row is None:
            return None
        replayed(
            key.request_id,
            earlier_resource=row.resource_name,
            same_request=row.method == key.method and row.request_sha256 in (key.fingerprint, FINGERPRINT_NOT_KEPT),
        )
        return str(row.resource_name)

    async def remember(self, key: RequestKey, *, resource_name: str, at: datetime) -> None:
        """Records the id in the use case's transaction; the same id racing in another transaction is ABORTED, and
        its retry replays whichever committed first."""
        try:
            await self._session.execute(
                insert(request_record_table).values(
                    agency_id=key.agency_id,
                    request_id=key.request_id,
                    method=key.method,
                    request_sha256=key.fingerprint,
                    resource_name=resource_name,
                    created_at=at,
                )
            )
        except IntegrityError as error:
            raise Aborted(
                f"request_id {key.request_id[:128]!r} is being used by a concurrent call; retry to get its result",
                reason=REASON_REQUEST_IN_FLIGHT,
            ) from error


def request_key(agency_id: str, method: str, request_id: str, request: Message, field: str) -> RequestKey | None:
    """The AIP-155 key of a request that carries an id; None when it carries none."""
    if not request_id:
        return None
    checked_request_id(request_id, field)
    return RequestKey(agency_id, request_id, method, request_fingerprint(request))
