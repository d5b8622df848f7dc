"""Fixtures the alerts integration tests share: the HJ 212 gateway's ports on the test database."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from ecolink_alerts.adapters.gateway_ports import RegistryBackedSink, RegistryDeviceDirectory
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_alerts.settings import AlertsSettings
from ecolink_common.db import create_engine, create_session_factory


@pytest.fixture
async def gateway_ports(database_url) -> AsyncIterator[tuple[RegistryDeviceDirectory, RegistryBackedSink]]:
    """The ports as the gateway process builds them, sharing one device memory; the sink stores packets with the
    receipt time the gateway gives them."""
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    memory = DeviceMemory(site_max_age=AlertsSettings().registry_cache_seconds)
    uow = lambda: AlertsUnitOfWork(sessions)  # noqa: E731
    sink = RegistryBackedSink(uow, memory, thresholds=RuleThresholds(), max_packets_per_commit=100)
    yield RegistryDeviceDirectory(uow, memory), sink
    await engine.dispose()
