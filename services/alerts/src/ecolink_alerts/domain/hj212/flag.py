"""The Flag field of a data segment: version bits V5…V0, split bit D and reply bit A (HJ212.md §3)."""

from __future__ import annotations

from dataclasses import dataclass

from ecolink_alerts.domain.hj212.version import ProtocolVersion

_REPLY_BIT = 0b01
_SPLIT_BIT = 0b10


@dataclass(frozen=True, slots=True)
class PacketFlag:
    """A Flag value 0–255, read as bits `V5 V4 V3 V2 V1 V0 D A`."""

    value: int

    def __post_init__(self) -> None:
        if not 0 <= self.value <= 255:
            raise ValueError(f"a Flag is one byte, not {self.value}")

    @classmethod
    def of(cls, version: ProtocolVersion, *, needs_reply: bool = False, has_subpackets: bool = False) -> PacketFlag:
        """The Flag a packet of `version` carries with the given bits, e.g. 2017 with reply = 5."""
        return cls((version.value << 2) | (_SPLIT_BIT if has_subpackets else 0) | (_REPLY_BIT if needs_reply else 0))

    @property
    def version_bits(self) -> int:
        """V5…V0: 0 is 2005, 1 is 2017, 2 is 2025."""
        return self.value >> 2

    @property
    def needs_reply(self) -> bool:
        """Bit A: the sender expects a reply (a 9014 data reply for an upload)."""
        return bool(self.value & _REPLY_BIT)

    @property
    def has_subpackets(self) -> bool:
        """Bit D: the packet is one of a split group and carries PNUM/PNO."""
        return bool(self.value & _SPLIT_BIT)
