"""Reads stored history for rescans, listings and rates: values over a range, their conflicts, record counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

# The row conversions of the repositories this one reads beside (kept there, not copied here).
from ecolink_alerts.adapters.monitoring_repository import reading_from_row
from ecolink_alerts.adapters.registry_repository import unit_from_row
from ecolink_alerts.adapters.tables import (
    derived_mean_table,
    device_table,
    key_unit_table,
    monitoring_value_table,
    value_conflict_table,
)
from ecolink_alerts.domain.batch import ComputedHours
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.monitoring_records import ValuePosition
from ecolink_alerts.domain.readings import DataKind, Reading
from ecolink_alerts.domain.registry_records import Device, KeyUnit


class HistoryRepository:
    """Read-only queries over monitoring values and the registry; never writes, never commits."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def values_between(self, device: Device, start: datetime, end: datetime) -> list[Reading]:
        """The stored values of a device whose DataTime lies in [start, end), every kind (conflicting versions are
        kept apart and not among them)."""
        values = monitoring_value_table
        query = select(values).where(values.c.mn == device.mn, values.c.data_time >= start, values.c.data_time < end)
        rows = (await self._session.execute(query)).all()
        return [reading_from_row(row, device.unit_id, device.outlet_id) for row in rows]

    async def values_page(
        self,
        devices: Sequence[Device],
        kind: DataKind,
        factor: str,
        start: datetime,
        end: datetime,
        *,
        after: ValuePosition | None,
        limit: int,
    ) -> list[Reading]:
        """Up to `limit` stored values of these devices of one kind (of one factor when `factor` is set), DataTime in
        [start, end), by DataTime, MN and factor code, after `after` when given."""
        if not devices:
            return []
        values = monitoring_value_table
        places = {device.mn: device for device in devices}
        query = select(values).where(
            values.c.mn.in_(sorted(places)),
            values.c.kind == kind.value,
            values.c.data_time >= start,
            values.c.data_time < end,
        )
        if factor:
            query = query.where(values.c.factor == factor)
        if after is not None:
            data_time, mn, code = after
            query = query.where(
                or_(
                    values.c.data_time > data_time,
                    and_(
                        values.c.data_time == data_time,
                        or_(values.c.mn > mn, and_(values.c.mn == mn, values.c.factor > code)),
                    ),
                )
            )
        query = query.order_by(values.c.data_time, values.c.mn, values.c.factor).limit(limit)
        rows = (await self._session.execute(query)).all()
        return [reading_from_row(row, places[row.mn].unit_id, places[row.mn].outlet_id) for row in rows]

    async def conflicts_of(self, readings: Sequence[Reading]) -> dict[tuple[str, datetime, str], list[Reading]]:
        """DOMAIN §2.1: the differing versions kept beside these stored values (C12), by (MN, DataTime, factor), in
        the order they arrived."""
        if not readings:
            return {}
        conflicts = value_conflict_table
        places = {reading.mn: reading for reading in readings}
        query = (
            select(conflicts)
            .where(
                conflicts.c.mn.in_(sorted(places)),
                conflicts.c.kind.in_(sorted({reading.kind.value for reading in readings})),
                conflicts.c.data_time.in_(sorted({reading.data_time for reading in readings})),
                conflicts.c.factor.in_(sorted({reading.factor for reading in readings})),
            )
            .order_by(conflicts.c.conflict_id)
        )
        wanted = {(reading.mn, reading.data_time, reading.factor) for reading in readings}
        found: dict[tuple[str, datetime, str], list[Reading]] = {}
        for row in (await self._session.execute(query)).all():
            if (row.mn, row.data_time, row.factor) in wanted:
                place = places[row.mn]
                found.setdefault((row.mn, row.data_time, row.factor), []).append(
                    reading_from_row(row, place.unit_id, place.outlet_id)
                )
        return found

    async def computed_hours_between(self, device: Device, start: datetime, end: datetime) -> list[ComputedHours]:
        """The hour values the roll-up computed for a device and the rules judged, DataTime in [start, end), grouped
        by the moment each was last computed, which is when the roll-up gave it to the rules."""
        means = derived_mean_table
        query = (
            select(means)
            .where(
                means.c.mn == device.mn,
                means.c.kind == DataKind.HOURLY.value,
                means.c.data_time >= start,
                means.c.data_time < end,
                means.c.value.is_not(None),
                means.c.judged.is_(True),
            )
            .order_by(means.c.computed_at, means.c.data_time, means.c.factor)
        )
        computed: dict[datetime, list[Reading]] = {}
        for row in (await self._session.execute(query)).all():
            reading = reading_from_row(row, device.unit_id, device.outlet_id)
            computed.setdefault(row.computed_at, []).append(replace(reading, received_at=row.computed_at))
        return [ComputedHours(at, tuple(readings)) for at, readings in computed.items()]

    async def valid_record_counts(
        self, mns: Sequence[str], kind: DataKind, start: datetime, end: datetime
    ) -> dict[tuple[str, DataKind], int]:
        """DOMAIN §2.1: per MN, the stored records (MN + CN + DataTime) of `kind` in [start, end) whose every
        factor value is flagged N, counted by the database."""
        if not mns:
            return {}
        values = monitoring_value_table
        normal = case((values.c.flag == DataFlag.NORMAL.value, 1), else_=0)
        records = (
            select(values.c.mn, func.min(normal).label("valid"))
            .where(
                values.c.mn.in_(sorted(set(mns))),
                values.c.kind == kind.value,
                values.c.data_time >= start,
                values.c.data_time < end,
            )
            .group_by(values.c.mn, values.c.data_time)
            .subquery()
        )
        query = select(records.c.mn, func.sum(records.c.valid)).group_by(records.c.mn)
        return {(mn, kind): int(valid or 0) for mn, valid in (await self._session.execute(query)).all()}

    async def devices_within(self, region_prefix: str) -> list[tuple[str, KeyUnit]]:
        """By MN: every device (its MN) of a unit whose region code starts with `region_prefix`, with its unit."""
        devices, units = device_table, key_unit_table
        query = (
            select(devices.c.mn, *units.c)
            .join(units, units.c.unit_id == devices.c.unit_id)
            .where(units.c.region_code.startswith(region_prefix, autoescape=True))
            .order_by(devices.c.mn)
        )
        return [(row.mn, unit_from_row(row)) for row in (await self._session.execute(query)).all()]
