"""Fixtures of the cases tests: the alerts service (demo registry) and the evidence service beside the cases service,
all on port 0 on the same backend, the cases service reading the time from a fake clock."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from ecolink.cases.v1 import case_service_pb2_grpc
from ecolink_cases.service import SPEC as CASES
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import ServiceUnderTest, prepared_service


@pytest.fixture
def cases_settings() -> dict[str, object]:
    return {}


@pytest.fixture
async def cases_service(
    platform, database_url, alerts_beside, evidence_beside, clock, cases_settings
) -> AsyncIterator[ServiceUnderTest]:
    service = await prepared_service(
        CASES,
        platform,
        database_url,
        clock=clock,
        alerts_target=alerts_beside.target,
        evidence_target=evidence_beside.target,
        **cases_settings,
    )
    yield service
    await service.running.stop()


@pytest.fixture
async def cases(cases_service) -> AsyncIterator[case_service_pb2_grpc.CaseServiceStub]:
    async with stubs(cases_service, case_service_pb2_grpc.CaseServiceStub) as stub:
        yield stub
