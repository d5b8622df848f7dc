"""Receiving an upload's bytes: hash them as they arrive and put them in the object store at most once."""

from __future__ import annotations

import asyncio
import hashlib
import io
import tempfile
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from ecolink_common.errors import InvalidArgument
from ecolink_evidence.domain.model import UploadDescription
from ecolink_evidence.service_layer.ports import ObjectStore, StoredObject, content_key
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork
from ecolink_evidence.service_layer.upload_pipe import UploadPipe
from ecolink_evidence.settings import EvidenceSettings

# Chunks waiting between the gRPC stream and the store's writer (client chunks are 1 MiB; at most 8 MiB).
PIPE_CHUNKS = 4


async def receive_and_store(
    uow: EvidenceUnitOfWork,
    store: ObjectStore,
    settings: EvidenceSettings,
    description: UploadDescription,
    chunks: AsyncIterator[bytes],
    *,
    retain_until: datetime,
    staging_dir: Path,
) -> tuple[str, StoredObject]:
    """The SHA-256 the server computed and where the bytes are stored; raises, leaving nothing, when the
    size or a declared hash does not match or the stream breaks off.

    Three ways, one guarantee: an upload no larger than one S3 part is held in memory (as the part
    would be) and written in one PUT; a larger one whose hash the client declared (as the CLI does)
    streams to the store while it arrives, its last bytes held back until the hash is checked; any
    other is staged in an unnamed file, so memory stays bounded whatever the size.
    """

    async def stored_with(sha256: str) -> StoredObject | None:
        async with uow:
            return await uow.evidence.stored_object_with(sha256)

    # Where a declared hash is already stored is looked up while the bytes arrive; the answer is used
    # only once the bytes hash to it. That lookup is the only transaction of `uow` open meanwhile: it is
    # awaited before the unit of work is entered again.
    declared = description.client_sha256
    earlier = asyncio.ensure_future(stored_with(declared)) if declared else None
    try:
        if earlier is not None and description.size_bytes > settings.multipart_part_bytes and await earlier is None:
            return await _stream_to_store(store, description, chunks, retain_until=retain_until)
        with _Received(description.size_bytes, settings.multipart_part_bytes, staging_dir) as received:
            await _receive(chunks, received.take, description.size_bytes)
            sha256 = received.sha256()
            _check_declared_hash(sha256, description)
            existing = await (earlier if earlier is not None else stored_with(sha256))
            if existing is not None:
                return sha256, existing
            return sha256, await asyncio.to_thread(_put, store, received.body(), sha256, description, retain_until)
    finally:
        if earlier is not None:
            earlier.add_done_callback(_consume_outcome)


def _consume_outcome(lookup: asyncio.Future[StoredObject | None]) -> None:
    # A lookup nobody waits for any more (the upload failed first) must not be reported as unretrieved.
    if not lookup.cancelled():
        lookup.exception()


async def _stream_to_store(
    store: ObjectStore, description: UploadDescription, chunks: AsyncIterator[bytes], *, retain_until: datetime
) -> tuple[str, StoredObject]:
    pipe = UploadPipe(PIPE_CHUNKS)
    writing = asyncio.ensure_future(
        asyncio.to_thread(_put, store, pipe, description.client_sha256, description, retain_until)
    )
    writing.add_done_callback(lambda _: pipe.writer_finished())
    try:
        await _receive(chunks, pipe.feed, description.size_bytes)
        sha256 = pipe.sha256()
        _check_declared_hash(sha256, description)
        await asyncio.to_thread(pipe.release_last)
        return sha256, await writing
    except BaseException:
        # The writer's next read fails and the SDK aborts its multipart upload: nothing remains.
        pipe.abort()
        await asyncio.wait([writing])
        if not writing.cancelled():
            writing.exception()
        raise


def _put(
    store: ObjectStore, body: BinaryIO | UploadPipe, sha256: str, description: UploadDescription, until: datetime
) -> StoredObject:
    return store.put(
        content_key(sha256),
        body,
        size=description.size_bytes,
        sha256=sha256,
        content_type=description.content_type,
        retain_until=until,
    )


async def _receive(chunks: AsyncIterator[bytes], take: Callable[[bytes], None], declared: int) -> None:
    """Passes on exactly `declared` bytes, each chunk hashed and kept by `take` in a worker thread (hashlib
    lets go of the GIL on large buffers); anything shorter or longer is refused."""
    size = 0
    async for chunk in chunks:
        size += len(chunk)
        if size > declared:
            raise _incomplete(declared, size)
        await asyncio.to_thread(take, chunk)
    if size != declared:
        raise _incomplete(declared, size)


def _incomplete(declared: int, received: int) -> InvalidArgument:
    # A client-streaming call that is cancelled ends on the server like a finished one, so only the
    # declared size tells an interrupted upload from a complete one.
    return InvalidArgument.for_field(
        "chunk", f"declared {declared} bytes, received {received}", reason="EVIDENCE_SIZE_MISMATCH"
    )


def _check_declared_hash(sha256: str, description: UploadDescription) -> None:
    if description.client_sha256 and description.client_sha256 != sha256:
        raise InvalidArgument.for_field(
            "metadata.client_sha256",
            f"the client declared {description.client_sha256} but the bytes hash to {sha256}",
            reason="EVIDENCE_HASH_MISMATCH",
        )


class _Received:
    """Where an upload's bytes wait while they are hashed: in memory up to a threshold, else in an unnamed
    staging file that the system removes however the upload ends."""

    def __init__(self, declared: int, in_memory_limit: int, staging_dir: Path):
        self._parts: list[bytes] = []
        in_file = declared > in_memory_limit
        self._file = tempfile.TemporaryFile(dir=staging_dir) if in_file else None  # noqa: SIM115 - closed on exit
        self._digest = hashlib.sha256()

    def __enter__(self) -> _Received:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()

    def take(self, chunk: bytes) -> None:
        self._digest.update(chunk)
        if self._file is None:
            self._parts.append(chunk)
        else:
            self._file.write(chunk)

    def sha256(self) -> str:
        return self._digest.hexdigest()

    def body(self) -> BinaryIO:
        """Everything received, from the start."""
        if self._file is None:
            return io.BytesIO(b"".join(self._parts))
        self._file.seek(0)
        return self._file
