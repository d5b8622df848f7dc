"""The one jurisdiction rule: may a principal see a record (DOMAIN §1)? A pure function, no I/O."""

from __future__ import annotations

from dataclasses import dataclass

from ecolink_common.directory import AgencyKind

REGION_WIDE_KINDS = frozenset({AgencyKind.ECO_BUREAU, AgencyKind.ENFORCEMENT_BUREAU})
BASIN_MEMBER_KINDS = frozenset({AgencyKind.ECO_BUREAU, AgencyKind.BASIN_DESK})


@dataclass(frozen=True)
class Viewer:
    """The parts of a principal the rule looks at."""

    agency_id: str
    kind: AgencyKind
    region_code: str
    basin_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RecordScope:
    """Who a record belongs to and with whom it has been explicitly shared."""

    owner_agency_id: str
    region_code: str
    shared_with: frozenset[str] = frozenset()
    basin_ids: frozenset[str] = frozenset()
    open_to_oversight: bool = False
    # DOMAIN §1: the region rule is the bureau hierarchy's. False for a record owned by an agency outside it
    # (police, procuratorate, court, basin desk): no bureau sees it by region, only its owner and its shares.
    seen_by_region_bureaus: bool = True


def region_prefix(region_code: str) -> str:
    """The prefix every code under a region shares: 36 for 360000, 3608 for 360800, 360823 for a county."""
    if region_code.endswith("0000"):
        return region_code[:2]
    if region_code.endswith("00"):
        return region_code[:4]
    return region_code


def parent_region(region_code: str) -> str | None:
    """The region just above: a county's city (360823 → 360800), a city's province (360800 → 360000); None above."""
    if not region_code.endswith("00"):
        return region_code[:4] + "00"
    if not region_code.endswith("0000"):
        return region_code[:2] + "0000"
    return None


def province_region(region_code: str) -> str:
    return region_code[:2] + "0000"


def region_contains(outer: str, inner: str) -> bool:
    """DOMAIN §1: a province (xx0000) covers its cities and counties, a city (xxxx00) its counties, a county itself."""
    return inner.startswith(region_prefix(outer))


def bureau_reach(viewer: Viewer) -> str | None:
    """DOMAIN §1: the region prefix a bureau sees everything under (what a list narrows its query to); None for every
    other kind of agency, which sees only its own records and its shares."""
    return region_prefix(viewer.region_code) if viewer.kind in REGION_WIDE_KINDS else None


def basin_reach(viewer: Viewer) -> frozenset[str]:
    """DOMAIN §4.5: the basins whose shared records a basin member or desk sees (what a list narrows its query to);
    none for any other kind of agency."""
    return viewer.basin_ids if viewer.kind in BASIN_MEMBER_KINDS else frozenset()


def may_see(viewer: Viewer, record: RecordScope) -> bool:
    """DOMAIN §1: a record is visible to its owner, to an explicit share, and to the rule of the viewer's kind."""
    if viewer.agency_id == record.owner_agency_id or viewer.agency_id in record.shared_with:
        return True
    # DOMAIN §4.5: basin members and the basin desk see what was shared with their basin, across city borders.
    if viewer.kind in BASIN_MEMBER_KINDS and viewer.basin_ids & record.basin_ids:
        return True
    # DOMAIN §1: bureaus see everything in their region; the provincial enforcement bureau screens its province.
    if viewer.kind in REGION_WIDE_KINDS:
        return record.seen_by_region_bureaus and region_contains(viewer.region_code, record.region_code)
    # DOMAIN §1: the procuratorate oversees the transfers in its region, and nothing else unshared.
    if viewer.kind is AgencyKind.PROCURATORATE:
        return record.open_to_oversight and region_contains(viewer.region_code, record.region_code)
    # Police, courts, basin desks and enterprises see only what is theirs or shared with them.
    return False
