"""Settings of the alerts service, read from `ALERTS_*` environment variables."""

from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from ecolink_common.settings import ServiceSettings


class AlertsSettings(ServiceSettings):
    """`ALERTS_DATABASE_URL`, `ALERTS_GRPC_HOST`, `ALERTS_GRPC_PORT` (default 50051)."""

    service_name: ClassVar[str] = "alerts"
    default_port: ClassVar[int] = 50051
    model_config = SettingsConfigDict(env_prefix="ALERTS_", extra="ignore")
