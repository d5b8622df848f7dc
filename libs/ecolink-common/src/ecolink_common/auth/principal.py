"""The authenticated caller of the current RPC, held in a context variable for the service layer."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from ecolink_common.directory import Agency
from ecolink_common.errors import Unauthenticated
from ecolink_common.jurisdiction import Viewer


@dataclass(frozen=True)
class Principal:
    """An agency from the directory, proven by a token (and a client certificate under mTLS).

    `acting_service` names the platform service acting for the agency with a service credential (RFC 8693 `act`);
    `relayed_by` the service whose client certificate carried the agency's own token under mTLS; `officer_id` the
    directory officer of the agency a token was issued to.
    """

    agency: Agency
    token_expires_at: datetime
    authentication_method: str
    acting_service: str | None = None
    relayed_by: str | None = None
    officer_id: str | None = None

    @property
    def agency_id(self) -> str:
        return self.agency.agency_id

    @property
    def viewer(self) -> Viewer:
        return Viewer(
            agency_id=self.agency.agency_id,
            kind=self.agency.kind,
            region_code=self.agency.region_code,
            basin_ids=frozenset(self.agency.basin_ids),
        )


_current_principal: ContextVar[Principal | None] = ContextVar("ecolink_principal", default=None)


def set_current_principal(principal: Principal) -> None:
    """Called by the authentication interceptor once per call."""
    _current_principal.set(principal)


def current_principal_or_none() -> Principal | None:
    """The caller of the RPC being served, or None outside an authenticated call (a worker, a migration)."""
    return _current_principal.get()


def current_principal() -> Principal:
    """The caller of the RPC being served; raises when the method was not authenticated."""
    principal = _current_principal.get()
    if principal is None:
        raise Unauthenticated("this call carries no authenticated principal", reason="TOKEN_MISSING")
    return principal
