"""Reads the stored values the roll-up works from and keeps the derived hourly and daily means; never commits."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_alerts.adapters.monitoring_repository import reading_from_row
from ecolink_alerts.adapters.tables import (
    derived_mean_mark_table,
    derived_mean_table,
    monitoring_value_table,
)
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.grade_records import DeviceOutlets, MeanFilter, ReplacedMeans, StoredMean
from ecolink_alerts.domain.readings import DataKind, Reading
from ecolink_alerts.domain.rollup import PeriodFactor
from ecolink_alerts.domain.validity import Mean
from ecolink_common.db import upsert_statement

MEAN_COLUMNS = (
    "value",
    "converted",
    "minimum",
    "maximum",
    "cumulative",
    "flag",
    "valid",
    "valid_count",
    "total_count",
    "required_count",
)


def _mean_row(mean: Mean) -> dict[str, Any]:
    """The stored columns of a mean; the flag is the one its reading carries (D when short of its minimum count)."""
    reading = mean.as_reading()
    return {
        "value": mean.value,
        "converted": mean.converted,
        "minimum": mean.minimum,
        "maximum": mean.maximum,
        "cumulative": mean.cumulative,
        "flag": (reading.flag if reading is not None else mean.flag).value,
        "valid": mean.valid,
        "valid_count": mean.valid_count,
        "total_count": mean.total_count,
        "required_count": mean.required_count,
    }


def _stored_mean(row: Row) -> StoredMean:
    return StoredMean(
        mn=row.mn,
        kind=DataKind(row.kind),
        factor=row.factor,
        period_start=row.data_time,
        value=row.value,
        converted=row.converted,
        minimum=row.minimum,
        maximum=row.maximum,
        cumulative=row.cumulative,
        flag=DataFlag(row.flag),
        valid=row.valid,
        valid_count=row.valid_count,
        total_count=row.total_count,
        required_count=row.required_count,
        computed_at=row.computed_at,
    )


class DerivedMeanRepository:
    """Derived means keyed like monitoring values (MN, CN, period start, factor), kept apart from device-sent ones."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def device_sent(
        self, outlets: DeviceOutlets, kinds: Iterable[DataKind], start: datetime, end: datetime
    ) -> list[Reading]:
        """The values these devices sent of these kinds with a DataTime in [start, end), oldest first."""
        values = monitoring_value_table
        query = (
            select(values)
            .where(
                values.c.mn.in_(sorted(outlets)),
                values.c.kind.in_([kind.value for kind in kinds]),
                values.c.data_time >= start,
                values.c.data_time < end,
            )
            .order_by(values.c.mn, values.c.data_time, values.c.factor, values.c.kind)
        )
        rows = (await self._session.execute(query)).all()
        return [reading_from_row(row, *outlets[row.mn]) for row in rows]

    async def factors_sent(self, mn: str, kinds: Iterable[DataKind], start: datetime, end: datetime) -> set[str]:
        """The factors a device sent values of these kinds for, DataTime in [start, end) (read from the key alone)."""
        values = monitoring_value_table
        query = (
            select(values.c.factor)
            .where(
                values.c.mn == mn,
                values.c.kind.in_([kind.value for kind in kinds]),
                values.c.data_time >= start,
                values.c.data_time < end,
            )
            .distinct()
        )
        return set((await self._session.execute(query)).scalars())

    async def derived_readings(
        self, outlets: DeviceOutlets, kind: DataKind, start: datetime, end: datetime
    ) -> list[Reading]:
        """The derived means of these devices with a value, as readings of their kind, periods in [start, end)."""
        means = derived_mean_table
        query = (
            select(means)
            .where(
                means.c.mn.in_(sorted(outlets)),
                means.c.kind == kind.value,
                means.c.data_time >= start,
                means.c.data_time < end,
                means.c.value.is_not(None),
            )
            .order_by(means.c.mn, means.c.data_time, means.c.factor)
        )
        return [reading_from_row(row, *outlets[row.mn]) for row in (await self._session.execute(query)).all()]

    async def replace_means(
        self, mn: str, kind: DataKind, periods: Collection[datetime], means: Sequence[Mean], *, at: datetime
    ) -> ReplacedMeans:
        """Makes the device's derived means of this kind for these period starts exactly `means`, those written
        stamped `at`; nothing is written when nothing changed, so a second run writes nothing."""
        if not periods:
            return ReplacedMeans([], [])
        table = derived_mean_table
        chosen = and_(table.c.mn == mn, table.c.kind == kind.value, table.c.data_time.in_(sorted(set(periods))))
        stored = {(row.data_time, row.factor): row for row in await self._session.execute(select(table).where(chosen))}
        wanted = {(mean.period_start, mean.key.factor or ""): mean for mean in means}
        written = [
            mean
            for key, mean in wanted.items()
            if (old := stored.get(key)) is None or any(getattr(old, c) != v for c, v in _mean_row(mean).items())
        ]
        gone = [key for key in stored if key not in wanted]
        if written:
            upsert = upsert_statement(self._session, table)
            rows = [
                {
                    "mn": mn,
                    "kind": kind.value,
                    "data_time": mean.period_start,
                    "factor": mean.key.factor or "",
                    **_mean_row(mean),
                    "computed_at": at,
                    "judged": False,
                }
                for mean in written
            ]
            await self._session.execute(
                upsert.on_conflict_do_update(
                    index_elements=["mn", "kind", "data_time", "factor"],
                    set_={column: upsert.excluded[column] for column in (*MEAN_COLUMNS, "computed_at", "judged")},
                ),
                rows,
            )
        if gone:
            await self._session.execute(
                delete(table).where(
                    chosen, or_(*(and_(table.c.data_time == period, table.c.factor == f) for period, f in gone))
                )
            )
        return ReplacedMeans(written, gone)

    async def mark_judged(self, mn: str, kind: DataKind, keys: Collection[PeriodFactor]) -> None:
        """Records that the rules judged these derived means (period start, factor) of the device."""
        if not keys:
            return
        table = derived_mean_table
        chosen = or_(*(and_(table.c.data_time == period, table.c.factor == factor) for period, factor in keys))
        await self._session.execute(
            update(table).where(table.c.mn == mn, table.c.kind == kind.value, chosen).values(judged=True)
        )

    async def periods_received(
        self, mn: str, kinds: Iterable[DataKind], start: datetime, end: datetime, *, since: datetime | None
    ) -> set[datetime]:
        """The DataTimes in [start, end) of the device's values of these kinds received at or after `since`, or of
        all of them when `since` is None. With `since`, the DataTimes are filtered here, so that the query reads by
        the receipt index only the values received since, however long the range."""
        values = monitoring_value_table
        conditions = [values.c.mn == mn, values.c.kind.in_([kind.value for kind in kinds])]
        if since is None:
            conditions += [values.c.data_time >= start, values.c.data_time < end]
        else:
            conditions.append(values.c.received_at >= since)
        query = select(values.c.data_time).where(*conditions).distinct()
        found = set((await self._session.execute(query)).scalars())
        return {moment for moment in found if start <= moment < end}

    async def rolled_at(self, mn: str) -> datetime | None:
        """When the device's means were last derived, None before the first time."""
        query = select(derived_mean_mark_table.c.rolled_at).where(derived_mean_mark_table.c.mn == mn)
        return (await self._session.execute(query)).scalar_one_or_none()

    async def mark_rolled(self, mn: str, *, at: datetime) -> None:
        upsert = upsert_statement(self._session, derived_mean_mark_table).values(mn=mn, rolled_at=at)
        await self._session.execute(upsert.on_conflict_do_update(index_elements=["mn"], set_={"rolled_at": at}))

    async def list(
        self, wanted: MeanFilter, *, after: tuple[datetime, str, str] | None, limit: int
    ) -> list[StoredMean]:
        """By period start, kind and factor: one device's derived means that match the filter."""
        means = derived_mean_table
        conditions = [means.c.mn == wanted.mn]
        if wanted.kind is not None:
            conditions.append(means.c.kind == wanted.kind.value)
        if wanted.factor:
            conditions.append(means.c.factor == wanted.factor)
        if wanted.start_from is not None:
            conditions.append(means.c.data_time >= wanted.start_from)
        if wanted.start_before is not None:
            conditions.append(means.c.data_time < wanted.start_before)
        if after is not None:
            period, kind, factor = after
            conditions.append(
                or_(
                    means.c.data_time > period,
                    and_(means.c.data_time == period, means.c.kind > kind),
                    and_(means.c.data_time == period, means.c.kind == kind, means.c.factor > factor),
                )
            )
        order = (means.c.data_time, means.c.kind, means.c.factor)
        query = select(means).where(*conditions).order_by(*order).limit(limit)
        return [_stored_mean(row) for row in (await self._session.execute(query)).all()]
