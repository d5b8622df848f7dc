"""`ecolink monitoring …`: monitoring data as the platform received it; the transmission effective rate (传输有效率)."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any

import typer
from google.protobuf.json_format import MessageToDict
from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.alerts.v1 import monitoring_service_pb2 as pb
from ecolink.alerts.v1 import monitoring_service_pb2_grpc
from ecolink_alerts.domain.periods import day_start
from ecolink_cli.client import AddressOption, AsOption, TokenOption, call, open_channel, resolve_token
from ecolink_cli.output import JsonFlag, emit, make_table

monitoring_app = typer.Typer(help="Monitoring data received from devices and platforms (DOMAIN §2.1).")

COLUMNS = ["scope", "name", "region", "expected", "valid", "rate"]
DAY_FORMATS = ["%Y-%m-%d"]


class Level(StrEnum):
    DEVICE = "device"
    UNIT = "unit"
    COUNTY = "county"
    CITY = "city"


def _timestamp(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def _percent(rate: pb.TransmissionRate) -> str:
    return f"{100 * rate.rate:.2f}%" if rate.HasField("rate") else "—"


def _row(rate: pb.TransmissionRate) -> list[Any]:
    return [
        rate.scope,
        rate.display_name or "—",
        rate.region_code,
        rate.expected_records,
        rate.valid_records,
        _percent(rate),
    ]


@monitoring_app.command("rate")
def transmission_rate(
    region: Annotated[str, typer.Option("--region", help="Six-digit region code: a province, city or county.")],
    from_day: Annotated[
        datetime, typer.Option("--from", formats=DAY_FORMATS, help="First day of the period (YYYY-MM-DD, Beijing).")
    ],
    to_day: Annotated[
        datetime, typer.Option("--to", formats=DAY_FORMATS, help="Last day of the period, included (YYYY-MM-DD).")
    ],
    level: Annotated[Level, typer.Option("--level", help="Report per device, unit, county or city.")] = Level.UNIT,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Transmission effective rate (DOMAIN §2.1): valid records received / records owed, over whole Beijing days."""
    # HJ 212 DataTime is Beijing time, so the days of a reporting period are Beijing days (UTC+8).
    request = pb.GetTransmissionRateRequest(
        region_code=region,
        start_time=_timestamp(day_start(from_day.date())),
        end_time=_timestamp(day_start(to_day.date() + timedelta(days=1))),
        level=f"TRANSMISSION_RATE_LEVEL_{level.value.upper()}",
    )
    with open_channel("alerts", address) as channel:
        stub = monitoring_service_pb2_grpc.MonitoringServiceStub(channel)
        response = call(stub.GetTransmissionRate, request, token=resolve_token(token, as_agency), as_json=as_json)
    title = f"transmission effective rate, {region}, {from_day.date()} – {to_day.date()}: {_percent(response.total)}"
    rows = [_row(rate) for rate in response.rates]
    table = make_table(title, COLUMNS, [*rows, ["total", "", response.total.region_code, *_row(response.total)[3:]]])
    emit(MessageToDict(response, preserving_proto_field_name=True), as_json=as_json, table=table)
