"""DOMAIN §2.1 transmission effective rate per device, unit, county, city and province."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from ecolink_alerts.domain.factors import FLUE_GAS_FLOW, SO2
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.transmission import (
    DeviceExpectation,
    RegionLevel,
    TransmissionRate,
    device_rates,
    expected_records,
    rates_per_region,
    rates_per_unit,
    region_at,
)


@pytest.mark.parametrize(
    ("level", "code"), [(RegionLevel.COUNTY, "341323"), (RegionLevel.CITY, "341300"), (RegionLevel.PROVINCE, "340000")]
)
def test_a_county_code_names_its_city_and_province_by_prefix(level, code):
    assert region_at("341323", level) == code


@pytest.mark.parametrize("code", ["34132", "3413230", "34132x", ""])
def test_a_region_code_has_six_digits(code):
    with pytest.raises(ValueError, match="six digits"):
        region_at(code, RegionLevel.CITY)


def test_a_day_of_hourly_data_owes_twenty_four_records(scripted):
    assert expected_records(timedelta(hours=1), scripted.at(0), scripted.at(24)) == 24
    assert expected_records(timedelta(minutes=10), scripted.at(0), scripted.at(1)) == 6
    assert expected_records(timedelta(hours=1), scripted.at(1), scripted.at(0)) == 0


def records_of(scripted, mn, hours, faulty=()):
    readings = []
    for hour in hours:
        flag = DataFlag.FAULT if hour in faulty else DataFlag.NORMAL
        readings.append(replace(scripted.reading(SO2, scripted.at(hour), 50.0, flag), mn=mn))
        readings.append(replace(scripted.reading(FLUE_GAS_FLOW, scripted.at(hour), 60.0), mn=mn))
    return readings


def test_a_record_counts_when_it_came_within_the_period_and_every_value_is_flagged_n(scripted):
    device = DeviceExpectation("MN-1", "unit-1", "341323")
    readings = records_of(scripted, "MN-1", [*range(22), 30], faulty={5})
    assert device_rates([device], readings, scripted.at(0), scripted.at(24)) == {
        device: TransmissionRate("MN-1", 24, 21)
    }


def test_records_beyond_the_expected_number_do_not_lift_the_rate_above_one(scripted):
    device = DeviceExpectation("MN-1", "unit-1", "341323", interval=timedelta(hours=2))
    [rate] = device_rates([device], records_of(scripted, "MN-1", range(24)), scripted.at(0), scripted.at(24)).values()
    assert (rate.expected, rate.valid, rate.rate) == (12, 12, 1.0)


def test_rates_roll_up_as_a_ratio_of_sums_per_unit_county_city_and_province(scripted):
    devices = [
        DeviceExpectation("MN-1", "unit-1", "341323"),
        DeviceExpectation("MN-2", "unit-1", "341323"),
        DeviceExpectation("MN-3", "unit-2", "341302"),
        DeviceExpectation("MN-4", "unit-3", "360823"),
    ]
    readings = [
        *records_of(scripted, "MN-1", range(24)),
        *records_of(scripted, "MN-2", range(12)),
        *records_of(scripted, "MN-3", range(18)),
    ]
    rates = device_rates(devices, readings, scripted.at(0), scripted.at(24))
    assert rates_per_unit(rates) == [
        TransmissionRate("unit-1", 48, 36),
        TransmissionRate("unit-2", 24, 18),
        TransmissionRate("unit-3", 24, 0),
    ]
    assert rates_per_region(rates, RegionLevel.COUNTY) == [
        TransmissionRate("341302", 24, 18),
        TransmissionRate("341323", 48, 36),
        TransmissionRate("360823", 24, 0),
    ]
    assert rates_per_region(rates, RegionLevel.CITY) == [
        TransmissionRate("341300", 72, 54),
        TransmissionRate("360800", 24, 0),
    ]
    assert [(r.scope, r.rate) for r in rates_per_region(rates, RegionLevel.PROVINCE)] == [
        ("340000", 0.75),
        ("360000", 0.0),
    ]


def test_a_rate_over_nothing_expected_is_unknown():
    assert TransmissionRate("341323", 0, 0).rate is None
