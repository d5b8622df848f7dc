"""Service credentials (RFC 8693 `act`): their claims, the audience rule, and the refusals with their reasons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ecolink_common.auth.service_identity import allowed_identities, require_allowed_to_act, service_identity
from ecolink_common.auth.service_tokens import ServiceTokenMinter
from ecolink_common.auth.tokens import issue_token, verify_token
from ecolink_common.clock import FakeClock
from ecolink_common.directory import Agency, AgencyKind, AgencyLevel
from ecolink_common.errors import PermissionDenied, Unauthenticated
from ecolink_common.settings import PLATFORM_SERVICES

ISSUER = "ecolink-test"
KEY = Ed25519PrivateKey.generate()
LINGBI_BUREAU = Agency(
    agency_id="eeb-341323",
    display_name="灵璧县生态环境分局",
    english_name="Lingbi County Ecological Environment Branch",
    kind=AgencyKind.ECO_BUREAU,
    level=AgencyLevel.COUNTY,
    region_code="341323",
)


def minter(ttl: timedelta = timedelta(seconds=60)) -> ServiceTokenMinter:
    return ServiceTokenMinter("cases", key=KEY, issuer=ISSUER, ttl=ttl, clock=FakeClock(datetime.now(UTC)))


def refusal_reason(raw_token: str, audience: str | None = "service:alerts") -> str:
    with pytest.raises(Unauthenticated) as refusal:
        verify_token(raw_token, key=KEY.public_key(), issuer=ISSUER, audience=audience)
    return refusal.value.reason


def test_a_service_credential_names_the_agency_as_subject_the_service_as_actor_and_the_receiver_as_audience():
    raw = minter().token(LINGBI_BUREAU, audience="service:alerts")
    claims = jwt.decode(raw, KEY.public_key(), algorithms=["EdDSA"], audience="service:alerts")
    assert {key: claims[key] for key in ("sub", "kind", "region", "act", "aud")} == {
        "sub": "eeb-341323",
        "kind": "eco-bureau",
        "region": "341323",
        "act": {"sub": "service:cases"},
        "aud": "service:alerts",
    }
    assert claims["exp"] - claims["iat"] == 60


def test_the_receiver_named_as_audience_sees_the_agency_and_the_acting_service():
    raw = minter().token(LINGBI_BUREAU, audience="service:alerts")
    claims = verify_token(raw, key=KEY.public_key(), issuer=ISSUER, audience="service:alerts")
    assert (claims.agency_id, claims.acting_service) == ("eeb-341323", "service:cases")


def fresh(**extra: object) -> str:
    return issue_token(
        LINGBI_BUREAU,
        key=KEY,
        issuer=ISSUER,
        ttl=timedelta(minutes=1),
        **extra,  # type: ignore[arg-type]
    )


def test_another_receiver_refuses_it():
    assert refusal_reason(fresh(acting_service="service:cases", audience="service:cases")) == "TOKEN_AUDIENCE_INVALID"


def test_a_service_credential_without_an_audience_is_refused():
    assert refusal_reason(fresh(acting_service="service:cases")) == "TOKEN_AUDIENCE_INVALID"


def test_an_agency_token_without_an_audience_is_accepted_everywhere():
    claims = verify_token(fresh(), key=KEY.public_key(), issuer=ISSUER, audience="service:alerts")
    assert (claims.agency_id, claims.acting_service) == ("eeb-341323", None)


def test_a_token_with_an_audience_is_refused_by_a_verifier_that_names_none():
    assert refusal_reason(fresh(audience="service:alerts"), audience=None) == "TOKEN_AUDIENCE_INVALID"


@pytest.mark.parametrize(
    "act", [{"sub": ""}, {"client_id": "x"}, "service:cases", {"sub": "service:cases", "act": {"sub": "service:x"}}]
)
def test_an_act_claim_without_one_acting_party_is_malformed(act):
    claims = jwt.decode(fresh(audience="service:alerts"), options={"verify_signature": False})
    raw = jwt.encode({**claims, "act": act}, KEY, algorithm="EdDSA")
    assert refusal_reason(raw) == "TOKEN_MALFORMED"


def test_by_default_the_platforms_own_services_may_act_and_no_other():
    allowed = allowed_identities(PLATFORM_SERVICES)
    for name in PLATFORM_SERVICES:
        require_allowed_to_act(service_identity(name), allowed, receiver="service:alerts")
    with pytest.raises(PermissionDenied) as refusal:
        require_allowed_to_act("service:gateway", allowed, receiver="service:alerts")
    assert refusal.value.reason == "ACTING_SERVICE_NOT_ALLOWED"
