"""DOMAIN §1 jurisdiction: `may_see` checked exhaustively over the demo directory against a table-driven oracle."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecolink_common.auth.principal import Principal
from ecolink_common.directory import Agency, AgencyKind, DirectoryFile
from ecolink_common.jurisdiction import RecordScope, Viewer, bureau_reach, may_see, region_contains, region_prefix

# DOMAIN §1 restated as tables, independently of ecolink_common.jurisdiction.
# The region tree of the demo directory: each code and the region directly above it.
PARENT_REGION: dict[str, str | None] = {
    "360000": None,  # Jiangxi
    "360300": "360000",  # Pingxiang
    "360700": "360000",  # Ganzhou
    "360800": "360000",  # Ji'an
    "360823": "360800",  # Xiajiang county
    "360900": "360000",  # Yichun
    "340000": None,  # Anhui
    "341300": "340000",  # Suzhou (Anhui)
    "341323": "341300",  # Lingbi county
}

# What, beyond its own records and explicit shares, each kind of principal sees.
SEES_ITS_REGION = "everything in its region and below"
SEES_BASIN_SHARES = "what was shared with a basin it belongs to"
SEES_OVERSIGHT = "records open to oversight in its region"
RULES_BY_KIND: dict[AgencyKind, frozenset[str]] = {
    AgencyKind.ECO_BUREAU: frozenset({SEES_ITS_REGION, SEES_BASIN_SHARES}),
    AgencyKind.ENFORCEMENT_BUREAU: frozenset({SEES_ITS_REGION}),
    AgencyKind.POLICE: frozenset(),
    AgencyKind.PROCURATORATE: frozenset({SEES_OVERSIGHT}),
    AgencyKind.COURT: frozenset(),
    AgencyKind.BASIN_DESK: frozenset({SEES_BASIN_SHARES}),
    AgencyKind.ENTERPRISE: frozenset(),
}
BASINS = ("ganjiang", "chishui")


def regions_at_or_below(region_code: str) -> set[str]:
    def ancestors(code: str) -> Iterator[str]:
        parent = PARENT_REGION[code]
        while parent is not None:
            yield parent
            parent = PARENT_REGION[parent]

    return {code for code in PARENT_REGION if code == region_code or region_code in ancestors(code)}


def expected_visibility(viewer: Agency, record: RecordScope) -> bool:
    if viewer.agency_id == record.owner_agency_id or viewer.agency_id in record.shared_with:
        return True
    rules = RULES_BY_KIND[viewer.kind]
    in_region = record.region_code in regions_at_or_below(viewer.region_code)
    return (
        (SEES_ITS_REGION in rules and in_region and record.seen_by_region_bureaus)
        or (SEES_BASIN_SHARES in rules and bool(set(viewer.basin_ids) & record.basin_ids))
        or (SEES_OVERSIGHT in rules and record.open_to_oversight and in_region)
    )


def viewer_of(agency: Agency):
    return Principal(agency=agency, token_expires_at=datetime.now(UTC), authentication_method="token").viewer


def record_of(owner: Agency, **scope: object) -> RecordScope:
    return RecordScope(owner_agency_id=owner.agency_id, region_code=owner.region_code, **scope)  # type: ignore[arg-type]


RecordsOf = Callable[[Agency, DirectoryFile], Iterator[RecordScope]]
SCENARIOS: dict[str, RecordsOf] = {
    "unshared": lambda owner, _: iter([record_of(owner)]),
    "shared with one agency": lambda owner, directory: (
        record_of(owner, shared_with=frozenset({grantee.agency_id})) for grantee in directory.agencies
    ),
    "shared with a basin": lambda owner, _: (record_of(owner, basin_ids=frozenset({basin})) for basin in BASINS),
    "open to oversight": lambda owner, _: iter([record_of(owner, open_to_oversight=True)]),
    "outside the bureau hierarchy": lambda owner, directory: (
        record_of(owner, seen_by_region_bureaus=False, shared_with=frozenset({grantee.agency_id}))
        for grantee in directory.agencies
    ),
}


def agency(directory: DirectoryFile, agency_id: str) -> Agency:
    return next(a for a in directory.agencies if a.agency_id == agency_id)


def sees(directory: DirectoryFile, viewer_id: str, owner_id: str, **scope: object) -> bool:
    return may_see(viewer_of(agency(directory, viewer_id)), record_of(agency(directory, owner_id), **scope))


def test_the_oracle_knows_every_region_and_kind_of_the_demo_directory(demo_directory):
    assert {a.region_code for a in demo_directory.agencies} <= PARENT_REGION.keys()
    assert set(RULES_BY_KIND) == set(AgencyKind)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_may_see_agrees_with_domain_rule_for_every_viewer_and_owner(demo_directory, scenario):
    mismatches, checked = [], 0
    for owner in demo_directory.agencies:
        for record in SCENARIOS[scenario](owner, demo_directory):
            for viewer in demo_directory.agencies:
                expected = expected_visibility(viewer, record)
                checked += 1
                if may_see(viewer_of(viewer), record) != expected:
                    mismatches.append(f"{viewer.agency_id} on {record}: expected {expected}")
    assert checked >= len(demo_directory.agencies) ** 2
    assert mismatches == []


@pytest.mark.parametrize(
    ("viewer_id", "owner_id", "expected"),
    [
        ("eeb-360800", "eeb-360823", True),
        ("eeb-360800", "ent-360823-chem", True),
        ("eeb-360000", "ent-360823-chem", True),
        ("eeb-360000", "psb-360800", True),
        ("enf-340000", "ent-341323-jiancai", True),
        ("eeb-360800", "eeb-360300", False),
        ("eeb-360300", "eeb-360800", False),
        ("eeb-360823", "eeb-360800", False),
        ("eeb-360823", "eeb-360000", False),
        ("eeb-340000", "eeb-360823", False),
        ("eeb-341300", "eeb-340000", False),
    ],
)
def test_a_bureau_sees_its_region_and_below_but_never_siblings_or_parents(
    demo_directory, viewer_id, owner_id, expected
):
    assert sees(demo_directory, viewer_id, owner_id) is expected


@pytest.mark.parametrize(
    "viewer_id", ["psb-360800", "proc-360800", "court-360823", "basin-ganjiang", "ent-360823-chem"]
)
def test_police_procuratorate_court_desk_and_enterprise_see_nothing_unshared_but_their_own(demo_directory, viewer_id):
    assert sees(demo_directory, viewer_id, viewer_id)
    assert not sees(demo_directory, viewer_id, "eeb-360823")
    assert sees(demo_directory, viewer_id, "eeb-360823", shared_with=frozenset({viewer_id}))


@pytest.mark.parametrize("bureau_id", ["eeb-360800", "eeb-360000", "eeb-360823"])
def test_no_bureau_sees_by_region_a_record_kept_outside_the_bureau_hierarchy(demo_directory, bureau_id):
    assert not sees(demo_directory, bureau_id, "court-360823", seen_by_region_bureaus=False)
    assert sees(demo_directory, "court-360823", "court-360823", seen_by_region_bureaus=False)
    shared = frozenset({bureau_id})
    assert sees(demo_directory, bureau_id, "court-360823", seen_by_region_bureaus=False, shared_with=shared)


def test_procuratorate_sees_records_open_to_oversight_in_its_region_only(demo_directory):
    assert sees(demo_directory, "proc-360800", "eeb-360823", open_to_oversight=True)
    assert not sees(demo_directory, "proc-360800", "eeb-360300", open_to_oversight=True)
    assert not sees(demo_directory, "proc-341300", "eeb-360823", open_to_oversight=True)
    assert not sees(demo_directory, "psb-360800", "eeb-360823", open_to_oversight=True)


@pytest.mark.parametrize(
    ("viewer_id", "expected"),
    [
        ("eeb-360700", True),
        ("eeb-360900", True),
        ("basin-ganjiang", True),
        ("eeb-360300", False),
        ("basin-chishui", False),
        ("psb-360800", False),
        ("eeb-360823", False),
    ],
)
def test_a_basin_share_reaches_its_members_and_desk_across_city_borders(demo_directory, viewer_id, expected):
    assert sees(demo_directory, viewer_id, "eeb-360800", basin_ids=frozenset({"ganjiang"})) is expected


@pytest.mark.parametrize(
    ("region_code", "prefix"),
    [("360000", "36"), ("361000", "3610"), ("360800", "3608"), ("360823", "360823"), ("360810", "360810")],
)
def test_region_prefix_strips_the_levels_below_the_region(region_code, prefix):
    assert region_prefix(region_code) == prefix


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ("360000", "361000", True),
        ("360000", "361002", True),
        ("361000", "361002", True),
        ("361000", "360000", False),
        ("360100", "361000", False),
        ("361000", "361100", False),
        ("361100", "361000", False),
        ("360800", "360823", True),
        ("360800", "360700", False),
        ("360800", "360000", False),
        ("360000", "340000", False),
        ("360000", "341323", False),
        ("360823", "360823", True),
        ("360823", "360824", False),
        ("360823", "360800", False),
    ],
)
def test_region_contains_follows_the_division_code_levels(outer, inner, expected):
    assert region_contains(outer, inner) is expected


def division_codes() -> st.SearchStrategy[str]:
    # A small alphabet, so that generated codes often nest.
    province = st.sampled_from(["34", "36"])
    city = st.sampled_from(["00", "01", "08", "10"])
    county = st.sampled_from(["00", "01", "23"])
    structured = st.builds(lambda p, c, k: p + c + (k if c != "00" else "00"), province, city, county)
    return st.one_of(structured, st.from_regex(r"\d{6}", fullmatch=True))


@given(division_codes(), division_codes())
def test_two_regions_contain_each_other_only_when_they_are_the_same(a, b):
    assert (region_contains(a, b) and region_contains(b, a)) == (a == b)


@given(division_codes(), division_codes(), division_codes())
def test_region_containment_is_transitive(a, b, c):
    if region_contains(a, b) and region_contains(b, c):
        assert region_contains(a, c)


@pytest.mark.parametrize(
    ("kind", "region", "reach"),
    [
        (AgencyKind.ECO_BUREAU, "340000", "34"),
        (AgencyKind.ECO_BUREAU, "341300", "3413"),
        (AgencyKind.ENFORCEMENT_BUREAU, "341323", "341323"),
        (AgencyKind.POLICE, "341300", None),
        (AgencyKind.PROCURATORATE, "341300", None),
        (AgencyKind.ENTERPRISE, "341323", None),
    ],
)
def test_a_bureaus_reach_is_its_region_prefix_and_other_agencies_have_none(kind, region, reach):
    assert bureau_reach(Viewer("any", kind, region)) == reach
