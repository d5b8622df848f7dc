"""Settings of the alerts service, read from `ALERTS_*` environment variables."""

from pathlib import Path
from typing import ClassVar

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from ecolink_common.settings import REPO_ROOT, ServiceSettings


class AlertsSettings(ServiceSettings):
    """`ALERTS_DATABASE_URL`, `ALERTS_GRPC_HOST`, `ALERTS_GRPC_PORT` (default 50051), `ALERTS_REGISTRY_FILE`."""

    service_name: ClassVar[str] = "alerts"
    default_port: ClassVar[int] = 50051
    model_config = SettingsConfigDict(env_prefix="ALERTS_", extra="ignore")

    registry_file: Path = Field(
        default=REPO_ROOT / "data" / "registry" / "demo-registry.json",
        description="The registry data file `ecolink units load-demo` and `make run` load.",
    )
    rule_tick_seconds: float = Field(
        default=60.0, description="How often beat ticks the rule engines (ANOMALY_RULES §C10 offline needs a clock)."
    )
