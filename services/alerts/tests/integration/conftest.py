"""Fixtures the alerts integration tests share: clients of every alerts API over one channel to the service with the
demo registry loaded, and the HJ 212 gateway's ports on the test database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import grpc
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


@dataclass
class Clients:
    """One stub per alerts API, sharing the channel."""

    monitoring: monitoring_service_pb2_grpc.MonitoringServiceStub
    alerts: alert_service_pb2_grpc.AlertServiceStub
    grading: grading_service_pb2_grpc.GradingServiceStub
    registry: registry_service_pb2_grpc.RegistryServiceStub


@pytest.fixture
async def clients(alerts_service, database_url) -> AsyncIterator[Clients]:
    """Clients of the alerts service (a module may override `alerts_service`, e.g. to give it a fake clock), with
    the demo registry loaded."""
    await load_demo_registry(alerts_service)
    async with grpc.aio.insecure_channel(alerts_service.target) as channel:
        yield Clients(
            monitoring_service_pb2_grpc.MonitoringServiceStub(channel),
            alert_service_pb2_grpc.AlertServiceStub(channel),
            grading_service_pb2_grpc.GradingServiceStub(channel),
            registry_service_pb2_grpc.RegistryServiceStub(channel),
        )
