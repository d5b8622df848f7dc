"""Reassembly of split packets (PNUM/PNO) into one packet, keyed by (MN, QN), with bounded pending groups."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ecolink_alerts.domain.hj212.data_area import DataArea
from ecolink_alerts.domain.hj212.flag import PacketFlag
from ecolink_alerts.domain.hj212.format_warnings import FormatWarning, FormatWarningKind
from ecolink_alerts.domain.hj212.packet import Packet

GroupKey = tuple[str, str | None]


class DropReason(StrEnum):
    """Why an incomplete group was given up; the value is the stable reason."""

    EXPIRED = "HJ212_SUBPACKETS_EXPIRED"
    """Its first part is older than the age limit."""
    EVICTED = "HJ212_SUBPACKETS_EVICTED"
    """The pending-group limit was reached and it was the oldest."""
    RESTARTED = "HJ212_SUBPACKETS_RESTARTED"
    """A part with the same MN and QN but another PNUM arrived: the device started over."""
    TOO_LARGE = "HJ212_SUBPACKETS_TOO_LARGE"
    """PNUM is above the limit of parts per group, so it is not held at all."""


@dataclass(frozen=True, slots=True)
class DroppedGroup:
    """An incomplete group given up, for the gateway to count (protocol integrity)."""

    mn: str
    qn: str | None
    received: int
    expected: int
    reason: DropReason


@dataclass(frozen=True, slots=True)
class AssemblyStep:
    """What adding one packet produced: the whole packet if it completed one, and groups given up meanwhile."""

    completed: Packet | None
    dropped: tuple[DroppedGroup, ...] = ()


@dataclass(slots=True)
class _PendingGroup:
    first_seen: float
    expected: int
    parts: dict[int, Packet] = field(default_factory=dict)


class SubpacketAssembler:
    """Collects the parts of split packets until each group is whole. Pure: the caller passes the time.

    Parts belong together when MN and QN agree (2005 parts without a QN share the key (MN, None)).
    Memory is bounded by `max_pending_groups` × `max_subpackets` parts; a group older than `max_age`
    seconds (measured from its first part) is dropped when the assembler next sees the time.
    """

    def __init__(self, *, max_age: float, max_pending_groups: int = 64, max_subpackets: int = 64) -> None:
        if max_age <= 0 or max_pending_groups < 1 or max_subpackets < 1:
            raise ValueError("max_age, max_pending_groups and max_subpackets must be positive")
        self._max_age = max_age
        self._max_pending_groups = max_pending_groups
        self._max_subpackets = max_subpackets
        self._groups: dict[GroupKey, _PendingGroup] = {}

    @property
    def pending_groups(self) -> int:
        """Groups waiting for more parts."""
        return len(self._groups)

    def add(self, packet: Packet, now: float) -> AssemblyStep:
        """Take one packet; a packet that is not split comes straight back as completed."""
        dropped = list(self.expire(now))
        if packet.pnum is None or packet.pno is None:
            return AssemblyStep(packet, tuple(dropped))
        if packet.pnum > self._max_subpackets:
            dropped.append(DroppedGroup(packet.mn, packet.qn, 1, packet.pnum, DropReason.TOO_LARGE))
            return AssemblyStep(None, tuple(dropped))
        key = (packet.mn, packet.qn)
        group = self._groups.get(key)
        if group is not None and group.expected != packet.pnum:
            dropped.append(self._drop(key, DropReason.RESTARTED))
            group = None
        if group is None:
            if len(self._groups) >= self._max_pending_groups:
                dropped.append(self._drop(next(iter(self._groups)), DropReason.EVICTED))
            group = self._groups[key] = _PendingGroup(first_seen=now, expected=packet.pnum)
        group.parts.setdefault(packet.pno, packet)  # a part sent again (its reply was lost) changes nothing
        if len(group.parts) < group.expected:
            return AssemblyStep(None, tuple(dropped))
        del self._groups[key]
        return AssemblyStep(_joined(group.parts[number] for number in sorted(group.parts)), tuple(dropped))

    def expire(self, now: float) -> tuple[DroppedGroup, ...]:
        """Drop the groups whose first part is older than the age limit."""
        stale = [key for key, group in self._groups.items() if now - group.first_seen > self._max_age]
        return tuple(self._drop(key, DropReason.EXPIRED) for key in stale)

    def _drop(self, key: GroupKey, reason: DropReason) -> DroppedGroup:
        group = self._groups.pop(key)
        return DroppedGroup(key[0], key[1], len(group.parts), group.expected, reason)


def _joined(parts: Iterable[Packet]) -> Packet:
    """One packet from the parts in PNO order: the first part's header, the union of the data areas.

    A key that two parts give different values keeps the first value and is recorded as a warning.
    """
    ordered = list(parts)
    first = ordered[0]
    warnings: list[FormatWarning] = []
    data_time: str | None = None
    factors: dict[str, dict[str, str]] = {}
    params: dict[str, str] = {}
    for part in ordered:
        warnings.extend(part.warnings)
        if part.cp.data_time is not None:
            data_time = _kept(data_time, part.cp.data_time, "DataTime", warnings)
        for code, fields in part.cp.factors.items():
            merged = factors.setdefault(code, {})
            for name, value in fields.items():
                merged[name] = _kept(merged.get(name), value, f"{code}-{name}", warnings)
        for name, value in part.cp.params.items():
            params[name] = _kept(params.get(name), value, name, warnings)
    flag = None if first.flag is None else PacketFlag.of(first.version, needs_reply=first.flag.needs_reply)
    return dataclasses.replace(
        first,
        flag=flag,
        pnum=None,
        pno=None,
        cp=DataArea(data_time=data_time, factors=factors, params=params),
        warnings=tuple(warnings),
    )


def _kept(earlier: str | None, later: str, key: str, warnings: list[FormatWarning]) -> str:
    """The value a merged key keeps: the earlier one, with a warning when the later one differs."""
    if earlier is None:
        return later
    if earlier != later:
        warnings.append(FormatWarning.about(FormatWarningKind.SUBPACKET_CONFLICT, key))
    return earlier
