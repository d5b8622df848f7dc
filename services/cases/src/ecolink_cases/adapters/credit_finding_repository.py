"""Reads and writes the credit findings bureaus record against units; never commits."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_cases.adapters.tables import credit_finding_table
from ecolink_cases.domain.credit import Finding
from ecolink_common.db import upsert_statement


class CreditFindingRepository:
    """Credit findings of one cases database."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def add(self, unit_id: str, finding: Finding, *, agency_id: str, at: datetime) -> bool:
        """Stores the finding; False, storing nothing, when the unit has one of its kind and reference already."""
        statement = (
            upsert_statement(self._session, credit_finding_table)
            .values(
                unit_id=unit_id,
                kind=finding.kind,
                found_on=finding.found_on,
                reference=finding.reference,
                agency_id=agency_id,
                record_time=at,
            )
            .on_conflict_do_nothing(index_elements=["unit_id", "kind", "reference"])
            .returning(credit_finding_table.c.finding_id)
        )
        return (await self._session.execute(statement)).scalar_one_or_none() is not None

    async def of_units(self, unit_ids: Collection[str]) -> dict[str, list[Finding]]:
        """Every recorded finding of each unit, oldest first."""
        table = credit_finding_table
        found: dict[str, list[Finding]] = {unit_id: [] for unit_id in unit_ids}
        if not unit_ids:
            return found
        query = (
            select(table.c.unit_id, table.c.kind, table.c.found_on, table.c.reference)
            .where(table.c.unit_id.in_(sorted(unit_ids)))
            .order_by(table.c.found_on, table.c.finding_id)
        )
        for row in await self._session.execute(query):
            found[row.unit_id].append(Finding(row.kind, row.found_on, row.reference))
        return found
