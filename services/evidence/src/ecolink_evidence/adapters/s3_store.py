"""The object store on MinIO or any S3 endpoint through the `minio` SDK: object lock, COMPLIANCE retention."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from minio import Minio
from minio.commonconfig import COMPLIANCE
from minio.error import S3Error
from minio.retention import Retention

from ecolink_evidence.service_layer.ports import StoredObject

MISSING_CODES = frozenset({"NoSuchKey", "NoSuchObject", "NoSuchVersion", "NotFound"})


class S3ObjectStore:
    """One bucket created with object lock; every object written with COMPLIANCE retention, never overwritten."""

    def __init__(self, client: Minio, *, bucket: str, object_lock: bool, part_bytes: int, parallel_parts: int):
        self._client = client
        self._bucket = bucket
        self._object_lock = object_lock
        self._part_bytes = part_bytes
        self._parallel_parts = parallel_parts

    def ensure_ready(self) -> None:
        if not self._client.bucket_exists(self._bucket):
            self._client.make_bucket(self._bucket, object_lock=self._object_lock)

    def find(self, key: str) -> StoredObject | None:
        try:
            stat = self._client.stat_object(self._bucket, key)
        except S3Error as error:
            if error.code in MISSING_CODES:
                return None
            raise
        return StoredObject(key, stat.version_id or "")

    def put_file(
        self, key: str, path: Path, *, size: int, sha256: str, content_type: str, retain_until: datetime
    ) -> StoredObject:
        retention = Retention(COMPLIANCE, retain_until) if self._object_lock else None
        # A single locked PUT must carry a checksum (S3 requires Content-MD5 or an SDK checksum; minio-py
        # sends neither over plain HTTP). Multipart parts of a locked upload do not need it.
        metadata: dict[str, str | list[str] | tuple[str]] = {}
        if size <= self._part_bytes:
            digest = base64.b64encode(bytes.fromhex(sha256)).decode()
            metadata = {"x-amz-sdk-checksum-algorithm": "SHA256", "x-amz-checksum-sha256": digest}
        result = self._client.fput_object(
            self._bucket,
            key,
            str(path),
            content_type=content_type,
            metadata=metadata or None,
            retention=retention,
            part_size=self._part_bytes,
            num_parallel_uploads=self._parallel_parts,
        )
        return StoredObject(key, result.version_id or "")

    def read(self, stored: StoredObject, chunk_bytes: int) -> Iterator[bytes]:
        response = self._client.get_object(self._bucket, stored.key, version_id=stored.version_id or None)
        try:
            yield from response.stream(chunk_bytes)
        finally:
            response.close()
            response.release_conn()

    def set_legal_hold(self, stored: StoredObject, on: bool) -> None:
        if not self._object_lock:
            return
        version = stored.version_id or None
        if on:
            self._client.enable_object_legal_hold(self._bucket, stored.key, version_id=version)
        else:
            self._client.disable_object_legal_hold(self._bucket, stored.key, version_id=version)

    def download_url(self, stored: StoredObject, *, filename: str, ttl_seconds: int) -> str:
        disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
        return self._client.presigned_get_object(
            self._bucket,
            stored.key,
            expires=timedelta(seconds=ttl_seconds),
            version_id=stored.version_id or None,
            response_headers={"response-content-disposition": disposition},
        )
