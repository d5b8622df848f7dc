"""A basin's joint tasks (version-checked, reports and escalations kept with each) and joint meetings, in one
referrals database."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_common.versioned_rows import save_if_unchanged
from ecolink_referrals.adapters.escalation_rows import escalation_values, escalations_from
from ecolink_referrals.adapters.tables import joint_meeting_table, joint_task_table
from ecolink_referrals.domain.joint_tasks import JointMeetingRecord, JointTaskRecord, TaskKind, TaskReport


def _task_values(task: JointTaskRecord) -> dict[str, Any]:
    return {
        "agreement_id": task.agreement_id,
        "basin_id": task.basin_id,
        "assigned_by": task.assigned_by,
        "region_code": task.region_code,
        "assignee_agency_id": task.assignee_agency_id,
        "kind": task.kind.value,
        "description": task.description,
        "due_time": task.due_time,
        "create_time": task.create_time,
        "update_time": task.update_time,
        "meeting_id": task.meeting_id,
        "reports": [
            {
                "seq": r.seq,
                "agency": r.agency_id,
                "officers": list(r.officer_ids),
                "text": r.text,
                "at": r.report_time.isoformat(),
            }
            for r in task.reports
        ],
        "done_time": task.done_time,
        "escalations": escalation_values(task.escalations),
        "version": task.version,
    }


def _task_from_row(row: Any) -> JointTaskRecord:
    return JointTaskRecord(
        task_id=row.task_id,
        agreement_id=row.agreement_id,
        basin_id=row.basin_id,
        assigned_by=row.assigned_by,
        region_code=row.region_code,
        assignee_agency_id=row.assignee_agency_id,
        kind=TaskKind(row.kind),
        description=row.description,
        due_time=row.due_time,
        create_time=row.create_time,
        update_time=row.update_time,
        meeting_id=row.meeting_id,
        reports=tuple(
            TaskReport(r["seq"], r["agency"], tuple(r["officers"]), r["text"], datetime.fromisoformat(r["at"]))
            for r in row.reports
        ),
        done_time=row.done_time,
        escalations=escalations_from(row.escalations),
        version=row.version,
    )


def _meeting_from_row(row: Any) -> JointMeetingRecord:
    return JointMeetingRecord(
        meeting_id=row.meeting_id,
        agreement_id=row.agreement_id,
        basin_id=row.basin_id,
        convened_by=row.convened_by,
        held_on=row.held_on,
        attendee_agency_ids=tuple(row.attendee_agency_ids),
        minutes=row.minutes,
        task_ids=tuple(row.task_ids),
        record_time=row.record_time,
    )


class JointTaskRepository:
    """Never commits."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def add(self, task: JointTaskRecord) -> int:
        statement = insert(joint_task_table).values(**_task_values(task)).returning(joint_task_table.c.task_id)
        return int((await self._session.execute(statement)).scalar_one())

    async def get(self, task_id: int) -> JointTaskRecord | None:
        query = select(joint_task_table).where(joint_task_table.c.task_id == task_id)
        row = (await self._session.execute(query)).first()
        return _task_from_row(row) if row else None

    async def save(self, task: JointTaskRecord, *, expected_version: int) -> bool:
        return await save_if_unchanged(
            self._session, joint_task_table.c.task_id, task.task_id, expected_version, _task_values(task)
        )

    async def listing(
        self, *, basin_ids: Collection[str], region_prefix: str | None, before_id: int | None, limit: int
    ) -> Sequence[JointTaskRecord]:
        """Tasks of the caller's basins or under a bureau's region, newest first."""
        table = joint_task_table
        seen: list[ColumnElement[bool]] = [table.c.basin_id.in_(list(basin_ids))]
        if region_prefix is not None:
            seen.append(table.c.region_code.startswith(region_prefix))
        query = select(table).where(or_(*seen))
        if before_id is not None:
            query = query.where(table.c.task_id < before_id)
        rows = await self._session.execute(query.order_by(table.c.task_id.desc()).limit(limit))
        return [_task_from_row(row) for row in rows]

    async def overdue_ids(self, now: datetime, *, after_id: int, limit: int) -> Sequence[int]:
        """Open tasks past their day, by id, for the escalation sweep."""
        table = joint_task_table
        query = (
            select(table.c.task_id)
            .where(table.c.done_time.is_(None), table.c.due_time <= now, table.c.task_id > after_id)
            .order_by(table.c.task_id)
            .limit(limit)
        )
        return [int(value) for value in (await self._session.execute(query)).scalars()]

    async def add_meeting(self, meeting: JointMeetingRecord) -> int:
        values = {
            "agreement_id": meeting.agreement_id,
            "basin_id": meeting.basin_id,
            "convened_by": meeting.convened_by,
            "held_on": meeting.held_on,
            "attendee_agency_ids": list(meeting.attendee_agency_ids),
            "minutes": meeting.minutes,
            "task_ids": list(meeting.task_ids),
            "record_time": meeting.record_time,
        }
        statement = insert(joint_meeting_table).values(**values).returning(joint_meeting_table.c.meeting_id)
        return int((await self._session.execute(statement)).scalar_one())

    async def set_meeting_tasks(self, meeting_id: int, task_ids: Sequence[int]) -> None:
        table = joint_meeting_table
        await self._session.execute(
            update(table).where(table.c.meeting_id == meeting_id).values(task_ids=list(task_ids))
        )

    async def meeting(self, meeting_id: int) -> JointMeetingRecord | None:
        query = select(joint_meeting_table).where(joint_meeting_table.c.meeting_id == meeting_id)
        row = (await self._session.execute(query)).first()
        return _meeting_from_row(row) if row else None
