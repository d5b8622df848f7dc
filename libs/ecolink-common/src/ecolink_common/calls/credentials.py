"""What a call to another service carries: the caller's own `authorization` passed on (a synchronous call on its
behalf), or this service's credential acting for an agency (work done later, by a worker)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import grpc

from ecolink_common.auth.service_tokens import ServiceTokenMinter
from ecolink_common.directory import Agency

AUTHORIZATION = "authorization"
Metadata = list[tuple[str, str]]


class CallCredentials(Protocol):
    """The metadata one call sends to the `audience` service, and whom the calling service acts for, if anyone."""

    @property
    def acting_for(self) -> tuple[str, str] | None:
        """(acting service, agency) when the calling service acts for an agency with its own credential."""

    def metadata(self, *, audience: str) -> Metadata: ...


def caller_authorization(context: grpc.aio.ServicerContext) -> tuple[str, ...]:
    """The `authorization` metadata of the call being served, as it came."""
    return tuple(str(value) for key, value in context.invocation_metadata() or () if key == AUTHORIZATION)


@dataclass(frozen=True)
class CallerCredentials:
    """The caller's own credentials, unchanged: the receiving service applies its rules to the caller itself, and
    audits a refusal as it would a direct call."""

    authorization: tuple[str, ...]

    @classmethod
    def of(cls, context: grpc.aio.ServicerContext) -> CallerCredentials:
        return cls(caller_authorization(context))

    @property
    def acting_for(self) -> tuple[str, str] | None:
        return None

    def metadata(self, *, audience: str) -> Metadata:
        return [(AUTHORIZATION, value) for value in self.authorization]


@dataclass(frozen=True)
class ActingForAgency:
    """This service's credential acting for one agency, minted per call for the receiving service."""

    minter: ServiceTokenMinter
    agency: Agency

    @property
    def acting_for(self) -> tuple[str, str] | None:
        return (self.minter.identity, self.agency.agency_id)

    def metadata(self, *, audience: str) -> Metadata:
        return [(AUTHORIZATION, f"Bearer {self.minter.token(self.agency, audience=audience)}")]
