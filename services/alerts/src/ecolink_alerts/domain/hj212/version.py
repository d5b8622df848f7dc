"""Which edition of HJ 212 a packet follows (2005, 2017 or 2025) and the factor fields each edition knows."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

from ecolink_alerts.domain.hj212.factor_codes import is_2017_code

FIELDS_ONLY_IN_2005 = frozenset({"Ala", "UpValue", "LowValue"})
"""HJ212.md §9: the alarm fields of 2005; the 2017 foreword says alarm fields were deleted."""

FIELDS_SINCE_2017 = frozenset({"ZsRtd", "ZsMin", "ZsAvg", "ZsMax", "EFlag", "SampleTime", "Info", "SN"})
"""HJ212.md §3 and §9: factor fields 2017 added (converted values, instrument flag, sample time, info, serial)."""


class ProtocolVersion(IntEnum):
    """An edition of HJ 212; the value is what the Flag's version bits V5…V0 hold for it (HJ212.md §3)."""

    HJ212_2005 = 0
    HJ212_2017 = 1
    HJ212_2025 = 2


def detect_version(version_bits: int | None, factor_codes: Iterable[str]) -> ProtocolVersion:
    """HJ212.md §9: the Flag's version bits decide; without a Flag, any `a12345`-shaped factor code means 2017.

    A packet with neither is 2005 style, since only 2005 devices leave the Flag out.
    Raises ValueError for version bits no edition uses.
    """
    if version_bits is not None:
        return ProtocolVersion(version_bits)
    if any(is_2017_code(code) for code in factor_codes):
        return ProtocolVersion.HJ212_2017
    return ProtocolVersion.HJ212_2005


def sends_2005_codes(registered: ProtocolVersion, sent: ProtocolVersion | None) -> bool:
    """HJ212.md §7/§9: factor codes are read as 2005 "original codes" when the registry says the device speaks 2005,
    or the packet itself is 2005 (version bits 0, or no Flag and no 2017-shaped code); `sent` is None off the wire."""
    return ProtocolVersion.HJ212_2005 in (registered, sent)


def fields_foreign_to(version: ProtocolVersion, field_names: Iterable[str]) -> list[str]:
    """The factor fields of a packet that its edition does not define (2005 fields in 2017+, and the reverse)."""
    foreign = FIELDS_SINCE_2017 if version is ProtocolVersion.HJ212_2005 else FIELDS_ONLY_IN_2005
    return sorted({name for name in field_names if name in foreign})
