"""Fixtures of the cases tests: the alerts service (demo registry) and the evidence service beside the cases service,
all on port 0 on the same backend, the cases service reading the time from a fake clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from ecolink.cases.v1 import case_service_pb2_grpc
from ecolink_cases.service import SPEC as CASES
from ecolink_common.clock import FakeClock
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import ServiceUnderTest, prepared_service
from ecolink_evidence.service import SPEC as EVIDENCE

# 18:00 in China on 2026-11-20: the platform's "today" in these tests, whatever the machine's date.
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
async def evidence_beside_cases(platform, evidence_database_url, alerts_beside) -> AsyncIterator[ServiceUnderTest]:
    """The evidence service (filesystem store) whose items the cases service reads with the caller's token."""
    service = await prepared_service(EVIDENCE, platform, evidence_database_url, alerts_target=alerts_beside.target)
    yield service
    await service.running.stop()


@pytest.fixture
def cases_settings() -> dict[str, object]:
    return {}


@pytest.fixture
async def cases_service(
    platform, database_url, alerts_beside, evidence_beside_cases, clock, cases_settings
) -> AsyncIterator[ServiceUnderTest]:
    service = await prepared_service(
        CASES,
        platform,
        database_url,
        clock=clock,
        alerts_target=alerts_beside.target,
        evidence_target=evidence_beside_cases.target,
        **cases_settings,
    )
    yield service
    await service.running.stop()


@pytest.fixture
async def cases(cases_service) -> AsyncIterator[case_service_pb2_grpc.CaseServiceStub]:
    async with stubs(cases_service, case_service_pb2_grpc.CaseServiceStub) as stub:
        yield stub
