"""Split packets (PNUM/PNO, HJ212.md §3): the parts of one group joined into one packet, and why a group is dropped."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ecolink_alerts.domain.hj212.data_area import DataArea
from ecolink_alerts.domain.hj212.flag import PacketFlag
from ecolink_alerts.domain.hj212.format_warnings import FormatWarning, FormatWarningKind
from ecolink_alerts.domain.hj212.packet import Packet


class DropReason(StrEnum):
    """Why an incomplete group was given up; the value is the stable reason."""

    EXPIRED = "HJ212_SUBPACKETS_EXPIRED"
    """Its first part is older than the age limit."""
    EVICTED = "HJ212_SUBPACKETS_EVICTED"
    """The device's pending-group limit was reached and it was its oldest."""
    RESTARTED = "HJ212_SUBPACKETS_RESTARTED"
    """A part with the same MN and QN but another PNUM arrived: the device started over."""
    TOO_LARGE = "HJ212_SUBPACKETS_TOO_LARGE"
    """PNUM is above the limit of parts per group, so it is not held at all."""


@dataclass(frozen=True, slots=True)
class DroppedGroup:
    """An incomplete group given up, to count, log and raise as a protocol-integrity fault (C13)."""

    mn: str
    qn: str | None
    received: int
    expected: int
    reason: DropReason


def joined_parts(parts: Iterable[Packet]) -> Packet:
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
