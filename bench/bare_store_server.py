"""The floor of bench/evidence: EvidenceService's upload and download on a bare grpc.aio server, with no auth,
database, custody or audit; only the bytes, their SHA-256 and the minio SDK's put (locked, COMPLIANCE) and get."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import grpc
from minio import Minio
from minio.commonconfig import COMPLIANCE
from minio.retention import Retention

from bench import bare_server
from ecolink.evidence.v1 import evidence_pb2, evidence_service_pb2_grpc
from ecolink.evidence.v1 import evidence_service_pb2 as pb
from ecolink.evidence.v1.evidence_service_pb2_grpc import add_EvidenceServiceServicer_to_server
from ecolink_common.testing.s3 import ACCESS_KEY, REGION, SECRET_KEY

CHUNK = 1024 * 1024


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


class BareEvidence(evidence_service_pb2_grpc.EvidenceServiceServicer):
    """Puts each upload whole, under its SHA-256, and streams it back in 1 MiB chunks."""

    def __init__(self, client: Minio, bucket: str):
        self._client = client
        self._bucket = bucket
        self._until = datetime.now(UTC) + timedelta(days=1)

    async def UploadEvidence(
        self, request_iterator: AsyncIterator[pb.UploadEvidenceRequest], context: grpc.aio.ServicerContext
    ) -> pb.UploadEvidenceResponse:
        digest, parts = hashlib.sha256(), []
        async for message in request_iterator:
            if message.HasField("chunk"):
                digest.update(message.chunk)
                parts.append(message.chunk)
        data, key = b"".join(parts), digest.hexdigest()
        checksum = {"x-amz-sdk-checksum-algorithm": "SHA256", "x-amz-checksum-sha256": b64(digest.digest())}
        await asyncio.to_thread(
            self._client.put_object,
            self._bucket,
            key,
            io.BytesIO(data),
            len(data),
            metadata=dict(checksum),
            retention=Retention(COMPLIANCE, self._until),
        )
        return pb.UploadEvidenceResponse(evidence=evidence_pb2.Evidence(name=key, sha256=key))

    async def DownloadEvidence(
        self, request: pb.DownloadEvidenceRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[pb.DownloadEvidenceResponse]:
        data = await asyncio.to_thread(self._read, request.name)
        digest = hashlib.sha256()
        for start in range(0, len(data), CHUNK):
            chunk = data[start : start + CHUNK]
            digest.update(chunk)
            yield pb.DownloadEvidenceResponse(chunk=chunk)

    def _read(self, key: str) -> bytes:
        response = self._client.get_object(self._bucket, key)
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()


async def serve(port: int, s3_address: str, bucket: str) -> None:
    client = Minio(s3_address, access_key=ACCESS_KEY, secret_key=SECRET_KEY, secure=False, region=REGION)
    client.make_bucket(bucket, object_lock=True)
    servicer = BareEvidence(client, bucket)
    await bare_server.serve(port, lambda server: add_EvidenceServiceServicer_to_server(servicer, server))


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]), sys.argv[2], sys.argv[3]))
