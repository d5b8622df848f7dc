"""Conversion of alert protos: alerts with their evidence windows, alert filters, rescan requests and results."""

from __future__ import annotations

import re

from ecolink.alerts.v1 import (
    alert_pb2,
    alert_service_pb2,
    monitoring_pb2,
)
from ecolink_alerts.api.convert import (
    KINDS,
    alert_id_from_name,
    mn_from_name,
    region_filter,
    unit_id_from_name,
)
from ecolink_alerts.domain.alert_records import Alert, AlertFilter, AlertState
from ecolink_alerts.domain.packets import PacketReceipt
from ecolink_alerts.domain.registry_records import (
    outlet_name,
)
from ecolink_alerts.domain.rules.events import CompanionRise, Evidence
from ecolink_alerts.service_layer.rescan import RescannedEpisode, RescanResult, RescanTarget
from ecolink_common.errors import InvalidArgument
from ecolink_common.proto_enums import EnumMap
from ecolink_common.proto_names import ResourceName
from ecolink_common.proto_time import optional_datetime, timestamp_from_datetime

RULE_NAME = re.compile(r"[A-Z][0-9]{1,2}(\.[a-z0-9_]{1,40})?", re.ASCII)
STATES = EnumMap({AlertState.OPEN: alert_pb2.ALERT_STATE_OPEN, AlertState.CLOSED: alert_pb2.ALERT_STATE_CLOSED})


def evidence_point(item: Evidence) -> alert_pb2.EvidencePoint:
    if isinstance(item, CompanionRise):
        rise = alert_pb2.EvidenceCompanionRise(
            factor_code=item.factor,
            data_time=timestamp_from_datetime(item.data_time),
            baseline=item.baseline,
            value=item.value,
            relative_change=item.relative_change,
        )
        return alert_pb2.EvidencePoint(companion_rise=rise)
    if isinstance(item, PacketReceipt):
        packet = alert_pb2.EvidencePacket(
            receive_time=timestamp_from_datetime(item.received_at),
            qn=item.qn or "",
            faults=[fault.value for fault in item.faults],
        )
        return alert_pb2.EvidencePoint(packet=packet)
    reading = alert_pb2.EvidenceReading(
        factor_code=item.factor,
        data_kind=KINDS.to_proto(item.kind),
        data_time=timestamp_from_datetime(item.data_time),
        value=item.value,
        flag=item.flag.value,
        converted=item.converted,
        receive_time=timestamp_from_datetime(item.received_at),
    )
    return alert_pb2.EvidencePoint(reading=reading)


def alert_to_proto(alert: Alert, *, with_evidence: bool) -> alert_pb2.Alert:
    return alert_pb2.Alert(
        name=alert.name,
        rule=alert.rule.value,
        unit=f"units/{alert.unit_id}",
        outlet=outlet_name(alert.unit_id, alert.outlet_id),
        device=f"devices/{alert.mn}",
        data_kind=KINDS.to_proto(alert.kind) if alert.kind else monitoring_pb2.DATA_KIND_UNSPECIFIED,
        factor_code=alert.factor or "",
        region_code=alert.region_code,
        state=STATES.to_proto(alert.state),
        start_time=timestamp_from_datetime(alert.started_at),
        end_time=timestamp_from_datetime(alert.ended_at),
        create_time=timestamp_from_datetime(alert.opened_at),
        update_time=timestamp_from_datetime(alert.updated_at),
        evidence=[evidence_point(item) for item in alert.evidence] if with_evidence else [],
        case=alert.case_name,
    )


CASE_NAME = ResourceName(re.compile(r"^cases/([1-9][0-9]{0,18})\Z"), "must be cases/{case_id}")


def record_case_request_to_command(request: alert_service_pb2.RecordAlertCaseRequest) -> tuple[str, str]:
    """(alert id, the case's name) of RecordAlertCase; the case's name is checked first."""
    CASE_NAME.id(request.case, "case")
    return alert_id_from_name(request.name), request.case


def rule_filter(rule: str) -> str:
    """ANOMALY_RULES.md names rules like E1, C4 or C12.future_data_time; the filter is matched as written, so `%` or
    `_` never act as wildcards."""
    if rule and not RULE_NAME.fullmatch(rule):
        raise InvalidArgument.for_field("rule", "must name a rule like E1, C4 or C12.future_data_time")
    return rule


def alert_filter_from_proto(request: alert_service_pb2.ListAlertsRequest) -> AlertFilter:
    return AlertFilter(
        unit_id=unit_id_from_name(request.unit, "unit") if request.unit else "",
        region_code=region_filter(request.region_code),
        rule=rule_filter(request.rule),
        state=STATES.optional_from_proto(request.state, "state"),
        started_from=optional_datetime(request, "start_time"),
        started_before=optional_datetime(request, "end_time"),
    )


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
        data_kind=KINDS.to_proto(key.kind) if key.kind else monitoring_pb2.DATA_KIND_UNSPECIFIED,
        factor_code=key.factor or "",
        state=STATES.to_proto(AlertState.CLOSED if episode.closed else AlertState.OPEN),
        start_time=timestamp_from_datetime(episode.started_at),
        end_time=timestamp_from_datetime(episode.ended_at),
        evidence=[evidence_point(item) for item in episode.evidence],
        matching_alert=f"alerts/{rescanned.matching_alert_id}" if rescanned.matching_alert_id else "",
    )


def rescan_result_to_proto(result: RescanResult) -> alert_service_pb2.RescanRangeResponse:
    return alert_service_pb2.RescanRangeResponse(
        episodes=[_rescanned_episode_to_proto(rescanned) for rescanned in result.episodes],
        unmatched_alerts=[f"alerts/{alert_id}" for alert_id in result.unmatched_alert_ids],
    )
