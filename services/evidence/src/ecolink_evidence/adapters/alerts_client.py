"""The alerts service as the evidence service asks it whether a caller may see an alert: GetAlert with the
caller's own credentials, never the alerts database."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

import grpc

from ecolink.alerts.v1 import alert_service_pb2, alert_service_pb2_grpc
from ecolink_common.errors import Unauthenticated, Unavailable

REASON_ALERTS_UNAVAILABLE = "ALERTS_UNAVAILABLE"
# What the alerts service answers for an alert this caller may not see (DOMAIN §1: NOT_FOUND, existence not
# leaked), for a name it does not take as an alert's, and for a caller it lets see but not act on.
_NOT_VISIBLE = frozenset(
    {grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.PERMISSION_DENIED}
)


@dataclass(frozen=True)
class AlertsEndpoint:
    """Where the alerts service listens, how long one GetAlert may take, and how often UNAVAILABLE is retried."""

    target: str
    deadline_seconds: float
    attempts: int
    retry_backoff_seconds: float

    def for_caller(self, authorization: Sequence[str]) -> CallerAlerts:
        """The alerts service as seen with one caller's `authorization` metadata."""
        return CallerAlerts(self, tuple(authorization))


@dataclass(frozen=True)
class CallerAlerts:
    """GetAlert on behalf of one caller: its credentials are passed on unchanged, so the alerts service applies its
    own jurisdiction rule (and audits a refusal) exactly as for a direct call."""

    endpoint: AlertsEndpoint
    authorization: tuple[str, ...]

    async def may_see_alert(self, alert_name: str) -> bool:
        """True when the caller may see the alert; UNAVAILABLE is retried with backoff, nothing else is."""
        metadata = [("authorization", value) for value in self.authorization]
        request = alert_service_pb2.GetAlertRequest(name=alert_name)
        endpoint = self.endpoint
        async with grpc.aio.insecure_channel(endpoint.target) as channel:
            stub = alert_service_pb2_grpc.AlertServiceStub(channel)
            attempt = 1
            while True:
                try:
                    await stub.GetAlert(request, metadata=metadata, timeout=endpoint.deadline_seconds)
                    return True
                except grpc.aio.AioRpcError as error:
                    code = error.code()
                    if code is grpc.StatusCode.UNAVAILABLE and attempt < endpoint.attempts:
                        await asyncio.sleep(endpoint.retry_backoff_seconds * 2 ** (attempt - 1))
                        attempt += 1
                        continue
                    if code in _NOT_VISIBLE:
                        return False
                    if code is grpc.StatusCode.UNAUTHENTICATED:
                        raise Unauthenticated(
                            f"the alerts service refused the caller's token: {error.details()}",
                            reason="TOKEN_REFUSED_BY_ALERTS",
                        ) from error
                    raise Unavailable(
                        f"the alerts service could not check {alert_name} ({code.name}); retry later",
                        reason=REASON_ALERTS_UNAVAILABLE,
                    ) from error
