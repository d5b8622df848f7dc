"""Joint tasks and joint meetings (联合任务, 联席会议; DOMAIN §4.5, issue 14 item 4): the desk or a member assigns a
member a task with a deadline, or records a joint meeting whose decisions become tasks; the member reports and
completes; an overdue task climbs the agreement's ladder like a silent incident. Each fact is an event to the
agencies concerned (their webhooks); visible as incidents are: the basin's members and desk, the bureaus above."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from ecolink_common.access import require_visible
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import Aborted, FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from ecolink_common.jurisdiction import RecordScope, basin_reach, bureau_reach
from ecolink_common.officers import attributed_officers, require_officers_of
from ecolink_common.outbox import OutboxEvent
from ecolink_common.paging import Page, PageRequest
from ecolink_referrals.domain.basin_agreements import BasinAgreement, BasinAgreements
from ecolink_referrals.domain.joint_tasks import (
    JointMeetingRecord,
    JointTaskRecord,
    TaskKind,
    TaskReport,
    task_rungs_due,
)
from ecolink_referrals.service_layer.basin_escalation import climbed, each_in_its_own_transaction
from ecolink_referrals.service_layer.basin_incidents import REASON_NOT_MEMBER, agreement_of
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

BASIN_TASK_EVENT = "referrals.basin_task"
REASON_TASK_NOT_FOUND = "BASIN_TASK_NOT_FOUND"
REASON_MEETING_NOT_FOUND = "BASIN_MEETING_NOT_FOUND"
REASON_NOT_ASSIGNEE = "BASIN_TASK_NOT_ASSIGNEE"
REASON_DONE = "BASIN_TASK_DONE"
SWEEP_BATCH = 200


@dataclass(frozen=True)
class NewTask:
    assignee_agency_id: str
    kind: TaskKind
    description: str
    due_in_hours: int


@dataclass(frozen=True)
class RecordMeeting:
    agreement_id: str
    held_on: date
    attendee_agency_ids: tuple[str, ...]
    minutes: str
    decisions: tuple[NewTask, ...]


def task_scope(task: JointTaskRecord) -> RecordScope:
    return RecordScope(
        owner_agency_id=task.assigned_by,
        region_code=task.region_code,
        shared_with=frozenset({task.assignee_agency_id}),
        basin_ids=frozenset({task.basin_id}),
    )


def _task_event(task: JointTaskRecord, key: str, what: str, recipients: list[str], **extra: object) -> OutboxEvent:
    payload = {
        "task": task.name,
        "event": what,
        "basin": task.basin_id,
        "kind": task.kind.value,
        "assignee": task.assignee_agency_id,
        "due_time": task.due_time.isoformat(),
        "recipients": sorted(set(recipients)),
        **extra,
    }
    return OutboxEvent(f"{task.name}/{key}", BASIN_TASK_EVENT, payload, task.update_time)


def _require_party(agreement: BasinAgreement, principal: Principal) -> None:
    if principal.agency_id not in (*agreement.members, agreement.desk_agency_id):
        raise PermissionDenied(
            f"{principal.agency_id} is neither a member nor the desk of {agreement.agreement_id}",
            reason=REASON_NOT_MEMBER,
        )


def _draft(agreement: BasinAgreement, principal: Principal, new: NewTask, field: str, now: datetime) -> JointTaskRecord:
    if new.assignee_agency_id not in agreement.members:
        raise InvalidArgument.for_field(f"{field}.assignee_agency_id", f"{new.assignee_agency_id!r} is not a member")
    return JointTaskRecord(
        task_id=0,
        agreement_id=agreement.agreement_id,
        basin_id=agreement.basin_id,
        assigned_by=principal.agency_id,
        region_code=principal.agency.region_code,
        assignee_agency_id=new.assignee_agency_id,
        kind=new.kind,
        description=new.description,
        due_time=now + timedelta(hours=new.due_in_hours),
        create_time=now,
        update_time=now,
    )


async def _add(uow: ReferralsUnitOfWork, draft: JointTaskRecord, action: str) -> JointTaskRecord:
    task = replace(draft, task_id=await uow.joint_tasks.add(draft))
    await uow.outbox.add(_task_event(task, "assigned", "assigned", [task.assignee_agency_id]), at=task.create_time)
    await uow.audit.record(
        AuditEntry(task.assigned_by, action, task.name, "OK", details={"to": task.assignee_agency_id})
    )
    return task


async def assign_task(
    uow: ReferralsUnitOfWork, principal: Principal, agreement_id: str, new: NewTask, agreements: BasinAgreements
) -> JointTaskRecord:
    """Issue 14 item 4: by the desk or a member, to a member, due `due_in_hours` from now."""
    agreement = agreement_of(agreements, agreement_id)
    _require_party(agreement, principal)
    async with uow:
        task = await _add(uow, _draft(agreement, principal, new, "task", uow.clock.now()), "AssignJointTask")
        await uow.commit()
        return task


async def record_meeting(
    uow: ReferralsUnitOfWork, principal: Principal, command: RecordMeeting, agreements: BasinAgreements
) -> tuple[JointMeetingRecord, list[JointTaskRecord]]:
    """Issue 14 item 4 (联席会议): the meeting and its minutes, each decision a member's task, in one transaction."""
    agreement = agreement_of(agreements, command.agreement_id)
    _require_party(agreement, principal)
    for index, attendee in enumerate(command.attendee_agency_ids):
        if attendee not in (*agreement.members, agreement.desk_agency_id):
            raise InvalidArgument.for_field(f"attendee_agency_ids[{index}]", f"{attendee!r} is not of the basin")
    async with uow:
        now = uow.clock.now()
        if command.held_on > now.date():
            raise InvalidArgument.for_field("held_on", "is after today")
        drafts = [
            replace(_draft(agreement, principal, new, f"decisions[{index}]", now), kind=TaskKind.MEETING_DECISION)
            for index, new in enumerate(command.decisions)
        ]
        meeting = JointMeetingRecord(
            0,
            agreement.agreement_id,
            agreement.basin_id,
            principal.agency_id,
            command.held_on,
            command.attendee_agency_ids,
            command.minutes,
            (),
            now,
        )
        meeting = replace(meeting, meeting_id=await uow.joint_tasks.add_meeting(meeting))
        tasks = [
            await _add(uow, replace(draft, meeting_id=meeting.meeting_id), "RecordJointMeeting") for draft in drafts
        ]
        meeting = replace(meeting, task_ids=tuple(task.task_id for task in tasks))
        await uow.joint_tasks.set_meeting_tasks(meeting.meeting_id, meeting.task_ids)
        await uow.audit.record(AuditEntry(principal.agency_id, "RecordJointMeeting", meeting.name, "OK"))
        await uow.commit()
        return meeting, tasks


