"""What the gateway observed about one received packet (or part of one), for the QN (C12) and protocol-integrity
(C13) rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from ecolink_alerts.domain.hj212.packet import Packet
from ecolink_alerts.domain.readings import SeriesKey, require_utc


class ProtocolFault(StrEnum):
    """ANOMALY_RULES §C13: ways a packet fails the HJ 212 framing."""

    CRC_MISMATCH = "crc_mismatch"
    LENGTH_MISMATCH = "length_mismatch"
    MODBUS_CRC = "modbus_crc"
    SPLIT_PACKET_INCOMPLETE = "split_packet_incomplete"
    """Issue 10: a split packet (PNUM/PNO) whose parts did not all arrive within the age limit."""
    WRONG_PASSWORD = "wrong_password"
    """Issue 10: packets naming the MN with a wrong password (counted per source and interval)."""


@dataclass(frozen=True)
class PacketReceipt:
    """One packet from a known MN: when it came, its QN, and what was wrong with its framing.

    A MODBUS CRC from a device registered for that CRC mode (HJ212.md §2) is not a fault: the
    gateway leaves it out of `faults`.
    """

    mn: str
    unit_id: str
    outlet_id: str
    received_at: datetime
    qn: str | None = None
    faults: tuple[ProtocolFault, ...] = ()
    from_device: bool = True
    """False for packets the device may not have sent (a wrong password): they feed C13 only, not C10 or C12."""

    def __post_init__(self) -> None:
        require_utc(self.received_at, "received_at")

    @property
    def device_key(self) -> SeriesKey:
        return SeriesKey(self.unit_id, self.outlet_id, self.mn)


@dataclass(frozen=True)
class HeldPart:
    """One part of a split packet (HJ212.md §3: PNUM/PNO) as received: the parsed part and its own receipt, whose
    faults go with the whole packet once every part is in."""

    packet: Packet
    receipt: PacketReceipt

    @property
    def qn_key(self) -> str:
        """The part's group within its device: its QN, or "" for 2005 parts without one."""
        return self.packet.qn or ""


@dataclass(frozen=True)
class PendingGroup:
    """A group with parts held: its device and QN ("" for none), its parts and its first and last arrival."""

    mn: str
    qn: str
    parts: int
    pnum: int
    first_received_at: datetime
    last_received_at: datetime
