"""The MonitoringService servicer: convert each batch, call ingest, sum the outcomes; no business rules here."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import aclosing
from datetime import timedelta

import grpc

from ecolink.alerts.v1 import monitoring_service_pb2 as pb
from ecolink.alerts.v1 import monitoring_service_pb2_grpc
from ecolink_alerts.api import monitoring_convert
from ecolink_alerts.api.stream_groups import read_ahead_groups
from ecolink_alerts.domain.monitoring_records import IngestOutcome
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.ingest import ingest_records
from ecolink_alerts.service_layer.transmission_rates import TransmissionExpectation, transmission_rates
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_alerts.service_layer.value_listing import list_monitoring_values
from ecolink_common.auth.principal import current_principal
from ecolink_common.clock import Clock
from ecolink_common.paging import page_request
from ecolink_common.proto_time import optional_datetime


class MonitoringServicer(monitoring_service_pb2_grpc.MonitoringServiceServicer):
    """Bulk ingest of monitoring data, transmission rates and the stored values, over gRPC."""

    def __init__(
        self,
        uow_factory: Callable[[], AlertsUnitOfWork],
        *,
        transmission: TransmissionExpectation,
        transmission_max_period: timedelta,
        values_max_range: timedelta,
        memory: DeviceMemory,
        thresholds: RuleThresholds,
        group_records: int,
        clock: Clock,
    ):
        self._uow = uow_factory
        self._clock = clock
        self._memory = memory
        self._thresholds = thresholds
        self._transmission = transmission
        self._transmission_max_period = transmission_max_period
        self._values_max_range = values_max_range
        self._group_records = group_records

    async def IngestMonitoringData(
        self, request_iterator: AsyncIterator[pb.IngestMonitoringDataRequest], context: grpc.aio.ServicerContext
    ) -> pb.IngestMonitoringDataResponse:
        principal = current_principal()
        outcome = IngestOutcome()
        offset = 0
        groups = read_ahead_groups(request_iterator, limit=self._group_records, size=lambda batch: len(batch.records))
        async with aclosing(groups):
            async for group in groups:
                records, invalid = monitoring_convert.ingest_requests_to_records(group, offset)
                if records:
                    found = await ingest_records(
                        self._uow,
                        records,
                        received_at=self._clock.now(),
                        source_agency=principal,
                        thresholds=self._thresholds,
                        memory=self._memory,
                    )
                    found.refusals = [refusal.shifted(offset) for refusal in found.refusals]
                    outcome.add(found)
                    offset += len(records)
                if invalid is not None:
                    raise invalid
        return monitoring_convert.ingest_outcome_to_proto(outcome)

    async def GetTransmissionRate(
        self, request: pb.GetTransmissionRateRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetTransmissionRateResponse:
        report = await transmission_rates(
            self._uow(),
            current_principal(),
            request.region_code,
            optional_datetime(request, "start_time"),
            optional_datetime(request, "end_time"),
            monitoring_convert.rate_level_from_proto(request.level),
            expectation=self._transmission,
            longest=self._transmission_max_period,
        )
        return monitoring_convert.transmission_report_to_proto(report)

    async def ListMonitoringValues(
        self, request: pb.ListMonitoringValuesRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListMonitoringValuesResponse:
        page = await list_monitoring_values(
            self._uow(),
            current_principal(),
            monitoring_convert.value_filter_from_proto(request),
            longest=self._values_max_range,
            page=page_request(request, current_principal().agency_id),
        )
        return monitoring_convert.values_page_to_proto(page)
