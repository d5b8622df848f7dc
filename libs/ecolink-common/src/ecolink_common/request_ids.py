"""AIP-155 request ids, one rule for every service: the same id with the same request replays the first result; the
same id with a different request is refused, never answered with an unrelated earlier result."""

from __future__ import annotations

from ecolink_common.errors import FailedPrecondition

REASON_REQUEST_ID_REUSED = "REQUEST_ID_REUSED"


def replayed(request_id: str, *, earlier_resource: str, same_request: bool) -> bool:
    """True when the earlier result may be returned again; a reuse for another request is FAILED_PRECONDITION
    `REQUEST_ID_REUSED` naming what the id was first used for."""
    if not same_request:
        raise FailedPrecondition(
            f"request_id {request_id[:128]!r} was already used for another request ({earlier_resource}); "
            "send a new id for a new request",
            reason=REASON_REQUEST_ID_REUSED,
            metadata={"request_id": request_id[:128], "earlier_resource": earlier_resource},
        )
    return True
