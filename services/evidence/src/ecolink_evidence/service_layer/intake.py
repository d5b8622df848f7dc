"""UploadEvidence: hash while streaming to a staging file, refuse what does not match, seal what does."""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import tempfile
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import Aborted, InvalidArgument
from ecolink_common.hash_chain import GENESIS_HASH
from ecolink_evidence.domain.model import CustodyAction, EvidenceItem, UploadDescription
from ecolink_evidence.domain.rules import retain_until
from ecolink_evidence.service_layer.custody import record_custody
from ecolink_evidence.service_layer.ports import ObjectStore, StoredObject, content_key
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork
from ecolink_evidence.settings import EvidenceSettings


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


def _incomplete(declared: int, received: int) -> InvalidArgument:
    # A client-streaming call that is cancelled ends on the server like a finished one, so only the
    # declared size tells an interrupted upload from a complete one.
    return InvalidArgument.for_field(
        "chunk", f"declared {declared} bytes, received {received}", reason="EVIDENCE_SIZE_MISMATCH"
    )


async def _stage(chunks: AsyncIterator[bytes], staging: Path, declared: int) -> str:
    """Writes exactly `declared` bytes to `staging` while hashing; anything shorter or longer is refused."""
    digest, size = hashlib.sha256(), 0
    with staging.open("wb") as handle:
        async for chunk in chunks:
            size += len(chunk)
            if size > declared:
                raise _incomplete(declared, size)
            digest.update(chunk)
            await asyncio.to_thread(handle.write, chunk)
    if size != declared:
        raise _incomplete(declared, size)
    return digest.hexdigest()


async def upload_evidence(
    uow_factory: Callable[[], EvidenceUnitOfWork],
    store: ObjectStore,
    settings: EvidenceSettings,
    principal: Principal,
    description: UploadDescription,
    chunks: AsyncIterator[bytes],
    *,
    staging_dir: Path,
) -> EvidenceItem:
    """DOMAIN §5: a SHA-256 taken as the bytes arrive; nothing is kept unless everything matched.

    A refused, failed or interrupted upload leaves no object and no row. The same `request_id` from
    the same agency returns the first item.
    """
    _check_declared_size(description.size_bytes, settings.max_upload_bytes)
    if description.request_id:
        async with uow_factory() as uow:
            earlier = await uow.evidence.by_request(principal.agency_id, description.request_id)
        if earlier is not None:
            return earlier
    with tempfile.TemporaryDirectory(dir=staging_dir) as folder:
        staged = Path(folder) / "upload"
        size = description.size_bytes
        sha256 = await _stage(chunks, staged, size)
        if description.client_sha256 and description.client_sha256 != sha256:
            raise InvalidArgument.for_field(
                "metadata.client_sha256",
                f"the client declared {description.client_sha256} but the bytes hash to {sha256}",
                reason="EVIDENCE_HASH_MISMATCH",
            )
        now = datetime.now(UTC)
        until = retain_until(description.kind, now, settings.retention_days)
        stored = await _store_once(store, staged, size=size, sha256=sha256, description=description, until=until)
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
    async with uow_factory() as uow:
        await uow.evidence.add(item, request_id=description.request_id, custody_head_hash=GENESIS_HASH)
        await record_custody(
            uow,
            item.evidence_id,
            CustodyAction.INTAKE,
            actor=principal.agency_id,
            sha256_seen=sha256,
            details={"size_bytes": size, "original_filename": item.original_filename, "object_key": stored.key},
        )
        await uow.audit.record(AuditEntry(principal.agency_id, "UploadEvidence", item.name, "OK"))
        try:
            await uow.commit()
        except IntegrityError as error:
            raise Aborted("an upload with the same request_id is in progress", reason="REQUEST_IN_PROGRESS") from error
    return item


async def _store_once(
    store: ObjectStore, staged: Path, *, size: int, sha256: str, description: UploadDescription, until: datetime
) -> StoredObject:
    """Equal bytes are one immutable object: an existing object is reused, never overwritten."""
    key = content_key(sha256)
    existing = await asyncio.to_thread(store.find, key)
    if existing is not None:
        return existing
    return await asyncio.to_thread(
        store.put_file, key, staged, size=size, sha256=sha256, content_type=description.content_type, retain_until=until
    )
