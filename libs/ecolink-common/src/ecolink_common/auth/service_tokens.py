"""Service credentials: short-lived tokens, signed by the platform key, of one service acting for one agency
(RFC 8693 `act`) at one receiving service (`aud`)."""

from __future__ import annotations

from datetime import timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ecolink_common.auth.keys import load_private_key
from ecolink_common.auth.service_identity import service_identity
from ecolink_common.auth.tokens import issue_token
from ecolink_common.clock import SYSTEM_CLOCK, Clock
from ecolink_common.directory import Agency
from ecolink_common.settings import PlatformSettings


class ServiceTokenMinter:
    """Mints the credentials of one calling service.

    `sub` is the agency acted for, with its kind and region as in the agency's own token, so the receiving service
    applies its jurisdiction rule to that agency unchanged; `act.sub` is the calling service (RFC 8693 §4.1: the
    subject is whom the token speaks for, the actor who speaks); `aud` the receiving service only.
    """

    def __init__(
        self, service_name: str, *, key: Ed25519PrivateKey, issuer: str, ttl: timedelta, clock: Clock = SYSTEM_CLOCK
    ):
        self.identity = service_identity(service_name)
        self._key = key
        self._issuer = issuer
        self._ttl = ttl
        self._clock = clock

    @classmethod
    def for_platform(
        cls, service_name: str, platform: PlatformSettings, clock: Clock = SYSTEM_CLOCK
    ) -> ServiceTokenMinter:
        """A minter with the platform's signing key (the calling service holds it), issuer and service token TTL."""
        return cls(
            service_name,
            key=load_private_key(platform.private_key_path),
            issuer=platform.token_issuer,
            ttl=timedelta(seconds=platform.service_token_ttl_seconds),
            clock=clock,
        )

    def token(self, agency: Agency, *, audience: str) -> str:
        """A credential of this service acting for `agency`, accepted only by the `audience` service."""
        return issue_token(
            agency,
            key=self._key,
            issuer=self._issuer,
            ttl=self._ttl,
            now=self._clock.now(),
            acting_service=self.identity,
            audience=audience,
        )
