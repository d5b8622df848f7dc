"""The alerts service as the cases service sees alerts: GetAlert with the caller's own credentials when a case is
opened from one, and RecordAlertCase with the cases service's credential acting for the handling agency when the
worker reports the case the alert became; never the alerts database."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from ecolink.alerts.v1 import alert_pb2, alert_service_pb2
from ecolink_cases.service_layer.ports import SourceAlert
from ecolink_common.calls.client import RemoteMethod, ServiceClient
from ecolink_common.calls.credentials import CallCredentials, CallerCredentials
from ecolink_common.errors import NotFound

ALERT_SERVICE = alert_service_pb2.DESCRIPTOR.services_by_name["AlertService"]
GET_ALERT = RemoteMethod.of(ALERT_SERVICE, "GetAlert", alert_service_pb2.GetAlertResponse)
RECORD_ALERT_CASE = RemoteMethod.of(ALERT_SERVICE, "RecordAlertCase", alert_service_pb2.RecordAlertCaseResponse)


def evidence_window_sha256(alert: alert_pb2.Alert) -> str:
    """SHA-256 (hex) of the deterministic protobuf encoding of an Alert holding only the evidence window, so anyone
    with the alert as GetAlert returns it can recompute it."""
    window = alert_pb2.Alert(evidence=alert.evidence)
    return hashlib.sha256(window.SerializeToString(deterministic=True)).hexdigest()


@dataclass(frozen=True)
class AlertsClient:
    """The alerts service at its endpoint (`CASES_ALERTS_*`), over the platform's TLS."""

    client: ServiceClient

    def for_caller(self, authorization: Sequence[str]) -> CallerAlerts:
        return CallerAlerts(self.client, CallerCredentials(tuple(authorization)))

    async def record_alert_case(self, alert_name: str, case_name: str, *, credentials: CallCredentials) -> None:
        """Tells the alerts service the case `alert_name` became (audited on both sides when acting for an agency)."""
        request = alert_service_pb2.RecordAlertCaseRequest(name=alert_name, case=case_name)
        await self.client.call(RECORD_ALERT_CASE, request, credentials=credentials, resource=alert_name)


@dataclass(frozen=True)
class CallerAlerts:
    """Alerts as one caller sees them: one it may not see is as absent as an unknown one."""

    client: ServiceClient
    credentials: CallerCredentials

    async def alert(self, name: str) -> SourceAlert | None:
        try:
            response = await self.client.call(
                GET_ALERT, alert_service_pb2.GetAlertRequest(name=name), credentials=self.credentials, resource=name
            )
        except NotFound:
            return None
        alert = response.alert
        return SourceAlert(alert.name, alert.rule, alert.unit.removeprefix("units/"), evidence_window_sha256(alert))
