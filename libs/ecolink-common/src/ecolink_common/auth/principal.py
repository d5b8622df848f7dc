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
    """An agency from the directory, proven by a token (and a client certificate under mTLS)."""

    agency: Agency
    token_expires_at: datetime
    authentication_method: str

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


def current_principal() -> Principal:
    """The caller of the RPC being served; raises when the method was not authenticated."""
    principal = _current_principal.get()
    if principal is None:
        raise Unauthenticated("this call carries no authenticated principal", reason="TOKEN_MISSING")
    return principal
