"""Settings of the cases service, read from `CASES_*` environment variables."""

from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from ecolink_common.settings import ServiceSettings


class CasesSettings(ServiceSettings):
    """`CASES_DATABASE_URL`, `CASES_GRPC_HOST`, `CASES_GRPC_PORT` (default 50052)."""

    service_name: ClassVar[str] = "cases"
    default_port: ClassVar[int] = 50052
    model_config = SettingsConfigDict(env_prefix="CASES_", extra="ignore")
