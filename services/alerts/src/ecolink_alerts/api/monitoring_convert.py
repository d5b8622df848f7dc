"""Conversion of monitoring protos: ingested records, ingest outcomes and transmission rates."""

from __future__ import annotations

from datetime import UTC, datetime

from ecolink.alerts.v1 import (
    monitoring_pb2,
    monitoring_service_pb2,
)
from ecolink_alerts.api.convert import (
    KIND_TO_PROTO,
    enum_from_proto,
)
from ecolink_alerts.monitoring_model import FactorValue, IngestOutcome, MonitoringRecord
from ecolink_alerts.service_layer.transmission_rates import RateLevel, ScopedRate, TransmissionReport
from ecolink_common.errors import InvalidArgument

PROTO_TO_KIND = {proto: kind for kind, proto in KIND_TO_PROTO.items()}


def monitoring_record_from_proto(record: monitoring_pb2.MonitoringRecord, index: int) -> MonitoringRecord:
    """Record `index` of an ingest stream; a missing kind or DataTime, or a DataTime no calendar holds, is
    INVALID_ARGUMENT naming `records[index]`'s field. Bulk ingest converts every record: no work here is spent on
    names until a record is refused."""
    kind = PROTO_TO_KIND.get(record.data_kind)
    if kind is None:
        kind = enum_from_proto(record.data_kind, KIND_TO_PROTO, f"records[{index}].data_kind")
    if not record.HasField("data_time"):
        raise InvalidArgument.for_field(f"records[{index}].data_time", "is required")
    stamp = record.data_time
    try:
        data_time = datetime.fromtimestamp(stamp.seconds, UTC)
    except (OverflowError, OSError, ValueError):
        raise InvalidArgument.for_field(f"records[{index}].data_time", "is outside the years 1–9999") from None
    if stamp.nanos:
        data_time = data_time.replace(microsecond=stamp.nanos // 1000)
    return MonitoringRecord(record.mn, kind, data_time, tuple([_factor_value(value) for value in record.values]))


def _factor_value(value: monitoring_pb2.FactorValue) -> FactorValue:
    """A factor value; its optional companions are None when unset."""
    has = value.HasField
    return FactorValue._make(
        (
            value.factor_code,
            value.value,
            value.flag or "N",
            value.converted if has("converted") else None,
            value.minimum if has("minimum") else None,
            value.maximum if has("maximum") else None,
            value.cumulative if has("cumulative") else None,
            None,
        )
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
