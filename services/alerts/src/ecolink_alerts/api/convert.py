"""Conversion between protos and records (registry, monitoring, alerts); the only alerts module touching `_pb2`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.alerts.v1 import (
    alert_pb2,
    alert_service_pb2,
    grading_service_pb2,
    monitoring_pb2,
    monitoring_service_pb2,
    registry_pb2,
)
from ecolink_alerts.alert_model import Alert, AlertFilter, AlertState
from ecolink_alerts.domain.grading import ExceedanceGrade
from ecolink_alerts.domain.hj212.crc import CrcMode
from ecolink_alerts.domain.hj212.version import ProtocolVersion
from ecolink_alerts.domain.packets import PacketReceipt
from ecolink_alerts.domain.readings import DataKind
from ecolink_alerts.domain.rules.events import Evidence
from ecolink_alerts.grading_model import CurrentGrade, GradeFilter, MeanFilter, StoredMean
from ecolink_alerts.monitoring_model import FactorValue, IngestOutcome, MonitoringRecord
from ecolink_alerts.registry_model import (
    Device,
    KeyUnit,
    MonitoredFactor,
    Outlet,
    OutletMedium,
    VideoChannel,
    outlet_name,
)
from ecolink_alerts.registry_rules import REGION_CODE
from ecolink_alerts.service_layer.rescan import RescannedEpisode, RescanResult, RescanTarget
from ecolink_alerts.service_layer.transmission_rates import RateLevel, ScopedRate, TransmissionReport
from ecolink_common.errors import InvalidArgument

Value = TypeVar("Value")
Changes = dict[str, Any]

UNIT_NAME = re.compile(r"^units/([^/]+)$")
OUTLET_NAME = re.compile(r"^units/([^/]+)/outlets/([^/]+)$")
DEVICE_NAME = re.compile(r"^devices/([^/]+)$")

MEDIUM_TO_PROTO = {
    OutletMedium.FLUE_GAS: registry_pb2.OUTLET_MEDIUM_FLUE_GAS,
    OutletMedium.WASTE_WATER: registry_pb2.OUTLET_MEDIUM_WASTE_WATER,
}
VERSION_TO_PROTO = {
    ProtocolVersion.HJ212_2005: registry_pb2.PROTOCOL_VERSION_HJ212_2005,
    ProtocolVersion.HJ212_2017: registry_pb2.PROTOCOL_VERSION_HJ212_2017,
    ProtocolVersion.HJ212_2025: registry_pb2.PROTOCOL_VERSION_HJ212_2025,
}
CRC_TO_PROTO = {CrcMode.HJ212: registry_pb2.CRC_MODE_HJ212, CrcMode.MODBUS: registry_pb2.CRC_MODE_MODBUS}


def _from_proto(value: int, to_proto: Mapping[Value, int], field: str) -> Value:
    """The record value of a proto enum; unspecified or unknown values are INVALID_ARGUMENT naming the field."""
    for record_value, proto_value in to_proto.items():
        if proto_value == value:
            return record_value
    raise InvalidArgument.for_field(field, "must be set to one of its listed values")


def _matched(pattern: re.Pattern[str], name: str, field: str, shape: str) -> tuple[str, ...]:
    found = pattern.match(name)
    if found is None:
        raise InvalidArgument.for_field(field, f"must look like {shape}")
    return found.groups()


def unit_id_from_name(name: str, field: str = "name") -> str:
    """`units/{unit_id}` → unit_id."""
    return _matched(UNIT_NAME, name, field, "units/{unit_id}")[0]


def outlet_key_from_name(name: str, field: str = "name") -> tuple[str, str]:
    """`units/{unit_id}/outlets/{outlet_id}` → (unit_id, outlet_id)."""
    unit_id, outlet_id = _matched(OUTLET_NAME, name, field, "units/{unit_id}/outlets/{outlet_id}")
    return unit_id, outlet_id


def mn_from_name(name: str, field: str = "name") -> str:
    """`devices/{mn}` → mn."""
    return _matched(DEVICE_NAME, name, field, "devices/{mn}")[0]


def region_filter(region_code: str) -> str:
    if region_code and not REGION_CODE.match(region_code):
        raise InvalidArgument.for_field("region_code", "must be a six-digit administrative division code")
    return region_code


def _changes(paths: Iterable[str], readers: Mapping[str, Callable[[], Changes]]) -> Changes:
    """AIP-134: the new values of exactly the fields the update mask names; other fields are left alone."""
    named = list(paths)
    allowed = ", ".join(readers)
    if not named:
        raise InvalidArgument.for_field("update_mask", f"must name the fields to replace: {allowed}")
    changes: Changes = {}
    for path in named:
        if path not in readers:
            raise InvalidArgument.for_field("update_mask", f"{path} cannot be changed; choose from {allowed}")
        changes |= readers[path]()
    return changes


def key_unit_from_proto(unit: registry_pb2.KeyUnit) -> KeyUnit:
    return KeyUnit(
        unit_id=unit.unit_id,
        display_name=unit.display_name.strip(),
        region_code=unit.region_code,
        industry=unit.industry.strip(),
        enterprise_agency_id=unit.enterprise_agency_id,
    )


def key_unit_changes(unit: registry_pb2.KeyUnit, paths: Iterable[str]) -> Changes:
    return _changes(
        paths,
        {
            "display_name": lambda: {"display_name": unit.display_name.strip()},
            "industry": lambda: {"industry": unit.industry.strip()},
            "enterprise_agency_id": lambda: {"enterprise_agency_id": unit.enterprise_agency_id},
        },
    )


def key_unit_to_proto(unit: KeyUnit) -> registry_pb2.KeyUnit:
    return registry_pb2.KeyUnit(
        name=unit.name,
        unit_id=unit.unit_id,
        display_name=unit.display_name,
        region_code=unit.region_code,
        industry=unit.industry,
        enterprise_agency_id=unit.enterprise_agency_id,
    )


def _optional(factor: registry_pb2.MonitoredFactor, field: str) -> float | None:
    return float(getattr(factor, field)) if factor.HasField(field) else None


def _factors(factors: Iterable[registry_pb2.MonitoredFactor]) -> tuple[MonitoredFactor, ...]:
    return tuple(
        MonitoredFactor(
            pollutant_code=factor.pollutant_code,
            unit=factor.unit.strip(),
            emission_limit=_optional(factor, "emission_limit"),
            range_lower=_optional(factor, "range_lower"),
            range_upper=_optional(factor, "range_upper"),
        )
        for factor in factors
    )


def outlet_from_proto(unit_id: str, outlet: registry_pb2.Outlet) -> Outlet:
    return Outlet(
        unit_id=unit_id,
        outlet_id=outlet.outlet_id,
        display_name=outlet.display_name.strip(),
        medium=_from_proto(outlet.medium, MEDIUM_TO_PROTO, "outlet.medium"),
        factors=_factors(outlet.factors),
    )


def outlet_changes(outlet: registry_pb2.Outlet, paths: Iterable[str]) -> Changes:
    return _changes(
        paths,
        {
            "display_name": lambda: {"display_name": outlet.display_name.strip()},
            "medium": lambda: {"medium": _from_proto(outlet.medium, MEDIUM_TO_PROTO, "outlet.medium")},
            "factors": lambda: {"factors": _factors(outlet.factors)},
        },
    )


def outlet_to_proto(outlet: Outlet) -> registry_pb2.Outlet:
    return registry_pb2.Outlet(
        name=outlet.name,
        outlet_id=outlet.outlet_id,
        display_name=outlet.display_name,
        medium=MEDIUM_TO_PROTO[outlet.medium],
        factors=[
            registry_pb2.MonitoredFactor(
                pollutant_code=factor.pollutant_code,
                unit=factor.unit,
                emission_limit=factor.emission_limit,
                range_lower=factor.range_lower,
                range_upper=factor.range_upper,
            )
            for factor in outlet.factors
        ],
    )


def _device_outlet(device: registry_pb2.Device) -> Changes:
    unit_id, outlet_id = outlet_key_from_name(device.outlet, "device.outlet")
    return {"unit_id": unit_id, "outlet_id": outlet_id}


def device_from_proto(device: registry_pb2.Device) -> Device:
    return Device(
        mn=device.mn,
        **_device_outlet(device),
        protocol_version=_from_proto(device.protocol_version, VERSION_TO_PROTO, "device.protocol_version"),
        crc_mode=_from_proto(device.crc_mode, CRC_TO_PROTO, "device.crc_mode"),
        access_password=device.access_password,
    )


def device_changes(device: registry_pb2.Device, paths: Iterable[str]) -> Changes:
    return _changes(
        paths,
        {
            "outlet": lambda: _device_outlet(device),
            "protocol_version": lambda: {
                "protocol_version": _from_proto(device.protocol_version, VERSION_TO_PROTO, "device.protocol_version")
            },
            "crc_mode": lambda: {"crc_mode": _from_proto(device.crc_mode, CRC_TO_PROTO, "device.crc_mode")},
            "access_password": lambda: {"access_password": device.access_password},
        },
    )


def device_to_proto(device: Device) -> registry_pb2.Device:
    """The access password is input only: the response says whether one is set, never what it is."""
    return registry_pb2.Device(
        name=device.name,
        mn=device.mn,
        outlet=device.outlet_name,
        protocol_version=VERSION_TO_PROTO[device.protocol_version],
        crc_mode=CRC_TO_PROTO[device.crc_mode],
        password_set=bool(device.access_password),
    )


def video_channel_from_proto(unit_id: str, channel: registry_pb2.VideoChannel) -> VideoChannel:
    outlet_id = ""
    if channel.outlet:
        outlet_unit_id, outlet_id = outlet_key_from_name(channel.outlet, "video_channel.outlet")
        if outlet_unit_id != unit_id:
            raise InvalidArgument.for_field("video_channel.outlet", f"must be an outlet of units/{unit_id}")
    return VideoChannel(
        unit_id=unit_id,
        channel_id=channel.channel_id,
        display_name=channel.display_name.strip(),
        stream_url=channel.stream_url.strip(),
        outlet_id=outlet_id,
    )


def video_channel_to_proto(channel: VideoChannel) -> registry_pb2.VideoChannel:
    return registry_pb2.VideoChannel(
        name=channel.name,
        channel_id=channel.channel_id,
        display_name=channel.display_name,
        outlet=outlet_name(channel.unit_id, channel.outlet_id) if channel.outlet_id else "",
        stream_url=channel.stream_url,
    )


KIND_TO_PROTO = {
    DataKind.REALTIME: monitoring_pb2.DATA_KIND_REALTIME,
    DataKind.MINUTE: monitoring_pb2.DATA_KIND_MINUTE,
    DataKind.HOURLY: monitoring_pb2.DATA_KIND_HOURLY,
    DataKind.DAILY: monitoring_pb2.DATA_KIND_DAILY,
}
STATE_TO_PROTO = {AlertState.OPEN: alert_pb2.ALERT_STATE_OPEN, AlertState.CLOSED: alert_pb2.ALERT_STATE_CLOSED}
ALERT_NAME = re.compile(r"^alerts/([^/]+)$")


def _optional_number(message: Any, field: str) -> float | None:
    return getattr(message, field) if message.HasField(field) else None


def monitoring_record_from_proto(record: monitoring_pb2.MonitoringRecord, field: str) -> MonitoringRecord:
    """A record of an ingest batch; a missing kind or DataTime is INVALID_ARGUMENT naming `field`."""
    if not record.HasField("data_time"):
        raise InvalidArgument.for_field(f"{field}.data_time", "is required")
    return MonitoringRecord(
        mn=record.mn,
        kind=_from_proto(record.data_kind, KIND_TO_PROTO, f"{field}.data_kind"),
        data_time=record.data_time.ToDatetime(tzinfo=UTC),
        values=tuple(
            FactorValue(
                factor=value.factor_code,
                value=value.value,
                flag=value.flag or "N",
                converted=_optional_number(value, "converted"),
                minimum=_optional_number(value, "minimum"),
                maximum=_optional_number(value, "maximum"),
                cumulative=_optional_number(value, "cumulative"),
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


def _timestamp(moment: datetime | None) -> Timestamp | None:
    if moment is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def _evidence_point(item: Evidence) -> alert_pb2.EvidencePoint:
    if isinstance(item, PacketReceipt):
        packet = alert_pb2.EvidencePacket(
            receive_time=_timestamp(item.received_at), qn=item.qn or "", faults=[fault.value for fault in item.faults]
        )
        return alert_pb2.EvidencePoint(packet=packet)
    reading = alert_pb2.EvidenceReading(
        factor_code=item.factor,
        data_kind=KIND_TO_PROTO[item.kind],
        data_time=_timestamp(item.data_time),
        value=item.value,
        flag=item.flag.value,
        converted=item.converted,
        receive_time=_timestamp(item.received_at),
    )
    return alert_pb2.EvidencePoint(reading=reading)


def alert_to_proto(alert: Alert, *, with_evidence: bool) -> alert_pb2.Alert:
    return alert_pb2.Alert(
        name=alert.name,
        rule=alert.rule.value,
        unit=f"units/{alert.unit_id}",
        outlet=outlet_name(alert.unit_id, alert.outlet_id),
        device=f"devices/{alert.mn}",
        data_kind=KIND_TO_PROTO[alert.kind] if alert.kind else monitoring_pb2.DATA_KIND_UNSPECIFIED,
        factor_code=alert.factor or "",
        region_code=alert.region_code,
        state=STATE_TO_PROTO[alert.state],
        start_time=_timestamp(alert.started_at),
        end_time=_timestamp(alert.ended_at),
        create_time=_timestamp(alert.opened_at),
        update_time=_timestamp(alert.updated_at),
        evidence=[_evidence_point(item) for item in alert.evidence] if with_evidence else [],
    )


def alert_id_from_name(name: str, field: str = "name") -> str:
    """`alerts/{alert_id}` → alert_id."""
    return _matched(ALERT_NAME, name, field, "alerts/{alert_id}")[0]


def alert_filter_from_proto(request: alert_service_pb2.ListAlertsRequest) -> AlertFilter:
    return AlertFilter(
        unit_id=unit_id_from_name(request.unit, "unit") if request.unit else "",
        region_code=region_filter(request.region_code),
        rule=request.rule,
        state=(
            _from_proto(request.state, STATE_TO_PROTO, "state")
            if request.state != alert_pb2.ALERT_STATE_UNSPECIFIED
            else None
        ),
        started_from=request.start_time.ToDatetime(tzinfo=UTC) if request.HasField("start_time") else None,
        started_before=request.end_time.ToDatetime(tzinfo=UTC) if request.HasField("end_time") else None,
    )


GRADE_TO_PROTO = {
    ExceedanceGrade.NONE: grading_service_pb2.GRADE_NONE,
    ExceedanceGrade.BLUE: grading_service_pb2.GRADE_BLUE,
    ExceedanceGrade.YELLOW: grading_service_pb2.GRADE_YELLOW,
    ExceedanceGrade.ORANGE: grading_service_pb2.GRADE_ORANGE,
    ExceedanceGrade.RED: grading_service_pb2.GRADE_RED,
}
DERIVED_KINDS = {DataKind.HOURLY: monitoring_pb2.DATA_KIND_HOURLY, DataKind.DAILY: monitoring_pb2.DATA_KIND_DAILY}


def grade_filter_from_proto(request: grading_service_pb2.ListExceedanceGradesRequest) -> GradeFilter:
    return GradeFilter(
        unit_id=unit_id_from_name(request.unit, "unit") if request.unit else "",
        region_code=region_filter(request.region_code),
        grade=(
            _from_proto(request.grade, GRADE_TO_PROTO, "grade")
            if request.grade != grading_service_pb2.GRADE_UNSPECIFIED
            else None
        ),
    )


def exceedance_grade_to_proto(grade: CurrentGrade) -> grading_service_pb2.ExceedanceGrade:
    return grading_service_pb2.ExceedanceGrade(
        name=grade.name,
        unit=f"units/{grade.unit_id}",
        factor_code=grade.factor,
        region_code=grade.region_code,
        grade=GRADE_TO_PROTO[grade.grade],
        as_of_date=grade.as_of.isoformat() if grade.as_of else "",
        exceedance_dates=[day.isoformat() for day in grade.exceedance_days],
        update_time=_timestamp(grade.updated_at),
        change_time=_timestamp(grade.changed_at),
    )


def mean_filter_from_proto(request: grading_service_pb2.ListDerivedMeansRequest) -> MeanFilter:
    return MeanFilter(
        mn=mn_from_name(request.device, "device"),
        kind=(
            _from_proto(request.data_kind, DERIVED_KINDS, "data_kind")
            if request.data_kind != monitoring_pb2.DATA_KIND_UNSPECIFIED
            else None
        ),
        factor=request.factor_code,
        start_from=request.start_time.ToDatetime(tzinfo=UTC) if request.HasField("start_time") else None,
        start_before=request.end_time.ToDatetime(tzinfo=UTC) if request.HasField("end_time") else None,
    )


def derived_mean_to_proto(mean: StoredMean) -> grading_service_pb2.DerivedMean:
    return grading_service_pb2.DerivedMean(
        device=f"devices/{mean.mn}",
        data_kind=KIND_TO_PROTO[mean.kind],
        factor_code=mean.factor,
        period_start=_timestamp(mean.period_start),
        value=mean.value,
        converted=mean.converted,
        flag=mean.flag.value,
        valid=mean.valid,
        valid_count=mean.valid_count,
        total_count=mean.total_count,
        required_count=mean.required_count,
        compute_time=_timestamp(mean.computed_at),
    )


def optional_time(message: Any, field: str) -> datetime | None:
    """A Timestamp field as an aware UTC datetime, None when unset."""
    return getattr(message, field).ToDatetime(tzinfo=UTC) if message.HasField(field) else None


def rescan_target_from_proto(request: alert_service_pb2.RescanRangeRequest) -> RescanTarget:
    return RescanTarget(
        unit_id=unit_id_from_name(request.unit, "unit") if request.unit else "",
        mn=mn_from_name(request.device, "device") if request.device else "",
    )


def _rescanned_episode_to_proto(rescanned: RescannedEpisode) -> alert_service_pb2.RescannedEpisode:
    episode = rescanned.episode
    key = episode.key
    return alert_service_pb2.RescannedEpisode(
        rule=episode.rule.value,
        unit=f"units/{key.unit_id}",
        outlet=outlet_name(key.unit_id, key.outlet_id),
        device=f"devices/{key.mn}",
        data_kind=KIND_TO_PROTO[key.kind] if key.kind else monitoring_pb2.DATA_KIND_UNSPECIFIED,
        factor_code=key.factor or "",
        state=STATE_TO_PROTO[AlertState.CLOSED if episode.closed else AlertState.OPEN],
        start_time=_timestamp(episode.started_at),
        end_time=_timestamp(episode.ended_at),
        evidence=[_evidence_point(item) for item in episode.evidence],
        matching_alert=f"alerts/{rescanned.matching_alert_id}" if rescanned.matching_alert_id else "",
    )


def rescan_result_to_proto(result: RescanResult) -> alert_service_pb2.RescanRangeResponse:
    return alert_service_pb2.RescanRangeResponse(
        episodes=[_rescanned_episode_to_proto(rescanned) for rescanned in result.episodes],
        unmatched_alerts=[f"alerts/{alert_id}" for alert_id in result.unmatched_alert_ids],
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
    return _from_proto(level, RATE_LEVEL_TO_PROTO, "level")


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