async def visible_task(uow: ReferralsUnitOfWork, principal: Principal, task_id: int, *, action: str) -> JointTaskRecord:
    task = await uow.joint_tasks.get(task_id)
    if task is None:
        raise NotFound(f"basin-tasks/{task_id} was not found", reason=REASON_TASK_NOT_FOUND)
    await require_visible(uow, principal, task_scope(task), action=action, resource=task.name)
    return task


async def get_task(uow: ReferralsUnitOfWork, principal: Principal, task_id: int) -> JointTaskRecord:
    async with uow:
        task = await visible_task(uow, principal, task_id, action="GetJointTask")
        await uow.commit()
        return task


async def get_meeting(uow: ReferralsUnitOfWork, principal: Principal, meeting_id: int) -> JointMeetingRecord:
    """A meeting to the basin's members and desk, and the bureaus above its convener; others NOT_FOUND, audited."""
    async with uow:
        meeting = await uow.joint_tasks.meeting(meeting_id)
        if meeting is None:
            raise NotFound(f"basin-meetings/{meeting_id} was not found", reason=REASON_MEETING_NOT_FOUND)
        convener = await uow.agencies.get(meeting.convened_by)
        scope = RecordScope(
            owner_agency_id=meeting.convened_by,
            region_code=convener.region_code if convener else "",
            basin_ids=frozenset({meeting.basin_id}),
        )
        await require_visible(uow, principal, scope, action="GetJointMeeting", resource=meeting.name)
        await uow.commit()
        return meeting


