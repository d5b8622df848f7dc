"""Reads and writes published inspection draws; never commits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_cases.adapters.tables import inspection_draw_table
from ecolink_cases.domain.draw_record import StoredDraw


class DrawRepository:
    """Inspection draws of one cases database."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def add(
        self,
        *,
        region_code: str,
        agency_id: str,
        draw_time: datetime,
        graded_on: date,
        previous_draw_id: int | None,
        record: str,
    ) -> StoredDraw:
        values = {
            "region_code": region_code,
            "agency_id": agency_id,
            "draw_time": draw_time,
            "graded_on": graded_on,
            "previous_draw_id": previous_draw_id,
            "record": record,
        }
        statement = insert(inspection_draw_table).values(**values).returning(inspection_draw_table.c.draw_id)
        draw_id = int((await self._session.execute(statement)).scalar_one())
        return StoredDraw(draw_id=draw_id, **values)  # type: ignore[arg-type]

    async def get(self, draw_id: int) -> StoredDraw | None:
        table = inspection_draw_table
        row = (await self._session.execute(select(table).where(table.c.draw_id == draw_id))).first()
        return StoredDraw(**row._mapping) if row else None

    async def latest_of_region(self, region_code: str) -> StoredDraw | None:
        """The region's last draw: whose pairs the next one does not repeat."""
        found = await self.listing(region_code=region_code, before_id=None, limit=1)
        return found[0] if found else None

    async def listing(self, *, region_code: str | None, before_id: int | None, limit: int) -> Sequence[StoredDraw]:
        """Newest first, of one region or all."""
        table = inspection_draw_table
        query = select(table).order_by(table.c.draw_id.desc()).limit(limit)
        if region_code is not None:
            query = query.where(table.c.region_code == region_code)
        if before_id is not None:
            query = query.where(table.c.draw_id < before_id)
        return [StoredDraw(**row._mapping) for row in await self._session.execute(query)]
