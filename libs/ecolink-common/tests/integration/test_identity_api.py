"""IdentityService through a real server on port 0 over a real channel, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import grpc
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ecolink.common.v1 import agency_pb2, identity_service_pb2
from ecolink_common.auth.keys import load_private_key
from ecolink_common.auth.tokens import issue_token
from ecolink_common.directory import Agency, AgencyKind, AgencyLevel
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.platform import ServiceUnderTest
from ecolink_common.testing.rpc import rpc_failure

WHO = identity_service_pb2.WhoAmIRequest()


def bearer(token: str) -> list[tuple[str, str]]:
    return [("authorization", f"Bearer {token}")]


async def failure_of(call) -> object:
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await call
    return rpc_failure(raised.value)


async def test_whoami_answers_the_agency_named_by_the_token(identity_stub, alerts_service: ServiceUnderTest):
    response = await identity_stub.WhoAmI(WHO, metadata=alerts_service.metadata("psb-360800"))
    assert response.agency.agency_id == "psb-360800"
    assert response.agency.kind == agency_pb2.AGENCY_KIND_POLICE
    assert response.agency.region_code == "360800"
    assert response.authentication_method == "bearer"
    assert response.directory_version == "demo-2026.12.4"


async def test_call_without_token_is_unauthenticated(identity_stub):
    failure = await failure_of(identity_stub.WhoAmI(WHO))
    assert (failure.code, failure.reason, failure.domain) == (
        grpc.StatusCode.UNAUTHENTICATED,
        "TOKEN_MISSING",
        "alerts.ecolink",
    )


async def test_expired_token_is_unauthenticated_with_its_own_reason(identity_stub, alerts_service):
    token = alerts_service.token("psb-360800", ttl=timedelta(seconds=-10))
    failure = await failure_of(identity_stub.WhoAmI(WHO, metadata=bearer(token)))
    assert (failure.code, failure.reason) == (grpc.StatusCode.UNAUTHENTICATED, "TOKEN_EXPIRED")


def police(agency_id: str, region_code: str) -> Agency:
    return Agency(
        agency_id=agency_id,
        display_name="x",
        english_name="x",
        kind=AgencyKind.POLICE,
        level=AgencyLevel.CITY,
        region_code=region_code,
    )


async def test_token_signed_by_another_key_is_refused(identity_stub, alerts_service):
    forged = issue_token(
        police("psb-360800", "360800"), key=Ed25519PrivateKey.generate(), issuer="ecolink", ttl=timedelta(minutes=5)
    )
    failure = await failure_of(identity_stub.WhoAmI(WHO, metadata=bearer(forged)))
    assert (failure.code, failure.reason) == (grpc.StatusCode.UNAUTHENTICATED, "TOKEN_SIGNATURE_INVALID")


async def test_token_for_an_agency_not_in_the_directory_is_refused(identity_stub, alerts_service):
    stranger = police("psb-999900", "999900")
    key = load_private_key(alerts_service.platform.private_key_path)
    token = issue_token(stranger, key=key, issuer="ecolink", ttl=timedelta(minutes=5))
    failure = await failure_of(identity_stub.WhoAmI(WHO, metadata=bearer(token)))
    assert (failure.code, failure.reason) == (grpc.StatusCode.UNAUTHENTICATED, "AGENCY_UNKNOWN")


async def test_header_that_is_not_bearer_is_malformed(identity_stub):
    failure = await failure_of(identity_stub.WhoAmI(WHO, metadata=[("authorization", "Basic dXNlcjpwdw==")]))
    assert (failure.code, failure.reason) == (grpc.StatusCode.UNAUTHENTICATED, "TOKEN_MALFORMED")


async def test_garbage_token_is_malformed(identity_stub):
    failure = await failure_of(identity_stub.WhoAmI(WHO, metadata=bearer("not-a-jwt")))
    assert (failure.code, failure.reason) == (grpc.StatusCode.UNAUTHENTICATED, "TOKEN_MALFORMED")


async def test_token_whose_region_no_longer_matches_the_directory_is_stale(identity_stub, alerts_service):
    key = load_private_key(alerts_service.platform.private_key_path)
    claims = {
        "iss": "ecolink",
        "sub": "psb-360800",
        "kind": "police",
        "region": "360900",
        "iat": 0,
        "exp": 4_000_000_000,
    }
    token = jwt.encode(claims, key, algorithm="EdDSA")
    failure = await failure_of(identity_stub.WhoAmI(WHO, metadata=bearer(token)))
    assert (failure.code, failure.reason) == (grpc.StatusCode.UNAUTHENTICATED, "TOKEN_CLAIMS_STALE")


async def test_refused_authentication_is_audited(identity_stub, alerts_service, database_url):
    await failure_of(identity_stub.WhoAmI(WHO, metadata=bearer("not-a-jwt")))
    refused = [row for row in await audit_rows(database_url) if row["outcome"] == "UNAUTHENTICATED"]
    assert refused[-1]["reason"] == "TOKEN_MALFORMED"
    assert refused[-1]["action"] == "/ecolink.common.v1.IdentityService/WhoAmI"


async def test_bureau_reads_an_enterprise_in_its_jurisdiction_and_the_read_is_audited(
    identity_stub, alerts_service, database_url
):
    request = identity_service_pb2.GetAgencyRequest(name="agencies/ent-341323-jiancai")
    response = await identity_stub.GetAgency(request, metadata=alerts_service.metadata("eeb-341300"))
    assert response.agency.display_name == "灵璧县某新型建材有限公司"
    last = (await audit_rows(database_url))[-1]
    assert (last["actor_agency_id"], last["resource"], last["outcome"]) == (
        "eeb-341300",
        "agencies/ent-341323-jiancai",
        "ALLOWED",
    )


@pytest.mark.parametrize("outsider", ["eeb-360800", "psb-341300", "proc-341300"])
async def test_enterprise_outside_jurisdiction_is_not_found_and_the_attempt_audited(
    identity_stub, alerts_service, database_url, outsider
):
    request = identity_service_pb2.GetAgencyRequest(name="agencies/ent-341323-jiancai")
    failure = await failure_of(identity_stub.GetAgency(request, metadata=alerts_service.metadata(outsider)))
    assert (failure.code, failure.reason) == (grpc.StatusCode.NOT_FOUND, "NOT_FOUND")
    last = (await audit_rows(database_url))[-1]
    assert (last["actor_agency_id"], last["outcome"], last["reason"]) == (
        outsider,
        "NOT_FOUND",
        "OUTSIDE_JURISDICTION",
    )


async def test_hidden_enterprise_and_missing_agency_look_the_same(identity_stub, alerts_service):
    hidden = await failure_of(
        identity_stub.GetAgency(
            identity_service_pb2.GetAgencyRequest(name="agencies/ent-341323-jiancai"),
            metadata=alerts_service.metadata("eeb-360800"),
        )
    )
    missing = await failure_of(
        identity_stub.GetAgency(
            identity_service_pb2.GetAgencyRequest(name="agencies/eeb-000000"),
            metadata=alerts_service.metadata("eeb-360800"),
        )
    )
    assert (hidden.code, hidden.reason) == (missing.code, missing.reason)


async def test_malformed_agency_name_is_invalid_argument_naming_the_field(identity_stub, alerts_service):
    request = identity_service_pb2.GetAgencyRequest(name="eeb-360800")
    failure = await failure_of(identity_stub.GetAgency(request, metadata=alerts_service.metadata("eeb-360800")))
    assert (failure.code, failure.reason, failure.fields) == (
        grpc.StatusCode.INVALID_ARGUMENT,
        "INVALID_ARGUMENT",
        ["name"],
    )


@pytest.mark.parametrize(
    ("request_fields", "field"),
    [
        ({"page_size": -1}, "page_size"),
        ({"page_size": 501}, "page_size"),
        ({"page_token": "%%%"}, "page_token"),
        ({"region_code": "3608"}, "region_code"),
    ],
)
async def test_bad_list_arguments_name_the_field(identity_stub, alerts_service, request_fields, field):
    request = identity_service_pb2.ListAgenciesRequest(**request_fields)
    failure = await failure_of(identity_stub.ListAgencies(request, metadata=alerts_service.metadata("eeb-360800")))
    assert (failure.code, failure.fields) == (grpc.StatusCode.INVALID_ARGUMENT, [field])


async def list_all(identity_stub, metadata, **filters) -> list[str]:
    ids, token = [], ""
    while True:
        request = identity_service_pb2.ListAgenciesRequest(page_size=4, page_token=token, **filters)
        response = await identity_stub.ListAgencies(request, metadata=metadata)
        assert len(response.agencies) <= 4
        ids += [a.agency_id for a in response.agencies]
        token = response.next_page_token
        if not token:
            return ids


async def test_list_pages_through_every_public_body_and_only_visible_enterprises(identity_stub, alerts_service):
    as_jian = await list_all(identity_stub, alerts_service.metadata("eeb-360800"))
    as_suzhou = await list_all(identity_stub, alerts_service.metadata("eeb-341300"))
    assert as_jian == sorted(as_jian)
    assert "ent-360823-chem" in as_jian and "ent-341323-jiancai" not in as_jian
    assert "ent-341323-jiancai" in as_suzhou and "ent-360823-chem" not in as_suzhou
    assert {"psb-360800", "proc-341300", "basin-ganjiang"} <= set(as_jian) & set(as_suzhou)


async def test_list_filters_by_kind_and_region(identity_stub, alerts_service):
    metadata = alerts_service.metadata("eeb-360000")
    police = await list_all(identity_stub, metadata, kind=agency_pb2.AGENCY_KIND_POLICE)
    assert police == ["psb-341300", "psb-341323", "psb-360800"]
    in_jian = await list_all(identity_stub, metadata, region_code="360800")
    assert "eeb-360823" in in_jian and "eeb-360300" not in in_jian
