"""Reads and writes cases, their steps and approvals in the cases database; never commits."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import Column, Select, and_, insert, or_, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_cases.adapters.tables import case_approval_table, case_step_table, case_table
from ecolink_cases.domain.case import CaseRecord, ClueSource
from ecolink_cases.domain.execution import ServiceMethod
from ecolink_cases.domain.lifecycle import CaseState, Outcome, Step
from ecolink_cases.domain.records import ApprovalRecord, CitedEvidence, StepRecord
from ecolink_common.db import upsert_statement
from ecolink_common.versioned_rows import next_seq, save_if_unchanged

_CASE_COLUMNS_WRITTEN_BY_STEPS = (
    "state",
    "outcome",
    "intended_fine_fen",
    "fine_fen",
    "paid_fen",
    "no_penalty_ground",
    "investigation_records",
    "hearing_requested",
    "hearing_held",
    "service_method",
    "service_on",
    "reminder_issued_on",
    "reminder_service_method",
    "reminder_service_on",
    "court_applied_on",
    "sealing_on",
    "sealing_days",
    "sealing_extension_days",
    "sealing_lifted_on",
    "restriction_on",
    "restriction_days",
    "correction_served_on",
    "reinspected_on",
    "daily_penalty_days",
    "daily_penalty_fen",
    "detention_handed_off_on",
    "detention_police_agency_id",
    "suspected_crime_criterion",
    "suspected_crime_on",
    "suspected_crime_measured",
    "version",
    "update_time",
)


def _case_values(case: CaseRecord) -> dict[str, Any]:
    values = asdict(case)
    values["handling_officer_ids"] = list(case.handling_officer_ids)
    for enum_column in ("source", "state", "outcome", "service_method", "reminder_service_method"):
        value = values[enum_column]
        values[enum_column] = value.value if value is not None else None
    values["source_alert"] = case.source_alert
    return values


def case_from_row(row: Any) -> CaseRecord:
    return CaseRecord(
        case_id=row.case_id,
        handling_agency_id=row.handling_agency_id,
        handling_level=row.handling_level,
        region_code=row.region_code,
        unit_id=row.unit_id,
        unit_display_name=row.unit_display_name,
        source=ClueSource(row.source),
        source_ref=row.source_ref,
        violation_type=row.violation_type,
        legal_basis=row.legal_basis,
        handling_officer_ids=tuple(row.handling_officer_ids),
        create_time=row.create_time,
        update_time=row.update_time,
        state=CaseState(row.state),
        outcome=Outcome(row.outcome) if row.outcome else None,
        intended_fine_fen=row.intended_fine_fen,
        fine_fen=row.fine_fen,
        paid_fen=row.paid_fen,
        no_penalty_ground=row.no_penalty_ground,
        investigation_records=row.investigation_records,
        hearing_requested=row.hearing_requested,
        hearing_held=row.hearing_held,
        service_method=ServiceMethod(row.service_method) if row.service_method else None,
        service_on=row.service_on,
        reminder_issued_on=row.reminder_issued_on,
        reminder_service_method=ServiceMethod(row.reminder_service_method) if row.reminder_service_method else None,
        reminder_service_on=row.reminder_service_on,
        court_applied_on=row.court_applied_on,
        version=row.version,
        alert_rule=row.alert_rule,
        alert_evidence_sha256=row.alert_evidence_sha256,
        sealing_on=row.sealing_on,
        sealing_days=row.sealing_days,
        sealing_extension_days=row.sealing_extension_days,
        sealing_lifted_on=row.sealing_lifted_on,
        restriction_on=row.restriction_on,
        restriction_days=row.restriction_days,
        correction_served_on=row.correction_served_on,
        reinspected_on=row.reinspected_on,
        daily_penalty_days=row.daily_penalty_days,
        daily_penalty_fen=row.daily_penalty_fen,
        detention_handed_off_on=row.detention_handed_off_on,
        detention_police_agency_id=row.detention_police_agency_id,
        enterprise_agency_id=row.enterprise_agency_id,
        suspected_crime_criterion=row.suspected_crime_criterion,
        suspected_crime_on=row.suspected_crime_on,
        suspected_crime_measured=row.suspected_crime_measured,
    )


def cited_json(evidence: Sequence[CitedEvidence]) -> list[dict[str, str]]:
    return [{"evidence": cited.name, "sha256": cited.sha256} for cited in evidence]


def cited_from_json(values: Sequence[dict[str, str]]) -> tuple[CitedEvidence, ...]:
    return tuple(CitedEvidence(cited["evidence"], cited["sha256"]) for cited in values)


def taken_from_row(row: Any) -> dict[str, Any]:
    """The fields every timeline entry has beyond its step and states: seq, who, when, note, evidence."""
    return {
        "seq": row.seq,
        "agency_id": row.agency_id,
        "officer_ids": tuple(row.officer_ids),
        "occurred_on": row.occurred_on,
        "record_time": row.record_time,
        "note": row.note,
        "evidence": cited_from_json(row.evidence),
    }


def taken_values(entry: Any) -> dict[str, Any]:
    """A timeline entry (a dataclass with step, states, officers and evidence) as the values of its row."""
    values = asdict(entry)
    values.update(
        step=entry.step.value,
        from_state=entry.from_state.value,
        to_state=entry.to_state.value,
        officer_ids=list(entry.officer_ids),
        evidence=cited_json(entry.evidence),
    )
    return values


def _step_from_row(row: Any) -> StepRecord:
    return StepRecord(
        case_id=row.case_id,
        step=Step(row.step),
        from_state=CaseState(row.from_state),
        to_state=CaseState(row.to_state),
        **taken_from_row(row),
        approval_seq=row.approval_seq,
        document_id=row.document_id,
    )


def _approval_from_row(row: Row[Any]) -> ApprovalRecord:
    return ApprovalRecord(
        case_id=row.case_id,
        seq=row.seq,
        step=Step(row.step),
        approver_agency_id=row.approver_agency_id,
        approver_officer_id=row.approver_officer_id,
        opinion=row.opinion,
        approve_time=row.approve_time,
        used=row.used,
    )


class PrefixedRow:
    """The columns of one joined row under a label prefix, read as attributes like a row of one table."""

    def __init__(self, mapping: Any, prefix: str):
        self._mapping = mapping
        self._prefix = prefix

    def __getattr__(self, name: str) -> Any:
        return self._mapping[self._prefix + name]


def newest_first(
    id_column: Column[Any],
    *,
    region_prefix: str | None,
    agency_id: str,
    state: str | None,
    before_id: int | None,
    limit: int,
) -> Select[Any]:
    """Rows of the id's table newest first: every one under `region_prefix`, or only the agency's own without one
    (the table has handling_agency_id, region_code and state columns)."""
    table = id_column.table
    query = select(table).order_by(id_column.desc()).limit(limit)
    if region_prefix is None:
        query = query.where(table.c.handling_agency_id == agency_id)
    else:
        query = query.where(table.c.region_code.startswith(region_prefix, autoescape=True))
    if state is not None:
        query = query.where(table.c.state == state)
    if before_id is not None:
        query = query.where(id_column < before_id)
    return query


class CaseRepository:
    """Cases of one cases database."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def add(self, case: CaseRecord) -> int | None:
        """Stores a new case (its `case_id` is ignored) and returns the id given to it; None, storing nothing, when
        its alert already became a case (a concurrent promotion waits for the first on PostgreSQL)."""
        values = _case_values(case)
        del values["case_id"]
        statement = (
            upsert_statement(self._session, case_table)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["source_alert"])
            .returning(case_table.c.case_id)
        )
        case_id = (await self._session.execute(statement)).scalar_one_or_none()
        return int(case_id) if case_id is not None else None

    async def of_alert(self, alert_name: str) -> CaseRecord | None:
        """The case opened from an alert, if one was."""
        row = (await self._session.execute(select(case_table).where(case_table.c.source_alert == alert_name))).first()
        return case_from_row(row) if row else None

    async def with_source(self, source: ClueSource, source_ref: str) -> CaseRecord | None:
        """The first case opened from this clue, if one was."""
        query = (
            select(case_table)
            .where(case_table.c.source == source.value, case_table.c.source_ref == source_ref)
            .order_by(case_table.c.case_id)
            .limit(1)
        )
        row = (await self._session.execute(query)).first()
        return case_from_row(row) if row else None

    async def get(self, case_id: int) -> CaseRecord | None:
        row = (await self._session.execute(select(case_table).where(case_table.c.case_id == case_id))).first()
        return case_from_row(row) if row else None

    async def save_step_result(self, case: CaseRecord, *, expected_version: int) -> bool:
        """Writes what a step changed, only if nobody changed the case since `expected_version` was read; on
        PostgreSQL the row stays locked until commit, so a concurrent step waits and then finds the new version."""
        values = _case_values(case)
        changed = {column: values[column] for column in _CASE_COLUMNS_WRITTEN_BY_STEPS}
        return await save_if_unchanged(self._session, case_table.c.case_id, case.case_id, expected_version, changed)

    async def listing(
        self,
        *,
        region_prefix: str | None,
        agency_id: str,
        state: CaseState | None,
        before_id: int | None,
        limit: int,
        suspected_only: bool = False,
    ) -> Sequence[CaseRecord]:
        """Newest first: every case under `region_prefix`, or only the agency's own without one; with
        `suspected_only`, only the cases marked suspected crimes."""
        query = newest_first(
            case_table.c.case_id,
            region_prefix=region_prefix,
            agency_id=agency_id,
            state=state.value if state else None,
            before_id=before_id,
            limit=limit,
        )
        if suspected_only:
            query = query.where(case_table.c.suspected_crime_criterion != "")
        return [case_from_row(row) for row in await self._session.execute(query)]

    async def with_deadlines(self, agency_id: str | None = None) -> Sequence[CaseRecord]:
        """Cases not closed whose decision was served or that run a sealing or await a re-inspection (of one agency,
        or all): what deadlines run on."""
        cases = case_table
        query = (
            select(cases)
            .where(
                cases.c.state != CaseState.CLOSED.value,
                or_(
                    cases.c.service_on.is_not(None),
                    and_(cases.c.sealing_on.is_not(None), cases.c.sealing_lifted_on.is_(None)),
                    and_(cases.c.correction_served_on.is_not(None), cases.c.reinspected_on.is_(None)),
                ),
            )
            .order_by(cases.c.case_id)
        )
        if agency_id is not None:
            query = query.where(cases.c.handling_agency_id == agency_id)
        return [case_from_row(row) for row in await self._session.execute(query)]

    async def steps_of_year(self, agency_id: str, year: int) -> Sequence[tuple[StepRecord, CaseRecord]]:
        """Each step the agency took on a day of `year`, with its case as it stands."""
        steps = case_step_table
        return await self._steps_with_cases(
            steps.c.agency_id == agency_id,
            steps.c.occurred_on >= date(year, 1, 1),
            steps.c.occurred_on <= date(year, 12, 31),
        )

    async def steps_of_units(
        self, unit_ids: Collection[str], kinds: Collection[Step]
    ) -> Sequence[tuple[StepRecord, CaseRecord]]:
        """Each step of one of `kinds` taken in a case of one of the units, whoever handles it, with its case."""
        if not unit_ids:
            return []
        return await self._steps_with_cases(
            case_table.c.unit_id.in_(sorted(unit_ids)), case_step_table.c.step.in_(sorted(kind.value for kind in kinds))
        )

    async def _steps_with_cases(self, *conditions: Any) -> Sequence[tuple[StepRecord, CaseRecord]]:
        steps, cases = case_step_table, case_table
        query = (
            select(steps, *[column.label(f"case__{column.name}") for column in cases.columns])
            .join(cases, cases.c.case_id == steps.c.case_id)
            .where(*conditions)
            .order_by(steps.c.case_id, steps.c.seq)
        )
        rows = (await self._session.execute(query)).mappings()
        return [(_step_from_row(PrefixedRow(row, "")), case_from_row(PrefixedRow(row, "case__"))) for row in rows]

    async def steps(self, case_id: int) -> Sequence[StepRecord]:
        query = select(case_step_table).where(case_step_table.c.case_id == case_id).order_by(case_step_table.c.seq)
        return [_step_from_row(row) for row in await self._session.execute(query)]

    async def add_step(self, step: StepRecord) -> None:
        await self._session.execute(insert(case_step_table).values(**taken_values(step)))

    async def next_step_seq(self, case_id: int) -> int:
        return await next_seq(self._session, case_step_table.c.case_id, case_id)

    async def approvals(self, case_id: int) -> Sequence[ApprovalRecord]:
        table = case_approval_table
        query = select(table).where(table.c.case_id == case_id).order_by(table.c.seq)
        return [_approval_from_row(row) for row in await self._session.execute(query)]

    async def add_approval(self, approval: ApprovalRecord) -> None:
        values = asdict(approval)
        values["step"] = approval.step.value
        await self._session.execute(insert(case_approval_table).values(**values))

    async def use_approval(self, case_id: int, seq: int) -> None:
        table = case_approval_table
        await self._session.execute(
            update(table).where(table.c.case_id == case_id, table.c.seq == seq).values(used=True)
        )
