"""mTLS for agency endpoints with the development CA of `ecolink certs`: certificate and token must agree; a
platform service calls another with its own client certificate, carrying a caller's token or its own credential."""

from __future__ import annotations

import grpc
import pytest

from ecolink.common.v1 import identity_service_pb2, identity_service_pb2_grpc
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_cases.settings import CasesSettings
from ecolink_cli.dev_certs import issue_development_certificates
from ecolink_common.auth.service_tokens import ServiceTokenMinter
from ecolink_common.calls.channel import client_tls
from ecolink_common.calls.client import RemoteMethod, ServiceClient
from ecolink_common.calls.credentials import ActingForAgency, CallerCredentials
from ecolink_common.calls.endpoint import Endpoint
from ecolink_common.directory import read_directory_file
from ecolink_common.errors import Unauthenticated
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.platform import platform_settings_for_tests, prepared_service
from ecolink_common.testing.rpc import rpc_failure

IDENTITY = identity_service_pb2.DESCRIPTOR.services_by_name["IdentityService"]
WHO_AM_I = RemoteMethod.of(IDENTITY, "WhoAmI", identity_service_pb2.WhoAmIResponse)
GET_AGENCY = RemoteMethod.of(IDENTITY, "GetAgency", identity_service_pb2.GetAgencyResponse)


@pytest.fixture
async def mtls_service(tmp_path, database_url):
    certs = issue_development_certificates(tmp_path / "certs", ["psb-360800", "eeb-360800"], ["cases", "evidence"])
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


def cases_client(service, certs, *, as_service: str = "service-cases") -> ServiceClient:
    """The cases service's client of alerts, presenting the client certificate of `as_service`."""
    pair = certs[as_service]
    settings = CasesSettings(tls_client_cert_file=pair.cert_file, tls_client_key_file=pair.key_file)
    return ServiceClient(Endpoint("alerts", service.target), tls=client_tls(service.platform, settings), audit=ignored)


async def ignored(entry) -> None:
    """The calling side's audit is tested with a real log in libs/ecolink-common; here only the channel matters."""


def acting_for(platform, agency_id: str) -> ActingForAgency:
    directory, _ = read_directory_file(platform.directory_file)
    agency = next(a for a in directory.agencies if a.agency_id == agency_id)
    return ActingForAgency(ServiceTokenMinter.for_platform("cases", platform), agency)


async def test_a_service_relays_a_callers_token_over_its_own_client_certificate(mtls_service):
    service, certs = mtls_service
    client = cases_client(service, certs)
    caller = CallerCredentials((f"Bearer {service.token('eeb-341300')}",))
    me = await client.call(WHO_AM_I, identity_service_pb2.WhoAmIRequest(), credentials=caller, resource="me")
    assert (me.agency.agency_id, me.authentication_method) == ("eeb-341300", "bearer+mtls")
    lingbi = "agencies/ent-341323-jiancai"
    await client.call(
        GET_AGENCY, identity_service_pb2.GetAgencyRequest(name=lingbi), credentials=caller, resource=lingbi
    )
    read = [row for row in await audit_rows(service.settings.database_url) if row["action"] == "GetAgency"]
    assert [(r["actor_agency_id"], r["details"]) for r in read] == [("eeb-341300", {"relayed_by": "service:cases"})]


async def test_a_service_credential_over_the_services_own_certificate_is_accepted(mtls_service):
    service, certs = mtls_service
    credentials = acting_for(service.platform, "eeb-341300")
    me = await cases_client(service, certs).call(
        WHO_AM_I, identity_service_pb2.WhoAmIRequest(), credentials=credentials, resource="me"
    )
    assert (me.agency.agency_id, me.authentication_method) == ("eeb-341300", "service-credential+mtls")


async def test_a_service_credential_over_another_services_certificate_is_refused(mtls_service):
    service, certs = mtls_service
    client = cases_client(service, certs, as_service="service-evidence")
    with pytest.raises(Unauthenticated) as raised:
        await client.call(
            WHO_AM_I,
            identity_service_pb2.WhoAmIRequest(),
            credentials=acting_for(service.platform, "eeb-341300"),
            resource="me",
        )
    assert raised.value.metadata["remote_reason"] == "CERTIFICATE_AGENCY_MISMATCH"


async def test_a_service_without_its_client_certificate_does_not_start_its_client(mtls_service, tmp_path):
    service, _ = mtls_service
    settings = CasesSettings(tls_client_cert_file=tmp_path / "absent.crt", tls_client_key_file=tmp_path / "absent.key")
    with pytest.raises(FileNotFoundError, match="CASES_TLS_CLIENT_CERT_FILE"):
        client_tls(service.platform, settings)
