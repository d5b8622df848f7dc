"""Client side of UploadEvidence: the description, then the bytes cut into chunks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ecolink.evidence.v1 import evidence_service_pb2 as pb

CHUNK_BYTES = 1024 * 1024


def upload_messages(description: pb.EvidenceUpload, chunks: Iterable[bytes]) -> Iterator[pb.UploadEvidenceRequest]:
    """The request stream of one upload."""
    yield pb.UploadEvidenceRequest(metadata=description)
    for chunk in chunks:
        yield pb.UploadEvidenceRequest(chunk=chunk)


def chunked(data: bytes, size: int = CHUNK_BYTES) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]
