"""A 2005 device's factor codes read as their 2017 codes (HJ212.md §7), decided by the registry or the packet."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ecolink_alerts.domain.hj212 import CrcMode, ProtocolVersion, is_unmapped_2005_code, sends_2005_codes
from ecolink_alerts.domain.monitoring_records import FactorValue, MonitoringRecord
from ecolink_alerts.domain.readings import DataKind
from ecolink_alerts.domain.registry_records import Device
from ecolink_alerts.service_layer.factor_translation import in_2017_codes

AT = datetime(2026, 11, 20, tzinfo=UTC)


def device(protocol: ProtocolVersion) -> Device:
    return Device("88888880000001", "unit", "DA001", protocol, CrcMode.HJ212, "123456")


def record(*codes: str, protocol: ProtocolVersion | None = None) -> MonitoringRecord:
    return MonitoringRecord(
        "88888880000001", DataKind.HOURLY, AT, tuple(FactorValue(code, 1.0) for code in codes), protocol
    )


def test_a_2005_device_values_take_their_2017_codes_and_keep_the_codes_sent() -> None:
    translated, unmapped = in_2017_codes(record("02", "B02", "060"), device(ProtocolVersion.HJ212_2005))
    assert [(value.factor, value.reported_code) for value in translated.values] == [
        ("a21026", "02"),
        ("a00000", "B02"),
        ("w21003", "060"),
    ]
    assert unmapped == 0


def test_a_code_without_a_2017_code_is_kept_as_sent_and_counted() -> None:
    translated, unmapped = in_2017_codes(record("02", "99"), device(ProtocolVersion.HJ212_2005))
    assert [(value.factor, value.reported_code) for value in translated.values] == [("a21026", "02"), ("99", None)]
    assert unmapped == 1


def test_a_2005_packet_of_a_device_registered_for_2017_is_read_as_2005() -> None:
    translated, _ = in_2017_codes(record("02", protocol=ProtocolVersion.HJ212_2005), device(ProtocolVersion.HJ212_2017))
    assert translated.values[0].factor == "a21026"


def test_a_2017_device_codes_are_left_as_sent() -> None:
    sent = record("LA", "02", protocol=ProtocolVersion.HJ212_2017)
    assert in_2017_codes(sent, device(ProtocolVersion.HJ212_2017)) == (sent, 0)


def test_a_code_also_sent_under_its_2017_code_stays_as_sent_so_neither_value_is_lost() -> None:
    translated, _ = in_2017_codes(record("02", "a21026"), device(ProtocolVersion.HJ212_2005))
    assert [value.factor for value in translated.values] == ["02", "a21026"]


@pytest.mark.parametrize(
    ("registered", "sent", "expected"),
    [
        (ProtocolVersion.HJ212_2005, None, True),
        (ProtocolVersion.HJ212_2017, ProtocolVersion.HJ212_2005, True),
        (ProtocolVersion.HJ212_2017, ProtocolVersion.HJ212_2017, False),
        (ProtocolVersion.HJ212_2025, None, False),
    ],
)
def test_the_registry_or_the_packet_decides_that_codes_are_2005(
    registered: ProtocolVersion, sent: ProtocolVersion | None, expected: bool
) -> None:
    assert sends_2005_codes(registered, sent) is expected


def test_only_codes_neither_2017_shaped_nor_in_the_table_are_unmapped() -> None:
    assert [is_unmapped_2005_code(code) for code in ("02", "a21026", "99", "B03")] == [False, False, True, True]
