"""Reads stored history for rescans and transmission rates: values over a range, record counts, region devices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

# The row conversions of the repositories this one reads beside (kept there, not copied here).
from ecolink_alerts.adapters.monitoring_repository import reading_from_row
from ecolink_alerts.adapters.repository import unit_from_row
from ecolink_alerts.adapters.tables import derived_mean_table, device_table, key_unit_table, monitoring_value_table
from ecolink_alerts.domain.batch import ComputedHours
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.readings import DataKind, Reading
from ecolink_alerts.registry_model import Device, KeyUnit


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
