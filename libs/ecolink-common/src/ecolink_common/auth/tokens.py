"""Bearer tokens: EdDSA-signed JWTs naming agency, kind, region and expiry, and their verification."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ecolink_common.directory import Agency
from ecolink_common.errors import Unauthenticated

ALGORITHM = "EdDSA"
REQUIRED_CLAIMS = ("iss", "sub", "kind", "region", "exp", "iat")


@dataclass(frozen=True)
class TokenClaims:
    """What a verified token asserts."""

    agency_id: str
    kind: str
    region_code: str
    expires_at: datetime
    token_id: str


def issue_token(
    agency: Agency, *, key: Ed25519PrivateKey, issuer: str, ttl: timedelta, now: datetime | None = None
) -> str:
    """Signs a token for one directory agency, valid for `ttl`."""
    issued_at = now or datetime.now(UTC)
    claims = {
        "iss": issuer,
        "sub": agency.agency_id,
        "kind": agency.kind.value,
        "region": agency.region_code,
        "iat": issued_at,
        "exp": issued_at + ttl,
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def verify_token(token: str, *, key: Ed25519PublicKey, issuer: str) -> TokenClaims:
    """Checks signature, expiry and issuer; every refusal has its own stable reason."""
    try:
        claims = jwt.decode(
            token, key, algorithms=[ALGORITHM], issuer=issuer, options={"require": list(REQUIRED_CLAIMS)}
        )
    except jwt.ExpiredSignatureError as error:
        raise Unauthenticated("the token has expired", reason="TOKEN_EXPIRED") from error
    except jwt.InvalidSignatureError as error:
        raise Unauthenticated(
            "the token is not signed by this platform's key", reason="TOKEN_SIGNATURE_INVALID"
        ) from error
    except jwt.InvalidIssuerError as error:
        raise Unauthenticated("the token was issued by another platform", reason="TOKEN_ISSUER_INVALID") from error
    except jwt.MissingRequiredClaimError as error:
        raise Unauthenticated(f"the token lacks the {error.claim!r} claim", reason="TOKEN_MALFORMED") from error
    except jwt.InvalidTokenError as error:
        # The library's own words (decoding internals) stay in the server log, not in the caller's status.
        raise Unauthenticated(
            "the token is not a signed JWT of this platform (header.claims.signature)", reason="TOKEN_MALFORMED"
        ) from error
    try:
        expires_at = datetime.fromtimestamp(int(claims["exp"]), UTC)
    except (ValueError, OverflowError, OSError) as error:
        raise Unauthenticated("the token's expiry is not a usable time", reason="TOKEN_MALFORMED") from error
    return TokenClaims(
        agency_id=str(claims["sub"]),
        kind=str(claims["kind"]),
        region_code=str(claims["region"]),
        expires_at=expires_at,
        token_id=str(claims.get("jti", "")),
    )
