"""ExportDossier: a signed ZIP of chosen items with their hashes and custody chains, for court or the police."""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import AsyncIterator
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ecolink_common.auth.principal import Principal
from ecolink_common.errors import DataLoss, InvalidArgument
from ecolink_common.paging import MAX_PAGE_SIZE, PageRequest
from ecolink_common.signed_records import key_fingerprint, sign_record
from ecolink_evidence.domain.model import CustodyAction, CustodyEvent, EvidenceItem
from ecolink_evidence.dossier_format import FORMAT, MANIFEST, SIGNATURE
from ecolink_evidence.service_layer.access import visible_item
from ecolink_evidence.service_layer.custody import record_custody
from ecolink_evidence.service_layer.ports import ObjectStore
from ecolink_evidence.service_layer.reading import EvidenceFilter, list_evidence
from ecolink_evidence.service_layer.rehash import HashingReader
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork
from ecolink_evidence.service_layer.verification import record_rehash
from ecolink_evidence.settings import EvidenceSettings

UNSAFE_IN_NAME = re.compile(r"[\\/\x00-\x1f]")


def entry_path(item: EvidenceItem) -> str:
    return f"evidence/{item.evidence_id}/{UNSAFE_IN_NAME.sub('_', item.original_filename) or 'item'}"


def _manifest_item(item: EvidenceItem, custody: list[CustodyEvent]) -> dict[str, Any]:
    described = {k: v for k, v in asdict(item).items() if k not in ("object_key", "object_version")}
    return {
        **{k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in described.items()},
        "name": item.name,
        "path": entry_path(item),
        "custody": [{**asdict(e), "occurred_at": e.occurred_at.isoformat(), "action": e.action.value} for e in custody],
    }


async def _chosen_items(
    uow: EvidenceUnitOfWork, principal: Principal, *, subject: str, evidence_ids: list[str]
) -> list[EvidenceItem]:
    if evidence_ids:
        async with uow:
            return [await visible_item(uow, principal, i, action="ExportDossier") for i in evidence_ids]
    if not subject:
        raise InvalidArgument.for_field("subject", "name a subject or at least one item")
    items, wanted = [], PageRequest(MAX_PAGE_SIZE)
    while True:
        page = await list_evidence(uow, principal, EvidenceFilter(subject=subject), page=wanted)
        items += page.items
        if not page.next_page_token:
            return sorted(items, key=lambda i: i.evidence_id)
        wanted = wanted.following(page.next_page_token)


async def export_dossier(
    uow: EvidenceUnitOfWork,
    store: ObjectStore,
    settings: EvidenceSettings,
    principal: Principal,
    *,
    subject: str,
    evidence_ids: list[str],
    signing_key: Ed25519PrivateKey,
    staging_dir: Path,
) -> AsyncIterator[bytes]:
    """Each export is a custody link on every item; an item whose stored bytes changed stops it with DATA_LOSS."""
    items = await _chosen_items(uow, principal, subject=subject, evidence_ids=evidence_ids)
    if not items:
        raise InvalidArgument.for_field("subject", f"no evidence of {subject} is visible to {principal.agency_id}")
    manifest_items = []
    async with uow:
        exported_at = uow.clock.now()
        for item in items:
            await record_custody(
                uow, item.evidence_id, CustodyAction.EXPORTED, actor=principal.agency_id, sha256_seen=item.sha256
            )
            manifest_items.append(_manifest_item(item, list(await uow.custody.events(item.evidence_id))))
        await uow.commit()
    manifest = {
        "format": FORMAT,
        "exported_at": exported_at.isoformat(),
        "exported_by": principal.agency_id,
        "subject": subject,
        "signing_key_sha256": key_fingerprint(signing_key.public_key()),
        "items": manifest_items,
    }
    with tempfile.TemporaryDirectory(dir=staging_dir) as folder:
        archive_path = Path(folder) / "dossier.zip"
        with zipfile.ZipFile(archive_path, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            for item in items:
                await _write_item(archive, store, settings, item, uow, principal)
            body, signature = sign_record(manifest, signing_key)
            archive.writestr(MANIFEST, body)
            archive.writestr(SIGNATURE, signature)
        with archive_path.open("rb") as handle:
            while chunk := handle.read(settings.transfer_chunk_bytes):
                yield chunk


async def _write_item(
    archive: zipfile.ZipFile,
    store: ObjectStore,
    settings: EvidenceSettings,
    item: EvidenceItem,
    uow: EvidenceUnitOfWork,
    principal: Principal,
) -> None:
    reader = HashingReader(store, item, settings.transfer_chunk_bytes)
    with archive.open(entry_path(item), "w", force_zip64=True) as entry:
        async for chunk in reader.chunks():
            entry.write(chunk)
    if reader.sha256() != item.sha256:
        await record_rehash(uow, item, seen_sha256=reader.sha256(), actor=principal.agency_id, during="ExportDossier")
        raise DataLoss(
            f"{item.name}: the stored bytes no longer match; not exported", reason="EVIDENCE_STORED_BYTES_CHANGED"
        )
