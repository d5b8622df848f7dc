"""Reading rich gRPC errors in tests: code, ErrorInfo reason, BadRequest fields."""

from __future__ import annotations

from ecolink_common.calls.remote_status import RemoteStatus, remote_status

RpcFailure = RemoteStatus
rpc_failure = remote_status
