"""BasinService's joint tasks and meetings: requests to commands (each refusal naming its field) and records to
protos."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from ecolink.referrals.v1 import basin_service_pb2 as pb
from ecolink_common.errors import InvalidArgument
from ecolink_common.officers import checked_officer_ids
from ecolink_common.proto_names import ResourceName
from ecolink_common.proto_time import timestamp_from_datetime
from ecolink_common.text_rules import MAX_TEXT_CHARS, checked_text
from ecolink_referrals.api.basin_convert import AGREEMENT_NAME, checked_agency_id, escalation_to_proto
from ecolink_referrals.domain.joint_tasks import JointMeetingRecord, JointTaskRecord, TaskKind
from ecolink_referrals.service_layer.basin_tasks import NewTask, RecordMeeting, ReportTask

TASK_NAME = ResourceName(re.compile(r"^basin-tasks/([1-9][0-9]{0,17})\Z"), "must be basin-tasks/{task_id}")
MEETING_NAME = ResourceName(re.compile(r"^basin-meetings/([1-9][0-9]{0,17})\Z"), "must be basin-meetings/{meeting_id}")
ASSIGNABLE = {kind.value: kind for kind in TaskKind if kind is not TaskKind.MEETING_DECISION}
MAX_DUE_HOURS = 2160  # proposed: 90 days
MAX_DECISIONS = 50
MAX_ATTENDEES = 50


def task_id(name: str) -> int:
    return TASK_NAME.number(name, "name")


def meeting_id(name: str) -> int:
    return MEETING_NAME.number(name, "name")


def new_task(message: pb.NewJointTask, field: str, *, kind: TaskKind | None = None) -> NewTask:
    if kind is None:
        kind = ASSIGNABLE.get(message.kind)
        if kind is None:
            raise InvalidArgument.for_field(f"{field}.kind", f"must be one of {', '.join(ASSIGNABLE)}")
    if not 1 <= message.due_in_hours <= MAX_DUE_HOURS:
        raise InvalidArgument.for_field(f"{field}.due_in_hours", f"must be 1 to {MAX_DUE_HOURS}")
    return NewTask(
        checked_agency_id(message.assignee_agency_id, f"{field}.assignee_agency_id"),
        kind,
        checked_text(message.description, f"{field}.description", limit=MAX_TEXT_CHARS, required=True),
        message.due_in_hours,
    )


def assign_command(request: pb.AssignJointTaskRequest) -> tuple[str, NewTask]:
    return AGREEMENT_NAME.id(request.agreement, "agreement"), new_task(request.task, "task")


def report_command(request: pb.ReportJointTaskRequest) -> ReportTask:
    return ReportTask(
        task_id(request.name),
        checked_officer_ids(request.officer_ids, "officer_ids"),
        checked_text(request.text, "text", limit=MAX_TEXT_CHARS, required=True),
        request.done,
    )


def _day(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise InvalidArgument.for_field(field, "must be a day, YYYY-MM-DD") from error


def _bounded(values: Sequence[str], field: str, limit: int) -> tuple[str, ...]:
    if len(values) > limit:
        raise InvalidArgument.for_field(field, f"name at most {limit}")
    return tuple(checked_agency_id(value, f"{field}[{index}]") for index, value in enumerate(values))


def meeting_command(request: pb.RecordJointMeetingRequest) -> RecordMeeting:
    if len(request.decisions) > MAX_DECISIONS:
        raise InvalidArgument.for_field("decisions", f"at most {MAX_DECISIONS}")
    return RecordMeeting(
        AGREEMENT_NAME.id(request.agreement, "agreement"),
        _day(request.held_on, "held_on"),
        _bounded(request.attendee_agency_ids, "attendee_agency_ids", MAX_ATTENDEES),
        checked_text(request.minutes, "minutes", limit=MAX_TEXT_CHARS, required=True),
        tuple(
            new_task(decision, f"decisions[{index}]", kind=TaskKind.MEETING_DECISION)
            for index, decision in enumerate(request.decisions)
        ),
    )


def task_to_proto(task: JointTaskRecord, now: datetime) -> pb.JointTask:
    return pb.JointTask(
        name=task.name,
        agreement=f"basins/{task.agreement_id}",
        assigned_by=task.assigned_by,
        assignee_agency_id=task.assignee_agency_id,
        kind=task.kind.value,
        description=task.description,
        due_time=timestamp_from_datetime(task.due_time),
        create_time=timestamp_from_datetime(task.create_time),
        done_time=timestamp_from_datetime(task.done_time),
        overdue=task.overdue(now),
        meeting=f"basin-meetings/{task.meeting_id}" if task.meeting_id else "",
        reports=[
            pb.JointTaskReport(
                seq=r.seq,
                agency_id=r.agency_id,
                officer_ids=list(r.officer_ids),
                text=r.text,
                report_time=timestamp_from_datetime(r.report_time),
            )
            for r in task.reports
        ],
        escalations=[escalation_to_proto(e) for e in task.escalations],
    )


def meeting_to_proto(meeting: JointMeetingRecord) -> pb.JointMeeting:
    return pb.JointMeeting(
        name=meeting.name,
        agreement=f"basins/{meeting.agreement_id}",
        convened_by=meeting.convened_by,
        held_on=meeting.held_on.isoformat(),
        attendee_agency_ids=list(meeting.attendee_agency_ids),
        minutes=meeting.minutes,
        tasks=[f"basin-tasks/{task}" for task in meeting.task_ids],
        record_time=timestamp_from_datetime(meeting.record_time),
    )
