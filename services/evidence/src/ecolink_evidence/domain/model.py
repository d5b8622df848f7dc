"""Evidence entities: an item and its proof, a grant to another agency, a link of the custody chain."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class EvidenceKind(StrEnum):
    """DOMAIN §5: the kinds of material an enforcement file holds."""

    PHOTO = "photo"
    VIDEO = "video"
    DRONE_IMAGERY = "drone-imagery"
    MONITORING_DATA_EXPORT = "monitoring-data-export"
    INSPECTION_RECORD = "inspection-record"
    RECTIFICATION_BEFORE = "rectification-before"
    RECTIFICATION_AFTER = "rectification-after"
    DOCUMENT = "document"


class CustodyAction(StrEnum):
    """DOMAIN §5: every access and transfer of an item is a link in its custody chain."""

    INTAKE = "intake"
    READ = "read"
    DOWNLOAD = "download"
    URL_ISSUED = "url-issued"
    GRANT = "grant"
    REVOKE = "revoke"
    HOLD_PLACED = "hold-placed"
    HOLD_RELEASED = "hold-released"
    VERIFIED = "verified"
    VERIFICATION_FAILED = "verification-failed"
    EXPORTED = "exported"
    ACCESS_REFUSED = "access-refused"
    DELETE_REFUSED = "delete-refused"


@dataclass(frozen=True)
class GeoPoint:
    """WGS 84 degrees."""

    latitude: float
    longitude: float


@dataclass(frozen=True)
class UploadDescription:
    """What the uploader says about an item before its bytes arrive."""

    subject: str
    kind: EvidenceKind
    capture_time: datetime
    location: GeoPoint | None
    collecting_officer: str
    original_filename: str
    content_type: str
    client_sha256: str
    request_id: str
    size_bytes: int


@dataclass(frozen=True)
class EvidenceItem:
    """A sealed item: its description, the server's hash, where its bytes are, and its protection."""

    evidence_id: str
    subject: str
    kind: EvidenceKind
    capture_time: datetime
    location: GeoPoint | None
    collecting_officer: str
    original_filename: str
    content_type: str
    size_bytes: int
    sha256: str
    object_key: str
    object_version: str
    owner_agency_id: str
    region_code: str
    created_at: datetime
    retain_until: datetime
    legal_hold: bool
    last_verified_at: datetime | None
    intact: bool

    @property
    def name(self) -> str:
        return f"evidence/{self.evidence_id}"


@dataclass(frozen=True)
class EvidenceGrant:
    """Access to one item for one agency, for a purpose, until an expiry or a revocation."""

    grant_id: str
    evidence_id: str
    grantee_agency_id: str
    purpose: str
    expires_at: datetime
    granted_by_agency_id: str
    created_at: datetime
    revoked_at: datetime | None

    def is_live(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at


@dataclass(frozen=True)
class CustodyEvent:
    """One sealed link of an item's custody chain."""

    evidence_id: str
    seq: int
    occurred_at: datetime
    action: CustodyAction
    actor_agency_id: str
    sha256_seen: str
    details: dict[str, Any] = field(default_factory=dict)
    trace_id: str = ""
    prev_hash: str = ""
    hash: str = ""
