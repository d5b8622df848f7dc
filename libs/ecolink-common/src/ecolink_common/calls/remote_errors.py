"""What another service's refusal means to the caller: the ecolink error it becomes, and whether to retry."""

from __future__ import annotations

import grpc

from ecolink_common.calls.endpoint import Endpoint
from ecolink_common.calls.remote_status import RemoteStatus
from ecolink_common.errors import EcolinkError, FailedPrecondition, NotFound, Unauthenticated, Unavailable

# Only UNAVAILABLE is retried: the call did not reach a handler, or the handler found a dependency down and rolled
# back. DEADLINE_EXCEEDED is not: each attempt already had the whole deadline, a timed-out server is most often an
# overloaded one that retries would load further, the attempt may still be applied, and the caller's own caller
# (answered UNAVAILABLE `<SERVICE>_UNAVAILABLE`) may retry within its own budget. A retried mutation must carry a
# request_id (AIP-155) so that a retry after a lost answer changes nothing.
RETRIED = frozenset({grpc.StatusCode.UNAVAILABLE})
NOT_FOUND_CODES = frozenset({grpc.StatusCode.NOT_FOUND})


def is_retried(code: grpc.StatusCode) -> bool:
    return code in RETRIED


def remote_error(
    endpoint: Endpoint,
    status: RemoteStatus,
    *,
    resource: str,
    absent: frozenset[grpc.StatusCode] = NOT_FOUND_CODES,
    refused: frozenset[grpc.StatusCode] = frozenset(),
) -> EcolinkError:
    """NOT_FOUND (and the other `absent` codes) stays NOT_FOUND naming `resource`; the `refused` codes (a rule the
    remote record breaks) are FAILED_PRECONDITION with the remote reason; UNAUTHENTICATED is the caller's
    credentials refused (`TOKEN_REFUSED_BY_<SERVICE>`); everything else is UNAVAILABLE `<SERVICE>_UNAVAILABLE`.
    The remote code and reason travel in the error's metadata."""
    metadata = {"service": endpoint.service, "remote_code": status.code.name, "remote_reason": status.reason}
    if status.code in refused:
        return FailedPrecondition(
            f"the {endpoint.service} service refused it for {resource}: {status.message}",
            reason=status.reason or status.code.name,
            metadata=metadata,
        )
    if status.code in absent:
        reason = status.reason if status.code is grpc.StatusCode.NOT_FOUND and status.reason else "NOT_FOUND"
        return NotFound(f"{resource} was not found", reason=reason, metadata=metadata)
    if status.code is grpc.StatusCode.UNAUTHENTICATED:
        return Unauthenticated(
            f"the {endpoint.service} service refused the credentials passed on: {status.message}",
            reason=f"TOKEN_REFUSED_BY_{endpoint.reason_stem}",
            metadata=metadata,
        )
    return Unavailable(
        f"the {endpoint.service} service could not answer about {resource} ({status.code.name}); retry later",
        reason=f"{endpoint.reason_stem}_UNAVAILABLE",
        metadata=metadata,
    )
