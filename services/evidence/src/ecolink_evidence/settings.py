"""Settings of the evidence service, read from `EVIDENCE_*` environment variables."""

from pathlib import Path
from typing import ClassVar

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from ecolink_common.alerts_caller_settings import AlertsCallerSettings
from ecolink_evidence.domain.model import EvidenceKind

GIB = 1024**3
MIB = 1024**2
YEAR_DAYS = 365

# DOMAIN §5 asks for storage that cannot be altered or deleted during retention but names no period
# (proposed): 30 years for case evidence, 10 years for rectification material. Override per kind with
# EVIDENCE_RETENTION_DAYS='{"photo": 3650}'.
DEFAULT_RETENTION_DAYS = {kind: 30 * YEAR_DAYS for kind in EvidenceKind} | {
    EvidenceKind.RECTIFICATION_BEFORE: 10 * YEAR_DAYS,
    EvidenceKind.RECTIFICATION_AFTER: 10 * YEAR_DAYS,
}


class EvidenceSettings(AlertsCallerSettings):
    """`EVIDENCE_DATABASE_URL`, `EVIDENCE_GRPC_HOST`, `EVIDENCE_GRPC_PORT` (default 50054), storage and limits."""

    service_name: ClassVar[str] = "evidence"
    default_port: ClassVar[int] = 50054
    model_config = SettingsConfigDict(env_prefix="EVIDENCE_", extra="ignore")

    s3_endpoint: str = Field(default="", description="host:port of MinIO/S3; empty keeps objects under var/objects.")
    s3_access_key: str = ""
    s3_secret_key: SecretStr = SecretStr("")
    s3_bucket: str = "ecolink-evidence"
    s3_region: str = "us-east-1"
    s3_secure: bool = False
    s3_object_lock: bool = Field(default=True, description="Create the bucket with object lock (never off in use).")
    max_upload_bytes: int = Field(default=5 * GIB, description="Largest item accepted (issue 3: 5 GiB).")
    transfer_chunk_bytes: int = Field(default=3 * MIB, description="Download chunk; under gRPC's 4 MiB client default.")
    multipart_part_bytes: int = Field(
        default=8 * MIB,
        description="S3 multipart part; each one sits in memory, as does a whole upload no larger than one part.",
    )
    s3_parallel_part_uploads: int = Field(default=1, description="Parts in flight at once (memory: parts × size).")
    retention_days: dict[EvidenceKind, int] = Field(default_factory=lambda: dict(DEFAULT_RETENTION_DAYS))
    download_url_default_minutes: int = 10
    download_url_max_minutes: int = 60
    dossier_signing_key_file: Path | None = Field(
        default=None, description="Ed25519 key that signs dossier manifests; default the platform token key."
    )
    sweep_share: float = Field(default=0.1, description="Share of stored items re-hashed per integrity sweep run.")
    sweep_interval_seconds: float = 3600.0
