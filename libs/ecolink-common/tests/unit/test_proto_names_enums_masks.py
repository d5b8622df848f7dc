"""Resource names, enums and update masks of every service: a value a caller sends that does not fit is
INVALID_ARGUMENT naming its field, never a KeyError or an internal error."""

from __future__ import annotations

import re
from enum import StrEnum

import pytest

from ecolink_common.errors import InvalidArgument
from ecolink_common.proto_enums import EnumMap
from ecolink_common.proto_names import ResourceName
from ecolink_common.update_masks import masked_changes

OUTLET = ResourceName.shaped("units/{unit_id}/outlets/{outlet_id}")
CASE = ResourceName(re.compile(r"^cases/([1-9][0-9]{0,17})\Z"), "must be cases/{case_id}, e.g. cases/12")


class Colour(StrEnum):
    GREEN = "green"
    RED = "red"


COLOURS = EnumMap({Colour.GREEN: 1, Colour.RED: 2}, "name a colour")


def refusal(call) -> tuple[str, str]:
    with pytest.raises(InvalidArgument) as raised:
        call()
    [violation] = raised.value.violations
    return violation.field, violation.description


def test_a_shaped_name_yields_its_ids_outermost_first():
    assert OUTLET.ids("units/lingbi/outlets/ws-01", "name") == ("lingbi", "ws-01")


@pytest.mark.parametrize("name", ["", "units/lingbi", "units//outlets/x", "units/a/outlets/b/c"])
def test_a_name_of_another_shape_is_refused_naming_the_field_and_the_shape(name):
    assert refusal(lambda: OUTLET.ids(name, "device.outlet")) == (
        "device.outlet",
        "must look like units/{unit_id}/outlets/{outlet_id}",
    )


def test_a_numbered_name_is_a_number_and_says_its_own_refusal():
    assert CASE.number("cases/12", "name") == 12
    assert refusal(lambda: CASE.number("cases/0", "penalty_case")) == (
        "penalty_case",
        "must be cases/{case_id}, e.g. cases/12",
    )
    assert CASE.holds("cases/3") and not CASE.holds("cases/x")


def test_an_enum_maps_both_ways_and_zero_is_no_filter():
    assert COLOURS.to_proto(Colour.RED) == 2
    assert COLOURS.from_proto(1, "colour") is Colour.GREEN
    assert COLOURS.optional_from_proto(0, "colour") is None
    assert COLOURS.get(9) is None and 2 in COLOURS and 9 not in COLOURS


@pytest.mark.parametrize("number", [0, 3, -1])
def test_an_unspecified_or_unknown_enum_is_refused_naming_the_field(number):
    assert refusal(lambda: COLOURS.from_proto(number, "records[2].colour")) == ("records[2].colour", "name a colour")


def test_an_update_mask_changes_exactly_the_fields_it_names():
    readers = {"name": lambda: {"display_name": "Lingbi"}, "region": lambda: {"region_code": "341323"}}
    assert masked_changes(["region"], readers) == {"region_code": "341323"}


def test_an_empty_mask_or_an_unknown_path_is_refused_listing_the_paths():
    readers = {"name": lambda: {}, "region": lambda: {}}
    assert refusal(lambda: masked_changes([], readers)) == (
        "update_mask",
        "must name the fields to replace: name, region",
    )
    assert refusal(lambda: masked_changes(["owner"], readers)) == (
        "update_mask",
        "owner cannot be changed; choose from name, region",
    )
