"""Fixtures of the evidence tests: an S3 server on loopback, and the service on each object store."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import grpc
import pytest

from ecolink.evidence.v1 import evidence_service_pb2_grpc
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
    async with grpc.aio.insecure_channel(evidence_service.target) as channel:
        yield evidence_service_pb2_grpc.EvidenceServiceStub(channel)
