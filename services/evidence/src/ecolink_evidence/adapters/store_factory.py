"""Chooses the object store from settings: MinIO/S3 when an endpoint is set, else files under var/objects."""

from __future__ import annotations

from minio import Minio

from ecolink_common.settings import PlatformSettings
from ecolink_evidence.adapters.filesystem_store import FilesystemObjectStore
from ecolink_evidence.adapters.s3_store import S3ObjectStore
from ecolink_evidence.service_layer.ports import ObjectStore
from ecolink_evidence.settings import EvidenceSettings


def build_object_store(settings: EvidenceSettings, platform: PlatformSettings) -> ObjectStore:
    if not settings.s3_endpoint:
        return FilesystemObjectStore(platform.var_dir / "objects")
    client = Minio(
        settings.s3_endpoint,
        access_key=settings.s3_access_key,
        secret_key=settings.s3_secret_key.get_secret_value(),
        secure=settings.s3_secure,
        region=settings.s3_region,
    )
    return S3ObjectStore(
        client,
        bucket=settings.s3_bucket,
        object_lock=settings.s3_object_lock,
        part_bytes=settings.multipart_part_bytes,
        parallel_parts=settings.s3_parallel_part_uploads,
    )
