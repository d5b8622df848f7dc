"""The gateway's narrow port: where device credentials come from and where accepted packets go."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from ecolink_alerts.domain.hj212 import CrcMode, Packet, ProtocolVersion
from ecolink_alerts.gateway.password_guard import FailureCount


@dataclass(frozen=True, slots=True)
class DeviceCredentials:
    """What the registry knows of one monitoring device: its MN, the digest of its access password, CRC mode, where
    it measures and the HJ 212 edition it is registered for."""

    mn: str
    password_digest: str
    crc_mode: CrcMode
    unit_id: str
    outlet_id: str
    protocol: ProtocolVersion = ProtocolVersion.HJ212_2017


class DeviceDirectory(Protocol):
    """Looks devices up by MN; called once per packet, so implementations cache as they see fit."""

    async def device(self, mn: str) -> DeviceCredentials | None:
        """The registered device with this MN, or None when none is registered."""
        ...


class PacketSink(Protocol):
    """Takes complete, authenticated packets from the gateway.

    Contract: `accept` returns only once the packet's data are durably committed, because the gateway
    sends the data reply right after it returns (issue 4: "A reply is sent only after the data are
    committed"); a device whose upload got its reply never sends it again. On any failure it raises,
    and then the gateway sends no data reply, so the device retries (HJ212.md §4: 3 retries).
    `faults` names the protocol-integrity faults the gateway saw on the frames of the packet (for
    example a wrong length field), beyond the packet's own format warnings.

    A part of a split packet (PNUM/PNO) is accepted like a packet: `accept` returns once the part is durably
    held by its device and QN (whatever connection brought it), so the gateway answers each part that asks.
    """

    async def accept(
        self, packet: Packet, device: DeviceCredentials, *, received_at: datetime, faults: tuple[str, ...]
    ) -> None:
        """Commit the packet's data (or hold the part) durably, or raise."""
        ...

    async def record_password_failures(self, failures: Sequence[FailureCount]) -> None:
        """Write the wrong passwords counted per source and MN to the audit log, one row each, and raise them as C13
        for their devices."""
        ...

    async def expire_split_packets(self, now: datetime) -> int:
        """Give up the split packets whose first part is older than the age limit at `now` (each raised as C13);
        returns how many."""
        ...
