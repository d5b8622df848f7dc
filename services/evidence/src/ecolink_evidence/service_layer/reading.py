"""Reading evidence: description, listing, download with re-hash, presigned URL — each access in custody."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from ecolink_common.auth.principal import Principal
from ecolink_common.errors import DataLoss, InvalidArgument
from ecolink_common.jurisdiction import bureau_reach, may_see
from ecolink_common.paging import Page, PageRequest
from ecolink_evidence.domain.model import CustodyAction, EvidenceItem, EvidenceKind
from ecolink_evidence.domain.rules import REGION_SEEN_OWNER_KINDS, visibility_scope
from ecolink_evidence.service_layer.access import owner_kind, visible_item
from ecolink_evidence.service_layer.custody import record_custody
from ecolink_evidence.service_layer.ports import ObjectStore
from ecolink_evidence.service_layer.rehash import HashingReader, stored_object
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork
from ecolink_evidence.service_layer.verification import record_rehash
from ecolink_evidence.settings import EvidenceSettings


async def get_evidence(uow: EvidenceUnitOfWork, principal: Principal, evidence_id: str) -> EvidenceItem:
    """One item's description; the read is a custody link."""
    async with uow:
        item = await visible_item(uow, principal, evidence_id, action="GetEvidence")
        await record_custody(uow, evidence_id, CustodyAction.READ, actor=principal.agency_id, sha256_seen=item.sha256)
        await uow.commit()
        return item


@dataclass(frozen=True)
class EvidenceFilter:
    """What ListEvidence narrows by."""

    subject: str = ""
    kind: EvidenceKind | None = None
    capture_from: datetime | None = None
    capture_before: datetime | None = None


async def list_evidence(
    uow: EvidenceUnitOfWork, principal: Principal, wanted: EvidenceFilter, *, page: PageRequest
) -> Page[EvidenceItem]:
    """Newest first, only what the caller may see: its region's items of the bureau hierarchy (bureaus), its own
    items, its live grants."""
    before = page.position.get("before", "")
    now = uow.clock.now()
    in_region = bureau_reach(principal.viewer)
    async with uow:
        candidates = await uow.evidence.list_visible_candidates(
            region_prefix=in_region,
            region_seen_owner_kinds=REGION_SEEN_OWNER_KINDS,
            agency_id=principal.agency_id,
            now=now,
            subject=wanted.subject,
            kind=wanted.kind,
            capture_from=wanted.capture_from,
            capture_before=wanted.capture_before,
            before_id=before,
            limit=page.size + 1,
        )
        examined = page.page_of(candidates, lambda last: {"before": last.evidence_id})
        kinds = {owner: await owner_kind(uow, owner) for owner in {item.owner_agency_id for item in examined.items}}
        grants = await uow.evidence.grants_of([item.evidence_id for item in examined.items])
        visible = [
            item
            for item in examined.items
            if may_see(
                principal.viewer,
                visibility_scope(item, kinds[item.owner_agency_id], grants.get(item.evidence_id, []), now),
            )
        ]
    return Page(visible, examined.next_page_token)


@dataclass(frozen=True)
class Download:
    """The item being downloaded and its bytes, re-hashed as they stream; `close` releases the store's stream
    even if the bytes were never asked for."""

    item: EvidenceItem
    chunks: AsyncIterator[bytes]
    reader: HashingReader

    def close(self) -> None:
        self.reader.close()


async def download_evidence(
    uow: EvidenceUnitOfWork,
    store: ObjectStore,
    settings: EvidenceSettings,
    principal: Principal,
    evidence_id: str,
) -> Download:
    """The download is a custody link before the first byte; altered bytes end the stream with DATA_LOSS.

    The store is asked for the first chunk while the custody link is being written, but no byte reaches
    the caller before that link is committed.
    """
    async with uow:
        item = await visible_item(uow, principal, evidence_id, action="DownloadEvidence")
        reader = HashingReader(store, item, settings.transfer_chunk_bytes)
        try:
            await record_custody(
                uow, evidence_id, CustodyAction.DOWNLOAD, actor=principal.agency_id, sha256_seen=item.sha256
            )
            await uow.commit()
        except BaseException:
            reader.close()
            raise

    async def checked_chunks() -> AsyncIterator[bytes]:
        async for chunk in reader.chunks():
            yield chunk
        seen = reader.sha256()
        if seen != item.sha256:
            await record_rehash(uow, item, seen_sha256=seen, actor=principal.agency_id, during="DownloadEvidence")
            raise DataLoss(
                f"{item.name}: the stored bytes hash to {seen}, not the {item.sha256} recorded on intake",
                reason="EVIDENCE_STORED_BYTES_CHANGED",
            )

    return Download(item, checked_chunks(), reader)


@dataclass(frozen=True)
class DownloadUrl:
    url: str
    expires_at: datetime


async def create_download_url(
    uow: EvidenceUnitOfWork,
    store: ObjectStore,
    settings: EvidenceSettings,
    principal: Principal,
    evidence_id: str,
    *,
    ttl_minutes: int,
) -> DownloadUrl:
    """A presigned URL valid minutes, only for a caller who may read the item; issuing it is a custody link."""
    minutes = ttl_minutes or settings.download_url_default_minutes
    if not 1 <= minutes <= settings.download_url_max_minutes:
        raise InvalidArgument.for_field("ttl_minutes", f"must be between 1 and {settings.download_url_max_minutes}")
    async with uow:
        item = await visible_item(uow, principal, evidence_id, action="CreateDownloadUrl")
        url = await asyncio.to_thread(
            store.download_url, stored_object(item), filename=item.original_filename, ttl_seconds=minutes * 60
        )
        await record_custody(
            uow,
            evidence_id,
            CustodyAction.URL_ISSUED,
            actor=principal.agency_id,
            sha256_seen=item.sha256,
            details={"ttl_minutes": minutes},
        )
        await uow.commit()
    return DownloadUrl(url, uow.clock.now() + timedelta(minutes=minutes))
