"""bench/evidence: upload/download through the service against the minio SDK's own put/get to the same S3 server,
and the service's RSS growth during a 1 GB upload."""

from __future__ import annotations

import asyncio
import hashlib
import io
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import grpc
from minio import Minio

from bench.report import Figure, report
from ecolink.evidence.v1 import evidence_service_pb2 as pb
from ecolink.evidence.v1 import evidence_service_pb2_grpc
from ecolink_common import operations
from ecolink_common.testing.databases import free_port, sqlite_url
from ecolink_common.testing.platform import platform_settings_for_tests, token_for, wait_until_serving
from ecolink_common.testing.s3 import S3Endpoint, running_s3_server
from ecolink_evidence.service import SPEC as EVIDENCE
from ecolink_evidence.testing import upload_chunks

MB = 1000 * 1000
SIZES = (1 * MB, 200 * MB)
RSS_UPLOAD_BYTES = 1000 * MB
CHUNK = 1024 * 1024
REPEATS_SMALL = 20
REPEATS_LARGE = 3


def pattern_chunks(total: int) -> Iterator[bytes]:
    """Deterministic, incompressible-enough bytes without holding the whole file in memory."""
    block = hashlib.sha256(b"ecolink").digest() * (CHUNK // 32)
    sent = 0
    while sent < total:
        piece = block[: min(CHUNK, total - sent)]
        sent += len(piece)
        yield piece


def rss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) * 1024


class RssSampler:
    """Samples a process's resident memory every 20 ms; keeps the peak."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_bytes(self.pid))
            time.sleep(0.02)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Seconds:
    """Time spent on each side of the comparison, measured item by item in turn so both see the same load."""

    sdk_put: float = 0.0
    service_upload: float = 0.0
    sdk_get: float = 0.0
    service_download: float = 0.0


def sdk_put(client: Minio, bucket: str, key: str, data: bytes) -> None:
    client.put_object(bucket, key, io.BytesIO(data), len(data), part_size=64 * 1024 * 1024)


def sdk_get(client: Minio, bucket: str, key: str) -> None:
    response = client.get_object(bucket, key)
    for _ in response.stream(CHUNK):
        pass
    response.close()
    response.release_conn()


def sha256_of(chunks: Iterator[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


async def upload_unique(
    stub: evidence_service_pb2_grpc.EvidenceServiceStub,
    metadata: list[tuple[str, str]],
    size: int,
    salt: bytes,
    declared_sha256: str,
) -> str:
    """Uploads bytes no earlier item holds, so every upload is a real write, as every SDK put is."""
    chunks = unique_chunks(size, salt)
    item = await upload_chunks(stub, chunks, metadata, size=size, original_filename="b", client_sha256=declared_sha256)
    return str(item.name)


async def compare(
    endpoint: S3Endpoint, target: str, metadata: list[tuple[str, str]], size: int, repeats: int
) -> tuple[Seconds, str]:
    """Each item put with the SDK and then uploaded through the service, then each read back both ways.

    Service uploads are new bytes with the hash declared, as the CLI does (hashed before the clock starts,
    as the SDK's data is made before its clock starts); downloads are received and dropped, as the SDK
    reference drops get_object's stream.
    """
    client, bucket = endpoint.client(), f"direct-{uuid.uuid4().hex[:8]}"
    client.make_bucket(bucket, object_lock=True)
    data = b"".join(pattern_chunks(size))
    salts = [uuid.uuid4().bytes for _ in range(repeats)]
    hashes = [sha256_of(unique_chunks(size, salt)) for salt in salts]
    seconds, names = Seconds(), []
    async with grpc.aio.insecure_channel(target) as channel:
        stub = evidence_service_pb2_grpc.EvidenceServiceStub(channel)
        for i, (salt, sha256) in enumerate(zip(salts, hashes, strict=True)):
            started = time.perf_counter()
            sdk_put(client, bucket, f"o{i}", data)
            seconds.sdk_put += time.perf_counter() - started
            started = time.perf_counter()
            names.append(await upload_unique(stub, metadata, size, salt, sha256))
            seconds.service_upload += time.perf_counter() - started
        for i, name in enumerate(names):
            started = time.perf_counter()
            sdk_get(client, bucket, f"o{i}")
            seconds.sdk_get += time.perf_counter() - started
            started = time.perf_counter()
            await download_discarding(stub, name, metadata)
            seconds.service_download += time.perf_counter() - started
    return seconds, names[-1]


async def undeclared_upload_rate(target: str, metadata: list[tuple[str, str]], size: int) -> float:
    """MB/s of one upload whose hash the client did not declare: the service stages it before storing it."""
    async with grpc.aio.insecure_channel(target) as channel:
        stub = evidence_service_pb2_grpc.EvidenceServiceStub(channel)
        started = time.perf_counter()
        await upload_unique(stub, metadata, size, uuid.uuid4().bytes, "")
        return size / (time.perf_counter() - started) / MB


async def download_discarding(
    stub: evidence_service_pb2_grpc.EvidenceServiceStub, name: str, metadata: list[tuple[str, str]]
) -> int:
    """Receives every chunk and keeps none, as the SDK reference does with get_object's stream."""
    received = 0
    async for message in stub.DownloadEvidence(pb.DownloadEvidenceRequest(name=name), metadata=metadata):
        received += len(message.chunk)
    return received


async def bare_stream_rate(total: int) -> float:
    """MB/s of a bare grpc.aio server streaming 3 MiB byte messages to a hashing client: the transport ceiling."""
    chunk = b"x" * (3 * 1024 * 1024)

    async def stream(request: bytes, context: grpc.aio.ServicerContext) -> AsyncIterator[bytes]:
        for _ in range(0, total, len(chunk)):
            yield chunk

    identity = lambda raw: raw  # noqa: E731 - bytes in, bytes out
    server = grpc.aio.server()
    handler = grpc.unary_stream_rpc_method_handler(stream, request_deserializer=identity, response_serializer=identity)
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("bench.Bytes", {"Stream": handler}),))
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            call = channel.unary_stream(
                "/bench.Bytes/Stream", request_serializer=identity, response_deserializer=identity
            )
            digest, received, started = hashlib.sha256(), 0, time.perf_counter()
            async for message in call(b""):
                digest.update(message)
                received += len(message)
            return received / (time.perf_counter() - started) / MB
    finally:
        await server.stop(0)


