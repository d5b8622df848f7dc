"""Reading the rich status another service answered with: code, ErrorInfo reason and domain, BadRequest fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import grpc
from google.rpc import error_details_pb2, status_pb2

STATUS_DETAILS_KEY = "grpc-status-details-bin"


@dataclass(frozen=True)
class RemoteStatus:
    """What a failed call told the client."""

    code: grpc.StatusCode
    reason: str
    domain: str
    fields: list[str]
    message: str
    metadata: dict[str, str] = field(default_factory=dict)  # the ErrorInfo's facts, e.g. from_state and to_state


def remote_status(error: grpc.aio.AioRpcError) -> RemoteStatus:
    """Decodes google.rpc.Status from the trailing metadata of a failed aio call (empty reason when there is none)."""
    trailing: Any = error.trailing_metadata() or ()
    raw = next((value for key, value in trailing if key == STATUS_DETAILS_KEY), None)
    status = status_pb2.Status.FromString(raw) if isinstance(raw, bytes) else status_pb2.Status()
    reason, domain, fields, metadata = "", "", [], {}
    for detail in status.details:
        info, bad_request = error_details_pb2.ErrorInfo(), error_details_pb2.BadRequest()
        if detail.Unpack(info):
            reason, domain, metadata = info.reason, info.domain, dict(info.metadata)
        elif detail.Unpack(bad_request):
            fields = [violation.field for violation in bad_request.field_violations]
    return RemoteStatus(error.code(), reason, domain, fields, error.details() or "", metadata)
