"""`ecolink basin …`: river-basin coordination (流域联防联控, DOMAIN §4.5) — the agreements, incidents reported by a
member and notified downstream (report, list, get, ack, measures, close), and `watch`, which follows new changes
live for a desk operator."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from functools import partial
from typing import Annotated, Any

import typer
from google.protobuf.json_format import MessageToDict
from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.referrals.v1 import basin_service_pb2 as pb
from ecolink_cli.client import call
from ecolink_cli.commands import basin_views as views
from ecolink_cli.commands import referral_calls
from ecolink_cli.commands.case_calls import Caller, prefixed, with_caller
from ecolink_cli.commands.case_steps import calls
from ecolink_cli.commands.referral_calls import PAGE_SIZE, split_first
from ecolink_cli.commands.referral_steps import OfficerOption, RequestIdOption
from ecolink_cli.commands.registry_support import every_page
from ecolink_cli.output import console, emit

basin_app = typer.Typer(
    help="River-basin coordination (流域联防联控): agreements, incidents (突发环境事件) notified downstream with "
    "deadlines to acknowledge (签收) and report measures (处置措施), escalation of silence, and a live watch."
)
incidents_app = typer.Typer(help="Basin incidents: report, list, get, ack, measures, close.")
drill_app = typer.Typer(help="Joint drills (联合演练): schedule one, read its report afterwards.")
tasks_app = typer.Typer(help="Joint tasks (联合任务): assign to a member, report on, list; overdue ones escalate.")
meeting_app = typer.Typer(help="Joint meetings (联席会议): record one with its decisions (each a task), read one.")
basin_app.add_typer(incidents_app, name="incidents")
basin_app.add_typer(drill_app, name="drill")
basin_app.add_typer(tasks_app, name="tasks")
basin_app.add_typer(meeting_app, name="meeting")
TaskArgument = Annotated[str, typer.Argument(help="basin-tasks/{id} or just the id, e.g. 1.")]
DecisionOption = Annotated[
    list[str] | None,
    typer.Option("--decision", help="A decision as MEMBER:HOURS:WHAT (e.g. eeb-360800:72:加密监测), repeatable."),
]
as_dict = partial(MessageToDict, preserving_proto_field_name=True)
IncidentArgument = Annotated[str, typer.Argument(help="incidents/{id} or just the id, e.g. 1.")]
EvidenceOption = Annotated[
    list[str] | None, typer.Option("--evidence", help="An evidence item items/{id} (证据), repeatable.")
]


def incident_name(value: str) -> str:
    return prefixed(value, "incidents")


def timestamp(value: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(value if value.tzinfo else value.replace(tzinfo=UTC))
    return stamp


def _show(incident: pb.Incident, caller: Caller) -> None:
    if caller.as_json:
        emit(as_dict(incident), as_json=True)
        return
    now = timestamp(datetime.now(UTC))
    for table in (views.incident_table(incident), views.notices_table(incident, now), views.timeline_table(incident)):
        console.print(table)


def _changed(rpc: str, request: Any, caller: Caller) -> None:
    """Calls the BasinService method `rpc` and prints the incident it answers with."""
    with referral_calls.basin_stub(caller.address) as stub:
        incident = call(getattr(stub, rpc), request, token=caller.bearer, as_json=caller.as_json).incident
    emit(as_dict(incident), as_json=caller.as_json, text=views.change_line(incident))


@basin_app.command("agreements")
@with_caller
def agreements(*, caller: Caller) -> None:
    """The basin agreements you signed or coordinate (all of them for a provincial bureau), members in river order."""
    with referral_calls.basin_stub(caller.address) as stub:
        found = call(
            stub.ListBasinAgreements, pb.ListBasinAgreementsRequest(), token=caller.bearer, as_json=caller.as_json
        ).agreements
    emit([as_dict(a) for a in found], as_json=caller.as_json, table=views.agreements_table(found))


@incidents_app.command("report")
@calls("ReportIncident")
@with_caller
def report(
    basin: Annotated[str, typer.Option("--basin", help="The agreement you are a member of, e.g. ganjiang.")],
    location: Annotated[str, typer.Option("--location", help="Where on the river (位置), e.g. 赣江章贡区段 km 12.")],
    pollutant: Annotated[str, typer.Option("--pollutant", help="The pollutant (污染物), e.g. 硫酸 sulphuric acid.")],
    description: Annotated[str, typer.Option("--description", help="What happened (事件经过).")],
    quantity: Annotated[str, typer.Option("--quantity", help="Estimated quantity (估算数量), e.g. 约20吨.")] = "",
    occurred: Annotated[
        datetime | None, typer.Option("--occurred", help="When it happened (UTC unless an offset is given); now.")
    ] = None,
    evidence: EvidenceOption = None,
    request_id: RequestIdOption = "",
    *,
    caller: Caller,
) -> None:
    """Member: report an incident (突发环境事件报告); every member downstream and the desk are notified at once."""
    incident = pb.Incident(
        location=location,
        pollutant=pollutant,
        estimated_quantity=quantity,
        description=description,
        occur_time=timestamp(occurred or datetime.now(UTC)),
        evidence=evidence or [],
    )
    request = pb.ReportIncidentRequest(agreement=prefixed(basin, "basins"), incident=incident, request_id=request_id)
    _changed("ReportIncident", request, caller)


@incidents_app.command("list")
@with_caller
def list_incidents(
    since: Annotated[int, typer.Option("--since", min=0, help="Only changes after this watermark.")] = 0,
    *,
    caller: Caller,
) -> None:
    """The incidents you see (your basins', or below your region), in change order (follows all pages)."""
    request = pb.ListIncidentsRequest(page_size=PAGE_SIZE, since_watermark=since)
    with referral_calls.basin_stub(caller.address) as stub:
        found = every_page(stub.ListIncidents, request, "incidents", token=caller.bearer, as_json=caller.as_json)
    emit([as_dict(i) for i in found], as_json=caller.as_json, table=views.list_table(found))


@incidents_app.command("get")
@with_caller
def get(name: IncidentArgument, *, caller: Caller) -> None:
    """One incident: its facts, who was notified (late ones in red), and its timeline with every delivery."""
    with referral_calls.basin_stub(caller.address) as stub:
        request = pb.GetIncidentRequest(name=incident_name(name))
        found = call(stub.GetIncident, request, token=caller.bearer, as_json=caller.as_json).incident
    _show(found, caller)


@incidents_app.command("ack")
@calls("AcknowledgeIncident")
@with_caller
def ack(name: IncidentArgument, *, caller: Caller) -> None:
    """Notified agency: acknowledge the incident (签收)."""
    _changed("AcknowledgeIncident", pb.AcknowledgeIncidentRequest(name=incident_name(name)), caller)


@incidents_app.command("measures")
@calls("ReportMeasures")
@with_caller
def measures(
    name: IncidentArgument,
    text: Annotated[str, typer.Option("--text", help="What you did (处置措施).")],
    officer: OfficerOption,
    monitoring: Annotated[
        str, typer.Option("--monitoring", help="Monitoring results upstream and downstream (上下游监测结果).")
    ] = "",
    evidence: EvidenceOption = None,
    *,
    caller: Caller,
) -> None:
    """Notified member: report your measures; the first report meets your deadline."""
    request = pb.ReportMeasuresRequest(
        name=incident_name(name), text=text, officer_ids=officer, monitoring=monitoring, evidence=evidence or []
    )
    _changed("ReportMeasures", request, caller)


@incidents_app.command("close")
@calls("CloseIncident")
@with_caller
def close(
    name: IncidentArgument,
    note: Annotated[str, typer.Option("--note", help="Why it is over (结束说明).")],
    *,
    caller: Caller,
) -> None:
    """Reporter or desk: close the incident; nothing escalates after."""
    _changed("CloseIncident", pb.CloseIncidentRequest(name=incident_name(name), note=note), caller)


@drill_app.command("schedule")
@calls("ScheduleDrill")
@with_caller
def schedule_drill(
    basin: Annotated[str, typer.Option("--basin", help="The agreement you are a member or the desk of.")],
    start: Annotated[datetime, typer.Option("--start", help="When it starts (UTC unless an offset is given).")],
    location: Annotated[str, typer.Option("--location", help="Where the drilled spill is (位置).")],
    pollutant: Annotated[str, typer.Option("--pollutant", help="The drilled pollutant (污染物).")],
    description: Annotated[str, typer.Option("--description", help="The scenario (演练情景).")],
    reporter: Annotated[
        str, typer.Option("--reporter", help="The member whose incident is drilled; default you.")
    ] = "",
    quantity: Annotated[str, typer.Option("--quantity", help="Estimated quantity (估算数量).")] = "",
    request_id: RequestIdOption = "",
    *,
    caller: Caller,
) -> None:
    """Member or desk: schedule a joint drill (联合演练); at its time it runs the incident path, marked as a drill."""
    incident = pb.Incident(
        reporter_agency_id=reporter,
        location=location,
        pollutant=pollutant,
        estimated_quantity=quantity,
        description=description,
    )
    request = pb.ScheduleDrillRequest(
        agreement=prefixed(basin, "basins"), incident=incident, start_time=timestamp(start), request_id=request_id
    )
    _changed("ScheduleDrill", request, caller)


@drill_app.command("report")
@with_caller
def drill_report(name: IncidentArgument, *, caller: Caller) -> None:
    """A drill's report: each notified agency's time to acknowledge and to report measures, its highest rung, and
    the time until everyone had acknowledged."""
    with referral_calls.basin_stub(caller.address) as stub:
        request = pb.GetDrillReportRequest(name=incident_name(name))
        found = call(stub.GetDrillReport, request, token=caller.bearer, as_json=caller.as_json)
    emit(as_dict(found), as_json=caller.as_json, table=views.drill_table(found))


def _task_changed(rpc: str, request: Any, caller: Caller) -> None:
    with referral_calls.basin_stub(caller.address) as stub:
        task = call(getattr(stub, rpc), request, token=caller.bearer, as_json=caller.as_json).task
    emit(as_dict(task), as_json=caller.as_json, text=views.task_line(task))


@tasks_app.command("assign")
@calls("AssignJointTask")
@with_caller
def assign_task(
    basin: Annotated[str, typer.Option("--basin", help="The agreement you are a member or the desk of.")],
    to: Annotated[str, typer.Option("--to", help="The member that owes it, e.g. eeb-360900.")],
    description: Annotated[str, typer.Option("--description", help="What is to be done (任务内容).")],
    hours: Annotated[int, typer.Option("--hours", min=1, help="Hours until it is due (期限).")] = 24,
    kind: Annotated[
        str, typer.Option("--kind", help="joint_sampling (联合采样), joint_inspection (联合检查) or other.")
    ] = "joint_sampling",
    *,
    caller: Caller,
) -> None:
    """Desk or member: assign a member a joint task; overdue, it escalates like a silent member."""
    task = pb.NewJointTask(assignee_agency_id=to, kind=kind, description=description, due_in_hours=hours)
    _task_changed("AssignJointTask", pb.AssignJointTaskRequest(agreement=prefixed(basin, "basins"), task=task), caller)


@tasks_app.command("get")
@with_caller
def get_task(name: TaskArgument, *, caller: Caller) -> None:
    """One joint task with its reports and escalations."""
    with referral_calls.basin_stub(caller.address) as stub:
        request = pb.GetJointTaskRequest(name=prefixed(name, "basin-tasks"))
        task = call(stub.GetJointTask, request, token=caller.bearer, as_json=caller.as_json).task
    emit(as_dict(task), as_json=caller.as_json, table=views.tasks_table([task]))


@tasks_app.command("list")
@with_caller
def list_tasks(*, caller: Caller) -> None:
    """The joint tasks you see, newest first (overdue ones in red; follows all pages)."""
    request = pb.ListJointTasksRequest(page_size=PAGE_SIZE)
    with referral_calls.basin_stub(caller.address) as stub:
        found = every_page(stub.ListJointTasks, request, "tasks", token=caller.bearer, as_json=caller.as_json)
    emit([as_dict(t) for t in found], as_json=caller.as_json, table=views.tasks_table(found))


@tasks_app.command("report")
@calls("ReportJointTask")
@with_caller
def report_task(
    name: TaskArgument,
    text: Annotated[str, typer.Option("--text", help="What was done (完成情况).")],
    officer: OfficerOption,
    done: Annotated[bool, typer.Option("--done", help="The task is complete.")] = False,
    *,
    caller: Caller,
) -> None:
    """Assignee: report on your joint task, or complete it with --done."""
    request = pb.ReportJointTaskRequest(name=prefixed(name, "basin-tasks"), text=text, officer_ids=officer, done=done)
    _task_changed("ReportJointTask", request, caller)


def decision(text: str) -> pb.NewJointTask:
    """`MEMBER:HOURS:WHAT` → a meeting decision due HOURS after the meeting is recorded."""
    member, rest = split_first(text)
    hours, what = split_first(rest or "")
    if not member.strip() or not hours.strip().isdigit() or not (what or "").strip():
        raise typer.BadParameter(f"{text!r}: MEMBER:HOURS:WHAT", param_hint="--decision")
    return pb.NewJointTask(assignee_agency_id=member.strip(), due_in_hours=int(hours), description=(what or "").strip())


@meeting_app.command("record")
@calls("RecordJointMeeting")
@with_caller
def record_meeting(
    basin: Annotated[str, typer.Option("--basin", help="The agreement you are a member or the desk of.")],
    held_on: Annotated[str, typer.Option("--on", help="The day it was held, YYYY-MM-DD.")],
    minutes: Annotated[str, typer.Option("--minutes", help="The minutes (会议纪要).")],
    attendee: Annotated[list[str] | None, typer.Option("--attendee", help="An attending agency, repeatable.")] = None,
    decisions: DecisionOption = None,
    *,
    caller: Caller,
) -> None:
    """Desk or member: record a joint meeting (联席会议); each decision becomes a member's task."""
    request = pb.RecordJointMeetingRequest(
        agreement=prefixed(basin, "basins"),
        held_on=held_on,
        minutes=minutes,
        attendee_agency_ids=attendee or [],
        decisions=[decision(text) for text in decisions or []],
    )
    with referral_calls.basin_stub(caller.address) as stub:
        recorded = call(stub.RecordJointMeeting, request, token=caller.bearer, as_json=caller.as_json)
    emit(as_dict(recorded), as_json=caller.as_json, table=views.tasks_table(recorded.tasks))


@meeting_app.command("get")
@with_caller
def get_meeting(
    name: Annotated[str, typer.Argument(help="basin-meetings/{id} or just the id.")], *, caller: Caller
) -> None:
    """One joint meeting with its minutes and the tasks it decided."""
    with referral_calls.basin_stub(caller.address) as stub:
        request = pb.GetJointMeetingRequest(name=prefixed(name, "basin-meetings"))
        meeting = call(stub.GetJointMeeting, request, token=caller.bearer, as_json=caller.as_json).meeting
    emit(as_dict(meeting), as_json=caller.as_json, text=views.meeting_text(meeting))


@basin_app.command("watch")
@with_caller
def watch(
    since: Annotated[int, typer.Option("--since", min=0, help="Start after this watermark; 0: from the first.")] = 0,
    interval: Annotated[float, typer.Option("--interval", min=0.2, help="Seconds between two polls.")] = 2.0,
    once: Annotated[bool, typer.Option("--once", help="Print what is new and stop.")] = False,
    *,
    caller: Caller,
) -> None:
    """Desk operator: follow new incidents and their changes live, one line each (JSON lines with --json)."""
    watermark = since
    with referral_calls.basin_stub(caller.address) as stub:
        while True:
            request = pb.ListIncidentsRequest(page_size=PAGE_SIZE, since_watermark=watermark)
            page = call(stub.ListIncidents, request, token=caller.bearer, as_json=caller.as_json)
            for incident in page.incidents:
                emit(as_dict(incident), as_json=caller.as_json, text=views.change_line(incident))
            watermark = page.watermark
            if page.next_page_token:
                continue
            if once:
                return
            time.sleep(interval)
