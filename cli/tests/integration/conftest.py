"""Fixtures of the CLI tests beside the root ones: the HJ 212 gateway on a real socket, as its process builds it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from ecolink_alerts.adapters.gateway_ports import RegistryDeviceDirectory, gateway_sink
from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.gateway.server import RunningGateway, start_gateway
from ecolink_alerts.gateway.settings import GatewaySettings
from ecolink_alerts.gateway.status_file import status_path
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.db import create_engine, create_session_factory


@pytest.fixture
async def gateway(alerts_service, database_url) -> AsyncIterator[RunningGateway]:
    """The gateway on a free port over the service's database, writing its status file into the test's var
    directory, and reading the registry on every lookup (so a device registered a moment ago is known at once)."""
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    memory = DeviceMemory(site_max_age=0)

    def uow() -> AlertsUnitOfWork:
        return AlertsUnitOfWork(sessions)

    settings = GatewaySettings(port=0, max_packets_per_commit=100)
    sink = gateway_sink(uow, memory, RuleThresholds(), settings)
    status_file = status_path(alerts_service.platform.var_dir)
    # The service's own key: the device the test registers through the API is digested with it.
    passwords = device_passwords(alerts_service.settings.device_password_key_path(alerts_service.platform))
    running = await start_gateway(settings, RegistryDeviceDirectory(uow, memory), sink, passwords, status_file)
    yield running
    await running.stop()
    await engine.dispose()
