"""The platform the example client is tested against: alerts (demo registry), evidence, cases and referrals on port 0,
each on its own database of the backend under test, served either in plaintext with the evidence in the embedded
file store (a development install) or under mTLS with the development CA and the evidence on an S3 server
(presigned http URLs), as production runs it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest

from ecolink.cases.v1 import case_service_pb2_grpc
from ecolink.evidence.v1 import evidence_service_pb2_grpc
from ecolink.referrals.v1 import transfer_service_pb2_grpc
from ecolink_cases.service import SPEC as CASES
from ecolink_cases.testing import COUNTY, COUNTY_OFFICERS, CaseWalk, details
from ecolink_cli.dev_certs import IssuedPair, issue_development_certificates
from ecolink_common.settings import PLATFORM_SERVICES, PlatformSettings
from ecolink_common.testing.platform import ServiceUnderTest, platform_settings_for_tests, prepared_service
from ecolink_common.testing.s3 import S3Endpoint, running_s3_server, service_s3_settings
from ecolink_evidence.service import SPEC as EVIDENCE
from ecolink_evidence.testing import upload_chunks
from ecolink_referrals.service import SPEC as REFERRALS
from ecolink_referrals.testing import POLICE, transfer_request

ITEMS = (b"DA001 kiln stack photo", "现场检查笔录 inspection record".encode(), b"CEMS export 2026-11-18.csv")
# The certificate the test's own setup calls go over under mTLS: a platform service's, which may carry the bureaus'
# own tokens (the police client presents its agency certificate).
SETUP_CERTIFICATE = "service-cases"


@dataclass(frozen=True)
class Setup:
    """How the platform under test is served."""

    transport: str  # "plaintext" or "mtls"
    store: str  # "files" or "s3"
    certs: dict[str, IssuedPair]

    @property
    def mtls(self) -> bool:
        return self.transport == "mtls"


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[S3Endpoint]:
    with running_s3_server() as endpoint:
        yield endpoint


@pytest.fixture(params=["plaintext-files", "mtls-s3"])
def setup(request: pytest.FixtureRequest, tmp_path: Path) -> Setup:
    transport, store = str(request.param).split("-")
    certs = {}
    if transport == "mtls":
        certs = issue_development_certificates(tmp_path / "var" / "certs", [POLICE, COUNTY], PLATFORM_SERVICES)
    return Setup(transport, store, certs)


@pytest.fixture
def platform(setup: Setup, tmp_path: Path) -> PlatformSettings:
    """The root conftest's platform, under mTLS when the setup says so (each service finds its own client
    certificate under var/certs)."""
    if not setup.mtls:
        return platform_settings_for_tests(tmp_path / "var")
    return platform_settings_for_tests(
        tmp_path / "var",
        tls_cert_file=setup.certs["server"].cert_file,
        tls_key_file=setup.certs["server"].key_file,
        tls_client_ca_file=setup.certs["ca"].cert_file,
    )


@pytest.fixture
async def evidence_service(
    request: pytest.FixtureRequest, setup: Setup, platform, evidence_database_url, alerts_beside
) -> AsyncIterator[ServiceUnderTest]:
    store = service_s3_settings(request.getfixturevalue("s3_endpoint")) if setup.store == "s3" else {}
    service = await prepared_service(
        EVIDENCE, platform, evidence_database_url, alerts_target=alerts_beside.target, **store
    )
    yield service
    await service.running.stop()


@pytest.fixture
async def cases_service(
    platform, cases_database_url, alerts_beside, evidence_service
) -> AsyncIterator[ServiceUnderTest]:
    service = await prepared_service(
        CASES, platform, cases_database_url, alerts_target=alerts_beside.target, evidence_target=evidence_service.target
    )
    yield service
    await service.running.stop()


@pytest.fixture
async def referrals_service(platform, database_url, cases_service, evidence_service) -> AsyncIterator[ServiceUnderTest]:
    service = await prepared_service(
        REFERRALS,
        platform,
        database_url,
        cases_target=cases_service.target,
        evidence_target=evidence_service.target,
    )
    yield service
    await service.running.stop()


@asynccontextmanager
async def setup_channel(setup: Setup, service: ServiceUnderTest) -> AsyncIterator[grpc.aio.Channel]:
    """The test's own channel to a service: plaintext, or TLS with a platform service's client certificate."""
    if not setup.mtls:
        channel = grpc.aio.insecure_channel(service.target)
    else:
        pair = setup.certs[SETUP_CERTIFICATE]
        credentials = grpc.ssl_channel_credentials(
            setup.certs["ca"].cert_file.read_bytes(), pair.key_file.read_bytes(), pair.cert_file.read_bytes()
        )
        channel = grpc.aio.secure_channel(service.target, credentials)
    async with channel:
        yield channel


@pytest.fixture
async def cases(setup, cases_service) -> AsyncIterator[case_service_pb2_grpc.CaseServiceStub]:
    async with setup_channel(setup, cases_service) as channel:
        yield case_service_pb2_grpc.CaseServiceStub(channel)


@pytest.fixture
async def evidence(setup, evidence_service) -> AsyncIterator[evidence_service_pb2_grpc.EvidenceServiceStub]:
    async with setup_channel(setup, evidence_service) as channel:
        yield evidence_service_pb2_grpc.EvidenceServiceStub(channel)


@pytest.fixture
async def transfers(setup, referrals_service) -> AsyncIterator[transfer_service_pb2_grpc.TransferServiceStub]:
    async with setup_channel(setup, referrals_service) as channel:
        yield transfer_service_pb2_grpc.TransferServiceStub(channel)


@pytest.fixture
async def sent_transfer(cases, cases_service, evidence, evidence_service, transfers, referrals_service):
    """The Lingbi county case, registered and investigated with three evidence items cited, transferred to the
    Suzhou police and sent (its head approving in the same call): the transfer as the county got it."""
    walk = CaseWalk(cases, cases_service)
    await walk.create()
    await walk.approve("RegisterCase")
    await walk.step("RegisterCase")
    await walk.step("StartInvestigation")
    county = evidence_service.metadata(COUNTY)
    names = [(await upload_chunks(evidence, [item], county, size=len(item), subject=walk.name)).name for item in ITEMS]
    record = details(*COUNTY_OFFICERS, note="现场检查 on-site inspection")
    record.evidence.extend(names)
    await walk.step("RecordInvestigation", details=record)
    response = await transfers.TransferCase(transfer_request(walk.name), metadata=referrals_service.metadata(COUNTY))
    assert [item.evidence for item in response.transfer.evidence] == names
    return response.transfer
