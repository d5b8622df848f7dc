"""Reads and writes compensation cases and their steps in the cases database (DOMAIN §3.5); never commits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_cases.adapters.case_repository import (
    newest_first,
    taken_from_row,
    taken_values,
)
from ecolink_cases.adapters.tables import compensation_case_table, compensation_step_table
from ecolink_cases.domain.compensation import (
    CompensationRecord,
    CompensationState,
    CompensationStep,
    CompensationStepRecord,
    Consultation,
    Remedy,
)
from ecolink_common.db import upsert_statement
from ecolink_common.versioned_rows import next_seq, save_if_unchanged

_WRITTEN_BY_STEPS = (
    "state",
    "appraised_damage_fen",
    "appraisal_body",
    "consultation_rounds",
    "agreed_amount_fen",
    "remedy",
    "restoration_plan",
    "paid_fen",
    "restored_on",
    "version",
    "update_time",
)


def _values(case: CompensationRecord) -> dict[str, Any]:
    values = asdict(case)
    values["state"] = case.state.value
    values["remedy"] = case.remedy.value if case.remedy else None
    return values


def _from_row(row: Any) -> CompensationRecord:
    values = dict(row._mapping)
    values["state"] = CompensationState(row.state)
    values["remedy"] = Remedy(row.remedy) if row.remedy else None
    return CompensationRecord(**values)


def _step_from_row(row: Any) -> CompensationStepRecord:
    consultation = row.consultation
    return CompensationStepRecord(
        compensation_id=row.compensation_id,
        step=CompensationStep(row.step),
        from_state=CompensationState(row.from_state),
        to_state=CompensationState(row.to_state),
        **taken_from_row(row),
        consultation=Consultation(
            round=consultation["round"],
            parties=tuple(consultation["parties"]),
            joined_cases=tuple(consultation["joined_cases"]),
        )
        if consultation
        else None,
    )


class CompensationRepository:
    """Compensation cases of one cases database."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def add(self, case: CompensationRecord) -> int | None:
        """Stores a new compensation case (its id is ignored) and returns its id; None, storing nothing, when its
        penalty case already has one (a concurrent open waits for the first on PostgreSQL)."""
        values = _values(case)
        del values["compensation_id"]
        table = compensation_case_table
        statement = (
            upsert_statement(self._session, table)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["penalty_case_id"])
            .returning(table.c.compensation_id)
        )
        compensation_id = (await self._session.execute(statement)).scalar_one_or_none()
        return int(compensation_id) if compensation_id is not None else None

    async def get(self, compensation_id: int) -> CompensationRecord | None:
        table = compensation_case_table
        row = (await self._session.execute(select(table).where(table.c.compensation_id == compensation_id))).first()
        return _from_row(row) if row else None

    async def of_penalty_case(self, case_id: int) -> CompensationRecord | None:
        table = compensation_case_table
        row = (await self._session.execute(select(table).where(table.c.penalty_case_id == case_id))).first()
        return _from_row(row) if row else None

    async def ids_of_penalty_cases(self, case_ids: Iterable[int]) -> Mapping[int, int]:
        """The compensation case id of each penalty case that has one."""
        table = compensation_case_table
        query = select(table.c.penalty_case_id, table.c.compensation_id).where(
            table.c.penalty_case_id.in_(list(case_ids))
        )
        return {row.penalty_case_id: row.compensation_id for row in await self._session.execute(query)}

    async def save_step_result(self, case: CompensationRecord, *, expected_version: int) -> bool:
        """Writes what a step changed, only if nobody changed the case since `expected_version` was read."""
        values = _values(case)
        changed = {column: values[column] for column in _WRITTEN_BY_STEPS}
        column = compensation_case_table.c.compensation_id
        return await save_if_unchanged(self._session, column, case.compensation_id, expected_version, changed)

    async def listing(
        self,
        *,
        region_prefix: str | None,
        agency_id: str,
        state: CompensationState | None,
        before_id: int | None,
        limit: int,
    ) -> Sequence[CompensationRecord]:
        query = newest_first(
            compensation_case_table.c.compensation_id,
            region_prefix=region_prefix,
            agency_id=agency_id,
            state=state.value if state else None,
            before_id=before_id,
            limit=limit,
        )
        return [_from_row(row) for row in await self._session.execute(query)]

    async def steps(self, compensation_id: int) -> Sequence[CompensationStepRecord]:
        table = compensation_step_table
        query = select(table).where(table.c.compensation_id == compensation_id).order_by(table.c.seq)
        return [_step_from_row(row) for row in await self._session.execute(query)]

    async def next_step_seq(self, compensation_id: int) -> int:
        return await next_seq(self._session, compensation_step_table.c.compensation_id, compensation_id)

    async def add_step(self, step: CompensationStepRecord) -> None:
        consultation = step.consultation
        values = taken_values(step)
        values.update(
            consultation={
                "round": consultation.round,
                "parties": list(consultation.parties),
                "joined_cases": list(consultation.joined_cases),
            }
            if consultation
            else None,
        )
        await self._session.execute(insert(compensation_step_table).values(**values))
