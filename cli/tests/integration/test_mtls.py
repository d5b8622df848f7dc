"""mTLS for agency endpoints with the development CA of `ecolink certs`: certificate and token must agree."""

from __future__ import annotations

import grpc
import pytest

from ecolink.common.v1 import identity_service_pb2, identity_service_pb2_grpc
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_cli.dev_certs import issue_development_certificates
from ecolink_common.testing.platform import platform_settings_for_tests, prepared_service
from ecolink_common.testing.rpc import rpc_failure


@pytest.fixture
async def mtls_service(tmp_path, database_url):
    certs = issue_development_certificates(tmp_path / "certs", ["psb-360800", "eeb-360800"])
    platform = platform_settings_for_tests(
        tmp_path / "var",
        tls_cert_file=certs["server"].cert_file,
        tls_key_file=certs["server"].key_file,
        tls_client_ca_file=certs["ca"].cert_file,
    )
    service = await prepared_service(ALERTS, platform, database_url)
    yield service, certs
    await service.running.stop()


def channel_as(target: str, certs, agency_id: str | None) -> grpc.aio.Channel:
    ca = certs["ca"].cert_file.read_bytes()
    if agency_id is None:
        credentials = grpc.ssl_channel_credentials(root_certificates=ca)
    else:
        pair = certs[agency_id]
        credentials = grpc.ssl_channel_credentials(ca, pair.key_file.read_bytes(), pair.cert_file.read_bytes())
    return grpc.aio.secure_channel(target.replace("127.0.0.1", "localhost"), credentials)


async def test_agency_with_its_certificate_and_token_is_authenticated_by_both(mtls_service):
    service, certs = mtls_service
    async with channel_as(service.target, certs, "psb-360800") as channel:
        stub = identity_service_pb2_grpc.IdentityServiceStub(channel)
        response = await stub.WhoAmI(identity_service_pb2.WhoAmIRequest(), metadata=service.metadata("psb-360800"))
    assert (response.agency.agency_id, response.authentication_method) == ("psb-360800", "bearer+mtls")


async def test_token_of_another_agency_than_the_certificate_is_refused(mtls_service):
    service, certs = mtls_service
    async with channel_as(service.target, certs, "psb-360800") as channel:
        stub = identity_service_pb2_grpc.IdentityServiceStub(channel)
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await stub.WhoAmI(identity_service_pb2.WhoAmIRequest(), metadata=service.metadata("eeb-360800"))
    failure = rpc_failure(raised.value)
    assert (failure.code, failure.reason) == (grpc.StatusCode.UNAUTHENTICATED, "CERTIFICATE_AGENCY_MISMATCH")


async def test_client_without_certificate_cannot_connect(mtls_service):
    service, certs = mtls_service
    async with channel_as(service.target, certs, None) as channel:
        stub = identity_service_pb2_grpc.IdentityServiceStub(channel)
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await stub.WhoAmI(identity_service_pb2.WhoAmIRequest(), metadata=service.metadata("psb-360800"), timeout=5)
    assert raised.value.code() == grpc.StatusCode.UNAVAILABLE
