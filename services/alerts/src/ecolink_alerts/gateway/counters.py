"""In-process counters of the gateway (connections, packets, refusals by reason, replies) and their snapshot."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from ecolink_alerts.domain.hj212 import FrameErrorKind


class RefusalReason(StrEnum):
    """Why a frame, packet or connection was refused; the value is the stable name in logs and snapshots."""

    GARBAGE = "garbage"
    OVERSIZED = "oversized"
    MALFORMED_FRAME = "malformed_frame"
    UNTERMINATED = "unterminated"
    MALFORMED_PACKET = "malformed_packet"
    CRC = "crc"
    UNKNOWN_MN = "unknown_mn"
    PASSWORD = "password"
    THROTTLED = "throttled"
    """A packet from an address blocked after repeated wrong passwords, dropped unchecked."""
    SUBPACKETS_DROPPED = "subpackets_dropped"
    CONNECTION_LIMIT = "connection_limit"
    IDLE_TIMEOUT = "idle_timeout"
    FRAME_TIMEOUT = "frame_timeout"


REFUSAL_FOR_FRAME_ERROR: Mapping[FrameErrorKind, RefusalReason] = MappingProxyType(
    {
        FrameErrorKind.GARBAGE: RefusalReason.GARBAGE,
        FrameErrorKind.OVERSIZED: RefusalReason.OVERSIZED,
        FrameErrorKind.MALFORMED: RefusalReason.MALFORMED_FRAME,
        FrameErrorKind.UNTERMINATED: RefusalReason.UNTERMINATED,
    }
)


@dataclass(frozen=True, slots=True)
class CountersSnapshot:
    """The gateway's counters at one instant."""

    connections_opened: int
    connections_open: int
    packets_accepted: int
    replies_sent: int
    sink_failures: int
    connection_errors: int
    unmapped_factor_codes: int
    """Factor codes of 2005 devices with no 2017 code (HJ212.md §7), stored as sent."""
    refused: dict[str, int]
    """Refusals by `RefusalReason` value; a copy, so changing it changes nothing."""

    def refused_for(self, reason: RefusalReason) -> int:
        """How many times `reason` was counted."""
        return self.refused.get(reason.value, 0)


@dataclass
class GatewayCounters:
    """Mutable counters shared by the connections of one gateway (one event loop, so no locking)."""

    connections_opened: int = 0
    connections_open: int = 0
    packets_accepted: int = 0
    replies_sent: int = 0
    sink_failures: int = 0
    connection_errors: int = 0
    unmapped_factor_codes: int = 0
    refused: Counter[RefusalReason] = field(default_factory=Counter)

    def refuse(self, reason: RefusalReason) -> None:
        """Count one refusal for `reason`."""
        self.refused[reason] += 1

    def snapshot(self) -> CountersSnapshot:
        """A frozen copy, safe to keep and log."""
        return CountersSnapshot(
            connections_opened=self.connections_opened,
            connections_open=self.connections_open,
            packets_accepted=self.packets_accepted,
            replies_sent=self.replies_sent,
            sink_failures=self.sink_failures,
            connection_errors=self.connection_errors,
            unmapped_factor_codes=self.unmapped_factor_codes,
            refused={reason.value: count for reason, count in sorted(self.refused.items())},
        )
