"""Platform services as token subjects and certificate names: `service:<name>`, and which may act for agencies."""

from __future__ import annotations

from collections.abc import Iterable

from ecolink_common.errors import PermissionDenied

SERVICE_IDENTITY_PREFIX = "service:"
REASON_ACTING_SERVICE_NOT_ALLOWED = "ACTING_SERVICE_NOT_ALLOWED"


def service_identity(service_name: str) -> str:
    """The identity a service signs as (`act.sub`), is addressed as (`aud`) and is certified as (CN)."""
    return SERVICE_IDENTITY_PREFIX + service_name


def is_service_identity(name: str) -> bool:
    return name.startswith(SERVICE_IDENTITY_PREFIX)


def allowed_identities(service_names: Iterable[str]) -> frozenset[str]:
    """The identities of the services a receiving service lets act for agencies (its `acting_services_allowed`)."""
    return frozenset(service_identity(name) for name in service_names)


def require_allowed_to_act(acting_service: str, allowed: frozenset[str], *, receiver: str) -> None:
    """The receiving service's rule: only the services it names may act for an agency; others are refused."""
    if acting_service not in allowed:
        raise PermissionDenied(
            f"{acting_service} may not act for agencies at {receiver}",
            reason=REASON_ACTING_SERVICE_NOT_ALLOWED,
            metadata={"acting_service": acting_service},
        )
