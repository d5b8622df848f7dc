"""Bearer tokens: EdDSA-signed JWTs naming agency, kind, region and expiry (and, for a service acting for the agency,
the RFC 8693 `act` claim and the audience; for an officer of the agency, the officer as `sub` and the agency as
`agency`), and their verification."""

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
    # RFC 8693 §4.1: the service acting for the agency (`act.sub`, e.g. `service:cases`); None for the agency's own.
    acting_service: str | None = None
    # Issue 12 item 2: the officer the token was issued to (`sub`, beside the `agency` claim); None for the agency.
    officer_id: str | None = None


def issue_token(
    agency: Agency,
    *,
    key: Ed25519PrivateKey,
    issuer: str,
    ttl: timedelta,
    now: datetime | None = None,
    acting_service: str | None = None,
    audience: str | None = None,
    officer_id: str | None = None,
) -> str:
    """Signs a token for one directory agency, valid for `ttl`; with `acting_service`, a credential of that service
    acting for the agency (RFC 8693 `act`), only for the `audience` service; with `officer_id`, a token of that
    officer of the agency (`sub` names the officer, `agency` the agency)."""
    issued_at = now or datetime.now(UTC)
    claims: dict[str, object] = {
        "iss": issuer,
        "sub": agency.agency_id,
        "kind": agency.kind.value,
        "region": agency.region_code,
        "iat": issued_at,
        "exp": issued_at + ttl,
        "jti": uuid.uuid4().hex,
    }
    if officer_id is not None:
        claims["sub"], claims["agency"] = officer_id, agency.agency_id
    if acting_service is not None:
        claims["act"] = {"sub": acting_service}
    if audience is not None:
        claims["aud"] = audience
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def verify_token(token: str, *, key: Ed25519PublicKey, issuer: str, audience: str | None = None) -> TokenClaims:
    """Checks signature, expiry, issuer and audience (`audience` is the verifying service; a token naming another,
    or a service credential naming none, is refused); every refusal has its own stable reason."""
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            issuer=issuer,
            options={"require": list(REQUIRED_CLAIMS), "verify_aud": False},
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
    acting_service = _acting_service(claims)
    agency = claims.get("agency")
    if agency is not None and (not isinstance(agency, str) or not agency or acting_service is not None):
        raise Unauthenticated(
            "the token's `agency` claim names no agency an officer acts for", reason="TOKEN_MALFORMED"
        )
    _check_audience(claims, audience, acting=acting_service is not None)
    return TokenClaims(
        agency_id=str(agency if agency is not None else claims["sub"]),
        kind=str(claims["kind"]),
        region_code=str(claims["region"]),
        expires_at=expires_at,
        token_id=str(claims.get("jti", "")),
        acting_service=acting_service,
        officer_id=str(claims["sub"]) if agency is not None else None,
    )


def _acting_service(claims: dict[str, object]) -> str | None:
    act = claims.get("act")
    if act is None:
        return None
    if not isinstance(act, dict) or not isinstance(act.get("sub"), str) or not act["sub"]:
        raise Unauthenticated("the token's `act` claim names no acting party", reason="TOKEN_MALFORMED")
    if "act" in act:
        # RFC 8693 §4.1 allows a chain of earlier actors; the platform delegates one step only.
        raise Unauthenticated("the token's `act` claim is a chain of actors", reason="TOKEN_MALFORMED")
    return str(act["sub"])


def _check_audience(claims: dict[str, object], audience: str | None, *, acting: bool) -> None:
    named = claims.get("aud")
    audiences = [named] if isinstance(named, str) else named if isinstance(named, list) else None
    if named is None:
        if acting:
            raise Unauthenticated("a service credential must name its audience", reason="TOKEN_AUDIENCE_INVALID")
        return
    if audiences is None or audience is None or audience not in audiences:
        raise Unauthenticated(f"the token is meant for {named}, not {audience}", reason="TOKEN_AUDIENCE_INVALID")
