"""`ecolink alerts …`: the anomaly alerts (异常线索) your jurisdiction covers, and each one's evidence window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from enum import StrEnum
from functools import partial
from typing import Annotated, Any

import typer
from google.protobuf.json_format import MessageToDict

from ecolink.alerts.v1 import alert_pb2, alert_service_pb2_grpc, monitoring_pb2
from ecolink.alerts.v1 import alert_service_pb2 as pb
from ecolink_cli.client import (
    AddressOption,
    AsOption,
    TokenOption,
    auth_metadata,
    call,
    open_channel,
    reported_rpc_errors,
    resolve_token,
)
from ecolink_cli.output import JsonFlag, console, emit, make_table
from ecolink_cli.times import shown_time, utc_timestamp

alerts_app = typer.Typer(help="Anomaly alerts raised by the monitoring rules (ANOMALY_RULES C1–C13, E1).")

PAGE_SIZE = 200
COLUMNS = ["id", "rule", "unit", "factor", "state", "started", "ended", "evidence points"]
EVIDENCE_COLUMNS = ["data time", "factor", "kind", "value", "flag", "received"]

as_dict = partial(MessageToDict, preserving_proto_field_name=True)


class State(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


def _stub(channel: Any) -> alert_service_pb2_grpc.AlertServiceStub:
    return alert_service_pb2_grpc.AlertServiceStub(channel)


def _alert_id(alert: alert_pb2.Alert) -> str:
    return alert.name.removeprefix("alerts/")


def _row(alert: alert_pb2.Alert, evidence_points: int) -> list[str]:
    return [
        _alert_id(alert),
        alert.rule,
        alert.unit.removeprefix("units/"),
        alert.factor_code or "—",
        alert_pb2.AlertState.Name(alert.state).removeprefix("ALERT_STATE_").lower(),
        shown_time(alert.start_time),
        shown_time(alert.end_time),
        str(evidence_points),
    ]


def _evidence_row(point: alert_pb2.EvidencePoint) -> list[str]:
    if point.HasField("packet"):
        packet = point.packet
        return [shown_time(packet.receive_time), "packet", f"QN {packet.qn or '—'}", "", ",".join(packet.faults), ""]
    if point.HasField("companion_rise"):
        rise = point.companion_rise
        change = f"{rise.baseline:g} → {rise.value:g} ({rise.relative_change:+.0%})"
        return [shown_time(rise.data_time), rise.factor_code, "rise with the drop", change, "", ""]
    reading = point.reading
    return [
        shown_time(reading.data_time),
        reading.factor_code,
        monitoring_pb2.DataKind.Name(reading.data_kind).removeprefix("DATA_KIND_").lower(),
        f"{reading.value:g}",
        reading.flag,
        shown_time(reading.receive_time),
    ]


def _listed(stub: Any, request: pb.ListAlertsRequest, *, token: str | None, as_json: bool) -> Iterator[alert_pb2.Alert]:
    """Every alert the filters select, page after page."""
    while True:
        response = call(stub.ListAlerts, request, token=token, as_json=as_json)
        yield from response.alerts
        if not response.next_page_token:
            return
        request.page_token = response.next_page_token


@alerts_app.command("list")
def list_alerts(
    unit: Annotated[str, typer.Option("--unit", help="Only this unit's alerts, e.g. lingbi-jiancai.")] = "",
    rule: Annotated[str, typer.Option("--rule", help="Only this rule, e.g. C7.")] = "",
    state: Annotated[State | None, typer.Option("--state", help="open or closed.")] = None,
    region: Annotated[str, typer.Option("--region", help="Only units within this six-digit region code.")] = "",
    started_from: Annotated[datetime | None, typer.Option("--from", help="Started at or after (ISO 8601).")] = None,
    started_before: Annotated[datetime | None, typer.Option("--to", help="Started before (ISO 8601).")] = None,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List the alerts you may see (follows all pages), with the size of each one's evidence window."""
    request = pb.ListAlertsRequest(
        unit=f"units/{unit.removeprefix('units/')}" if unit else "",
        region_code=region,
        rule=rule,
        state=f"ALERT_STATE_{state.value.upper()}" if state else None,
        start_time=utc_timestamp(started_from),
        end_time=utc_timestamp(started_before),
        page_size=PAGE_SIZE,
    )
    resolved = resolve_token(token, as_agency)
    with open_channel("alerts", address) as channel:
        stub = _stub(channel)
        found = list(_listed(stub, request, token=resolved, as_json=as_json))
        # ListAlerts leaves the evidence out; GetAlert gives each alert's window.
        evidence = {
            a.name: len(
                call(stub.GetAlert, pb.GetAlertRequest(name=a.name), token=resolved, as_json=as_json).alert.evidence
            )
            for a in found
        }
    table = make_table(f"{len(found)} alerts", COLUMNS, [_row(a, evidence[a.name]) for a in found])
    emit([{**as_dict(a), "evidence_points": evidence[a.name]} for a in found], as_json=as_json, table=table)


