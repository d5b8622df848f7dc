"""Settings of the referrals service, read from `REFERRALS_*` environment variables."""

from typing import ClassVar

from pydantic_settings import SettingsConfigDict

from ecolink_common.settings import ServiceSettings


class ReferralsSettings(ServiceSettings):
    """`REFERRALS_DATABASE_URL`, `REFERRALS_GRPC_HOST`, `REFERRALS_GRPC_PORT` (default 50053)."""

    service_name: ClassVar[str] = "referrals"
    default_port: ClassVar[int] = 50053
    model_config = SettingsConfigDict(env_prefix="REFERRALS_", extra="ignore")
