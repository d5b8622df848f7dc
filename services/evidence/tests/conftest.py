"""Fixtures of the evidence tests: an S3 server on loopback, the service on each object store, and the alerts
service beside it for alert subjects."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from ecolink.evidence.v1 import evidence_service_pb2_grpc
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import ServiceUnderTest, prepared_service
from ecolink_common.testing.s3 import S3Endpoint, running_s3_server, service_s3_settings
from ecolink_evidence.service import SPEC as EVIDENCE


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[S3Endpoint]:
    with running_s3_server() as endpoint:
        yield endpoint


@pytest.fixture(params=["s3", "filesystem"])
def store_kind(request: pytest.FixtureRequest) -> str:
    """Every evidence behaviour runs on MinIO's code path (moto) and on the embedded filesystem store."""
    return str(request.param)


@pytest.fixture
def evidence_settings(store_kind: str, s3_endpoint: S3Endpoint) -> dict[str, object]:
    return service_s3_settings(s3_endpoint) if store_kind == "s3" else {}


@pytest.fixture
async def evidence_service(platform, database_url, evidence_settings) -> AsyncIterator[ServiceUnderTest]:
    service = await prepared_service(EVIDENCE, platform, database_url, **evidence_settings)
    yield service
    await service.running.stop()


@pytest.fixture
async def evidence_stub(evidence_service) -> AsyncIterator[evidence_service_pb2_grpc.EvidenceServiceStub]:
    async with stubs(evidence_service, evidence_service_pb2_grpc.EvidenceServiceStub) as stub:
        yield stub


@pytest.fixture
async def evidence_asking_alerts(platform, database_url, alerts_beside) -> AsyncIterator[ServiceUnderTest]:
    """The evidence service (filesystem store) asking that alerts service about `alerts/…` subjects."""
    service = await prepared_service(EVIDENCE, platform, database_url, alerts_target=alerts_beside.target)
    yield service
    await service.running.stop()
