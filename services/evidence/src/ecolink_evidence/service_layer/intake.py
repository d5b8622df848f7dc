"""UploadEvidence: take the bytes (hashed on arrival), then seal the item and its first custody link."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import InvalidArgument, NotFound
from ecolink_common.request_records import RequestKey, checked_request_id, values_fingerprint
from ecolink_evidence.domain.model import EvidenceItem, UploadDescription
from ecolink_evidence.domain.rules import retain_until
from ecolink_evidence.service_layer.custody import first_link
from ecolink_evidence.service_layer.ports import ObjectStore, SubjectRecords
from ecolink_evidence.service_layer.storing import receive_and_store
from ecolink_evidence.service_layer.subjects import require_visible_subject
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork
from ecolink_evidence.settings import EvidenceSettings

METHOD = "UploadEvidence"


def upload_request(principal: Principal, description: UploadDescription) -> RequestKey | None:
    """The AIP-155 key of an upload that carries a request id: the same description (subject, kind, capture, place,
    officer, file, type, size and declared SHA-256) is the same request."""
    if not description.request_id:
        return None
    location = description.location
    fingerprint = values_fingerprint(
        description.subject,
        description.kind.value,
        description.capture_time.isoformat(),
        location.latitude if location else None,
        location.longitude if location else None,
        description.collecting_officer,
        description.original_filename,
        description.content_type,
        description.size_bytes,
        description.client_sha256,
    )
    request_id = checked_request_id(description.request_id, "metadata.request_id")
    return RequestKey(principal.agency_id, request_id, METHOD, fingerprint)


async def _replayed_item(uow: EvidenceUnitOfWork, request: RequestKey) -> EvidenceItem | None:
    async with uow:
        earlier = await uow.requests.replayed_resource(request)
        if earlier is None:
            return None
        item = await uow.evidence.get(earlier.removeprefix("evidence/"))
    if item is None:
        raise NotFound(f"{earlier}, the item request_id {request.request_id[:128]!r} made, was not found")
    return item


def new_evidence_id(now: datetime) -> str:
    """Time-ordered, so the newest item sorts last."""
    return f"ev-{now:%Y%m%d%H%M%S%f}-{secrets.token_hex(3)}"


def _check_declared_size(declared: int, max_bytes: int) -> None:
    if declared == 0:
        raise InvalidArgument.for_field("metadata.size_bytes", "the upload declares no bytes", reason="EVIDENCE_EMPTY")
    if declared > max_bytes:
        raise InvalidArgument.for_field(
            "metadata.size_bytes", f"the upload exceeds the {max_bytes}-byte limit", reason="EVIDENCE_TOO_LARGE"
        )


async def upload_evidence(
    uow: EvidenceUnitOfWork,
    store: ObjectStore,
    settings: EvidenceSettings,
    principal: Principal,
    description: UploadDescription,
    chunks: AsyncIterator[bytes],
    *,
    subjects: SubjectRecords,
    staging_dir: Path,
) -> EvidenceItem:
    """DOMAIN §5: a SHA-256 taken as the bytes arrive; nothing is kept unless everything matched.

    A refused, failed or interrupted upload leaves no object and no row. The same `request_id` from
    the same agency with the same description returns the first item; with another description it is refused
    (`REQUEST_ID_REUSED`), and while the first is still being sealed it is ABORTED. The subject is checked before a
    byte is read.
    """
    _check_declared_size(description.size_bytes, settings.max_upload_bytes)
    request = upload_request(principal, description)
    if request is not None and (earlier := await _replayed_item(uow, request)) is not None:
        return earlier
    await require_visible_subject(uow, subjects, principal, description.subject)
    size = description.size_bytes
    now = uow.clock.now()
    until = retain_until(description.kind, now, settings.retention_days)
    sha256, stored = await receive_and_store(
        uow, store, settings, description, chunks, retain_until=until, staging_dir=staging_dir
    )
    item = EvidenceItem(
        evidence_id=new_evidence_id(now),
        subject=description.subject,
        kind=description.kind,
        capture_time=description.capture_time,
        location=description.location,
        collecting_officer=description.collecting_officer,
        original_filename=description.original_filename,
        content_type=description.content_type,
        size_bytes=size,
        sha256=sha256,
        object_key=stored.key,
        object_version=stored.version_id,
        owner_agency_id=principal.agency_id,
        region_code=principal.agency.region_code,
        created_at=now,
        retain_until=until,
        legal_hold=False,
        last_verified_at=now,
        intact=True,
    )
    intake = first_link(
        item.evidence_id,
        actor=principal.agency_id,
        sha256_seen=sha256,
        at=now,
        details={"size_bytes": size, "original_filename": item.original_filename, "object_key": stored.key},
    )
    async with uow:
        if request is not None:
            # First, so the same id racing in another call is ABORTED before this one writes the item.
            await uow.requests.remember(request, resource_name=item.name, at=now)
        await uow.evidence.add(item, intake=intake)
        await uow.audit.record(AuditEntry(principal.agency_id, METHOD, item.name, "OK"))
        await uow.commit()
    return item
