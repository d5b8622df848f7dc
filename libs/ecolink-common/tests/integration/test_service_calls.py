"""Calls between services through a real alerts service (and a scripted one) on port 0: the caller's token passed on,
UNAVAILABLE retried and nothing else, service credentials acting for an agency accepted, refused and audited."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import grpc
import pytest

from ecolink.common.v1 import identity_service_pb2, identity_service_pb2_grpc
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_common import operations
from ecolink_common.auth.service_tokens import ServiceTokenMinter
from ecolink_common.calls.call_audit import committed_call_audit
from ecolink_common.calls.client import RemoteMethod, ServiceClient
from ecolink_common.calls.credentials import ActingForAgency, CallerCredentials
from ecolink_common.calls.endpoint import Endpoint
from ecolink_common.clock import FakeClock
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.directory import read_directory_file
from ecolink_common.errors import NotFound, Unauthenticated, Unavailable
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.databases import throwaway_database
from ecolink_common.testing.platform import prepared_service
from ecolink_common.testing.rpc import rpc_failure

IDENTITY = identity_service_pb2.DESCRIPTOR.services_by_name["IdentityService"]
GET_AGENCY = RemoteMethod.of(IDENTITY, "GetAgency", identity_service_pb2.GetAgencyResponse)
WHO_AM_I = RemoteMethod.of(IDENTITY, "WhoAmI", identity_service_pb2.WhoAmIResponse)
LINGBI_ENTERPRISE = "agencies/ent-341323-jiancai"  # seen by the Suzhou bureau above it, not by Ji'an's


def agency(platform, agency_id: str):
    directory, _ = read_directory_file(platform.directory_file)
    return next(a for a in directory.agencies if a.agency_id == agency_id)


def client_of(service, **endpoint) -> ServiceClient:
    return ServiceClient(Endpoint("alerts", service.target, **endpoint), tls=None)


def acting_for(platform, agency_id: str, *, service: str = "cases") -> ActingForAgency:
    return ActingForAgency(ServiceTokenMinter.for_platform(service, platform), agency(platform, agency_id))


async def test_the_callers_token_is_passed_on_and_the_remote_applies_its_own_jurisdiction(alerts_service):
    client = client_of(alerts_service)
    suzhou = CallerCredentials((f"Bearer {alerts_service.token('eeb-341300')}",))
    jian = CallerCredentials((f"Bearer {alerts_service.token('eeb-360800')}",))
    request = identity_service_pb2.GetAgencyRequest(name=LINGBI_ENTERPRISE)
    seen = await client.call(GET_AGENCY, request, credentials=suzhou, resource=LINGBI_ENTERPRISE)
    assert seen.agency.agency_id == "ent-341323-jiancai"
    with pytest.raises(NotFound) as raised:
        await client.call(GET_AGENCY, request, credentials=jian, resource=LINGBI_ENTERPRISE)
    assert (raised.value.reason, raised.value.message) == ("NOT_FOUND", f"{LINGBI_ENTERPRISE} was not found")
    refusal = [row for row in await audit_rows(alerts_service.settings.database_url) if row["outcome"] == "NOT_FOUND"]
    assert [(row["actor_agency_id"], row["resource"]) for row in refusal] == [("eeb-360800", LINGBI_ENTERPRISE)]


async def test_a_refused_caller_token_is_unauthenticated_naming_the_service(alerts_service):
    expired = CallerCredentials((f"Bearer {alerts_service.token('eeb-341300', ttl=timedelta(seconds=-1))}",))
    with pytest.raises(Unauthenticated) as raised:
        await client_of(alerts_service).call(
            WHO_AM_I, identity_service_pb2.WhoAmIRequest(), credentials=expired, resource="whoami"
        )
    assert (raised.value.reason, raised.value.metadata["remote_reason"]) == ("TOKEN_REFUSED_BY_ALERTS", "TOKEN_EXPIRED")


@dataclass
class ScriptedIdentity(identity_service_pb2_grpc.IdentityServiceServicer):
    """Answers WhoAmI with the scripted codes in turn (OK once they run out), keeping the tokens it was sent."""

    codes: list[grpc.StatusCode] = field(default_factory=list)
    seen: list[list[str]] = field(default_factory=list)

    async def WhoAmI(self, request, context):
        self.seen.append([value for key, value in context.invocation_metadata() if key == "authorization"])
        if self.codes:
            await context.abort(self.codes.pop(0), "scripted")
        return identity_service_pb2.WhoAmIResponse(authentication_method="scripted")


@pytest.fixture
async def scripted() -> AsyncIterator[tuple[ScriptedIdentity, ServiceClient]]:
    servicer = ScriptedIdentity()
    server = grpc.aio.server()
    identity_service_pb2_grpc.add_IdentityServiceServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    endpoint = Endpoint("alerts", f"127.0.0.1:{port}", deadline_seconds=5, attempts=3, backoff_seconds=0.01)
    yield servicer, ServiceClient(endpoint, tls=None)
    await server.stop(None)


CALLER = CallerCredentials(("Bearer caller-token",))


async def test_unavailable_is_retried_with_the_same_token_until_it_succeeds(scripted):
    servicer, client = scripted
    servicer.codes[:] = [grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.UNAVAILABLE]
    answer = await client.call(WHO_AM_I, identity_service_pb2.WhoAmIRequest(), credentials=CALLER, resource="me")
    assert (answer.authentication_method, servicer.seen) == ("scripted", [["Bearer caller-token"]] * 3)


async def test_unavailable_past_the_last_attempt_is_the_services_unavailable(scripted):
    servicer, client = scripted
    servicer.codes[:] = [grpc.StatusCode.UNAVAILABLE] * 3
    with pytest.raises(Unavailable) as raised:
        await client.call(WHO_AM_I, identity_service_pb2.WhoAmIRequest(), credentials=CALLER, resource="me")
    assert (raised.value.reason, len(servicer.seen)) == ("ALERTS_UNAVAILABLE", 3)


@pytest.mark.parametrize(
    ("code", "error", "reason"),
    [
        (grpc.StatusCode.NOT_FOUND, NotFound, "NOT_FOUND"),
        (grpc.StatusCode.PERMISSION_DENIED, Unavailable, "ALERTS_UNAVAILABLE"),
        (grpc.StatusCode.DEADLINE_EXCEEDED, Unavailable, "ALERTS_UNAVAILABLE"),
        (grpc.StatusCode.INTERNAL, Unavailable, "ALERTS_UNAVAILABLE"),
        (grpc.StatusCode.UNAUTHENTICATED, Unauthenticated, "TOKEN_REFUSED_BY_ALERTS"),
    ],
)
async def test_other_refusals_are_asked_once_and_mapped(scripted, code, error, reason):
    servicer, client = scripted
    servicer.codes[:] = [code]
    with pytest.raises(error) as raised:
        await client.call(WHO_AM_I, identity_service_pb2.WhoAmIRequest(), credentials=CALLER, resource="agencies/x")
    assert (raised.value.reason, raised.value.metadata["remote_code"], len(servicer.seen)) == (reason, code.name, 1)


async def test_a_call_acting_for_an_agency_needs_an_audit_log(scripted, platform):
    _, client = scripted
    with pytest.raises(RuntimeError):
        await client.call(
            WHO_AM_I,
            identity_service_pb2.WhoAmIRequest(),
            credentials=acting_for(platform, "eeb-341300"),
            resource="me",
        )
    assert not scripted[0].seen


@pytest.fixture
async def caller_database(backend, tmp_path) -> AsyncIterator[str]:
    """The calling service's own database, with its audit log."""
    async with throwaway_database(backend, tmp_path, "caller") as url:
        await operations.migrate(ALERTS, url)
        yield url


