"""The registry's well-formedness rules as pure functions: which enterprise a unit may name (DOMAIN §1)."""

from __future__ import annotations

import pytest

from ecolink_alerts.domain import rule_violations
from ecolink_alerts.domain.registry_records import KeyUnit
from ecolink_alerts.domain.registry_rules import enterprise_violations
from ecolink_common import text_rules
from ecolink_common.directory import Agency, AgencyKind, AgencyLevel


def agency(agency_id: str, kind: AgencyKind, region_code: str) -> Agency:
    level = AgencyLevel.COUNTY if not region_code.endswith("00") else AgencyLevel.CITY
    return Agency(
        agency_id=agency_id,
        display_name=agency_id,
        english_name=agency_id,
        kind=kind,
        level=level,
        region_code=region_code,
    )


def unit(region_code: str, enterprise_agency_id: str) -> KeyUnit:
    return KeyUnit("u-1", "某公司", region_code, "cement", enterprise_agency_id)


@pytest.mark.parametrize(
    ("unit_region", "enterprise"),
    [
        ("341323", agency("ent-a", AgencyKind.ENTERPRISE, "341323")),
        ("341300", agency("ent-a", AgencyKind.ENTERPRISE, "341323")),
    ],
)
def test_an_enterprise_registered_within_the_units_region_is_accepted(unit_region, enterprise):
    assert enterprise_violations(unit(unit_region, enterprise.agency_id), enterprise) == []


def test_a_unit_without_an_enterprise_needs_none():
    assert enterprise_violations(unit("341323", ""), None) == []


@pytest.mark.parametrize(
    "enterprise",
    [
        None,
        agency("ent-a", AgencyKind.ENTERPRISE, "360823"),
        agency("ent-a", AgencyKind.ENTERPRISE, "341300"),
        agency("ent-a", AgencyKind.ENTERPRISE, "341324"),
        agency("ent-a", AgencyKind.ECO_BUREAU, "341323"),
    ],
)
def test_a_missing_foreign_or_non_enterprise_entry_is_refused_in_the_same_words(enterprise):
    [violation] = enterprise_violations(unit("341323", "ent-a"), enterprise)
    assert (violation.field, violation.description) == (
        "enterprise_agency_id",
        "names no enterprise of the directory registered in region 341323",
    )


def test_the_domains_text_limits_are_the_platforms():
    """The domain keeps its own copy of the limits (text_rules carries gRPC errors); the two must not drift."""
    assert (rule_violations.MAX_NAME_CHARS, rule_violations.MAX_URL_CHARS) == (
        text_rules.MAX_NAME_CHARS,
        text_rules.MAX_URL_CHARS,
    )
