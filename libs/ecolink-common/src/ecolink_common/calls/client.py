"""The client of one other service: unary calls with the endpoint's deadline, UNAVAILABLE retried with backoff,
refusals mapped to ecolink errors, and calls acting for an agency audited."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Generic, TypeVar

import grpc
from google.protobuf.descriptor import ServiceDescriptor
from google.protobuf.message import Message

from ecolink_common.calls.call_audit import OUTCOME_OK, CallAudit, acting_call_entry
from ecolink_common.calls.channel import ClientTls, open_channel
from ecolink_common.calls.credentials import CallCredentials
from ecolink_common.calls.endpoint import Endpoint
from ecolink_common.calls.remote_errors import NOT_FOUND_CODES, is_retried, remote_error
from ecolink_common.calls.remote_status import RemoteStatus, remote_status

log = logging.getLogger(__name__)

ResponseT = TypeVar("ResponseT", bound=Message)


@dataclass(frozen=True)
class RemoteMethod(Generic[ResponseT]):
    """One unary method of another service: its full path and its response type."""

    path: str
    response_type: type[ResponseT]

    @classmethod
    def of(cls, service: ServiceDescriptor, name: str, response_type: type[ResponseT]) -> RemoteMethod[ResponseT]:
        """The method `name` of a generated service descriptor; a response type that is not the method's is an
        error at import time, not at the first call."""
        method = service.methods_by_name[name]
        if method.output_type.full_name != response_type.DESCRIPTOR.full_name:
            raise TypeError(f"{service.full_name}/{name} answers {method.output_type.full_name}")
        return cls(f"/{service.full_name}/{name}", response_type)


class ServiceClient:
    """Calls one endpoint. A channel per call, so a client built at registration holds nothing to close."""

    def __init__(self, endpoint: Endpoint, *, tls: ClientTls | None, audit: CallAudit | None = None):
        self.endpoint = endpoint
        self._tls = tls
        self._audit = audit

    async def call(
        self,
        method: RemoteMethod[ResponseT],
        request: Message,
        *,
        credentials: CallCredentials,
        resource: str,
        absent: frozenset[grpc.StatusCode] = NOT_FOUND_CODES,
        refused: frozenset[grpc.StatusCode] = frozenset(),
    ) -> ResponseT:
        """The remote answer; a refusal raises the ecolink error `remote_error` maps it to (`absent` codes are
        NOT_FOUND naming `resource`, `refused` codes FAILED_PRECONDITION with the remote reason). A call acting for
        an agency is audited on this side, whatever its outcome."""
        if credentials.acting_for is not None and self._audit is None:
            raise RuntimeError(f"a call to {self.endpoint.service} acting for an agency needs an audit log")
        try:
            response, attempts = await self._attempt(method, request, credentials)
        except _Refused as failure:
            status = failure.status
            await self._audited(credentials, method.path, resource, status.code.name, status.reason, failure.attempts)
            raise remote_error(
                self.endpoint, status, resource=resource, absent=absent, refused=refused
            ) from failure.error
        await self._audited(credentials, method.path, resource, OUTCOME_OK, "", attempts)
        return response

    async def _audited(
        self,
        credentials: CallCredentials,
        method: str,
        resource: str,
        outcome: str,
        reason: str,
        attempts: int,
    ) -> None:
        if credentials.acting_for is None or self._audit is None:
            return
        acting_service, agency_id = credentials.acting_for
        await self._audit(
            acting_call_entry(
                acting_service=acting_service,
                agency_id=agency_id,
                remote_service=self.endpoint.service,
                method=method,
                resource=resource,
                outcome=outcome,
                reason=reason,
                attempts=attempts,
            )
        )

    async def _attempt(
        self, method: RemoteMethod[ResponseT], request: Message, credentials: CallCredentials
    ) -> tuple[ResponseT, int]:
        endpoint = self.endpoint
        async with open_channel(endpoint.target, self._tls) as channel:
            unary = channel.unary_unary(
                method.path,
                request_serializer=type(request).SerializeToString,
                response_deserializer=method.response_type.FromString,
            )
            attempt = 1
            while True:
                # Minted per attempt: a retry after a long backoff still carries a fresh service credential.
                metadata = credentials.metadata(audience=endpoint.audience)
                try:
                    response = await unary(request, metadata=metadata, timeout=endpoint.deadline_seconds)
                    return response, attempt
                except grpc.aio.AioRpcError as error:
                    status = remote_status(error)
                    if not is_retried(status.code) or attempt >= endpoint.attempts:
                        raise _Refused(status, attempt, error) from error
                    log.info("%s %s: %s, retry %d", endpoint.service, method.path, status.code.name, attempt)
                    await asyncio.sleep(endpoint.backoff_before(attempt))
                    attempt += 1


class _Refused(Exception):
    """The last attempt's refusal, with how many attempts were made."""

    def __init__(self, status: RemoteStatus, attempts: int, error: grpc.aio.AioRpcError):
        super().__init__(status.code.name)
        self.status = status
        self.attempts = attempts
        self.error = error
