"""What the referrals use cases need from outside their database, asked as the caller: the case's dossier from the
cases service, grants and holds at the evidence service, and the platform key that signs the records."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from ecolink_referrals.domain.webhooks import DeliveryRecord, WebhookRecord


@dataclass(frozen=True)
class DossierItem:
    """An evidence item of the dossier, with the SHA-256 the case saw."""

    evidence: str
    sha256: str


@dataclass(frozen=True)
class CaseDossier:
    """A case as the cases service shows it to the caller for a transfer."""

    case: str
    handling_agency_id: str
    state: str
    region_code: str
    unit: str
    unit_display_name: str
    violation_type: str
    legal_basis: str
    items: tuple[DossierItem, ...]
    summary: Mapping[str, Any]


class CaseDossiers(Protocol):
    """The cases service with one caller's credentials: None for a case unknown or hidden from the caller."""

    async def dossier(self, case: str) -> CaseDossier | None: ...


DossiersForCaller = Callable[[Sequence[str]], CaseDossiers]
"""The cases service's dossiers as read with a caller's authorization metadata."""


class EvidenceHandover(Protocol):
    """The evidence service with one caller's credentials: grants to the police and legal holds, each naming the item
    it failed on (a FailedPrecondition or NotFound naming it; Unavailable when the service is down)."""

    async def grant(self, evidence: str, *, grantee: str, purpose: str, expire_time: datetime) -> str:
        """The grant's id."""
        ...

    async def revoke(self, evidence: str, grant_id: str) -> None: ...

    async def hold(self, evidence: str, *, reason: str) -> bool:
        """True when this call placed the hold, False when the item was held already."""
        ...

    async def release(self, evidence: str, *, reason: str) -> None: ...


@dataclass(frozen=True)
class Signature:
    body: bytes
    signature: bytes
    key_sha256: str


class RecordSigner(Protocol):
    """The platform's signing key."""

    def sign(self, record: Mapping[str, Any]) -> Signature: ...

    def public_key_pem(self) -> bytes: ...


@dataclass(frozen=True)
class PostResult:
    """What a webhook answered: accepted (2xx) or not, and the status or error in words."""

    accepted: bool
    result: str


class WebhookSender(Protocol):
    """POSTs a signed body to an agency's webhook."""

    async def post(self, url: str, body: bytes, headers: Mapping[str, str]) -> PostResult: ...


class WebhookQueue(Protocol):
    """The webhooks and the delivery queue, in the relay's transaction."""

    async def of_agencies(self, agency_ids: Collection[str]) -> Mapping[str, WebhookRecord]: ...

    async def queue(self, delivery: DeliveryRecord) -> None: ...


@dataclass(frozen=True)
class SuspectedCase:
    """A case the cases service marks a suspected crime (DOMAIN §4.6), as it shows it to the caller."""

    case: str
    handling_agency_id: str
    unit: str
    unit_display_name: str
    criterion: str
    criterion_description: str
    marked_on: str
    state: str


@dataclass(frozen=True)
class SuspectedCasePage:
    cases: tuple[SuspectedCase, ...]
    next_page_token: str


class SuspectedCases(Protocol):
    """The cases service's suspected-crime cases, with one caller's credentials, a page at a time."""

    async def page(self, *, page_size: int, page_token: str) -> SuspectedCasePage: ...
