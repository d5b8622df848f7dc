"""The alerts service as the evidence service asks it whether a caller may see an alert: GetAlert with the
caller's own credentials, never the alerts database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import grpc

from ecolink.alerts.v1 import alert_service_pb2
from ecolink_common.calls.client import RemoteMethod, ServiceClient
from ecolink_common.calls.credentials import CallerCredentials
from ecolink_common.errors import NotFound

GET_ALERT = RemoteMethod.of(
    alert_service_pb2.DESCRIPTOR.services_by_name["AlertService"], "GetAlert", alert_service_pb2.GetAlertResponse
)
# What the alerts service answers for an alert this caller may not see (DOMAIN §1: NOT_FOUND, existence not
# leaked), for a name it does not take as an alert's, and for a caller it lets see but not act on.
_NOT_VISIBLE = frozenset(
    {grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.PERMISSION_DENIED}
)


@dataclass(frozen=True)
class AlertsClient:
    """The alerts service at its endpoint (`EVIDENCE_ALERTS_*`), over the platform's TLS."""

    client: ServiceClient

    def for_caller(self, authorization: Sequence[str]) -> CallerAlerts:
        """The alerts service as seen with one caller's `authorization` metadata."""
        return CallerAlerts(self.client, CallerCredentials(tuple(authorization)))


@dataclass(frozen=True)
class CallerAlerts:
    """GetAlert on behalf of one caller: its credentials are passed on unchanged, so the alerts service applies its
    own jurisdiction rule (and audits a refusal) exactly as for a direct call."""

    client: ServiceClient
    credentials: CallerCredentials

    async def may_see_alert(self, alert_name: str) -> bool:
        """True when the caller may see the alert; UNAVAILABLE is retried with backoff, nothing else is."""
        request = alert_service_pb2.GetAlertRequest(name=alert_name)
        try:
            await self.client.call(
                GET_ALERT, request, credentials=self.credentials, resource=alert_name, absent=_NOT_VISIBLE
            )
        except NotFound:
            return False
        return True
