"""Requests of EvidenceService into the use cases' commands: every field checked here, every bad one named."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime

from ecolink.evidence.v1 import evidence_service_pb2
from ecolink_common.errors import FieldViolation, InvalidArgument
from ecolink_common.proto_names import ResourceName
from ecolink_common.proto_time import TIMESTAMP_RANGE, datetime_or_none, optional_datetime, required_datetime
from ecolink_common.text_rules import MAX_NAME_CHARS, MAX_TEXT_CHARS, checked_text, text_violations
from ecolink_evidence.api.evidence_convert import KINDS
from ecolink_evidence.domain.model import GeoPoint, UploadDescription
from ecolink_evidence.service_layer.reading import EvidenceFilter

EVIDENCE_NAME = ResourceName.shaped("evidence/{evidence_id}")
SUBJECT = re.compile(r"^(cases|alerts)/[A-Za-z0-9._-]{1,100}\Z")
SHA256_HEX = re.compile(r"^[0-9a-f]{64}\Z")


@dataclass(frozen=True)
class GrantAccess:
    """A checked GrantEvidenceAccess request."""

    evidence_id: str
    grantee_agency_id: str
    purpose: str
    expires_at: datetime
    request_id: str


@dataclass(frozen=True)
class DossierChoice:
    """The items an ExportDossier request chooses: those it names, else every item of its subject."""

    subject: str
    evidence_ids: list[str]


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


def download_url_request_to_command(request: evidence_service_pb2.CreateDownloadUrlRequest) -> tuple[str, int]:
    """(evidence id, minutes asked for) of CreateDownloadUrl; 0 minutes is the service's default, its limits are the
    use case's."""
    return evidence_id_from_name(request.name), request.ttl_minutes


def dossier_request_to_command(request: evidence_service_pb2.ExportDossierRequest) -> DossierChoice:
    """What an ExportDossier request chooses; any name of another shape is INVALID_ARGUMENT on `names`."""
    return DossierChoice(request.subject, [evidence_id_from_name(name, field="names") for name in request.names])


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
