"""Fixtures the alerts integration tests share: stubs of every alerts API over one channel to the service with the
demo registry loaded, and the HJ 212 gateway's ports on the test database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from ecolink.alerts.v1 import (
    alert_service_pb2_grpc,
    grading_service_pb2_grpc,
    monitoring_service_pb2_grpc,
    registry_service_pb2_grpc,
)
from ecolink_alerts.adapters.gateway_ports import RegistryBackedSink, RegistryDeviceDirectory, gateway_sink
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.gateway.settings import GatewaySettings
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_alerts.settings import AlertsSettings
from ecolink_alerts.testing import load_demo_registry
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.testing.channels import stubs


@pytest.fixture
async def gateway_ports(database_url) -> AsyncIterator[tuple[RegistryDeviceDirectory, RegistryBackedSink]]:
    """The ports as the gateway process builds them, sharing one device memory; the sink stores packets with the
    receipt time the gateway gives them."""
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    memory = DeviceMemory(site_max_age=AlertsSettings().registry_cache_seconds)
    uow = lambda: AlertsUnitOfWork(sessions)  # noqa: E731
    sink = gateway_sink(uow, memory, RuleThresholds(), GatewaySettings(max_packets_per_commit=100))
    yield RegistryDeviceDirectory(uow, memory), sink
    await engine.dispose()


@pytest.fixture
async def alerts_stubs(alerts_service, database_url) -> AsyncIterator[tuple[Any, ...]]:
    """Stubs of every alerts API over one channel to the alerts service (a module may override `alerts_service`,
    e.g. to give it a fake clock), with the demo registry loaded."""
    await load_demo_registry(alerts_service)
    async with stubs(
        alerts_service,
        monitoring_service_pb2_grpc.MonitoringServiceStub,
        alert_service_pb2_grpc.AlertServiceStub,
        grading_service_pb2_grpc.GradingServiceStub,
        registry_service_pb2_grpc.RegistryServiceStub,
    ) as opened:
        yield opened


def _one_of_alerts_stubs(index: int, name: str) -> Any:
    """The fixture `name`: stub `index` of `alerts_stubs`."""

    @pytest.fixture(name=name)
    def one_stub(alerts_stubs: tuple[Any, ...]) -> Any:
        return alerts_stubs[index]

    return one_stub


monitoring_stub = _one_of_alerts_stubs(0, "monitoring_stub")
alert_stub = _one_of_alerts_stubs(1, "alert_stub")
grading_stub = _one_of_alerts_stubs(2, "grading_stub")
registry_stub = _one_of_alerts_stubs(3, "registry_stub")
