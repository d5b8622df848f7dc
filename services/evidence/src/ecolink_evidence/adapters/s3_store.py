"""The object store on MinIO or any S3 endpoint through the `minio` SDK: object lock, COMPLIANCE retention."""

from __future__ import annotations

import base64
from collections.abc import Generator
from datetime import datetime, timedelta
from typing import BinaryIO, cast
from urllib.parse import quote

from minio import Minio
from minio.commonconfig import COMPLIANCE
from minio.retention import Retention

from ecolink_evidence.service_layer.ports import ByteSource, StoredObject


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

    def put(
        self, key: str, body: ByteSource, *, size: int, sha256: str, content_type: str, retain_until: datetime
    ) -> StoredObject:
        # The bucket is versioned under object lock: writing a key again adds a version and leaves the
        # locked one untouched, so equal bytes uploaded twice never replace anything.
        retention = Retention(COMPLIANCE, retain_until) if self._object_lock else None
        # A single locked PUT must carry a checksum (S3 requires Content-MD5 or an SDK checksum; minio-py
        # sends neither over plain HTTP). Multipart parts of a locked upload do not need it.
        metadata: dict[str, str | list[str] | tuple[str]] = {}
        if size <= self._part_bytes:
            digest = base64.b64encode(bytes.fromhex(sha256)).decode()
            metadata = {"x-amz-sdk-checksum-algorithm": "SHA256", "x-amz-checksum-sha256": digest}
        # If body.read raises, put_object aborts the multipart upload it started: no object remains.
        result = self._client.put_object(
            self._bucket,
            key,
            cast(BinaryIO, body),
            size,
            content_type=content_type,
            metadata=metadata or None,
            retention=retention,
            part_size=self._part_bytes,
            num_parallel_uploads=self._parallel_parts,
        )
        return StoredObject(key, result.version_id or "")

    def read(self, stored: StoredObject, chunk_bytes: int) -> Generator[bytes, None, None]:
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
