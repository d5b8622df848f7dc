"""BasinService requests to commands and incidents to protos (issue 14): names, texts and times checked here, each
refusal naming its field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from ecolink.referrals.v1 import basin_service_pb2 as pb
from ecolink_common.directory import AGENCY_ID
from ecolink_common.errors import InvalidArgument
from ecolink_common.officers import checked_officer_ids
from ecolink_common.proto_names import ResourceName
from ecolink_common.proto_time import optional_datetime, required_datetime, timestamp_from_datetime
from ecolink_common.request_records import request_key
from ecolink_common.text_rules import MAX_NAME_CHARS, MAX_TEXT_CHARS, checked_text
from ecolink_referrals.domain.basin_agreements import BasinAgreement
from ecolink_referrals.domain.escalation_ladder import Escalation
from ecolink_referrals.domain.incident import DrillReport, IncidentFacts, IncidentRecord, timeline
from ecolink_referrals.service_layer.basin_drills import ScheduleDrill
from ecolink_referrals.service_layer.basin_incidents import IncidentView, ReportIncident, ReportMeasures

INCIDENT_NAME = ResourceName(
    re.compile(r"^incidents/([1-9][0-9]{0,17})\Z"), "must be incidents/{incident_id}, e.g. incidents/3"
)
AGREEMENT_NAME = ResourceName(
    re.compile(r"^basins/([a-z][a-z0-9-]{1,63})\Z"), "must be basins/{id}, e.g. basins/ganjiang"
)
EVIDENCE_NAME = re.compile(r"^items/[1-9][0-9]{0,17}\Z")
MAX_EVIDENCE = 50


def checked_agency_id(value: str, field: str) -> str:
    """A directory agency id, else INVALID_ARGUMENT naming `field`."""
    if not AGENCY_ID.match(value):
        raise InvalidArgument.for_field(field, "must be a directory agency id")
    return value


def incident_id(name: str) -> int:
    return INCIDENT_NAME.number(name, "name")


def _evidence(values: Sequence[str], field: str) -> tuple[str, ...]:
    if len(values) > MAX_EVIDENCE:
        raise InvalidArgument.for_field(field, f"name at most {MAX_EVIDENCE} items")
    for index, value in enumerate(values):
        if not EVIDENCE_NAME.match(value):
            raise InvalidArgument.for_field(f"{field}[{index}]", "must be items/{item_id}")
    return tuple(dict.fromkeys(values))


def _facts(incident: pb.Incident, occurred: datetime) -> IncidentFacts:
    return IncidentFacts(
        location=checked_text(incident.location, "incident.location", limit=MAX_NAME_CHARS, required=True),
        pollutant=checked_text(incident.pollutant, "incident.pollutant", limit=MAX_NAME_CHARS, required=True),
        estimated_quantity=checked_text(
            incident.estimated_quantity, "incident.estimated_quantity", limit=MAX_NAME_CHARS
        ),
        occurred_time=occurred,
        description=checked_text(incident.description, "incident.description", limit=MAX_TEXT_CHARS, required=True),
        evidence=_evidence(incident.evidence, "incident.evidence"),
    )


def report_command(request: pb.ReportIncidentRequest, agency_id: str, now: datetime) -> ReportIncident:
    """ReportIncident: where, what, how much, when (not after now), what happened, evidence."""
    occurred = required_datetime(request.incident, "occur_time", "incident.occur_time")
    if occurred > now:
        raise InvalidArgument.for_field("incident.occur_time", "is after now")
    return ReportIncident(
        AGREEMENT_NAME.id(request.agreement, "agreement"),
        _facts(request.incident, occurred),
        request=request_key(agency_id, "ReportIncident", request.request_id, request, "request_id"),
    )


def drill_command(request: pb.ScheduleDrillRequest, agency_id: str) -> ScheduleDrill:
    """ScheduleDrill: the agreement, the drilled member, the start, the incident's facts (occurring at the start
    unless given)."""
    start = required_datetime(request, "start_time")
    occurred = optional_datetime(request.incident, "occur_time", "incident.occur_time") or start
    reporter = request.incident.reporter_agency_id
    if reporter:
        checked_agency_id(reporter, "incident.reporter_agency_id")
    return ScheduleDrill(
        AGREEMENT_NAME.id(request.agreement, "agreement"),
        reporter,
        start,
        _facts(request.incident, occurred),
        request=request_key(agency_id, "ScheduleDrill", request.request_id, request, "request_id"),
    )


def _seconds(value: timedelta | None) -> int | None:
    return int(value.total_seconds()) if value is not None else None


def drill_report_to_proto(name: str, report: DrillReport) -> pb.GetDrillReportResponse:
    return pb.GetDrillReportResponse(
        name=name,
        start_time=timestamp_from_datetime(report.started),
        results=[
            pb.DrillResult(
                agency_id=r.agency_id,
                role=r.role.value,
                acknowledged_after_seconds=_seconds(r.acknowledged_after),
                measures_after_seconds=_seconds(r.measures_after),
                highest_level=r.highest_level,
            )
            for r in report.results
        ],
        all_acknowledged_after_seconds=_seconds(report.all_acknowledged_after),
    )


def measures_command(request: pb.ReportMeasuresRequest) -> ReportMeasures:
    return ReportMeasures(
        incident_id(request.name),
        checked_officer_ids(request.officer_ids, "officer_ids"),
        checked_text(request.text, "text", limit=MAX_TEXT_CHARS, required=True),
        _evidence(request.evidence, "evidence"),
        checked_text(request.monitoring, "monitoring", limit=MAX_TEXT_CHARS),
    )


def close_note(request: pb.CloseIncidentRequest) -> str:
    return checked_text(request.note, "note", limit=MAX_TEXT_CHARS, required=True)


def agreement_to_proto(agreement: BasinAgreement) -> pb.BasinAgreement:
    return pb.BasinAgreement(
        name=f"basins/{agreement.agreement_id}",
        basin_id=agreement.basin_id,
        display_name=agreement.name,
        kind=agreement.kind.value,
        desk_agency_id=agreement.desk_agency_id,
        member_agency_ids=list(agreement.members),
        acknowledge_minutes=agreement.acknowledge_minutes,
        measures_minutes=agreement.measures_minutes,
        escalate_every_minutes=agreement.escalate_every_minutes,
        escalation=[",".join(target.value for target in rung) for rung in agreement.escalation],
    )


def escalation_to_proto(escalation: Escalation) -> pb.IncidentEscalation:
    return pb.IncidentEscalation(
        seq=escalation.seq,
        silent_agency_id=escalation.silent_agency_id,
        duty=escalation.duty.value,
        level=escalation.level,
        to_agency_ids=list(escalation.to_agency_ids),
        escalate_time=timestamp_from_datetime(escalation.escalate_time),
    )


def _timeline(view: IncidentView) -> list[pb.IncidentTimelineEntry]:
    entries = [
        pb.IncidentTimelineEntry(
            time=timestamp_from_datetime(entry.time),
            kind=entry.kind.value,
            agency_id=entry.agency_id,
            detail=entry.detail,
        )
        for entry in timeline(view.incident)
    ]
    entries += [
        pb.IncidentTimelineEntry(
            time=timestamp_from_datetime(d.delivered_time), kind="delivered", agency_id=d.agency_id, detail=d.event_id
        )
        for d in view.deliveries
        if d.delivered_time is not None
    ]
    return sorted(entries, key=lambda entry: (entry.time.seconds, entry.time.nanos))


def incident_to_proto(view: IncidentView) -> pb.Incident:
    incident: IncidentRecord = view.incident
    facts = incident.facts
    return pb.Incident(
        name=incident.name,
        agreement=f"basins/{incident.agreement_id}",
        basin_id=incident.basin_id,
        reporter_agency_id=incident.reporter_agency_id,
        location=facts.location,
        pollutant=facts.pollutant,
        estimated_quantity=facts.estimated_quantity,
        occur_time=timestamp_from_datetime(facts.occurred_time),
        description=facts.description,
        evidence=list(facts.evidence),
        drill=incident.drill,
        state=incident.state.value,
        report_time=timestamp_from_datetime(incident.report_time),
        update_time=timestamp_from_datetime(incident.update_time),
        notices=[
            pb.IncidentNotice(
                agency_id=n.agency_id,
                role=n.role.value,
                acknowledge_due_time=timestamp_from_datetime(n.acknowledge_due),
                acknowledge_time=timestamp_from_datetime(n.acknowledge_time),
                measures_due_time=timestamp_from_datetime(n.measures_due),
                measures_time=timestamp_from_datetime(n.measures_time),
            )
            for n in incident.notices
        ],
        measures=[
            pb.IncidentMeasures(
                seq=m.seq,
                agency_id=m.agency_id,
                officer_ids=list(m.officer_ids),
                text=m.text,
                evidence=list(m.evidence),
                monitoring=m.monitoring,
                report_time=timestamp_from_datetime(m.report_time),
            )
            for m in incident.measures
        ],
        escalations=[escalation_to_proto(e) for e in incident.escalations],
        deliveries=[
            pb.IncidentDelivery(
                agency_id=d.agency_id,
                event_id=d.event_id,
                status=d.status.value,
                attempts=d.attempts,
                create_time=timestamp_from_datetime(d.create_time),
                delivered_time=timestamp_from_datetime(d.delivered_time),
            )
            for d in view.deliveries
        ],
        timeline=_timeline(view),
        close_time=timestamp_from_datetime(incident.close_time),
        closed_by=incident.closed_by,
        close_note=incident.close_note,
        all_acknowledged_time=timestamp_from_datetime(incident.all_acknowledged_time),
        change_seq=view.watermark,
        scheduled_by=incident.scheduled_by,
    )
