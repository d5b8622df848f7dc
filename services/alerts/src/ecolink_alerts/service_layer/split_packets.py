"""Split packets (HJ212.md §3: PNUM/PNO) held in the database by device and QN until whole, or given up as C13."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ecolink_alerts.domain.hj212 import DroppedGroup, DropReason, joined_parts
from ecolink_alerts.domain.packet_records import records_from_packet
from ecolink_alerts.domain.packets import HeldPart, PacketReceipt, PendingGroup, ProtocolFault
from ecolink_alerts.service_layer.arrivals import Arrival
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SplitPackets:
    """How parts are held: at most `max_pending_groups` groups per device (its oldest is given up for a new one);
    with `expire_before`, groups whose first part came before it are given up in the same transaction."""

    max_pending_groups: int
    expire_before: datetime | None = None


async def held_arrivals(
    uow: AlertsUnitOfWork, memory: DeviceMemory, arrivals: Sequence[Arrival], split: SplitPackets
) -> tuple[list[Arrival], list[DroppedGroup]]:
    """The arrivals as ingest stores them: each part is held (so it may be answered once this transaction commits),
    and the one that completes its group brings the whole packet; every group given up (expired, evicted, restarted)
    arrives as a packet with the fault `split_packet_incomplete`, so it raises C13 for the device."""
    resolved: list[Arrival] = []
    dropped: list[tuple[DroppedGroup, PendingGroup]] = []
    if split.expire_before is not None:
        await uow.split_packets.forget_joined(split.expire_before)
        for expired in await uow.split_packets.pending_groups(first_before=split.expire_before):
            dropped.append((await _drop(uow, expired, DropReason.EXPIRED), expired))
    for arrival in arrivals:
        if arrival.part is None:
            resolved.append(arrival)
            continue
        whole, given_up = await _hold(uow, arrival.part, split.max_pending_groups)
        dropped.extend(given_up)
        if whole is not None:
            resolved.append(whole)
    for lost, pending in dropped:
        site = await memory.site(uow, lost.mn)
        if site is None:
            continue
        device = site.device
        faults = (ProtocolFault.SPLIT_PACKET_INCOMPLETE,)
        receipt = PacketReceipt(lost.mn, device.unit_id, device.outlet_id, pending.last_received_at, lost.qn, faults)
        resolved.append(Arrival((), receipt.received_at, receipt))
    return resolved, [lost for lost, _ in dropped]


async def _hold(
    uow: AlertsUnitOfWork, part: HeldPart, max_pending_groups: int
) -> tuple[Arrival | None, list[tuple[DroppedGroup, PendingGroup]]]:
    """Hold one part; the whole packet's arrival when it was the last one missing, and the groups given up for it."""
    packet, qn = part.packet, part.qn_key
    assert packet.pnum is not None and packet.pno is not None, "only parts of split packets are held"
    dropped = []
    stored = await uow.split_packets.parts(packet.mn, qn)
    if stored and stored[0].joined:
        if stored[0].packet.pnum == packet.pnum:
            return None, []  # a part of a packet already whole and stored, sent again because its reply was lost
        await uow.split_packets.drop_group(packet.mn, qn)
        stored = []
    if stored and stored[0].packet.pnum != packet.pnum:
        [group] = [found for found in await uow.split_packets.pending_groups(packet.mn) if found.qn == qn]
        dropped.append((await _drop(uow, group, DropReason.RESTARTED), group))
        stored = []
    if not stored:
        pending = await uow.split_packets.pending_groups(packet.mn)
        for oldest in pending[: max(0, len(pending) - max_pending_groups + 1)]:
            dropped.append((await _drop(uow, oldest, DropReason.EVICTED), oldest))
    if all(held.packet.pno != packet.pno for held in stored):  # a part sent again (its reply was lost) is held once
        await uow.split_packets.add(part)
        stored = await uow.split_packets.parts(packet.mn, qn)
    if len(stored) < packet.pnum:
        return None, dropped
    await uow.split_packets.mark_joined(packet.mn, qn)
    whole = joined_parts(held.packet for held in stored)
    faults = sorted({fault for held in stored for fault in held.faults}, key=lambda fault: fault.value)
    received_at = max(held.received_at for held in stored)
    receipt = dataclasses.replace(part.receipt, received_at=received_at, faults=tuple(faults))
    return Arrival(records_from_packet(whole), received_at, receipt), dropped


async def _drop(uow: AlertsUnitOfWork, group: PendingGroup, reason: DropReason) -> DroppedGroup:
    """Give a group up: its parts are deleted, and it is logged (HJ212.md §3: an incomplete packet is lost data)."""
    await uow.split_packets.drop_group(group.mn, group.qn)
    log.warning(
        "hj212 split packet of %s QN=%r given up with %d of %d parts: %s",
        group.mn,
        group.qn,
        group.parts,
        group.pnum,
        reason.value,
    )
    return DroppedGroup(group.mn, group.qn or None, group.parts, group.pnum, reason)
