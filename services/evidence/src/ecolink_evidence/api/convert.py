"""Conversion between evidence protos and domain values; the only module of the service touching `_pb2`."""

from __future__ import annotations

import re

from ecolink.evidence.v1 import evidence_pb2, evidence_service_pb2
from ecolink_common.errors import FieldViolation, InvalidArgument
from ecolink_common.proto_time import TIMESTAMP_RANGE, datetime_or_none, timestamp_from_datetime
from ecolink_common.text_rules import MAX_NAME_CHARS, text_violations
from ecolink_evidence.domain.model import (
    CustodyAction,
    CustodyEvent,
    EvidenceGrant,
    EvidenceItem,
    EvidenceKind,
    GeoPoint,
    UploadDescription,
)
from ecolink_evidence.service_layer.custody import CustodyReport

NAME_PREFIX = "evidence/"
SUBJECT = re.compile(r"^(cases|alerts)/[A-Za-z0-9._-]{1,100}\Z")
SHA256_HEX = re.compile(r"^[0-9a-f]{64}\Z")

KIND_TO_PROTO = {
    EvidenceKind.PHOTO: evidence_pb2.EVIDENCE_KIND_PHOTO,
    EvidenceKind.VIDEO: evidence_pb2.EVIDENCE_KIND_VIDEO,
    EvidenceKind.DRONE_IMAGERY: evidence_pb2.EVIDENCE_KIND_DRONE_IMAGERY,
    EvidenceKind.MONITORING_DATA_EXPORT: evidence_pb2.EVIDENCE_KIND_MONITORING_DATA_EXPORT,
    EvidenceKind.INSPECTION_RECORD: evidence_pb2.EVIDENCE_KIND_INSPECTION_RECORD,
    EvidenceKind.RECTIFICATION_BEFORE: evidence_pb2.EVIDENCE_KIND_RECTIFICATION_BEFORE,
    EvidenceKind.RECTIFICATION_AFTER: evidence_pb2.EVIDENCE_KIND_RECTIFICATION_AFTER,
    EvidenceKind.DOCUMENT: evidence_pb2.EVIDENCE_KIND_DOCUMENT,
}
PROTO_TO_KIND = {value: key for key, value in KIND_TO_PROTO.items()}
ACTION_TO_PROTO = {action: f"CUSTODY_ACTION_{action.name}" for action in CustodyAction}


def evidence_id_from_name(name: str, field: str = "name") -> str:
    """`evidence/{evidence_id}` → evidence_id; anything else is INVALID_ARGUMENT naming the field."""
    evidence_id = name.removeprefix(NAME_PREFIX)
    if not name.startswith(NAME_PREFIX) or not evidence_id or "/" in evidence_id:
        raise InvalidArgument.for_field(field, "must look like evidence/{evidence_id}")
    return evidence_id


def kind_from_proto(kind: int, *, field: str, required: bool) -> EvidenceKind | None:
    if kind == evidence_pb2.EVIDENCE_KIND_UNSPECIFIED and not required:
        return None
    if kind not in PROTO_TO_KIND:
        raise InvalidArgument.for_field(
            field,
            "must be one of photo, video, drone imagery, monitoring-data export, "
            "inspection record, rectification before/after, document",
        )
    return PROTO_TO_KIND[kind]  # type: ignore[index]


def upload_description(metadata: evidence_service_pb2.EvidenceUpload) -> UploadDescription:
    """Validates the first message of an upload; every bad field is named at once."""
    violations = []
    if not SUBJECT.match(metadata.subject):
        violations.append(FieldViolation("metadata.subject", "must be cases/{case_id} or alerts/{alert_id}"))
    if metadata.kind not in PROTO_TO_KIND:
        violations.append(FieldViolation("metadata.kind", "must name a kind of evidence"))
    capture_time = datetime_or_none(metadata.capture_time) if metadata.HasField("capture_time") else None
    if capture_time is None:
        violations.append(FieldViolation("metadata.capture_time", "is required, " + TIMESTAMP_RANGE))
    for name in ("original_filename", "collecting_officer", "content_type"):
        violations += text_violations(
            getattr(metadata, name), f"metadata.{name}", limit=MAX_NAME_CHARS, required=name != "content_type"
        )
    if metadata.size_bytes < 0:
        violations.append(FieldViolation("metadata.size_bytes", "must be the file's size in bytes"))
    if metadata.client_sha256 and not SHA256_HEX.match(metadata.client_sha256.lower()):
        violations.append(FieldViolation("metadata.client_sha256", "must be 64 hex digits"))
    location = None
    if metadata.HasField("location"):
        point = metadata.location
        if not (-90 <= point.latitude <= 90 and -180 <= point.longitude <= 180):
            violations.append(FieldViolation("metadata.location", "latitude -90..90, longitude -180..180"))
        location = GeoPoint(point.latitude, point.longitude)
    if violations or capture_time is None:
        raise InvalidArgument(
            "the upload description is invalid: " + "; ".join(v.field for v in violations), violations=violations
        )
    return UploadDescription(
        subject=metadata.subject,
        kind=PROTO_TO_KIND[metadata.kind],
        capture_time=capture_time,
        location=location,
        collecting_officer=metadata.collecting_officer.strip(),
        original_filename=metadata.original_filename.strip(),
        content_type=metadata.content_type or "application/octet-stream",
        client_sha256=metadata.client_sha256.lower(),
        request_id=metadata.request_id,
        size_bytes=metadata.size_bytes,
    )


def evidence_to_proto(item: EvidenceItem) -> evidence_pb2.Evidence:
    return evidence_pb2.Evidence(
        name=item.name,
        evidence_id=item.evidence_id,
        subject=item.subject,
        kind=KIND_TO_PROTO[item.kind],
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
