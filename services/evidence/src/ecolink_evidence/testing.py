"""Client helpers for evidence tests and benchmarks: describe, upload, download over a real channel."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterable, Mapping

from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.evidence.v1 import evidence_pb2, evidence_service_pb2_grpc
from ecolink.evidence.v1 import evidence_service_pb2 as pb
from ecolink_common.testing.platform import ServiceUnderTest
from ecolink_common.testing.s3 import S3Endpoint
from ecolink_evidence.upload_messages import upload_messages

CAPTURE_SECONDS = 1_790_000_000


def description(**overrides: object) -> pb.EvidenceUpload:
    """A valid upload description of a photo for a Ji'an case; keywords replace fields."""
    fields: dict[str, object] = {
        "subject": "cases/jian-2026-001",
        "kind": evidence_pb2.EVIDENCE_KIND_PHOTO,
        "capture_time": Timestamp(seconds=CAPTURE_SECONDS),
        "location": evidence_pb2.GeoPoint(latitude=27.11, longitude=114.99),
        "collecting_officer": "officer 0417",
        "original_filename": "烟囱-南侧.jpg",
        "content_type": "image/jpeg",
    }
    return pb.EvidenceUpload(**{**fields, **overrides})  # type: ignore[arg-type]


async def upload_chunks(
    stub: evidence_service_pb2_grpc.EvidenceServiceStub,
    chunks: Iterable[bytes],
    metadata: list[tuple[str, str]],
    *,
    size: int,
    **overrides: object,
) -> evidence_pb2.Evidence:
    """Uploads `size` bytes given as chunks, with a description whose fields `overrides` replaces."""
    described = description(size_bytes=size, **overrides)
    response = await stub.UploadEvidence(upload_messages(described, chunks), metadata=metadata)
    return response.evidence


async def upload_broken_off(
    stub: evidence_service_pb2_grpc.EvidenceServiceStub,
    described: pb.EvidenceUpload,
    chunks: Iterable[bytes],
    metadata: list[tuple[str, str]],
    *,
    after_seconds: float,
) -> None:
    """Sends the description and the chunks, then stalls; the client cancels the call after `after_seconds`."""

    async def stalling() -> AsyncIterator[pb.UploadEvidenceRequest]:
        for message in upload_messages(described, chunks):
            yield message
        await asyncio.sleep(3600)

    call = stub.UploadEvidence(stalling(), metadata=metadata)
    await asyncio.sleep(after_seconds)
    call.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await call


async def download_all(
    stub: evidence_service_pb2_grpc.EvidenceServiceStub, name: str, metadata: list[tuple[str, str]]
) -> bytes:
    received = []
    async for message in stub.DownloadEvidence(pb.DownloadEvidenceRequest(name=name), metadata=metadata):
        if message.WhichOneof("payload") == "chunk":
            received.append(message.chunk)
    return b"".join(received)


def stored_object_count(service: ServiceUnderTest, evidence_settings: Mapping[str, object], s3: S3Endpoint) -> int:
    """Objects the service's store holds: in its S3 bucket (unfinished multipart uploads too, through the SDK's
    protected call, the only one that lists them), or as files under var/objects."""
    if evidence_settings:
        client, bucket = s3.client(), str(evidence_settings["s3_bucket"])
        unfinished = client._list_multipart_uploads(bucket).uploads
        return len(list(client.list_objects(bucket, recursive=True))) + len(unfinished)
    objects = service.platform.var_dir / "objects"
    return sum(1 for p in objects.rglob("*") if p.is_file() and not p.name.endswith(".json")) if objects.exists() else 0
