"""The evidence service as the platform runner, the CLI and the tests start it."""

from pathlib import Path

from ecolink_common.service_spec import ServiceSpec
from ecolink_evidence.settings import EvidenceSettings

SPEC = ServiceSpec(
    name="evidence",
    settings_type=EvidenceSettings,
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations" / "versions",
)
