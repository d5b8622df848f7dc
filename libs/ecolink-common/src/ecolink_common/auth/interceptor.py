"""Server interceptor that authenticates every ecolink call (an agency's token, or a platform service's credential
acting for an agency) and audits every refusal."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import grpc
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ecolink_common.auth.principal import Principal, set_current_principal
from ecolink_common.auth.refusal_audit import RefusalAudit
from ecolink_common.auth.service_identity import is_service_identity, require_allowed_to_act
from ecolink_common.auth.tokens import TokenClaims, verify_token
from ecolink_common.directory_snapshot import DirectoryCache
from ecolink_common.errors import PermissionDenied, Unauthenticated
from ecolink_common.handler_wrapping import wrap_handler

log = logging.getLogger(__name__)

UNAUTHENTICATED_METHOD_PREFIXES = ("/grpc.health.v1.Health/", "/grpc.reflection.")
BEARER = "bearer "
ANONYMOUS = "anonymous"


class AuthenticationInterceptor(grpc.aio.ServerInterceptor):
    """Turns `authorization: Bearer <token>` (and a client certificate under mTLS) into the call's Principal.

    `audience` is this service's identity (`service:<name>`): a token naming another audience is refused.
    `acting_services` are the service identities this service lets act for agencies, with a service credential or,
    under mTLS, by carrying a caller's own token over their client certificate.
    """

    def __init__(
        self,
        *,
        public_key: Ed25519PublicKey,
        issuer: str,
        refusals: RefusalAudit,
        directory: DirectoryCache,
        require_client_certificate: bool,
        audience: str,
        acting_services: frozenset[str],
    ):
        self._public_key = public_key
        self._issuer = issuer
        self._refusals = refusals
        self._directory = directory
        self._require_client_certificate = require_client_certificate
        self._audience = audience
        self._acting_services = acting_services

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler:
        handler = await continuation(handler_call_details)
        method = handler_call_details.method
        if handler is None or method.startswith(UNAUTHENTICATED_METHOD_PREFIXES):
            return handler
        return wrap_handler(handler, method, before=self._authenticate)

    async def _authenticate(self, context: grpc.aio.ServicerContext, method: str) -> None:
        claimed = ANONYMOUS
        try:
            token = _bearer_token(context)
            claims = verify_token(token, key=self._public_key, issuer=self._issuer, audience=self._audience)
            claimed = claims.agency_id
            certificate_name = self._certificate_name(context)
            relayed_by = self._relaying_service(certificate_name, claims)
            directory = await self._directory.current()
            agency = directory.agencies.get(claims.agency_id)
            if agency is None:
                raise Unauthenticated(f"agency {claims.agency_id} is not in the directory", reason="AGENCY_UNKNOWN")
            if agency.kind.value != claims.kind or agency.region_code != claims.region_code:
                raise Unauthenticated(
                    "the token's kind or region no longer matches the directory; ask for a new token",
                    reason="TOKEN_CLAIMS_STALE",
                )
            if claims.officer_id is not None and directory.officer_agencies.get(claims.officer_id) != agency.agency_id:
                raise Unauthenticated(
                    f"officer {claims.officer_id} is not an officer of {agency.agency_id} in the directory",
                    reason="OFFICER_UNKNOWN",
                )
            if claims.acting_service is not None:
                require_allowed_to_act(claims.acting_service, self._acting_services, receiver=self._audience)
        except (Unauthenticated, PermissionDenied) as refusal:
            await self._refusals.record(source=_source(context), claimed=claimed, method=method, refusal=refusal)
            raise
        method_name = "service-credential" if claims.acting_service else "bearer"
        if certificate_name:
            method_name += "+mtls"
        set_current_principal(
            Principal(
                agency,
                claims.expires_at,
                method_name,
                acting_service=claims.acting_service,
                relayed_by=relayed_by,
                officer_id=claims.officer_id,
            )
        )

    def _relaying_service(self, certificate_name: str | None, claims: TokenClaims) -> str | None:
        """Under mTLS the certificate must name the token's agency, the service whose credential it is, or an allowed
        service carrying the agency's own token on its behalf (returned: the call is relayed by it)."""
        if certificate_name is None:
            return None
        expected = claims.acting_service or claims.agency_id
        if certificate_name == expected:
            return None
        relaying = claims.acting_service is None and is_service_identity(certificate_name)
        if relaying and certificate_name in self._acting_services:
            return certificate_name
        raise Unauthenticated(
            f"the client certificate belongs to {certificate_name}, the token to {expected}",
            reason="CERTIFICATE_AGENCY_MISMATCH",
        )

    def _certificate_name(self, context: grpc.aio.ServicerContext) -> str | None:
        names = list(context.auth_context().get("x509_common_name") or [])
        if not names:
            if self._require_client_certificate:
                raise Unauthenticated("a client certificate is required", reason="CERTIFICATE_MISSING")
            return None
        return names[0].decode()


def _source(context: grpc.aio.ServicerContext) -> str:
    """The caller's address without its port (`ipv4:127.0.0.1`), what refusals are counted per."""
    peer = context.peer() or "unknown"
    return peer.rsplit(":", 1)[0] if peer.startswith(("ipv4:", "ipv6:")) else peer


def _bearer_token(context: grpc.aio.ServicerContext) -> str:
    values = [value for key, value in (context.invocation_metadata() or ()) if key == "authorization"]
    if not values:
        raise Unauthenticated("the call carries no `authorization: Bearer <token>` header", reason="TOKEN_MISSING")
    if len(values) > 1:
        # Two credentials on one call: taking either would let a proxy's header and the caller's disagree unseen.
        raise Unauthenticated("the call carries more than one `authorization` header", reason="TOKEN_AMBIGUOUS")
    value = values[0] if isinstance(values[0], str) else values[0].decode()
    if not value.lower().startswith(BEARER) or not value[len(BEARER) :].strip():
        raise Unauthenticated("the authorization header is not `Bearer <token>`", reason="TOKEN_MALFORMED")
    return value[len(BEARER) :].strip()
