"""The evidence rules of DOMAIN §5: visibility through jurisdiction or a live grant, sharing, retention, deletion."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from ecolink_common.directory import AgencyKind
from ecolink_common.jurisdiction import RecordScope, Viewer, may_see
from ecolink_evidence.domain.model import EvidenceGrant, EvidenceItem, EvidenceKind

REASON_RETENTION_ACTIVE = "EVIDENCE_RETENTION_ACTIVE"
REASON_LEGAL_HOLD = "EVIDENCE_ON_LEGAL_HOLD"


# DOMAIN §1, §5: the region rule is the bureau hierarchy's. Items of bureaus, and the rectification material an
# enterprise uploads for the bureau of its region to verify (DOMAIN §2.6), are seen by the bureaus above them; the
# police, the procuratorate, courts and basin desks own their items alone, and others see them only through grants.
REGION_SEEN_OWNER_KINDS = frozenset({AgencyKind.ECO_BUREAU, AgencyKind.ENFORCEMENT_BUREAU, AgencyKind.ENTERPRISE})


def seen_by_region_bureaus(owner_kind: AgencyKind | None) -> bool:
    """Whether the bureaus above an uploader of this kind see its items (no kind: an uploader no longer in the
    directory, whose items stay with their owner and grants)."""
    return owner_kind in REGION_SEEN_OWNER_KINDS


def jurisdiction_scope(item: EvidenceItem, owner_kind: AgencyKind | None) -> RecordScope:
    """The item as the jurisdiction rule sees it without grants: its uploader, and the region above it when the
    uploader is of the bureau hierarchy's kinds."""
    return RecordScope(
        owner_agency_id=item.owner_agency_id,
        region_code=item.region_code,
        seen_by_region_bureaus=seen_by_region_bureaus(owner_kind),
    )


def visibility_scope(
    item: EvidenceItem, owner_kind: AgencyKind | None, grants: Iterable[EvidenceGrant], now: datetime
) -> RecordScope:
    """DOMAIN §5: who sees the item by jurisdiction, and anyone else only through a live grant."""
    live = frozenset(g.grantee_agency_id for g in grants if g.is_live(now))
    return replace(jurisdiction_scope(item, owner_kind), shared_with=live)


def may_share(viewer: Viewer, item: EvidenceItem, owner_kind: AgencyKind | None) -> bool:
    """DOMAIN §5: only who sees the item by jurisdiction may grant, revoke or hold it; a grantee never re-shares."""
    return may_see(viewer, jurisdiction_scope(item, owner_kind))


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
