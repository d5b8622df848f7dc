"""Who sees and manages an evidence item by jurisdiction (DOMAIN §1, §5), as pure functions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ecolink_common.directory import AgencyKind
from ecolink_common.jurisdiction import Viewer, may_see
from ecolink_evidence.domain.model import EvidenceGrant, EvidenceItem, EvidenceKind
from ecolink_evidence.domain.rules import may_share, visibility_scope

NOW = datetime(2026, 12, 1, tzinfo=UTC)
CITY_BUREAU = Viewer("eeb-360800", AgencyKind.ECO_BUREAU, "360800")


def item_of(owner: str, region_code: str) -> EvidenceItem:
    return EvidenceItem(
        evidence_id="ev-1",
        subject="cases/c-1",
        kind=EvidenceKind.PHOTO,
        capture_time=NOW,
        location=None,
        collecting_officer="officer",
        original_filename="a.jpg",
        content_type="image/jpeg",
        size_bytes=1,
        sha256="0" * 64,
        object_key="k",
        object_version="",
        owner_agency_id=owner,
        region_code=region_code,
        created_at=NOW,
        retain_until=NOW + timedelta(days=1),
        legal_hold=False,
        last_verified_at=None,
        intact=True,
    )


@pytest.mark.parametrize(
    ("owner_kind", "seen"),
    [
        (AgencyKind.ECO_BUREAU, True),
        (AgencyKind.ENFORCEMENT_BUREAU, True),
        (AgencyKind.ENTERPRISE, True),
        (AgencyKind.POLICE, False),
        (AgencyKind.PROCURATORATE, False),
        (AgencyKind.COURT, False),
        (AgencyKind.BASIN_DESK, False),
        (None, False),
    ],
)
def test_the_bureau_above_sees_and_manages_only_items_of_the_bureau_hierarchy_and_its_enterprises(owner_kind, seen):
    item = item_of("x-360823", "360823")
    assert may_see(CITY_BUREAU, visibility_scope(item, owner_kind, [], NOW)) is seen
    assert may_share(CITY_BUREAU, item, owner_kind) is seen


def test_a_live_grant_shows_a_police_item_to_a_bureau_which_still_may_not_share_it():
    item = item_of("psb-360800", "360800")
    grant = EvidenceGrant("gr-1", "ev-1", "eeb-360800", "transfer", NOW + timedelta(days=1), "psb-360800", NOW, None)
    assert may_see(CITY_BUREAU, visibility_scope(item, AgencyKind.POLICE, [grant], NOW))
    assert not may_share(CITY_BUREAU, item, AgencyKind.POLICE)
    assert not may_see(CITY_BUREAU, visibility_scope(item, AgencyKind.POLICE, [grant], NOW + timedelta(days=2)))
