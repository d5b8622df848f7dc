"""Reads and writes current exceedance grades and the alerts outbox of grade-change events; never commits."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_alerts.adapters.tables import (
    exceedance_grade_table,
    key_unit_table,
    outlet_factor_table,
)
from ecolink_alerts.domain.grade_records import CurrentGrade, GradedUnit, GradeFilter
from ecolink_alerts.domain.grading import ExceedanceGrade, GradeWindow
from ecolink_alerts.domain.readings import FactorLimits
from ecolink_common.db import upsert_statement
from ecolink_common.jurisdiction import region_prefix


def _grade(row: Row) -> CurrentGrade:
    return CurrentGrade(
        unit_id=row.unit_id,
        factor=row.factor,
        region_code=row.region_code,
        grade=ExceedanceGrade(row.grade),
        as_of=row.as_of,
        exceedance_days=tuple(date.fromisoformat(day) for day in json.loads(row.exceedance_days)),
        updated_at=row.updated_at,
        changed_at=row.changed_at,
    )


class GradeRepository:
    """Current grades keyed by (unit, factor), and outbox events keyed by a stable event id."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def graded_units(self) -> list[GradedUnit]:
        """By unit id: every unit with a factor limit at one of its outlets, and those limits."""
        factors, units = outlet_factor_table, key_unit_table
        query = (
            select(factors, units.c.region_code)
            .join(units, units.c.unit_id == factors.c.unit_id)
            .where(factors.c.emission_limit.is_not(None))
            .order_by(factors.c.unit_id, factors.c.outlet_id, factors.c.pollutant_code)
        )
        graded: dict[str, GradedUnit] = {}
        for row in (await self._session.execute(query)).all():
            unit = graded.setdefault(row.unit_id, GradedUnit(row.unit_id, row.region_code, {}))
            unit.limits[(row.outlet_id, row.pollutant_code)] = FactorLimits(
                unit=row.unit,
                emission_limit=row.emission_limit,
                range_lower=row.range_lower,
                range_upper=row.range_upper,
            )
        return list(graded.values())

    async def lock(self, unit_id: str, factor: str, region_code: str, *, at: datetime) -> CurrentGrade:
        """The grade of a unit's factor, its row locked until commit; created as "none" the first time, so two
        roll-ups of one unit wait for each other (SQLite serialises write transactions instead)."""
        table = exceedance_grade_table
        first = {"grade": ExceedanceGrade.NONE.value, "as_of": None, "exceedance_days": "[]", "updated_at": at}
        await self._session.execute(
            upsert_statement(self._session, table)
            .values(unit_id=unit_id, factor=factor, region_code=region_code, **first)
            .on_conflict_do_nothing()
        )
        query = select(table).where(table.c.unit_id == unit_id, table.c.factor == factor).with_for_update()
        return _grade((await self._session.execute(query)).one())

    async def save(self, window: GradeWindow, region_code: str, *, changed: bool, at: datetime) -> None:
        table = exceedance_grade_table
        values: dict[str, Any] = {
            "region_code": region_code,
            "grade": window.grade.value,
            "as_of": window.as_of,
            "exceedance_days": json.dumps([day.isoformat() for day in window.exceedance_days]),
            "updated_at": at,
        }
        if changed:
            values["changed_at"] = at
        subject = window.subject
        await self._session.execute(
            update(table).where(table.c.unit_id == subject.unit_id, table.c.factor == subject.factor).values(**values)
        )

    async def list(
        self, wanted: GradeFilter, *, within: str, after: tuple[str, str] | None, limit: int
    ) -> Sequence[CurrentGrade]:
        """By unit and factor: the grades of units under the region prefix `within` that match the filter."""
        grades = exceedance_grade_table
        conditions = [grades.c.region_code.startswith(within, autoescape=True)]
        if wanted.unit_id:
            conditions.append(grades.c.unit_id == wanted.unit_id)
        if wanted.region_code:
            conditions.append(grades.c.region_code.startswith(region_prefix(wanted.region_code), autoescape=True))
        if wanted.grade is not None:
            conditions.append(grades.c.grade == wanted.grade.value)
        if after is not None:
            unit_id, factor = after
            conditions.append(
                or_(grades.c.unit_id > unit_id, and_(grades.c.unit_id == unit_id, grades.c.factor > factor))
            )
        query = select(grades).where(*conditions).order_by(grades.c.unit_id, grades.c.factor).limit(limit)
        return [_grade(row) for row in (await self._session.execute(query)).all()]
