"""The evidence rules of DOMAIN §5: visibility through jurisdiction or a live grant, sharing, retention, deletion."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from ecolink_common.jurisdiction import RecordScope, Viewer, may_see
from ecolink_evidence.domain.model import EvidenceGrant, EvidenceItem, EvidenceKind

REASON_RETENTION_ACTIVE = "EVIDENCE_RETENTION_ACTIVE"
REASON_LEGAL_HOLD = "EVIDENCE_ON_LEGAL_HOLD"


def jurisdiction_scope(item: EvidenceItem) -> RecordScope:
    """The item as the jurisdiction rule sees it without grants: its uploader and the region above it."""
    return RecordScope(owner_agency_id=item.owner_agency_id, region_code=item.region_code)


def visibility_scope(item: EvidenceItem, grants: Iterable[EvidenceGrant], now: datetime) -> RecordScope:
    """DOMAIN §5: the uploader and agencies above it see an item; anyone else only through a live grant."""
    live = frozenset(g.grantee_agency_id for g in grants if g.is_live(now))
    return RecordScope(owner_agency_id=item.owner_agency_id, region_code=item.region_code, shared_with=live)


def may_share(viewer: Viewer, item: EvidenceItem) -> bool:
    """DOMAIN §5: only who sees the item by jurisdiction may grant, revoke or hold it; a grantee never re-shares."""
    return may_see(viewer, jurisdiction_scope(item))


def retain_until(kind: EvidenceKind, accepted_at: datetime, retention_days: Mapping[EvidenceKind, int]) -> datetime:
    """The end of the COMPLIANCE retention an item gets on intake, by kind."""
    return accepted_at + timedelta(days=retention_days[kind])


def deletion_refusal(item: EvidenceItem, now: datetime) -> str | None:
    """Why an item may not be deleted now (DOMAIN §5: storage that cannot be altered or deleted), or None."""
    if item.legal_hold:
        return REASON_LEGAL_HOLD
    if now < item.retain_until:
        return REASON_RETENTION_ACTIVE
    return None
