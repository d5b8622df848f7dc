"""Why `parse_packet` refuses a data segment: a small hierarchy with stable reasons and the 9011 code answering each."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar

from ecolink_alerts.domain.hj212.codes import QnRtn

_QN_RTN_FOR_FIELD: Mapping[str, QnRtn] = MappingProxyType(
    {
        "PW": QnRtn.PASSWORD_ERROR,
        "MN": QnRtn.MN_ERROR,
        "ST": QnRtn.ST_ERROR,
        "Flag": QnRtn.FLAG_ERROR,
        "QN": QnRtn.QN_ERROR,
        "CN": QnRtn.CN_ERROR,
    }
)
"""HJ212.md §4: the QnRtn values 3–8 name the header field that was wrong; the rest is 100 (unknown)."""


class PacketError(Exception):
    """Base of every refusal of `parse_packet`; no other exception leaves it."""

    reason: ClassVar[str] = "HJ212_PACKET_INVALID"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    @property
    def qn_rtn(self) -> QnRtn:
        """The 9011 return code that answers this refusal (HJ212.md §4)."""
        return _QN_RTN_FOR_FIELD.get(self.field or "", QnRtn.UNKNOWN_ERROR)


class PacketNotText(PacketError):
    """The data segment is not UTF-8 text (HJ212.md §1: ASCII, Chinese only as UTF-8)."""

    reason = "HJ212_PACKET_NOT_UTF8"


class MissingField(PacketError):
    """A field the packet must carry is absent (ST, CN, PW, MN, CP; PNO with PNUM and the reverse)."""

    reason = "HJ212_FIELD_MISSING"

    def __init__(self, field: str) -> None:
        super().__init__(f"the packet has no {field}", field=field)


class InvalidField(PacketError):
    """A header field is present but its value breaks the format of HJ212.md §3, or it repeats with two values."""

    reason = "HJ212_FIELD_INVALID"

    def __init__(self, field: str, value: str, expected: str) -> None:
        super().__init__(f"{field}={value[:40]!r} is not {expected}", field=field)
        self.value = value


class MalformedDataArea(PacketError):
    """The `CP=&&…&&` data area is not delimited by `&&` at both ends."""

    reason = "HJ212_DATA_AREA_MALFORMED"

    def __init__(self, message: str) -> None:
        super().__init__(message, field="CP")
