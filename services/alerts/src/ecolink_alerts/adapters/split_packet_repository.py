"""Reads and writes the held parts of split packets (one row per MN, QN and PNO); never commits."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_alerts.adapters.tables import split_packet_part_table
from ecolink_alerts.domain.hj212 import DataArea, Packet, PacketFlag, ProtocolVersion
from ecolink_alerts.domain.packets import HeldPart, PendingGroup, ProtocolFault

_table = split_packet_part_table


@dataclass(frozen=True)
class StoredPart:
    """A held part as stored: the parsed part (without its password), its faults and when it came."""

    packet: Packet
    faults: tuple[ProtocolFault, ...]
    received_at: datetime
    joined: bool


def _packet_json(packet: Packet) -> str:
    """The part as JSON; the password is left out (it was checked on arrival) and so are the format warnings."""
    return json.dumps(
        {
            "qn": packet.qn,
            "st": packet.st,
            "cn": packet.cn,
            "mn": packet.mn,
            "flag": None if packet.flag is None else packet.flag.value,
            "pnum": packet.pnum,
            "pno": packet.pno,
            "version": packet.version.value,
            "data_time": packet.cp.data_time,
            "factors": packet.cp.factors,
            "params": packet.cp.params,
        }
    )


def _packet(text: str) -> Packet:
    data: dict[str, Any] = json.loads(text)
    return Packet(
        qn=data["qn"],
        st=data["st"],
        cn=data["cn"],
        pw="",
        mn=data["mn"],
        flag=None if data["flag"] is None else PacketFlag(data["flag"]),
        pnum=data["pnum"],
        pno=data["pno"],
        cp=DataArea(data_time=data["data_time"], factors=data["factors"], params=data["params"]),
        version=ProtocolVersion(data["version"]),
    )


def _stored(row: Row) -> StoredPart:
    faults = tuple(ProtocolFault(fault) for fault in json.loads(row.faults))
    return StoredPart(_packet(row.packet), faults, row.received_at, row.joined)


class SplitPacketRepository:
    """The parts of split packets held until their group is whole, and the groups that wait."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def parts(self, mn: str, qn: str) -> list[StoredPart]:
        """The held parts of one group, in PNO order."""
        query = select(_table).where(_table.c.mn == mn, _table.c.qn == qn).order_by(_table.c.pno)
        return [_stored(row) for row in await self._session.execute(query)]

    async def add(self, part: HeldPart) -> None:
        """Holds a part the caller found not held yet."""
        packet = part.packet
        assert packet.pnum is not None and packet.pno is not None, "only parts of split packets are held"
        await self._session.execute(
            insert(_table).values(
                mn=packet.mn,
                qn=part.qn_key,
                pno=packet.pno,
                pnum=packet.pnum,
                packet=_packet_json(packet),
                faults=json.dumps([fault.value for fault in part.receipt.faults]),
                received_at=part.receipt.received_at,
            )
        )

    async def drop_group(self, mn: str, qn: str) -> None:
        await self._session.execute(delete(_table).where(_table.c.mn == mn, _table.c.qn == qn))

    async def mark_joined(self, mn: str, qn: str) -> None:
        """The group is whole and stored; its parts stay known until `forget_joined`."""
        await self._session.execute(update(_table).where(_table.c.mn == mn, _table.c.qn == qn).values(joined=True))

    async def forget_joined(self, received_before: datetime) -> None:
        await self._session.execute(delete(_table).where(_table.c.joined, _table.c.received_at < received_before))

    async def pending_groups(
        self, mn: str | None = None, *, first_before: datetime | None = None
    ) -> list[PendingGroup]:
        """The groups waiting for parts, oldest first: of one device, or those whose first part came before a time."""
        first, last = func.min(_table.c.received_at), func.max(_table.c.received_at)
        columns = (_table.c.mn, _table.c.qn, func.count(), func.max(_table.c.pnum), first, last)
        query = select(*columns).where(_table.c.joined.is_(False)).group_by(_table.c.mn, _table.c.qn)
        if mn is not None:
            query = query.where(_table.c.mn == mn)
        if first_before is not None:
            query = query.having(first < first_before)
        rows = await self._session.execute(query.order_by(first, _table.c.mn, _table.c.qn))
        return [PendingGroup(row[0], row[1], int(row[2]), int(row[3]), row[4], row[5]) for row in rows]