async def bare_item_figures(endpoint: S3Endpoint, size: int, repeats: int) -> list[Figure]:
    """The same comparison against bench/bare_store_server (no auth, database, custody or audit): the ceiling of
    any EvidenceService on grpc.aio in front of this S3 server, for items of `size`."""
    port = free_port()
    command = [sys.executable, "-m", "bench.bare_store_server", str(port), endpoint.address, "bare"]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    try:
        await wait_until_serving(f"127.0.0.1:{port}")
        seconds, _ = await compare(endpoint, f"127.0.0.1:{port}", [], size, repeats)
    finally:
        server.terminate()
        server.wait()
    moved, label = size * repeats / MB, f"{size // MB} MB"
    put, get = moved / seconds.sdk_put, moved / seconds.sdk_get
    return [
        Figure(
            f"bare grpc.aio + SDK, upload {label}",
            moved / seconds.service_upload,
            "MB/s",
            "minio SDK put_object",
            put,
            "context",
        ),
        Figure(
            f"bare grpc.aio + SDK, download {label}",
            moved / seconds.service_download,
            "MB/s",
            "minio SDK get_object",
            get,
            "context",
        ),
    ]


async def presigned_download_rate(target: str, metadata: list[tuple[str, str]], name: str) -> float:
    """MB/s of fetching an item through a URL from CreateDownloadUrl: the path meant for large files."""
    async with grpc.aio.insecure_channel(target) as channel:
        stub = evidence_service_pb2_grpc.EvidenceServiceStub(channel)
        issued = await stub.CreateDownloadUrl(pb.CreateDownloadUrlRequest(name=name), metadata=metadata)
    started = time.perf_counter()
    received = await asyncio.to_thread(fetch_all, issued.url)
    return received / (time.perf_counter() - started) / MB


def fetch_all(url: str) -> int:
    received = 0
    with urllib.request.urlopen(url) as response:  # noqa: S310 - a presigned URL the service issued
        while chunk := response.read(CHUNK):
            received += len(chunk)
    return received


def unique_chunks(total: int, salt: bytes) -> Iterator[bytes]:
    yield salt
    yield from pattern_chunks(total - len(salt))


async def rss_growth(pid: int, target: str, metadata: list[tuple[str, str]], *, declare_hash: bool) -> float:
    """MB the service's resident memory grows by, at its peak, while it takes one 1 GB upload."""
    salt = uuid.uuid4().bytes
    sha256 = sha256_of(unique_chunks(RSS_UPLOAD_BYTES, salt)) if declare_hash else ""
    before = rss_bytes(pid)
    async with grpc.aio.insecure_channel(target) as channel:
        stub = evidence_service_pb2_grpc.EvidenceServiceStub(channel)
        with RssSampler(pid) as sampler:
            await upload_unique(stub, metadata, RSS_UPLOAD_BYTES, salt, sha256)
    return (sampler.peak - before) / MB


