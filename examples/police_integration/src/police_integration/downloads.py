"""Downloading an evidence item and hashing it on the way: by the short-lived URL the evidence service issues
(`CreateDownloadUrl`: a presigned S3/MinIO link, or a `file://` link on a development install's embedded store), or
streamed over gRPC (`DownloadEvidence`). The bytes go to a temporary file first and keep their name only once their
SHA-256 matches the signed manifest; a mismatching copy is kept beside as `<id>.mismatch` for the investigators."""

from __future__ import annotations

import hashlib
import ssl
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import grpc

from ecolink.evidence.v1 import evidence_service_pb2, evidence_service_pb2_grpc
from police_integration.connection import rpc_error
from police_integration.records import ManifestItem

CHUNK_BYTES = 1 << 20
URL_TTL_MINUTES = 10
# Answers that will not change by asking again: the item is reported as not downloadable and the transfer returned.
REFUSALS = {grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED, grpc.StatusCode.FAILED_PRECONDITION}


class DownloadFailed(Exception):
    """A download that may succeed later (network, an expired URL, the service unavailable): tried again next
    cycle."""


class Refused(Exception):
    """An item the evidence service will not give as the manifest lists it (not found, not granted, stored bytes
    changed): named in the return of the transfer."""


@dataclass(frozen=True)
class Download:
    """What one item's download found."""

    evidence: str
    expected_sha256: str
    sha256: str
    size: int
    path: Path | None
    problem: str = ""
    via: str = ""  # "grpc", or the download URL's scheme

    @property
    def matched(self) -> bool:
        return not self.problem and self.sha256 == self.expected_sha256


class Downloader:
    def __init__(
        self,
        evidence: evidence_service_pb2_grpc.EvidenceServiceStub,
        metadata: Callable[[], list[tuple[str, str]]],
        directory: Path,
        *,
        via: str = "url",
        allow_file_urls: bool = False,
        ssl_context: ssl.SSLContext | None = None,
        timeout: float = 60.0,
    ):
        if via not in ("url", "grpc"):
            raise ValueError("download via 'url' or 'grpc'")
        self._evidence = evidence
        self._metadata = metadata
        self._directory = directory
        self._via = via
        self._allow_file_urls = allow_file_urls
        self._ssl_context = ssl_context
        self._timeout = timeout

    def fetch(self, folder: str, item: ManifestItem) -> Download:
        """Downloads `item` into `<directory>/<folder>/`, hashing it; DownloadFailed when worth trying again."""
        target = self._directory / folder
        target.mkdir(parents=True, exist_ok=True)
        partial = target / f".{item.evidence_id}.part"
        try:
            with partial.open("wb") as out:
                digest, size, via = self._download(item.evidence, out)
        except Refused as refusal:
            partial.unlink(missing_ok=True)
            return Download(item.evidence, item.sha256, "", 0, None, problem=str(refusal), via=self._via)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        matched = digest == item.sha256
        final = target / (item.evidence_id if matched else f"{item.evidence_id}.mismatch")
        partial.replace(final)
        problem = "" if matched else f"SHA-256 {digest} of the downloaded bytes is not the manifest's {item.sha256}"
        return Download(item.evidence, item.sha256, digest, size, final, problem, via)

    def _download(self, name: str, out: BinaryIO) -> tuple[str, int, str]:
        if self._via == "grpc":
            return (*_hashed(self._streamed(name), out), "grpc")
        try:
            answer = self._evidence.CreateDownloadUrl(
                evidence_service_pb2.CreateDownloadUrlRequest(name=name, ttl_minutes=URL_TTL_MINUTES),
                metadata=self._metadata(),
                timeout=self._timeout,
            )
        except grpc.RpcError as error:
            raise _refusal_or_failure("CreateDownloadUrl", error) from error
        return (*_hashed(self._from_url(answer.url), out), urllib.parse.urlsplit(answer.url).scheme)

    def _streamed(self, name: str) -> Iterable[bytes]:
        try:
            for message in self._evidence.DownloadEvidence(
                evidence_service_pb2.DownloadEvidenceRequest(name=name),
                metadata=self._metadata(),
                timeout=self._timeout,
            ):
                if message.WhichOneof("payload") == "chunk":
                    yield message.chunk
        except grpc.RpcError as error:
            if isinstance(error, grpc.Call) and error.code() is grpc.StatusCode.DATA_LOSS:
                raise Refused(f"the evidence service reports the stored bytes changed ({error.details()})") from error
            raise _refusal_or_failure("DownloadEvidence", error) from error

    def _from_url(self, url: str) -> Iterable[bytes]:
        """The URL's bytes; a URL this client is not set up to follow is a failure to fix here, not the bureau's."""
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme == "file":
            if not self._allow_file_urls:
                raise DownloadFailed("the evidence service gave a file:// URL (an embedded store): --allow-file-urls")
            if parsed.netloc not in ("", "localhost"):
                raise DownloadFailed(f"a file:// URL of another host ({parsed.netloc})")
            return _file_chunks(Path(urllib.request.url2pathname(parsed.path)))
        if parsed.scheme not in ("https", "http"):
            raise DownloadFailed(f"the evidence service gave a {parsed.scheme}: URL")
        return self._http_chunks(url)

    def _http_chunks(self, url: str) -> Iterable[bytes]:
        try:
            # The scheme is http(s), checked above.
            with urllib.request.urlopen(url, timeout=self._timeout, context=self._ssl_context) as response:  # noqa: S310
                while chunk := response.read(CHUNK_BYTES):
                    yield chunk
        except (urllib.error.URLError, OSError) as error:
            raise DownloadFailed(f"GET of the download URL failed: {error}") from error


def _refusal_or_failure(method: str, error: grpc.RpcError) -> Exception:
    described = rpc_error(error)
    text = f"{method}: {described['code']} {described['reason']} {described['message']}".strip()
    if isinstance(error, grpc.Call) and error.code() in REFUSALS:
        return Refused(text)
    return DownloadFailed(text)


def _file_chunks(path: Path) -> Iterable[bytes]:
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                yield chunk
    except OSError as error:
        raise DownloadFailed(f"reading {path} failed: {error}") from error


def _hashed(chunks: Iterable[bytes], out: BinaryIO) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    for chunk in chunks:
        digest.update(chunk)
        size += len(chunk)
        out.write(chunk)
    return digest.hexdigest(), size
