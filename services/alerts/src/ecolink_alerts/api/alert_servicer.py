"""The AlertService servicer: validate, convert, call the use case; no business rules here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import grpc

from ecolink.alerts.v1 import alert_service_pb2, alert_service_pb2_grpc
from ecolink_alerts.api import alert_convert, convert
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.service_layer import alert_reading
from ecolink_alerts.service_layer.alert_cases import record_alert_case
from ecolink_alerts.service_layer.rescan import rescan_range
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.auth.principal import current_principal
from ecolink_common.paging import page_request
from ecolink_common.proto_time import optional_datetime


class AlertServicer(alert_service_pb2_grpc.AlertServiceServicer):
    """Alerts over gRPC."""

    def __init__(
        self,
        uow_factory: Callable[[], AlertsUnitOfWork],
        *,
        rescan_max_range: timedelta,
        thresholds: RuleThresholds,
        unit_rules: frozenset[RuleId],
    ):
        self._uow = uow_factory
        self._unit_rules = unit_rules
        self._rescan_max_range = rescan_max_range
        self._thresholds = thresholds

    async def ListAlerts(
        self, request: alert_service_pb2.ListAlertsRequest, context: grpc.aio.ServicerContext
    ) -> alert_service_pb2.ListAlertsResponse:
        page = await alert_reading.list_alerts(
            self._uow(),
            current_principal(),
            alert_convert.alert_filter_from_proto(request),
            unit_rules=self._unit_rules,
            page=page_request(request, current_principal().agency_id),
        )
        return alert_service_pb2.ListAlertsResponse(
            alerts=[alert_convert.alert_to_proto(alert, with_evidence=False) for alert in page.items],
            next_page_token=page.next_page_token,
        )

    async def GetAlert(
        self, request: alert_service_pb2.GetAlertRequest, context: grpc.aio.ServicerContext
    ) -> alert_service_pb2.GetAlertResponse:
        alert = await alert_reading.get_alert(
            self._uow(), current_principal(), convert.alert_id_from_name(request.name), unit_rules=self._unit_rules
        )
        return alert_service_pb2.GetAlertResponse(alert=alert_convert.alert_to_proto(alert, with_evidence=True))

    async def RescanRange(
        self, request: alert_service_pb2.RescanRangeRequest, context: grpc.aio.ServicerContext
    ) -> alert_service_pb2.RescanRangeResponse:
        result = await rescan_range(
            self._uow(),
            current_principal(),
            alert_convert.rescan_target_from_proto(request),
            optional_datetime(request, "start_time"),
            optional_datetime(request, "end_time"),
            longest=self._rescan_max_range,
            thresholds=self._thresholds,
        )
        return alert_convert.rescan_result_to_proto(result)

    async def RecordAlertCase(
        self, request: alert_service_pb2.RecordAlertCaseRequest, context: grpc.aio.ServicerContext
    ) -> alert_service_pb2.RecordAlertCaseResponse:
        alert_id, case = alert_convert.record_case_request_to_command(request)
        alert = await record_alert_case(self._uow(), current_principal(), alert_id, case)
        return alert_service_pb2.RecordAlertCaseResponse(alert=alert_convert.alert_to_proto(alert, with_evidence=False))
