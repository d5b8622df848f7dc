"""Conversion between evidence protos and domain values; the only module of the service touching `_pb2`."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime

from ecolink.evidence.v1 import evidence_pb2, evidence_service_pb2
from ecolink_common.errors import FieldViolation, InvalidArgument
from ecolink_common.proto_enums import EnumMap
from ecolink_common.proto_names import ResourceName
from ecolink_common.proto_time import (
    TIMESTAMP_RANGE,
    datetime_or_none,
    optional_datetime,
    required_datetime,
    timestamp_from_datetime,
)
from ecolink_common.text_rules import MAX_NAME_CHARS, MAX_TEXT_CHARS, checked_text, text_violations
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
from ecolink_evidence.service_layer.reading import EvidenceFilter

NAME_PREFIX = "evidence/"
EVIDENCE_NAME = ResourceName.shaped("evidence/{evidence_id}")
SUBJECT = re.compile(r"^(cases|alerts)/[A-Za-z0-9._-]{1,100}\Z")
SHA256_HEX = re.compile(r"^[0-9a-f]{64}\Z")

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


@dataclass(frozen=True)
class GrantAccess:
    """A checked GrantEvidenceAccess request."""

    evidence_id: str
    grantee_agency_id: str
    purpose: str
    expires_at: datetime
    request_id: str


def evidence_id_from_name(name: str, field: str = "name") -> str:
    """`evidence/{evidence_id}` → evidence_id; anything else is INVALID_ARGUMENT naming the field."""
    return EVIDENCE_NAME.id(name, field)


def list_request_to_filter(request: evidence_service_pb2.ListEvidenceRequest) -> EvidenceFilter:
    """What ListEvidence narrows by; an unspecified kind is every kind."""
    return EvidenceFilter(
        subject=request.subject,
        kind=KINDS.optional_from_proto(request.kind, "kind"),
        capture_from=optional_datetime(request, "capture_start_time"),
        capture_before=optional_datetime(request, "capture_end_time"),
    )


def grant_request_to_command(request: evidence_service_pb2.GrantEvidenceAccessRequest) -> GrantAccess:
    if not request.grantee_agency_id:
        raise InvalidArgument.for_field("grantee_agency_id", "is required")
    return GrantAccess(
        evidence_id=evidence_id_from_name(request.name),
        grantee_agency_id=request.grantee_agency_id,
        purpose=checked_text(request.purpose, "purpose", limit=MAX_TEXT_CHARS, required=True),
        expires_at=required_datetime(request, "expire_time"),
        request_id=request.request_id,
    )


def revoke_request_to_command(request: evidence_service_pb2.RevokeEvidenceAccessRequest) -> tuple[str, str]:
    """(evidence id, grant id) of RevokeEvidenceAccess; the grant id is checked first."""
    if not request.grant_id:
        raise InvalidArgument.for_field("grant_id", "is required")
    return evidence_id_from_name(request.name), request.grant_id


def legal_hold_request_to_command(
    request: evidence_service_pb2.PlaceLegalHoldRequest | evidence_service_pb2.ReleaseLegalHoldRequest,
) -> tuple[str, str]:
    """(evidence id, reason) of PlaceLegalHold or ReleaseLegalHold."""
    return evidence_id_from_name(request.name), checked_text(request.reason, "reason", limit=MAX_TEXT_CHARS)


def dossier_request_to_ids(request: evidence_service_pb2.ExportDossierRequest) -> list[str]:
    """The evidence ids an ExportDossier request names; any name of another shape is INVALID_ARGUMENT on `names`."""
    return [evidence_id_from_name(name, field="names") for name in request.names]


def upload_request_to_command(
    first: evidence_service_pb2.UploadEvidenceRequest | None,
) -> UploadDescription:
    """The description the first message of an upload must carry."""
    if first is None or first.WhichOneof("payload") != "metadata":
        raise InvalidArgument.for_field("metadata", "the first message must carry the description")
    return upload_description(first.metadata)


async def upload_chunks(messages: AsyncIterator[evidence_service_pb2.UploadEvidenceRequest]) -> AsyncIterator[bytes]:
    """The file's bytes, from the messages after the first; a second description is INVALID_ARGUMENT."""
    async for message in messages:
        if message.WhichOneof("payload") != "chunk":
            raise InvalidArgument.for_field("metadata", "only the first message may carry the description")
        yield message.chunk


def upload_description(metadata: evidence_service_pb2.EvidenceUpload) -> UploadDescription:
    """Validates the first message of an upload; every bad field is named at once."""
    violations = []
    if not SUBJECT.match(metadata.subject):
        violations.append(FieldViolation("metadata.subject", "must be cases/{case_id} or alerts/{alert_id}"))
    if metadata.kind not in KINDS:
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
        kind=KINDS.from_proto(metadata.kind, "metadata.kind"),
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
