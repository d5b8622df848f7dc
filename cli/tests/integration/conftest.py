"""Fixtures of the CLI tests beside the root ones: the HJ 212 gateway on a real socket, as its process builds it, and
the alerts (with the demo data), evidence, cases and referrals services side by side, each on its own database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from ecolink_alerts.adapters.gateway_ports import RegistryDeviceDirectory, gateway_sink
from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.gateway.server import RunningGateway, start_gateway
from ecolink_alerts.gateway.settings import GatewaySettings
from ecolink_alerts.gateway.status_file import status_path
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_alerts.testing import load_demo_registry
from ecolink_cases.service import SPEC as CASES
from ecolink_cli.demo_monitoring import FORWARDING_AGENCY, send_demo_day
from ecolink_common.clock import FakeClock
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.testing.databases import enabled_backends, throwaway_database
from ecolink_common.testing.platform import ServiceUnderTest, prepared_service
from ecolink_evidence.service import SPEC as EVIDENCE
from ecolink_referrals.service import SPEC as REFERRALS


@pytest.fixture(params=enabled_backends()[-1:])
def backend(request: pytest.FixtureRequest) -> str:
    """The CLI is tested over the services' APIs on one backend, the production one when enabled: the SQLite ×
    PostgreSQL matrix of the adapters and APIs lives in the services' own tests (and CI stays under its budget)."""
    return str(request.param)


# 18:00 in China on 2026-11-20: "today" for the cases service under test.
CASES_TODAY = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


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


@pytest.fixture
async def demo_alerts_service(alerts_service) -> ServiceUnderTest:
    """The alerts service with the demo registry and the demo day of monitoring data `ecolink run` forwards."""
    await load_demo_registry(alerts_service)
    await asyncio.to_thread(send_demo_day, alerts_service.token(FORWARDING_AGENCY), alerts_service.target)
    return alerts_service


@pytest.fixture
async def evidence_service(platform, backend, tmp_path, demo_alerts_service) -> AsyncIterator[ServiceUnderTest]:
    """The evidence service (filesystem store) on its own database, asking that alerts service about alerts."""
    async with throwaway_database(backend, tmp_path, "evidence") as url:
        service = await prepared_service(EVIDENCE, platform, url, alerts_target=demo_alerts_service.target)
        yield service
        await service.running.stop()


@pytest.fixture
async def cases_service(
    platform, backend, tmp_path, demo_alerts_service, evidence_service
) -> AsyncIterator[ServiceUnderTest]:
    """The cases service on its own database, reading units and cited evidence from those services, its day fixed
    at CASES_TODAY so that the legal deadlines the tests read are the same whenever they run."""
    async with throwaway_database(backend, tmp_path, "cases") as url:
        service = await prepared_service(
            CASES,
            platform,
            url,
            clock=FakeClock(CASES_TODAY),
            alerts_target=demo_alerts_service.target,
            evidence_target=evidence_service.target,
        )
        yield service
        await service.running.stop()


@pytest.fixture
def referrals_clock() -> FakeClock:
    """The referrals service's time, from CASES_TODAY: a test moves it to let a legal deadline pass."""
    return FakeClock(CASES_TODAY)


@pytest.fixture
async def referrals_service(
    platform, backend, tmp_path, cases_service, evidence_service, referrals_clock
) -> AsyncIterator[ServiceUnderTest]:
    """The referrals service on its own database, reading dossiers from that cases service and handing evidence over
    through that evidence service, on `referrals_clock`."""
    async with throwaway_database(backend, tmp_path, "referrals") as url:
        service = await prepared_service(
            REFERRALS,
            platform,
            url,
            clock=referrals_clock,
            cases_target=cases_service.target,
            evidence_target=evidence_service.target,
        )
        yield service
        await service.running.stop()
