"""Monitoring records as ingest takes them, and what ingest reports back: counts and per-record refusals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from ecolink_alerts.domain.hj212.reassembly import DroppedGroup
from ecolink_alerts.domain.hj212.version import ProtocolVersion
from ecolink_alerts.domain.readings import DataKind, Reading


class FactorValue(NamedTuple):
    """One factor of a record as sent: its value (`-Rtd`/`-Avg`), flag code and optional companions (a named tuple:
    bulk ingest makes one per value)."""

    factor: str
    value: float
    flag: str = "N"
    converted: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    cumulative: float | None = None
    reported_code: str | None = None
    """The factor code as the device sent it, when ingest stores the value under another (a 2005 code, HJ212.md §7)."""


@dataclass(frozen=True)
class MonitoringRecord:
    """DOMAIN §2.1: one record, identified by (MN, CN, DataTime), with its factor values; `protocol` is the HJ 212
    edition of the packet it came in (None off the wire: bulk ingest)."""

    mn: str
    kind: DataKind
    data_time: datetime
    values: tuple[FactorValue, ...]
    protocol: ProtocolVersion | None = None


ValueRow = tuple[
    str, str, datetime, str, float, str, float | None, float | None, float | None, float | None, datetime, str | None
]
"""One stored factor value: MN, CN, DataTime, factor, value, flag code, the companions (converted, minimum,
maximum, cumulative), the receipt time and the code as reported; a plain tuple, as bulk ingest makes one per value."""


class RefusalReason(StrEnum):
    """Why a record was not stored; each is a stable reason clients may branch on."""

    # Also a device the forwarding agency may not see (DOMAIN §1: existence is not leaked).
    UNKNOWN_MN = "UNKNOWN_MN"
    # The agency sees the device (its own enterprise) but only the bureaus of the unit's region forward its data.
    FORWARDING_NOT_PERMITTED = "FORWARDING_NOT_PERMITTED"
    UNKNOWN_DATA_FLAG = "UNKNOWN_DATA_FLAG"
    INVALID_VALUE = "INVALID_VALUE"


@dataclass(frozen=True)
class Refusal:
    """A refused record: its position in the batch, its MN and the reason."""

    index: int
    mn: str
    reason: RefusalReason

    def shifted(self, offset: int) -> Refusal:
        """The refusal with its index counted from `offset` (the records of earlier batches of a stream)."""
        return Refusal(self.index + offset, self.mn, self.reason)


@dataclass
class IngestOutcome:
    """Per record: accepted (new values stored), duplicate (every value already stored) or conflict (C12)."""

    accepted: int = 0
    duplicates: int = 0
    conflicts: int = 0
    refusals: list[Refusal] = field(default_factory=list)
    unmapped_codes: int = 0
    """Values of 2005 devices whose factor code has no 2017 code in HJ212.md §7: stored under the code as sent."""
    split_groups_dropped: list[DroppedGroup] = field(default_factory=list)
    """Split packets given up in the transaction (expired, evicted or restarted), each raised as C13."""

    def add(self, other: IngestOutcome) -> None:
        self.accepted += other.accepted
        self.duplicates += other.duplicates
        self.conflicts += other.conflicts
        self.unmapped_codes += other.unmapped_codes
        self.split_groups_dropped.extend(other.split_groups_dropped)
        self.refusals.extend(other.refusals)


ValueKey = tuple[str, DataKind, datetime, str]
"""A stored value: (MN, CN, DataTime, factor)."""

RecordKey = tuple[str, DataKind, datetime]
"""A record: (MN, CN, DataTime)."""


def value_key(reading: Reading) -> ValueKey:
    return (reading.mn, reading.kind, reading.data_time, reading.factor)


def value_row(reading: Reading) -> ValueRow:
    """The reading as a stored value row (the adapter stores it in the same column order)."""
    assert reading.received_at is not None, "stored readings carry their receipt time"
    return (
        reading.mn,
        reading.kind.value,
        reading.data_time,
        reading.factor,
        reading.value,
        reading.flag.value,
        reading.converted,
        reading.minimum,
        reading.maximum,
        reading.cumulative,
        reading.received_at,
        reading.reported_code,
    )


ValuePosition = tuple[datetime, str, str]
"""Where a listing of values stands: the DataTime, MN and factor code of the last value returned."""
