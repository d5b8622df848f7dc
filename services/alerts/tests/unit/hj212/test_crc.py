"""The HJ 212 CRC16 of HJ212.md §2 and the CRC-16/MODBUS variant."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ecolink_alerts.domain.hj212.crc import (
    CrcMode,
    crc_field,
    crc_matches,
    hj212_crc16,
    is_crc_text,
    matching_crc_mode,
    modbus_crc16,
)

STANDARD_EXAMPLE = (
    b"QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&"
)


def reference_hj212_crc16(data: bytes) -> int:
    """The bit-by-bit algorithm exactly as HJ212.md §2 writes it."""
    register = 0xFFFF
    for byte in data:
        register = (register >> 8) ^ byte
        for _ in range(8):
            lsb = register & 1
            register >>= 1
            if lsb:
                register ^= 0xA001
    return register


def test_the_standard_example_is_101_bytes_with_crc_1c80():
    assert len(STANDARD_EXAMPLE) == 101
    assert crc_field(STANDARD_EXAMPLE) == "1C80"


def test_the_1c08_of_the_standard_prose_is_a_typo():
    assert not crc_matches(STANDARD_EXAMPLE, "1C08")


def test_lower_case_crc_text_is_accepted():
    assert crc_matches(STANDARD_EXAMPLE, "1c80")


def test_the_hj212_crc_is_not_crc16_modbus():
    assert crc_field(STANDARD_EXAMPLE, CrcMode.MODBUS) != "1C80"
    assert matching_crc_mode(STANDARD_EXAMPLE, "1C80") is CrcMode.HJ212


def test_crc16_modbus_has_its_catalogue_check_value():
    assert modbus_crc16(b"123456789") == 0x4B37


def test_a_modbus_device_sends_the_value_low_byte_first():
    assert crc_field(b"123456789", CrcMode.MODBUS) == "374B"


def test_an_empty_segment_keeps_the_initial_register():
    assert hj212_crc16(b"") == 0xFFFF


def test_neither_mode_matches_a_corrupted_crc():
    assert matching_crc_mode(STANDARD_EXAMPLE, "0000") is None


def test_crc_text_is_exactly_four_hex_digits():
    assert is_crc_text(b"1c8F")
    assert not is_crc_text(b"1C8")
    assert not is_crc_text(b"1C8G")
    assert not is_crc_text(b"1C80\r")


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_the_table_driven_crc_equals_the_algorithm_of_the_standard(data):
    assert hj212_crc16(data) == reference_hj212_crc16(data)


@settings(max_examples=200)
@given(st.binary(min_size=1, max_size=300))
def test_the_hj212_crc_low_byte_is_one_of_eight_values_so_it_is_an_8_bit_check(data):
    assert hj212_crc16(data) & 0xFF in {0x00, 0x01, 0x40, 0x41, 0x80, 0x81, 0xC0, 0xC1}
