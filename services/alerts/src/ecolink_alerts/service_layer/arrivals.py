"""What ingest is given: records that arrived together, with the receipt or split-packet part they came in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ecolink_alerts.domain.monitoring_records import MonitoringRecord
from ecolink_alerts.domain.packets import HeldPart, PacketReceipt


@dataclass(frozen=True)
class Arrival:
    """Records that arrived together: one bulk-ingest request, or one gateway packet with its receipt; or one part
    of a split packet, held until its group is whole (then its records and receipt are the whole packet's)."""

    records: Sequence[MonitoringRecord]
    received_at: datetime
    receipt: PacketReceipt | None = None
    part: HeldPart | None = None