@pytest.fixture
async def caller_audit(caller_database):
    engine = create_engine(caller_database)
    yield committed_call_audit(create_session_factory(engine))
    await engine.dispose()


async def test_a_service_credential_is_accepted_and_both_sides_audit_who_acted_for_whom(
    alerts_service, platform, caller_audit, caller_database
):
    client = ServiceClient(Endpoint("alerts", alerts_service.target), tls=None, audit=caller_audit)
    credentials = acting_for(platform, "eeb-341300")
    me = await client.call(WHO_AM_I, identity_service_pb2.WhoAmIRequest(), credentials=credentials, resource="me")
    assert (me.agency.agency_id, me.authentication_method) == ("eeb-341300", "service-credential")
    request = identity_service_pb2.GetAgencyRequest(name=LINGBI_ENTERPRISE)
    await client.call(GET_AGENCY, request, credentials=credentials, resource=LINGBI_ENTERPRISE)

    received = [row for row in await audit_rows(alerts_service.settings.database_url) if row["action"] == "GetAgency"]
    assert [(r["actor_agency_id"], r["outcome"], r["details"]) for r in received] == [
        ("eeb-341300", "ALLOWED", {"acting_service": "service:cases"})
    ]
    sent = await audit_rows(caller_database)
    assert [(r["actor_agency_id"], r["action"], r["resource"], r["outcome"], r["details"]) for r in sent] == [
        (
            "eeb-341300",
            "/ecolink.common.v1.IdentityService/WhoAmI",
            "me",
            "OK",
            {"acting_service": "service:cases", "remote_service": "alerts", "attempts": 1},
        ),
        (
            "eeb-341300",
            "/ecolink.common.v1.IdentityService/GetAgency",
            LINGBI_ENTERPRISE,
            "OK",
            {"acting_service": "service:cases", "remote_service": "alerts", "attempts": 1},
        ),
    ]
    for url in (alerts_service.settings.database_url, caller_database):
        assert (await operations.verify_audit_chain(url)).intact


