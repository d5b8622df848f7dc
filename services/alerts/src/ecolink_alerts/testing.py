"""Helpers for alerts tests and benchmarks: the demo registry loaded into a service under test, its device
passwords digested with that service's own key (as `make run` loads it), never a key under the repository's var/."""

from __future__ import annotations

from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.domain.device_passwords import DevicePasswords
from ecolink_alerts.service_layer.registry_loading import RegistryLoad, load_registry_file
from ecolink_alerts.settings import AlertsSettings
from ecolink_common.testing.platform import ServiceUnderTest


def service_passwords(service: ServiceUnderTest) -> DevicePasswords:
    """The device-password digests of the alerts service under test (its key under its own var/keys)."""
    settings = service.settings
    assert isinstance(settings, AlertsSettings)
    return device_passwords(settings.device_password_key_path(service.platform))


async def load_demo_registry(service: ServiceUnderTest) -> RegistryLoad:
    """Loads `ALERTS_REGISTRY_FILE` (the demo registry) into the database of the alerts service under test."""
    settings = service.settings
    assert isinstance(settings, AlertsSettings)
    url = settings.resolved_database_url(service.platform)
    return await load_registry_file(url, settings.registry_file, passwords=service_passwords(service))
