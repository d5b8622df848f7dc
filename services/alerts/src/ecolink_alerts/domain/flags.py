"""HJ 212 data flags (Table 8) and the per-device-profile tables that map flag codes onto them."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType


class DataFlag(StrEnum):
    """HJ212.md §6: the meaning of an `xxxxxx-Flag` value, named by its HJ 212-2017 code."""

    NORMAL = "N"
    STOPPED = "F"
    MAINTENANCE = "M"
    MANUAL = "S"
    FAULT = "D"
    CALIBRATION = "C"
    OVER_RANGE = "T"
    COMMUNICATION = "B"


class UnknownDataFlag(ValueError):
    """A flag code that the device's flag table does not define."""


HJ212_2017_FLAG_CODES: Mapping[str, DataFlag] = MappingProxyType({flag.value: flag for flag in DataFlag})
"""HJ212.md §6: the 2017 table, the default device profile."""

LEGACY_FLAG_CODES: Mapping[str, DataFlag] = MappingProxyType(
    {
        **HJ212_2017_FLAG_CODES,
        "P": DataFlag.FAULT,  # power fault
        "B": DataFlag.FAULT,  # legacy B = instrument fault
        "D": DataFlag.COMMUNICATION,  # legacy D = acquisition channel closed: nothing reaches the datalogger
        "H": DataFlag.OVER_RANGE,  # above the measuring range
        "L": DataFlag.NORMAL,  # below the measuring range: a measured value, judged by rule C8
        "]": DataFlag.NORMAL,  # above a user alarm limit: a measured value, judged by the limit rules
        "[": DataFlag.NORMAL,  # below a user alarm limit
    }
)
"""HJ212.md §6: the legacy table of `flash520/hj212` and `ringyee/fkhj212`, for devices that still use it."""


def data_flag(code: str, table: Mapping[str, DataFlag] = HJ212_2017_FLAG_CODES) -> DataFlag:
    """The meaning of a flag code under a device profile's table; an undefined code is refused."""
    try:
        return table[code]
    except KeyError:
        raise UnknownDataFlag(f"data flag {code!r} is not defined for this device profile") from None
