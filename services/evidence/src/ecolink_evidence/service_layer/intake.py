"""UploadEvidence: take the bytes (hashed on arrival), then seal the item and its first custody link."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import Aborted, InvalidArgument
from ecolink_common.request_ids import replayed
from ecolink_evidence.domain.model import EvidenceItem, UploadDescription
from ecolink_evidence.domain.rules import retain_until
from ecolink_evidence.service_layer.custody import first_link
from ecolink_evidence.service_layer.ports import ObjectStore, SubjectRecords
from ecolink_evidence.service_layer.storing import receive_and_store
from ecolink_evidence.service_layer.subjects import require_visible_subject
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork
from ecolink_evidence.settings import EvidenceSettings


def _describes(item: EvidenceItem, description: UploadDescription) -> bool:
    """Whether a repeated upload is the same request: same subject, kind, file and capture, and (where the client
    declared them) the same size and SHA-256."""
    return (
        (item.subject, item.kind, item.original_filename, item.capture_time)
        == (description.subject, description.kind, description.original_filename, description.capture_time)
        and description.size_bytes in (0, item.size_bytes)
        and description.client_sha256 in ("", item.sha256)
    )


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
    uow_factory: Callable[[], EvidenceUnitOfWork],
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
    the same agency returns the first item. The subject is checked before a byte is read.
    """
    _check_declared_size(description.size_bytes, settings.max_upload_bytes)
    if description.request_id:
        async with uow_factory() as uow:
            earlier = await uow.evidence.by_request(principal.agency_id, description.request_id)
        if earlier is not None and replayed(
            description.request_id, earlier_resource=earlier.name, same_request=_describes(earlier, description)
        ):
            return earlier
    await require_visible_subject(uow_factory(), subjects, principal, description.subject)
    size = description.size_bytes
    now = uow_factory().clock.now()  # the clock every unit of work of this service reads
    until = retain_until(description.kind, now, settings.retention_days)
    sha256, stored = await receive_and_store(
        uow_factory, store, settings, description, chunks, retain_until=until, staging_dir=staging_dir
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
    async with uow_factory() as uow:
        await uow.evidence.add(item, request_id=description.request_id, intake=intake)
        await uow.audit.record(AuditEntry(principal.agency_id, "UploadEvidence", item.name, "OK"))
        try:
            await uow.commit()
        except IntegrityError as error:
            raise Aborted("an upload with the same request_id is in progress", reason="REQUEST_IN_PROGRESS") from error
    return item
