"""Fixtures every test suite shares: platform settings in a temp folder, a database per backend, started services."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ecolink.common.v1 import identity_service_pb2_grpc
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_alerts.testing import load_demo_registry
from ecolink_common.clock import FakeClock
from ecolink_common.settings import PlatformSettings
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.databases import enabled_backends, throwaway_database
from ecolink_common.testing.platform import ServiceUnderTest, platform_settings_for_tests, prepared_service
from ecolink_evidence.service import SPEC as EVIDENCE

TEST_NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture(params=enabled_backends())
def backend(request: pytest.FixtureRequest) -> str:
    """Each database test runs on SQLite (embedded default) and on PostgreSQL (production)."""
    return str(request.param)


@pytest.fixture
async def database_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database on the backend under test, dropped afterwards."""
    async with throwaway_database(backend, tmp_path, "service") as url:
        yield url


@pytest.fixture
async def alerts_database_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """The alerts service's own database beside the service under test, on the same backend."""
    async with throwaway_database(backend, tmp_path, "alerts") as url:
        yield url


@pytest.fixture
async def evidence_database_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """The evidence service's own database beside the service under test, on the same backend."""
    async with throwaway_database(backend, tmp_path, "evidence") as url:
        yield url


@pytest.fixture
async def cases_database_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """The cases service's own database beside the service under test, on the same backend."""
    async with throwaway_database(backend, tmp_path, "cases") as url:
        yield url


@pytest.fixture
def clock() -> FakeClock:
    """18:00 in China on 2026-11-20: the platform's "today" in the tests that move time, whatever the machine's date."""
    return FakeClock(TEST_NOW)


@pytest.fixture
async def evidence_beside(platform, evidence_database_url, alerts_beside) -> AsyncIterator[ServiceUnderTest]:
    """The evidence service (filesystem store) beside the service under test, asking the alerts service beside it
    about alert subjects."""
    service = await prepared_service(EVIDENCE, platform, evidence_database_url, alerts_target=alerts_beside.target)
    yield service
    await service.running.stop()


@pytest.fixture
def platform(tmp_path: Path) -> PlatformSettings:
    return platform_settings_for_tests(tmp_path / "var")


@pytest.fixture
async def alerts_service(platform: PlatformSettings, database_url: str) -> AsyncIterator[ServiceUnderTest]:
    """The alerts service, migrated with the demo directory, serving on a free port."""
    service = await prepared_service(ALERTS, platform, database_url)
    yield service
    await service.running.stop()


@pytest.fixture
async def alerts_beside(platform: PlatformSettings, alerts_database_url: str) -> AsyncIterator[ServiceUnderTest]:
    """The alerts service with the demo registry on its own database and a free port, trusting the same key: the
    service another service under test asks about units and alerts."""
    service = await prepared_service(ALERTS, platform, alerts_database_url)
    await load_demo_registry(service)
    yield service
    await service.running.stop()


@pytest.fixture
async def identity_stub(
    alerts_service: ServiceUnderTest,
) -> AsyncIterator[identity_service_pb2_grpc.IdentityServiceStub]:
    """A client of IdentityService over a real channel."""
    async with stubs(alerts_service, identity_service_pb2_grpc.IdentityServiceStub) as stub:
        yield stub
