"""Evidence domain values into EvidenceService protos: items, grants, custody links and chain reports."""

from __future__ import annotations

from ecolink.evidence.v1 import evidence_pb2, evidence_service_pb2
from ecolink_common.proto_enums import EnumMap
from ecolink_common.proto_time import timestamp_from_datetime
from ecolink_evidence.domain.model import CustodyAction, CustodyEvent, EvidenceGrant, EvidenceItem, EvidenceKind
from ecolink_evidence.service_layer.custody import CustodyReport

NAME_PREFIX = "evidence/"
# Both ways: requests read kinds through it (request_convert), the views write them.
KINDS = EnumMap(
    {
        EvidenceKind.PHOTO: evidence_pb2.EVIDENCE_KIND_PHOTO,
        EvidenceKind.VIDEO: evidence_pb2.EVIDENCE_KIND_VIDEO,
        EvidenceKind.DRONE_IMAGERY: evidence_pb2.EVIDENCE_KIND_DRONE_IMAGERY,
        EvidenceKind.MONITORING_DATA_EXPORT: evidence_pb2.EVIDENCE_KIND_MONITORING_DATA_EXPORT,
        EvidenceKind.INSPECTION_RECORD: evidence_pb2.EVIDENCE_KIND_INSPECTION_RECORD,
        EvidenceKind.RECTIFICATION_BEFORE: evidence_pb2.EVIDENCE_KIND_RECTIFICATION_BEFORE,
        EvidenceKind.RECTIFICATION_AFTER: evidence_pb2.EVIDENCE_KIND_RECTIFICATION_AFTER,
        EvidenceKind.DOCUMENT: evidence_pb2.EVIDENCE_KIND_DOCUMENT,
    },
    "must be one of photo, video, drone imagery, monitoring-data export, "
    "inspection record, rectification before/after, document",
)
ACTION_TO_PROTO = {action: f"CUSTODY_ACTION_{action.name}" for action in CustodyAction}


def evidence_to_proto(item: EvidenceItem) -> evidence_pb2.Evidence:
    return evidence_pb2.Evidence(
        name=item.name,
        evidence_id=item.evidence_id,
        subject=item.subject,
        kind=KINDS.to_proto(item.kind),
        capture_time=timestamp_from_datetime(item.capture_time),
        location=evidence_pb2.GeoPoint(latitude=item.location.latitude, longitude=item.location.longitude)
        if item.location
        else None,
        collecting_officer=item.collecting_officer,
        original_filename=item.original_filename,
        content_type=item.content_type,
        size_bytes=item.size_bytes,
        sha256=item.sha256,
        owner_agency_id=item.owner_agency_id,
        region_code=item.region_code,
        create_time=timestamp_from_datetime(item.created_at),
        retain_until_time=timestamp_from_datetime(item.retain_until),
        legal_hold=item.legal_hold,
        last_verify_time=timestamp_from_datetime(item.last_verified_at),
        intact=item.intact,
    )


def grant_to_proto(grant: EvidenceGrant) -> evidence_pb2.EvidenceGrant:
    return evidence_pb2.EvidenceGrant(
        grant_id=grant.grant_id,
        evidence=NAME_PREFIX + grant.evidence_id,
        grantee_agency_id=grant.grantee_agency_id,
        purpose=grant.purpose,
        expire_time=timestamp_from_datetime(grant.expires_at),
        granted_by_agency_id=grant.granted_by_agency_id,
        create_time=timestamp_from_datetime(grant.created_at),
        revoke_time=timestamp_from_datetime(grant.revoked_at),
    )


def custody_event_to_proto(event: CustodyEvent) -> evidence_pb2.CustodyEvent:
    return evidence_pb2.CustodyEvent(
        sequence=event.seq,
        action=ACTION_TO_PROTO[event.action],
        occur_time=timestamp_from_datetime(event.occurred_at),
        actor_agency_id=event.actor_agency_id,
        sha256_seen=event.sha256_seen,
        details={k: str(v) for k, v in event.details.items()},
        trace_id=event.trace_id,
        previous_hash=event.prev_hash,
        hash=event.hash,
    )


def custody_report_to_proto(report: CustodyReport) -> evidence_service_pb2.VerifyCustodyChainResponse:
    return evidence_service_pb2.VerifyCustodyChainResponse(
        intact=report.intact,
        events_checked=report.events_checked,
        broken_sequence=report.broken_seq or 0,
        problem=report.problem,
    )
