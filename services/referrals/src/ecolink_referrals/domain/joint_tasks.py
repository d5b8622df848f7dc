"""Joint tasks and joint meetings of a basin (联合任务, 联席会议; DOMAIN §4.5, issue 14 item 4): the desk or a member
assigns a member a task (joint sampling at a cross-section, a joint inspection) with a deadline; the member reports on
it and completes it; a task overdue climbs the agreement's ladder like a silent incident; a joint meeting is recorded
with its decisions, each a task."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from ecolink_referrals.domain.basin_agreements import BasinAgreement
from ecolink_referrals.domain.escalation_ladder import DueRung, Duty, Escalation, Obligation, rungs_due


class TaskKind(StrEnum):
    JOINT_SAMPLING = "joint_sampling"  # 联合采样 at a cross-section
    JOINT_INSPECTION = "joint_inspection"  # 联合检查
    MEETING_DECISION = "meeting_decision"  # 联席会议议定事项
    OTHER = "other"


@dataclass(frozen=True)
class TaskReport:
    seq: int
    agency_id: str
    officer_ids: tuple[str, ...]
    text: str
    report_time: datetime


@dataclass(frozen=True)
class JointTaskRecord:
    task_id: int
    agreement_id: str
    basin_id: str
    assigned_by: str
    region_code: str  # the assigner's region (the bureaus above it see the task)
    assignee_agency_id: str
    kind: TaskKind
    description: str
    due_time: datetime
    create_time: datetime
    update_time: datetime
    meeting_id: int | None = None
    reports: tuple[TaskReport, ...] = ()
    done_time: datetime | None = None
    escalations: tuple[Escalation, ...] = ()
    version: int = 1

    @property
    def name(self) -> str:
        return f"basin-tasks/{self.task_id}"

    def overdue(self, now: datetime) -> bool:
        return self.done_time is None and now >= self.due_time


@dataclass(frozen=True)
class JointMeetingRecord:
    meeting_id: int
    agreement_id: str
    basin_id: str
    convened_by: str
    held_on: date
    attendee_agency_ids: tuple[str, ...]
    minutes: str
    task_ids: tuple[int, ...]
    record_time: datetime

    @property
    def name(self) -> str:
        return f"basin-meetings/{self.meeting_id}"


def task_rungs_due(task: JointTaskRecord, agreement: BasinAgreement, now: datetime) -> list[DueRung]:
    """Issue 14 item 4: an open task past its day climbs the ladder as a silent member does."""
    obligation = Obligation(task.assignee_agency_id, Duty.COMPLETE_TASK, task.due_time, task.done_time)
    return rungs_due([obligation], task.escalations, agreement, now)
