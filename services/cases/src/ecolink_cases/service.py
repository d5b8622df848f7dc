"""The cases service as the platform runner, the CLI and the tests start it."""

from pathlib import Path

from ecolink_cases.settings import CasesSettings
from ecolink_common.service_spec import ServiceSpec

SPEC = ServiceSpec(
    name="cases",
    settings_type=CasesSettings,
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations" / "versions",
)