async def test_the_remote_applies_its_jurisdiction_to_the_agency_acted_for(alerts_service, platform, caller_audit):
    client = ServiceClient(Endpoint("alerts", alerts_service.target), tls=None, audit=caller_audit)
    request = identity_service_pb2.GetAgencyRequest(name=LINGBI_ENTERPRISE)
    with pytest.raises(NotFound):
        await client.call(
            GET_AGENCY, request, credentials=acting_for(platform, "eeb-360800"), resource=LINGBI_ENTERPRISE
        )
    hidden = [row for row in await audit_rows(alerts_service.settings.database_url) if row["outcome"] == "NOT_FOUND"]
    assert [(r["actor_agency_id"], r["reason"], r["details"]) for r in hidden] == [
        ("eeb-360800", "OUTSIDE_JURISDICTION", {"acting_service": "service:cases"})
    ]


@pytest.fixture
async def alerts_allowing_only_evidence(platform, database_url):
    service = await prepared_service(ALERTS, platform, database_url, acting_services_allowed=["evidence"])
    yield service
    await service.running.stop()


async def test_a_receiver_that_does_not_allow_the_service_refuses_it_and_audits_the_refusal(
    alerts_allowing_only_evidence, platform, caller_audit, caller_database
):
    service = alerts_allowing_only_evidence
    async with stubs(service, identity_service_pb2_grpc.IdentityServiceStub) as stub:
        token = acting_for(platform, "eeb-341300").metadata(audience="service:alerts")
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await stub.WhoAmI(identity_service_pb2.WhoAmIRequest(), metadata=token)
    failure = rpc_failure(raised.value)
    assert (failure.code, failure.reason) == (grpc.StatusCode.PERMISSION_DENIED, "ACTING_SERVICE_NOT_ALLOWED")
    client = ServiceClient(Endpoint("alerts", service.target), tls=None, audit=caller_audit)
    evidence = await client.call(
        WHO_AM_I,
        identity_service_pb2.WhoAmIRequest(),
        credentials=acting_for(platform, "eeb-341300", service="evidence"),
        resource="me",
    )
    assert evidence.authentication_method == "service-credential"
    refused = [r for r in await audit_rows(service.settings.database_url) if r["outcome"] == "PERMISSION_DENIED"]
    assert [(r["actor_agency_id"], r["reason"], r["details"]["acting_service"]) for r in refused] == [
        ("eeb-341300", "ACTING_SERVICE_NOT_ALLOWED", "service:cases")
    ]


@pytest.mark.parametrize(
    ("audience", "minted_ago", "reason"),
    [
        ("service:cases", timedelta(0), "TOKEN_AUDIENCE_INVALID"),
        ("service:alerts", timedelta(hours=1), "TOKEN_EXPIRED"),
    ],
    ids=["wrong audience", "expired"],
)
async def test_a_service_token_for_another_audience_or_expired_is_unauthenticated(
    alerts_service, platform, audience, minted_ago, reason
):
    minter = ServiceTokenMinter.for_platform("cases", platform, clock=FakeClock(datetime.now(UTC) - minted_ago))
    token = minter.token(agency(platform, "eeb-341300"), audience=audience)
    async with stubs(alerts_service, identity_service_pb2_grpc.IdentityServiceStub) as stub:
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await stub.WhoAmI(identity_service_pb2.WhoAmIRequest(), metadata=[("authorization", f"Bearer {token}")])
    failure = rpc_failure(raised.value)
    assert (failure.code, failure.reason) == (grpc.StatusCode.UNAUTHENTICATED, reason)
