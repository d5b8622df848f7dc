"""The CRC of an HJ 212 frame: the standard's CRC16 and the CRC-16/MODBUS some devices send instead."""

from __future__ import annotations

from enum import StrEnum

_REFLECTED_POLYNOMIAL = 0xA001
_HEX_DIGITS = frozenset(b"0123456789abcdefABCDEF")


class CrcMode(StrEnum):
    """Which CRC a device computes; MODBUS only for devices registered with that mode (HJ212.md §2)."""

    HJ212 = "hj212"
    MODBUS = "modbus"


def _byte_table() -> tuple[int, ...]:
    """The 256 results of eight shift/XOR-0xA001 rounds, one per starting byte (the CRC-16/ARC table)."""
    table = []
    for value in range(256):
        register = value
        for _ in range(8):
            register = (register >> 1) ^ _REFLECTED_POLYNOMIAL if register & 1 else register >> 1
        table.append(register)
    return tuple(table)


_TABLE = _byte_table()


def hj212_crc16(data: bytes) -> int:
    """HJ 212 Appendix A "ANSI CRC16": per byte `reg = (reg >> 8) ^ byte`, then eight rounds (HJ212.md §2).

    The register is below 256 before the rounds, so each step is one table look-up: this is why the
    result is always one of 256 values and the check is only 8 bits strong.
    """
    register = 0xFFFF
    for byte in data:
        register = _TABLE[(register >> 8) ^ byte]
    return register


def modbus_crc16(data: bytes) -> int:
    """CRC-16/MODBUS (init 0xFFFF, reflected 0xA001, `reg ^= byte`), as a number."""
    register = 0xFFFF
    for byte in data:
        register = (register >> 8) ^ _TABLE[(register ^ byte) & 0xFF]
    return register


def crc_field(data: bytes, mode: CrcMode = CrcMode.HJ212) -> str:
    """The four upper-case hex digits a device in `mode` writes after `data`.

    MODBUS devices send the value low byte first (HJ212.md §2: declared `0681` is MODBUS 0x8106).
    """
    if mode is CrcMode.MODBUS:
        value = modbus_crc16(data)
        return f"{((value & 0xFF) << 8) | (value >> 8):04X}"
    return f"{hj212_crc16(data):04X}"


def is_crc_text(field: bytes | bytearray) -> bool:
    """Whether `field` has the shape of a CRC field: exactly four hex digits, either case."""
    return len(field) == 4 and all(byte in _HEX_DIGITS for byte in field)


def crc_matches(data: bytes, declared: str, mode: CrcMode = CrcMode.HJ212) -> bool:
    """Whether the declared CRC text is right for `data` in `mode`; case is ignored (`cc01` occurs in the wild)."""
    return declared.upper() == crc_field(data, mode)


def matching_crc_mode(data: bytes, declared: str) -> CrcMode | None:
    """The mode whose CRC the declared text carries, HJ 212 first; None when neither matches."""
    return next((mode for mode in CrcMode if crc_matches(data, declared, mode)), None)
