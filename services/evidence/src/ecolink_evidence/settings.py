"""Settings of the evidence service, read from `EVIDENCE_*` environment variables."""

from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from ecolink_common.settings import ServiceSettings


class EvidenceSettings(ServiceSettings):
    """`EVIDENCE_DATABASE_URL`, `EVIDENCE_GRPC_HOST`, `EVIDENCE_GRPC_PORT` (default 50054)."""

    service_name: ClassVar[str] = "evidence"
    default_port: ClassVar[int] = 50054
    model_config = SettingsConfigDict(env_prefix="EVIDENCE_", extra="ignore")
