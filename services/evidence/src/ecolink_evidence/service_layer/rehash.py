"""Re-reading stored bytes while hashing them, off the event loop and one chunk ahead of the consumer."""

from __future__ import annotations

import asyncio
import contextvars
import functools
import hashlib
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor

from ecolink_evidence.domain.model import EvidenceItem
from ecolink_evidence.service_layer.ports import ObjectStore, StoredObject


def stored_object(item: EvidenceItem) -> StoredObject:
    return StoredObject(item.object_key, item.object_version)


class HashingReader:
    """An item's stored bytes, read and hashed in one worker thread of its own.

    The first chunk is requested on construction and each next one while the current one is being
    consumed, so the object store and the consumer work at the same time. hashlib releases the GIL
    on large buffers, so hashing in the worker costs the event loop nothing. One worker thread keeps
    the reads, the hashing and the final close in order.
    """

    def __init__(self, store: ObjectStore, item: EvidenceItem, chunk_bytes: int):
        self._chunks = store.read(stored_object(item), chunk_bytes)
        self._digest = hashlib.sha256()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidence-read")
        self._context = contextvars.copy_context()
        self._closed = False
        self._pending = self._read_ahead()

    def _read_ahead(self) -> asyncio.Future[bytes | None]:
        work = functools.partial(self._context.run, self._next_hashed)
        return asyncio.get_running_loop().run_in_executor(self._worker, work)

    def _next_hashed(self) -> bytes | None:
        chunk = next(self._chunks, None)
        if chunk is not None:
            self._digest.update(chunk)
        return chunk

    async def chunks(self) -> AsyncIterator[bytes]:
        """The bytes in order; the reader is closed when they end or the consumer stops."""
        try:
            while (chunk := await self._pending) is not None:
                self._pending = self._read_ahead()
                yield chunk
        finally:
            self.close()

    def sha256(self) -> str:
        """The SHA-256 of every byte read so far (all of them once `chunks` has ended)."""
        return self._digest.hexdigest()

    def close(self) -> None:
        """Releases the store's stream after any read in flight; safe to call twice and from `finally`."""
        if self._closed:
            return
        self._closed = True
        self._pending.add_done_callback(_consume_outcome)
        self._worker.submit(self._chunks.close)
        self._worker.shutdown(wait=False)


def _consume_outcome(future: asyncio.Future[bytes | None]) -> None:
    # A read ahead that nobody awaits any more must not be reported as an unretrieved exception.
    if not future.cancelled():
        future.exception()


async def stored_sha256(store: ObjectStore, item: EvidenceItem, chunk_bytes: int) -> str:
    """The SHA-256 of what the store holds now."""
    reader = HashingReader(store, item, chunk_bytes)
    async for _ in reader.chunks():
        pass
    return reader.sha256()
