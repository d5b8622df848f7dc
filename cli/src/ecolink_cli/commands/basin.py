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
from ecolink_cli.commands.referral_calls import PAGE_SIZE
from ecolink_cli.commands.referral_steps import OfficerOption, RequestIdOption
from ecolink_cli.commands.registry_support import every_page
from ecolink_cli.output import console, emit

basin_app = typer.Typer(
    help="River-basin coordination (流域联防联控): agreements, incidents (突发环境事件) notified downstream with "
    "deadlines to acknowledge (签收) and report measures (处置措施), escalation of silence, and a live watch."
)
incidents_app = typer.Typer(help="Basin incidents: report, list, get, ack, measures, close.")
drill_app = typer.Typer(help="Joint drills (联合演练): schedule one, read its report afterwards.")
basin_app.add_typer(incidents_app, name="incidents")
basin_app.add_typer(drill_app, name="drill")
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
