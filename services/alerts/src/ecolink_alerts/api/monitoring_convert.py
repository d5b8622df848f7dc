"""Conversion of monitoring protos: ingested records, ingest outcomes, transmission rates and listed values."""

from __future__ import annotations

from ecolink.alerts.v1 import (
    monitoring_pb2,
    monitoring_service_pb2,
)
from ecolink_alerts.api.convert import (
    KINDS,
    mn_from_name,
    unit_id_from_name,
)
from ecolink_alerts.domain.hj212.factor_codes import ANY_FACTOR_CODE
from ecolink_alerts.domain.monitoring_records import FactorValue, IngestOutcome, MonitoringRecord
from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.service_layer.transmission_rates import RateLevel, ScopedRate, TransmissionReport
from ecolink_alerts.service_layer.value_listing import ListedValue, ValueFilter
from ecolink_common.errors import InvalidArgument
from ecolink_common.paging import Page
from ecolink_common.proto_enums import EnumMap
from ecolink_common.proto_time import TIMESTAMP_RANGE, datetime_or_none, optional_datetime, timestamp_from_datetime

MAX_CODES_REMEMBERED = 10_000
_CODES_SEEN_VALID: set[str] = set()


def monitoring_record_from_proto(record: monitoring_pb2.MonitoringRecord, index: int) -> MonitoringRecord:
    """Record `index` of an ingest stream; a missing kind or DataTime, or a DataTime no calendar holds, is
    INVALID_ARGUMENT naming `records[index]`'s field. Bulk ingest converts every record: no work here is spent on
    names until a record is refused."""
    kind = KINDS.get(record.data_kind)
    if kind is None:
        kind = KINDS.from_proto(record.data_kind, f"records[{index}].data_kind")
    if not record.HasField("data_time"):
        raise InvalidArgument.for_field(f"records[{index}].data_time", "is required")
    data_time = datetime_or_none(record.data_time)
    if data_time is None:
        raise InvalidArgument.for_field(f"records[{index}].data_time", TIMESTAMP_RANGE)
    return MonitoringRecord(
        record.mn,
        kind,
        data_time,
        tuple([_factor_value(value, index, number) for number, value in enumerate(record.values)]),
    )


def ingest_requests_to_records(
    batches: list[monitoring_service_pb2.IngestMonitoringDataRequest], offset: int
) -> tuple[list[MonitoringRecord], InvalidArgument | None]:
    """The records of the batches up to the first one holding an invalid record, and that record's error (the
    batches before it are stored, as they would have been had they come alone); `offset` numbers the records."""
    records: list[MonitoringRecord] = []
    for batch in batches:
        base = offset + len(records)
        try:
            converted = [
                monitoring_record_from_proto(record, base + index) for index, record in enumerate(batch.records)
            ]
        except InvalidArgument as invalid:
            return records, invalid
        records.extend(converted)
    return records, None


def _checked_code(code: str, index: int, number: int) -> None:
    """HJ212.md §7: a pollutant code is a few ASCII letters and digits (a21026, 2005's 02 or B02). Codes seen valid
    are remembered, so the check costs one set lookup per value."""
    if code in _CODES_SEEN_VALID:
        return
    if not ANY_FACTOR_CODE.fullmatch(code):
        raise InvalidArgument.for_field(
            f"records[{index}].values[{number}].factor_code",
            "must be 1–16 ASCII letters and digits",
        )
    if len(_CODES_SEEN_VALID) < MAX_CODES_REMEMBERED:
        _CODES_SEEN_VALID.add(code)


def _factor_value(value: monitoring_pb2.FactorValue, index: int, number: int) -> FactorValue:
    """A factor value; its optional companions are None when unset."""
    _checked_code(value.factor_code, index, number)
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


RATE_LEVELS = EnumMap(
    {
        RateLevel.DEVICE: monitoring_service_pb2.TRANSMISSION_RATE_LEVEL_DEVICE,
        RateLevel.UNIT: monitoring_service_pb2.TRANSMISSION_RATE_LEVEL_UNIT,
        RateLevel.COUNTY: monitoring_service_pb2.TRANSMISSION_RATE_LEVEL_COUNTY,
        RateLevel.CITY: monitoring_service_pb2.TRANSMISSION_RATE_LEVEL_CITY,
    }
)


def rate_level_from_proto(level: int) -> RateLevel:
    """The level of GetTransmissionRate; unspecified means per unit."""
    if level == monitoring_service_pb2.TRANSMISSION_RATE_LEVEL_UNSPECIFIED:
        return RateLevel.UNIT
    return RATE_LEVELS.from_proto(level, "level")


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


def value_filter_from_proto(request: monitoring_service_pb2.ListMonitoringValuesRequest) -> ValueFilter:
    """The filter of ListMonitoringValues; malformed names or an unset kind are INVALID_ARGUMENT naming the field."""
    return ValueFilter(
        kind=KINDS.from_proto(request.data_kind, "data_kind"),
        start=optional_datetime(request, "start_time"),
        end=optional_datetime(request, "end_time"),
        mn=mn_from_name(request.device, "device") if request.device else "",
        unit_id=unit_id_from_name(request.unit, "unit") if request.unit else "",
        factor=request.factor_code,
    )


def _conflict_to_proto(version: Reading) -> monitoring_service_pb2.ConflictingVersion:
    return monitoring_service_pb2.ConflictingVersion(
        value=version.value,
        flag=version.flag.value,
        converted=version.converted,
        minimum=version.minimum,
        maximum=version.maximum,
        cumulative=version.cumulative,
        receive_time=timestamp_from_datetime(version.received_at),
    )


def _listed_value_to_proto(listed: ListedValue) -> monitoring_service_pb2.MonitoringValue:
    reading = listed.reading
    return monitoring_service_pb2.MonitoringValue(
        mn=reading.mn,
        data_kind=KINDS.to_proto(reading.kind),
        data_time=timestamp_from_datetime(reading.data_time),
        factor_code=reading.factor,
        value=reading.value,
        flag=reading.flag.value,
        converted=reading.converted,
        minimum=reading.minimum,
        maximum=reading.maximum,
        cumulative=reading.cumulative,
        receive_time=timestamp_from_datetime(reading.received_at),
        conflicts=[_conflict_to_proto(version) for version in listed.conflicts],
    )


def values_page_to_proto(page: Page[ListedValue]) -> monitoring_service_pb2.ListMonitoringValuesResponse:
    return monitoring_service_pb2.ListMonitoringValuesResponse(
        values=[_listed_value_to_proto(listed) for listed in page.items], next_page_token=page.next_page_token
    )
