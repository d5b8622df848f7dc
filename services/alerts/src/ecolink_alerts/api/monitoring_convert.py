"""Conversion of monitoring protos: ingested records, ingest outcomes and transmission rates."""

from __future__ import annotations

from datetime import UTC

from ecolink.alerts.v1 import (
    monitoring_pb2,
    monitoring_service_pb2,
)
from ecolink_alerts.api.convert import (
    KIND_TO_PROTO,
    enum_from_proto,
    optional_number,
)
from ecolink_alerts.monitoring_model import FactorValue, IngestOutcome, MonitoringRecord
from ecolink_alerts.service_layer.transmission_rates import RateLevel, ScopedRate, TransmissionReport
from ecolink_common.errors import InvalidArgument


def monitoring_record_from_proto(record: monitoring_pb2.MonitoringRecord, field: str) -> MonitoringRecord:
    """A record of an ingest batch; a missing kind or DataTime is INVALID_ARGUMENT naming `field`."""
    if not record.HasField("data_time"):
        raise InvalidArgument.for_field(f"{field}.data_time", "is required")
    return MonitoringRecord(
        mn=record.mn,
        kind=enum_from_proto(record.data_kind, KIND_TO_PROTO, f"{field}.data_kind"),
        data_time=record.data_time.ToDatetime(tzinfo=UTC),
        values=tuple(
            FactorValue(
                factor=value.factor_code,
                value=value.value,
                flag=value.flag or "N",
                converted=optional_number(value, "converted"),
                minimum=optional_number(value, "minimum"),
                maximum=optional_number(value, "maximum"),
                cumulative=optional_number(value, "cumulative"),
            )
            for value in record.values
        ),
    )


def ingest_outcome_to_proto(outcome: IngestOutcome) -> monitoring_service_pb2.IngestMonitoringDataResponse:
    return monitoring_service_pb2.IngestMonitoringDataResponse(
        accepted=outcome.accepted,
        duplicates=outcome.duplicates,
        conflicts=outcome.conflicts,
        refusals=[
            monitoring_service_pb2.RecordRefusal(index=refusal.index, mn=refusal.mn, reason=refusal.reason.value)
            for refusal in outcome.refusals
        ],
    )


RATE_LEVEL_TO_PROTO = {
    RateLevel.DEVICE: monitoring_service_pb2.TRANSMISSION_RATE_LEVEL_DEVICE,
    RateLevel.UNIT: monitoring_service_pb2.TRANSMISSION_RATE_LEVEL_UNIT,
    RateLevel.COUNTY: monitoring_service_pb2.TRANSMISSION_RATE_LEVEL_COUNTY,
    RateLevel.CITY: monitoring_service_pb2.TRANSMISSION_RATE_LEVEL_CITY,
}


def rate_level_from_proto(level: int) -> RateLevel:
    """The level of GetTransmissionRate; unspecified means per unit."""
    if level == monitoring_service_pb2.TRANSMISSION_RATE_LEVEL_UNSPECIFIED:
        return RateLevel.UNIT
    return enum_from_proto(level, RATE_LEVEL_TO_PROTO, "level")


def _scoped_rate_to_proto(scoped: ScopedRate) -> monitoring_service_pb2.TransmissionRate:
    return monitoring_service_pb2.TransmissionRate(
        scope=scoped.name,
        display_name=scoped.display_name,
        region_code=scoped.region_code,
        expected_records=scoped.rate.expected,
        valid_records=scoped.rate.valid,
        rate=scoped.rate.rate,
    )


def transmission_report_to_proto(report: TransmissionReport) -> monitoring_service_pb2.GetTransmissionRateResponse:
    return monitoring_service_pb2.GetTransmissionRateResponse(
        rates=[_scoped_rate_to_proto(scoped) for scoped in report.rates], total=_scoped_rate_to_proto(report.total)
    )
