"""The demo directory data file: it holds every agency the demo needs, and bad files are refused."""

from __future__ import annotations

import hashlib
import json

import pytest
from pydantic import ValidationError

from ecolink_common.directory import AgencyKind, read_directory_file

# The agencies the demo scenarios name, with their kind, region and river basins (DOMAIN §1, §4.5).
REQUIRED_AGENCIES = {
    "eeb-360000": (AgencyKind.ECO_BUREAU, "360000", set()),
    "eeb-360800": (AgencyKind.ECO_BUREAU, "360800", {"ganjiang", "chishui"}),
    "eeb-360823": (AgencyKind.ECO_BUREAU, "360823", set()),
    "eeb-360300": (AgencyKind.ECO_BUREAU, "360300", {"chishui"}),
    "eeb-360700": (AgencyKind.ECO_BUREAU, "360700", {"ganjiang"}),
    "eeb-360900": (AgencyKind.ECO_BUREAU, "360900", {"ganjiang"}),
    "psb-360800": (AgencyKind.POLICE, "360800", set()),
    "proc-360800": (AgencyKind.PROCURATORATE, "360800", set()),
    "basin-ganjiang": (AgencyKind.BASIN_DESK, "360800", {"ganjiang"}),
    "basin-chishui": (AgencyKind.BASIN_DESK, "360800", {"chishui"}),
    "eeb-340000": (AgencyKind.ECO_BUREAU, "340000", set()),
    "enf-340000": (AgencyKind.ENFORCEMENT_BUREAU, "340000", set()),
    "eeb-341300": (AgencyKind.ECO_BUREAU, "341300", set()),
    "eeb-341323": (AgencyKind.ECO_BUREAU, "341323", set()),
    "psb-341300": (AgencyKind.POLICE, "341300", set()),
    "proc-341300": (AgencyKind.PROCURATORATE, "341300", set()),
}


def test_the_demo_directory_parses_and_reports_its_file_hash(demo_directory_path):
    directory, sha256 = read_directory_file(demo_directory_path)
    assert directory.version
    assert sha256 == hashlib.sha256(demo_directory_path.read_bytes()).hexdigest()


@pytest.mark.parametrize("agency_id", REQUIRED_AGENCIES)
def test_the_demo_directory_holds_every_agency_the_demo_needs(demo_directory, agency_id):
    kind, region_code, basin_ids = REQUIRED_AGENCIES[agency_id]
    agency = next((a for a in demo_directory.agencies if a.agency_id == agency_id), None)
    assert agency is not None, f"{agency_id} is missing from the demo directory"
    assert agency.kind is kind
    assert agency.region_code == region_code
    assert set(agency.basin_ids) == basin_ids


@pytest.mark.parametrize(
    ("basin_id", "member_ids"),
    [("ganjiang", {"eeb-360800", "eeb-360700", "eeb-360900"}), ("chishui", {"eeb-360800", "eeb-360300"})],
)
def test_each_basin_has_exactly_its_member_bureaus(demo_directory, basin_id, member_ids):
    bureaus = [a for a in demo_directory.agencies if a.kind is AgencyKind.ECO_BUREAU]
    assert {a.agency_id for a in bureaus if basin_id in a.basin_ids} == member_ids


def break_first_agency(document: dict) -> None:
    document["agencies"][0]["region_code"] = "36080"


def duplicate_first_agency(document: dict) -> None:
    document["agencies"].append(dict(document["agencies"][0]))


def misname_first_agency(document: dict) -> None:
    document["agencies"][0]["agency_id"] = "EEB_360800"


def add_unknown_agency_field(document: dict) -> None:
    document["agencies"][0]["parent_agency_id"] = "eeb-360000"


def add_unknown_top_level_field(document: dict) -> None:
    document["generated_by"] = "hand"


@pytest.mark.parametrize(
    ("spoil", "complaint"),
    [
        (duplicate_first_agency, "appear twice"),
        (break_first_agency, "six digits"),
        (misname_first_agency, "lower-case"),
        (add_unknown_agency_field, "parent_agency_id"),
        (add_unknown_top_level_field, "generated_by"),
    ],
)
def test_a_bad_directory_file_is_refused_with_a_validation_error(demo_directory_path, tmp_path, spoil, complaint):
    document = json.loads(demo_directory_path.read_text(encoding="utf-8"))
    spoil(document)
    spoiled_path = tmp_path / "directory.json"
    spoiled_path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match=complaint):
        read_directory_file(spoiled_path)
