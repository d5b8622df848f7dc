"""Reads and writes monitoring values, their conflicting versions and each device's rule state; never commits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_alerts.adapters.tables import monitoring_value_table, rule_state_table, value_conflict_table
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.readings import DataKind, Reading

ValueKey = tuple[datetime, str]
"""A stored value within one device's data kind: (DataTime, factor)."""


def _row(reading: Reading) -> dict[str, Any]:
    assert reading.received_at is not None, "stored readings carry their receipt time"
    return {
        "mn": reading.mn,
        "kind": reading.kind.value,
        "data_time": reading.data_time,
        "factor": reading.factor,
        "value": reading.value,
        "flag": reading.flag.value,
        "converted": reading.converted,
        "minimum": reading.minimum,
        "maximum": reading.maximum,
        "cumulative": reading.cumulative,
        "received_at": reading.received_at,
    }


def _reading(row: Row, unit_id: str, outlet_id: str) -> Reading:
    return Reading(
        mn=row.mn,
        unit_id=unit_id,
        outlet_id=outlet_id,
        factor=row.factor,
        kind=DataKind(row.kind),
        data_time=row.data_time,
        value=row.value,
        flag=DataFlag(row.flag),
        converted=row.converted,
        minimum=row.minimum,
        maximum=row.maximum,
        cumulative=row.cumulative,
        received_at=row.received_at,
    )


class MonitoringRepository:
    """Monitoring values keyed by (MN, CN, DataTime, factor), the conflicting versions kept beside them, rule states."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def _versions(
        self, table: Table, unit_id: str, outlet_id: str, mn: str, kind: DataKind, data_times: Iterable[datetime]
    ) -> list[Reading]:
        query = select(table).where(
            table.c.mn == mn, table.c.kind == kind.value, table.c.data_time.in_(sorted(set(data_times)))
        )
        return [_reading(row, unit_id, outlet_id) for row in (await self._session.execute(query)).all()]

    async def stored_values(
        self, unit_id: str, outlet_id: str, mn: str, kind: DataKind, data_times: Iterable[datetime]
    ) -> dict[ValueKey, Reading]:
        """The stored values of these records of one device and data kind."""
        found = await self._versions(monitoring_value_table, unit_id, outlet_id, mn, kind, data_times)
        return {(reading.data_time, reading.factor): reading for reading in found}

    async def conflicting_versions(
        self, unit_id: str, outlet_id: str, mn: str, kind: DataKind, data_times: Iterable[datetime]
    ) -> dict[ValueKey, list[Reading]]:
        """DOMAIN §2.1: the differing versions already kept for these records (C12)."""
        versions: dict[ValueKey, list[Reading]] = {}
        for reading in await self._versions(value_conflict_table, unit_id, outlet_id, mn, kind, data_times):
            versions.setdefault((reading.data_time, reading.factor), []).append(reading)
        return versions

    async def add_values(self, readings: Sequence[Reading]) -> None:
        if readings:
            await self._session.execute(insert(monitoring_value_table), [_row(reading) for reading in readings])

    async def add_conflicting_version(self, reading: Reading) -> None:
        await self._session.execute(insert(value_conflict_table).values(**_row(reading)))

    async def lock_rule_state(self, mn: str, *, at: datetime) -> str | None:
        """The device's rule state (JSON text, None before its first data), its row locked until commit.

        The row is created first if missing, so that two first batches of one device also wait for each other;
        SQLite takes no row locks but serialises write transactions (ecolink_common.db).
        """
        dialect = postgresql if self._session.get_bind().dialect.name == "postgresql" else sqlite
        await self._session.execute(
            dialect.insert(rule_state_table).values(mn=mn, state="", updated_at=at).on_conflict_do_nothing()
        )
        query = select(rule_state_table.c.state).where(rule_state_table.c.mn == mn).with_for_update()
        state = (await self._session.execute(query)).scalar_one()
        return state or None

    async def devices_with_rules(self) -> list[str]:
        """Every MN whose rule engine has state, i.e. that has sent data."""
        query = select(rule_state_table.c.mn).order_by(rule_state_table.c.mn)
        return list((await self._session.execute(query)).scalars())

    async def save_rule_state(self, mn: str, state: str, *, at: datetime) -> None:
        table = rule_state_table
        await self._session.execute(update(table).where(table.c.mn == mn).values(state=state, updated_at=at))
