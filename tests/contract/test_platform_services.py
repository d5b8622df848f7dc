"""The services ecolink_common lets act for agencies by default are exactly the services the platform runs."""

from __future__ import annotations

from ecolink_cli.services import SERVICE_NAMES
from ecolink_common.settings import PLATFORM_SERVICES


def test_the_default_acting_services_are_the_platforms_own():
    assert sorted(PLATFORM_SERVICES) == sorted(SERVICE_NAMES)
