"""Server interceptor turning exceptions into `google.rpc.Status` with ErrorInfo and BadRequest details."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import grpc
import sqlalchemy.exc
from google.protobuf import any_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from ecolink_common.errors import EcolinkError, InvalidArgument, Unavailable
from ecolink_common.handler_wrapping import wrap_handler
from ecolink_common.telemetry import current_trace_id

log = logging.getLogger(__name__)

ERROR_DOMAIN_SUFFIX = ".ecolink"
# Transient database failures (locked, connection lost, pool exhausted) are UNAVAILABLE: the client may retry.
# Proposed here: enough for any message of ours with the field path and a quoted prefix of the input.
MAX_STATUS_TEXT_CHARS = 1000
DatabaseUnreachable = (sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError, sqlalchemy.exc.TimeoutError)


def bounded(text: str) -> str:
    """Text of a status cut to MAX_STATUS_TEXT_CHARS: a message that quotes a caller's 1 MB name must still fit the
    client's metadata limit (it would otherwise fail as RESOURCE_EXHAUSTED instead of the real status)."""
    return text if len(text) <= MAX_STATUS_TEXT_CHARS else text[: MAX_STATUS_TEXT_CHARS - 1] + "…"


def error_to_status(error: EcolinkError, *, domain: str) -> grpc.Status:
    """Builds the rich status for a domain error: ErrorInfo always, BadRequest for field violations; every text in
    it bounded."""
    metadata = {key: bounded(value) for key, value in error.metadata.items()}
    info = error_details_pb2.ErrorInfo(reason=error.reason, domain=domain, metadata=metadata)
    details = [_pack(info)]
    if isinstance(error, InvalidArgument) and error.violations:
        bad_request = error_details_pb2.BadRequest(
            field_violations=[
                error_details_pb2.BadRequest.FieldViolation(field=bounded(v.field), description=bounded(v.description))
                for v in error.violations
            ]
        )
        details.append(_pack(bad_request))
    status = status_pb2.Status(code=error.code.value[0], message=bounded(error.message), details=details)
    return rpc_status.to_status(status)


def internal_status(*, domain: str) -> grpc.Status:
    """The status of an unexpected failure: a trace id to quote, never a stack trace or SQL."""
    trace_id = current_trace_id()
    info = error_details_pb2.ErrorInfo(reason="INTERNAL", domain=domain, metadata={"trace_id": trace_id})
    message = f"internal error; quote trace id {trace_id} to the operator"
    return rpc_status.to_status(status_pb2.Status(code=code_pb2.INTERNAL, message=message, details=[_pack(info)]))


def _pack(message: object) -> any_pb2.Any:
    packed = any_pb2.Any()
    packed.Pack(message)  # type: ignore[arg-type]
    return packed


class ErrorMappingInterceptor(grpc.aio.ServerInterceptor):
    """Outermost ecolink interceptor: no exception leaves a servicer without a documented status."""

    def __init__(self, service_name: str):
        self._domain = service_name + ERROR_DOMAIN_SUFFIX

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler:
        handler = await continuation(handler_call_details)
        if handler is None:
            return handler
        return wrap_handler(handler, handler_call_details.method, on_error=self._abort)

    async def _abort(self, error: BaseException, context: grpc.aio.ServicerContext, method: str) -> None:
        if isinstance(error, grpc.aio.AbortError):
            return
        if isinstance(error, DatabaseUnreachable):
            error = Unavailable("the database is busy or unreachable; retry shortly", reason="DATABASE_UNAVAILABLE")
        if isinstance(error, EcolinkError):
            status = error_to_status(error, domain=self._domain)
            log.info("%s refused: %s %s", method, error.code.name, error.reason)
        else:
            status = internal_status(domain=self._domain)
            log.exception("%s failed", method, exc_info=error)
        await context.abort(status.code, status.details, status.trailing_metadata)
