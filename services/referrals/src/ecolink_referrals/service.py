"""The referrals service as the platform runner, the CLI and the tests start it."""

from pathlib import Path

from ecolink_common.service_spec import ServiceSpec
from ecolink_referrals.settings import ReferralsSettings

SPEC = ServiceSpec(
    name="referrals",
    settings_type=ReferralsSettings,
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations" / "versions",
)
