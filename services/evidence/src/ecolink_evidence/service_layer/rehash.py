"""Re-reading stored bytes while hashing them, without holding the event loop."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator

from ecolink_evidence.domain.model import EvidenceItem
from ecolink_evidence.service_layer.ports import ObjectStore, StoredObject

_DONE = object()


def stored_object(item: EvidenceItem) -> StoredObject:
    return StoredObject(item.object_key, item.object_version)


async def stream_object(store: ObjectStore, item: EvidenceItem, chunk_bytes: int) -> AsyncIterator[bytes]:
    """The item's stored bytes, read chunk by chunk in a worker thread."""
    chunks = store.read(stored_object(item), chunk_bytes)
    try:
        while (chunk := await asyncio.to_thread(next, chunks, _DONE)) is not _DONE:
            yield chunk  # type: ignore[misc]
    finally:
        await asyncio.to_thread(chunks.close)  # type: ignore[attr-defined]


async def stored_sha256(store: ObjectStore, item: EvidenceItem, chunk_bytes: int) -> str:
    """The SHA-256 of what the store holds now."""
    digest = hashlib.sha256()
    async for chunk in stream_object(store, item, chunk_bytes):
        digest.update(chunk)
    return digest.hexdigest()
