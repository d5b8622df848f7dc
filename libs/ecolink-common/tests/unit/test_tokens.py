"""Bearer tokens: issue/verify round trip, each refusal's stable reason, and the signing key on disk."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ecolink_common.auth.keys import ensure_signing_key, load_private_key, load_public_key
from ecolink_common.auth.tokens import issue_token, verify_token
from ecolink_common.directory import Agency, AgencyKind, AgencyLevel
from ecolink_common.errors import Unauthenticated

ISSUER = "ecolink-test"
JI_AN_BUREAU = Agency(
    agency_id="eeb-360800",
    display_name="吉安市生态环境局",
    english_name="Ji'an Ecological Environment Bureau",
    kind=AgencyKind.ECO_BUREAU,
    level=AgencyLevel.CITY,
    region_code="360800",
)
SIGNING_KEY = Ed25519PrivateKey.generate()


def token(*, key: Ed25519PrivateKey = SIGNING_KEY, issuer: str = ISSUER, **timing: object) -> str:
    return issue_token(JI_AN_BUREAU, key=key, issuer=issuer, ttl=timedelta(hours=1), **timing)  # type: ignore[arg-type]


def refusal_reason(raw_token: str) -> str:
    with pytest.raises(Unauthenticated) as refusal:
        verify_token(raw_token, key=SIGNING_KEY.public_key(), issuer=ISSUER)
    return refusal.value.reason


def test_a_token_issued_for_an_agency_verifies_to_its_claims():
    issued_at = datetime.now(UTC).replace(microsecond=0)
    claims = verify_token(token(now=issued_at), key=SIGNING_KEY.public_key(), issuer=ISSUER)
    assert (claims.agency_id, claims.kind, claims.region_code) == ("eeb-360800", "eco-bureau", "360800")
    assert claims.expires_at == issued_at + timedelta(hours=1)
    assert len(claims.token_id) == 32


def test_an_officers_token_names_him_as_sub_and_his_agency():
    raw = token(officer_id="off-360800-01")
    assert jwt.decode(raw, options={"verify_signature": False})["sub"] == "off-360800-01"
    claims = verify_token(raw, key=SIGNING_KEY.public_key(), issuer=ISSUER)
    assert (claims.agency_id, claims.officer_id) == ("eeb-360800", "off-360800-01")
    assert verify_token(token(), key=SIGNING_KEY.public_key(), issuer=ISSUER).officer_id is None


def test_every_token_has_its_own_id():
    public_key = SIGNING_KEY.public_key()
    ids = {verify_token(token(), key=public_key, issuer=ISSUER).token_id for _ in range(3)}
    assert len(ids) == 3


def unsigned_claims(**overrides: object) -> dict[str, object]:
    now = datetime.now(UTC)
    claims: dict[str, object] = {
        "iss": ISSUER,
        "sub": "eeb-360800",
        "kind": "eco-bureau",
        "region": "360800",
        "iat": now,
        "exp": now + timedelta(hours=1),
    }
    claims.update(overrides)
    return {name: value for name, value in claims.items() if value is not None}


@pytest.mark.parametrize(
    ("raw_token", "reason"),
    [
        pytest.param(token(now=datetime.now(UTC) - timedelta(hours=2)), "TOKEN_EXPIRED", id="expired"),
        pytest.param(token(key=Ed25519PrivateKey.generate()), "TOKEN_SIGNATURE_INVALID", id="another key"),
        pytest.param(token(issuer="someone-else"), "TOKEN_ISSUER_INVALID", id="another issuer"),
        pytest.param("not-a-token", "TOKEN_MALFORMED", id="garbage"),
        pytest.param("", "TOKEN_MALFORMED", id="empty"),
        pytest.param(jwt.encode(unsigned_claims(), "", algorithm="none"), "TOKEN_MALFORMED", id="alg none"),
        pytest.param(
            jwt.encode(unsigned_claims(exp=10**20), SIGNING_KEY, algorithm="EdDSA"),
            "TOKEN_MALFORMED",
            id="exp overflow",
        ),
        pytest.param(
            jwt.encode(unsigned_claims(agency=""), SIGNING_KEY, algorithm="EdDSA"), "TOKEN_MALFORMED", id="agency empty"
        ),
        pytest.param(
            jwt.encode(
                unsigned_claims(agency="eeb-360800", act={"sub": "service:cases"}, aud="alerts"),
                SIGNING_KEY,
                algorithm="EdDSA",
            ),
            "TOKEN_MALFORMED",
            id="officer and acting service",
        ),
        *(
            pytest.param(
                jwt.encode(unsigned_claims(**{claim: None}), SIGNING_KEY, algorithm="EdDSA"),
                "TOKEN_MALFORMED",
                id=f"without {claim}",
            )
            for claim in ("iss", "sub", "kind", "region", "exp", "iat")
        ),
    ],
)
def test_an_unacceptable_token_is_refused_with_its_own_reason(raw_token, reason):
    assert refusal_reason(raw_token) == reason


def test_ensure_signing_key_creates_an_owner_only_private_key_and_its_public_key(tmp_path):
    private_path, public_path = tmp_path / "keys" / "signing.pem", tmp_path / "keys" / "signing.pub.pem"
    ensure_signing_key(private_path, public_path)
    assert stat.S_IMODE(private_path.stat().st_mode) == 0o600
    private_key, public_key = load_private_key(private_path), load_public_key(public_path)
    issued = issue_token(JI_AN_BUREAU, key=private_key, issuer=ISSUER, ttl=timedelta(minutes=5))
    assert verify_token(issued, key=public_key, issuer=ISSUER).agency_id == "eeb-360800"


@pytest.mark.parametrize("existing", ["public", "both"])
def test_ensure_signing_key_never_overwrites_an_existing_key_file(tmp_path, existing):
    paths = {"private": tmp_path / "signing.pem", "public": tmp_path / "signing.pub.pem"}
    for name, path in paths.items():
        if existing in (name, "both"):
            path.write_bytes(f"existing {name} key".encode())
    ensure_signing_key(paths["private"], paths["public"])
    for name, path in paths.items():
        if existing in (name, "both"):
            assert path.read_bytes() == f"existing {name} key".encode()
    assert paths["private"].exists() == (existing == "both")


def test_a_lost_public_key_is_derived_again_from_the_private_key(tmp_path):
    private_path, public_path = tmp_path / "signing.pem", tmp_path / "signing.pub.pem"
    ensure_signing_key(private_path, public_path)
    original = public_path.read_bytes()
    public_path.unlink()
    ensure_signing_key(private_path, public_path)
    assert public_path.read_bytes() == original
