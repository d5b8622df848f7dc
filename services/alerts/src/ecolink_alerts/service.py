"""The alerts service as the platform runner, the CLI and the tests start it."""

from pathlib import Path

from ecolink_alerts.settings import AlertsSettings
from ecolink_common.service_spec import ServiceSpec

SPEC = ServiceSpec(
    name="alerts",
    settings_type=AlertsSettings,
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations" / "versions",
)
