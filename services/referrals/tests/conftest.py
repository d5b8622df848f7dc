"""Fixtures of the referrals tests: alerts (demo registry), evidence and cases beside the referrals service, each on
its own database of the same backend and on port 0; cases and referrals read the time from one fake clock."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from ecolink.cases.v1 import case_service_pb2_grpc
from ecolink.evidence.v1 import evidence_service_pb2_grpc
from ecolink.referrals.v1 import transfer_service_pb2_grpc
from ecolink_cases.service import SPEC as CASES
from ecolink_cases.testing import COUNTY, COUNTY_OFFICERS, CaseWalk, details
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import ServiceUnderTest, prepared_service
from ecolink_common.testing.s3 import S3Endpoint, running_s3_server, service_s3_settings
from ecolink_evidence.service import SPEC as EVIDENCE
from ecolink_evidence.testing import upload_chunks
from ecolink_referrals.service import SPEC as REFERRALS
from ecolink_referrals.testing import Receiver, webhook_receiver


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[S3Endpoint]:
    with running_s3_server() as endpoint:
        yield endpoint


@pytest.fixture
async def evidence_on_s3(
    platform, evidence_database_url, alerts_beside, s3_endpoint
) -> AsyncIterator[ServiceUnderTest]:
    """The evidence service on MinIO's code path (moto's S3 server), for the walks the issue asks for on S3."""
    settings = service_s3_settings(s3_endpoint)
    service = await prepared_service(
        EVIDENCE, platform, evidence_database_url, alerts_target=alerts_beside.target, **settings
    )
    yield service
    await service.running.stop()


@pytest.fixture
async def cases_service(
    platform, cases_database_url, alerts_beside, evidence_beside, clock
) -> AsyncIterator[ServiceUnderTest]:
    service = await prepared_service(
        CASES,
        platform,
        cases_database_url,
        clock=clock,
        alerts_target=alerts_beside.target,
        evidence_target=evidence_beside.target,
    )
    yield service
    await service.running.stop()


@pytest.fixture
async def referrals_service(
    platform, database_url, cases_service, evidence_beside, clock
) -> AsyncIterator[ServiceUnderTest]:
    service = await prepared_service(
        REFERRALS,
        platform,
        database_url,
        clock=clock,
        cases_target=cases_service.target,
        evidence_target=evidence_beside.target,
    )
    yield service
    await service.running.stop()


@pytest.fixture
async def cases(cases_service) -> AsyncIterator[case_service_pb2_grpc.CaseServiceStub]:
    async with stubs(cases_service, case_service_pb2_grpc.CaseServiceStub) as stub:
        yield stub


@pytest.fixture
async def evidence(evidence_beside) -> AsyncIterator[evidence_service_pb2_grpc.EvidenceServiceStub]:
    async with stubs(evidence_beside, evidence_service_pb2_grpc.EvidenceServiceStub) as stub:
        yield stub


@pytest.fixture
async def transfers(referrals_service) -> AsyncIterator[transfer_service_pb2_grpc.TransferServiceStub]:
    async with stubs(referrals_service, transfer_service_pb2_grpc.TransferServiceStub) as stub:
        yield stub


ITEMS = (b"DA001 kiln stack photo", "现场检查笔录 inspection record".encode(), b"CEMS export 2026-11-18.csv")


async def _investigated_case(walk: CaseWalk, evidence, evidence_beside) -> list[str]:
    """Registered (approved by the city), under investigation, one record citing three items; their names."""
    await walk.create()
    await walk.approve("RegisterCase")
    await walk.step("RegisterCase")
    await walk.step("StartInvestigation")
    county = evidence_beside.metadata(COUNTY)
    names = [(await upload_chunks(evidence, [item], county, size=len(item), subject=walk.name)).name for item in ITEMS]
    record = details(*COUNTY_OFFICERS, note="现场检查 on-site inspection")
    record.evidence.extend(names)
    await walk.step("RecordInvestigation", details=record)
    return names


@pytest.fixture
def walk(cases, cases_service) -> CaseWalk:
    return CaseWalk(cases, cases_service)


@pytest.fixture
def investigated_case():
    """Registers, investigates and cites three evidence items in a Lingbi county case; returns their names."""
    return _investigated_case


@pytest.fixture
def receiver() -> Iterator[tuple[Receiver, str]]:
    """A webhook endpoint that refuses until `down` is set False."""
    with webhook_receiver() as endpoint:
        yield endpoint