def load_text(load: tuple[float, float, float]) -> str:
    return " ".join(f"{value:.2f}" for value in load)


async def main() -> None:
    figures, load_before = [], os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp, running_s3_server() as endpoint:
        platform = platform_settings_for_tests(Path(tmp) / "var")
        database = sqlite_url(Path(tmp), "evidence")
        await operations.migrate(EVIDENCE, database)
        await operations.load_directory(EVIDENCE, database, platform.directory_file)
        port = free_port()
        env = {
            **os.environ,
            "ECOLINK_VAR_DIR": str(platform.var_dir),
            "EVIDENCE_DATABASE_URL": database,
            "EVIDENCE_GRPC_PORT": str(port),
            "EVIDENCE_S3_ENDPOINT": endpoint.address,
            "EVIDENCE_S3_ACCESS_KEY": "test",
            "EVIDENCE_S3_SECRET_KEY": "test",
            "EVIDENCE_S3_BUCKET": f"bench-{uuid.uuid4().hex[:8]}",
        }
        service = subprocess.Popen([sys.executable, "-m", "ecolink_evidence"], env=env, stderr=subprocess.DEVNULL)
        target, metadata = f"127.0.0.1:{port}", [("authorization", f"Bearer {token_for(platform, 'eeb-360800')}")]
        try:
            await wait_until_serving(target)
            for size in SIZES:
                repeats = REPEATS_SMALL if size < 10 * MB else REPEATS_LARGE
                seconds, name = await compare(endpoint, target, metadata, size, repeats)
                moved, label = size * repeats / MB, f"{size // MB} MB"
                put, get = moved / seconds.sdk_put, moved / seconds.sdk_get
                up, down = moved / seconds.service_upload, moved / seconds.service_download
                figures.append(
                    Figure(f"upload {label}", up, "MB/s", "minio SDK put_object, same server", put, "≥ 0.8×")
                )
                figures.append(
                    Figure(f"download {label}", down, "MB/s", "minio SDK get_object, same server", get, "≥ 0.8×")
                )
            figures.extend(await bare_item_figures(endpoint, SIZES[0], REPEATS_SMALL))
            undeclared = await undeclared_upload_rate(target, metadata, SIZES[-1])
            figures.append(
                Figure("upload 200 MB, hash not declared", undeclared, "MB/s", "minio SDK put_object", put, "context")
            )
            url_rate = await presigned_download_rate(target, metadata, name)
            figures.append(
                Figure("download 200 MB via CreateDownloadUrl", url_rate, "MB/s", "minio SDK get_object", get, "≥ 0.8×")
            )
            ceiling = await bare_stream_rate(SIZES[-1])
            figures.append(
                Figure(
                    "bare grpc.aio stream + SHA-256, 200 MB (no S3)",
                    ceiling,
                    "MB/s",
                    "minio SDK get_object",
                    get,
                    "context",
                )
            )
            for declared, way in ((True, "hash declared, streamed"), (False, "hash not declared, staged")):
                growth = await rss_growth(service.pid, target, metadata, declare_hash=declared)
                name = f"service RSS growth, 1 GB upload ({way})"
                figures.append(Figure(name, growth, "MB", "budget", 64, "< 64 MB (ratio < 1)"))
        finally:
            service.terminate()
            service.wait()
    report(
        "evidence",
        figures,
        notes="moto S3 server on loopback (in-memory, in the bench process), service on SQLite, client, "
        "server and S3 on the same 2 cores; 1 MB figures are 20 sequential items, 200 MB three, each item "
        "timed through the SDK and then through the service in turn. Every service upload is new bytes with "
        "its SHA-256 declared as the CLI does (hashed before the clock starts); downloads are received and "
        "dropped, as the SDK reference drops get_object's stream. The bare rows are the floor: the same client "
        "against bench/bare_store_server (EvidenceService upload/download with only the SHA-256 and the SDK's "
        "locked put/get; no auth, database, custody or audit), and a grpc.aio stream with no S3 at all. "
        "Load average (1, 5, 15 min) before "
        f"{load_text(load_before)}, after {load_text(os.getloadavg())}.",
    )


if __name__ == "__main__":
    asyncio.run(main())