async def list_tasks(uow: ReferralsUnitOfWork, principal: Principal, page: PageRequest) -> Page[JointTaskRecord]:
    """Newest first: the tasks of the caller's basins, or under a bureau's region."""
    before = page.position.get("before")
    viewer = principal.viewer
    async with uow:
        rows = await uow.joint_tasks.listing(
            basin_ids=basin_reach(viewer),
            region_prefix=bureau_reach(viewer),
            before_id=int(before) if before else None,
            limit=page.size + 1,
        )
    return page.page_of(list(rows), lambda task: {"before": str(task.task_id)})


@dataclass(frozen=True)
class ReportTask:
    task_id: int
    officer_ids: tuple[str, ...]
    text: str
    done: bool


async def report_task(
    uow: ReferralsUnitOfWork, principal: Principal, command: ReportTask, agreements: BasinAgreements
) -> JointTaskRecord:
    """The assignee's report on its task; `done` completes it (nothing escalates after). To the assigner and desk."""
    officers = attributed_officers(principal, command.officer_ids)
    async with uow:
        task = await visible_task(uow, principal, command.task_id, action="ReportJointTask")
        if principal.agency_id != task.assignee_agency_id:
            raise PermissionDenied(f"{task.name} is {task.assignee_agency_id}'s", reason=REASON_NOT_ASSIGNEE)
        if task.done_time is not None:
            raise FailedPrecondition(f"{task.name} was completed", reason=REASON_DONE)
        await require_officers_of(uow, principal.agency_id, officers, field="officer_ids")
        now = uow.clock.now()
        report = TaskReport(len(task.reports) + 1, principal.agency_id, officers, command.text, now)
        changed = replace(
            task,
            reports=(*task.reports, report),
            done_time=now if command.done else None,
            update_time=now,
            version=task.version + 1,
        )
        if not await uow.joint_tasks.save(changed, expected_version=task.version):
            raise Aborted(f"{task.name} changed meanwhile; try again", reason="BASIN_TASK_CHANGED")
        agreement = agreements.get(task.agreement_id)
        told = [task.assigned_by, *([agreement.desk_agency_id] if agreement else [])]
        what = "completed" if command.done else "reported"
        event = _task_event(changed, f"reports/{report.seq}", what, told, text=command.text)
        await uow.outbox.add(event, at=now)
        await uow.audit.record(AuditEntry(principal.agency_id, "ReportJointTask", task.name, "OK"))
        await uow.commit()
        return changed


async def escalate_overdue_tasks(uow_factory: Callable[[], ReferralsUnitOfWork], agreements: BasinAgreements) -> int:
    """Issue 14 item 4: every rung due on an open task past its day, once, one transaction per task."""

    async def overdue_after(uow: ReferralsUnitOfWork, after: int) -> Sequence[int]:
        return await uow.joint_tasks.overdue_ids(uow.clock.now(), after_id=after, limit=SWEEP_BATCH)

    return await each_in_its_own_transaction(
        uow_factory, overdue_after, lambda uow, task_id: _escalate_task(uow, task_id, agreements)
    )


async def _escalate_task(uow: ReferralsUnitOfWork, task_id: int, agreements: BasinAgreements) -> int:
    async with uow:
        task = await uow.joint_tasks.get(task_id)
        agreement = agreements.get(task.agreement_id) if task else None
        if task is None or agreement is None:
            return 0
        now = uow.clock.now()
        escalations = await climbed(uow, agreement, task_rungs_due(task, agreement, now), task.escalations, now)
        new = escalations[len(task.escalations) :]
        if not new:
            return 0
        changed = replace(task, escalations=escalations, update_time=now, version=task.version + 1)
        if not await uow.joint_tasks.save(changed, expected_version=task.version):
            return 0
        for escalation in new:
            recipients = [*escalation.to_agency_ids, task.assignee_agency_id]
            key = f"escalations/{escalation.level}"
            await uow.outbox.add(_task_event(changed, key, "escalated", recipients, level=escalation.level), at=now)
        await uow.commit()
        return len(new)