@alerts_app.command("get")
def get_alert(
    alert: Annotated[str, typer.Argument(help="alerts/{id} or just the id.")],
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show one alert and its evidence window (the points that matched)."""
    name = alert if alert.startswith("alerts/") else f"alerts/{alert}"
    with open_channel("alerts", address) as channel:
        request = pb.GetAlertRequest(name=name)
        found = call(_stub(channel).GetAlert, request, token=resolve_token(token, as_agency), as_json=as_json).alert
    if as_json:
        emit(as_dict(found), as_json=True)
        return
    console.print(make_table(found.name, COLUMNS, [_row(found, len(found.evidence))]))
    console.print(make_table("evidence window", EVIDENCE_COLUMNS, [_evidence_row(p) for p in found.evidence]))


# A month of one-minute values of a few devices through every rule takes tens of seconds, more than one call's 30 s.
RESCAN_TIMEOUT_SECONDS = 600.0
RESCAN_COLUMNS = ["rule", "device", "kind", "factor", "state", "started", "ended", "evidence points", "stored alert"]


def _rescanned_row(episode: pb.RescannedEpisode) -> list[str]:
    return [
        episode.rule,
        episode.device.removeprefix("devices/"),
        monitoring_pb2.DataKind.Name(episode.data_kind).removeprefix("DATA_KIND_").lower(),
        episode.factor_code or "—",
        alert_pb2.AlertState.Name(episode.state).removeprefix("ALERT_STATE_").lower(),
        shown_time(episode.start_time),
        shown_time(episode.end_time),
        str(len(episode.evidence)),
        episode.matching_alert.removeprefix("alerts/") or "none",
    ]


@alerts_app.command("rescan")
def rescan(
    started_from: Annotated[datetime, typer.Option("--from", help="Values with a DataTime at or after (ISO 8601).")],
    ended_before: Annotated[datetime, typer.Option("--to", help="Values with a DataTime before (ISO 8601).")],
    unit: Annotated[str, typer.Option("--unit", help="Every device of this unit, e.g. lingbi-jiancai.")] = "",
    mn: Annotated[str, typer.Option("--mn", help="Only this device (its MN).")] = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Re-evaluate stored values with the online rules (read only; times without a zone are UTC).

    Shows the episodes found, each with the stored alert it matches, and the stored alerts the rescan did not find.
    Only rules that stored values reproduce are judged: E1, C1–C9, C11 and C12 future DataTime.
    """
    request = pb.RescanRangeRequest(
        unit=f"units/{unit.removeprefix('units/')}" if unit else "",
        device=f"devices/{mn}" if mn else "",
        start_time=utc_timestamp(started_from),
        end_time=utc_timestamp(ended_before),
    )
    with open_channel("alerts", address) as channel:
        metadata = auth_metadata(resolve_token(token, as_agency))
        with reported_rpc_errors(as_json=as_json):
            found = _stub(channel).RescanRange(request, metadata=metadata, timeout=RESCAN_TIMEOUT_SECONDS)
    if as_json:
        emit(as_dict(found), as_json=True)
        return
    title = f"{len(found.episodes)} episodes found by the rescan"
    console.print(make_table(title, RESCAN_COLUMNS, [_rescanned_row(episode) for episode in found.episodes]))
    unmatched = [name.removeprefix("alerts/") for name in found.unmatched_alerts]
    console.print(f"stored alerts the rescan did not find: {', '.join(unmatched) if unmatched else 'none'}")
