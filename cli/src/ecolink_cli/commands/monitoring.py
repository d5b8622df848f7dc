"""`ecolink monitoring …`: the stored monitoring values (监测数据) and the transmission effective rate (传输有效率)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any

import typer
from google.protobuf.json_format import MessageToDict

from ecolink.alerts.v1 import monitoring_pb2, monitoring_service_pb2_grpc
from ecolink.alerts.v1 import monitoring_service_pb2 as pb
from ecolink_alerts.domain.periods import day_start
from ecolink_cli.client import AddressOption, AsOption, TokenOption, call, open_channel, resolve_token
from ecolink_cli.output import JsonFlag, emit, fail, make_table
from ecolink_cli.times import shown_time, utc_timestamp

monitoring_app = typer.Typer(help="Monitoring data received from devices and platforms (DOMAIN §2.1).")

COLUMNS = ["scope", "name", "region", "expected", "valid", "rate"]
DAY_FORMATS = ["%Y-%m-%d"]
VALUES_PAGE_SIZE = 500
VALUE_COLUMNS = ["data time", "device", "factor", "value", "flag", "converted", "received", "conflicts"]
CSV_COLUMNS = ["mn", "kind", "data_time", "factor", "value", "flag", "converted", "received", "conflicts"]


class Kind(StrEnum):
    """The data kinds of DOMAIN §2.1, by the name an officer uses."""

    REALTIME = "realtime"
    MINUTE = "minute"
    HOURLY = "hourly"
    DAILY = "daily"


class Level(StrEnum):
    DEVICE = "device"
    UNIT = "unit"
    COUNTY = "county"
    CITY = "city"


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
        start_time=utc_timestamp(day_start(from_day.date())),
        end_time=utc_timestamp(day_start(to_day.date() + timedelta(days=1))),
        level=f"TRANSMISSION_RATE_LEVEL_{level.value.upper()}",
    )
    with open_channel("alerts", address) as channel:
        stub = monitoring_service_pb2_grpc.MonitoringServiceStub(channel)
        response = call(stub.GetTransmissionRate, request, token=resolve_token(token, as_agency), as_json=as_json)
    title = f"transmission effective rate, {region}, {from_day.date()} – {to_day.date()}: {_percent(response.total)}"
    rows = [_row(rate) for rate in response.rates]
    table = make_table(title, COLUMNS, [*rows, ["total", "", response.total.region_code, *_row(response.total)[3:]]])
    emit(MessageToDict(response, preserving_proto_field_name=True), as_json=as_json, table=table)


def _number(value: float, present: bool) -> str:
    return f"{value:g}" if present else ""


def _conflicts(value: pb.MonitoringValue) -> str:
    """The later differing versions (C12), e.g. `99 D at 2026-11-01T…; …`."""
    return "; ".join(f"{c.value:g} {c.flag} at {shown_time(c.receive_time)}" for c in value.conflicts)


def _value_row(value: pb.MonitoringValue) -> list[str]:
    return [
        shown_time(value.data_time),
        value.mn,
        value.factor_code,
        f"{value.value:g}",
        value.flag,
        _number(value.converted, value.HasField("converted")),
        shown_time(value.receive_time),
        _conflicts(value) or "—",
    ]


def _csv_row(value: pb.MonitoringValue) -> list[str]:
    return [
        value.mn,
        monitoring_pb2.DataKind.Name(value.data_kind).removeprefix("DATA_KIND_").lower(),
        shown_time(value.data_time),
        value.factor_code,
        f"{value.value:g}",
        value.flag,
        _number(value.converted, value.HasField("converted")),
        shown_time(value.receive_time),
        _conflicts(value),
    ]


def _every_value(
    stub: Any, request: pb.ListMonitoringValuesRequest, *, token: str | None, as_json: bool
) -> Iterator[pb.MonitoringValue]:
    """Every value the filters select, page after page."""
    while True:
        response = call(stub.ListMonitoringValues, request, token=token, as_json=as_json)
        yield from response.values
        if not response.next_page_token:
            return
        request.page_token = response.next_page_token


@monitoring_app.command("values")
def list_values(
    kind: Annotated[Kind, typer.Option("--kind", help="realtime, minute, hourly or daily data.")],
    from_time: Annotated[datetime, typer.Option("--from", help="DataTime at or after (ISO 8601; no zone: UTC).")],
    to_time: Annotated[datetime, typer.Option("--to", help="DataTime before (ISO 8601; no zone: UTC).")],
    device: Annotated[str, typer.Option("--device", help="This device's values, by its MN.")] = "",
    unit: Annotated[str, typer.Option("--unit", help="Every device of this unit, e.g. lingbi-jiancai.")] = "",
    factor: Annotated[str, typer.Option("--factor", help="Only this pollutant code, e.g. a21026.")] = "",
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV (one row per value) instead of a table.")] = False,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """The stored values (监测数据) of a device or a unit, by DataTime, with their flags and conflicts (C12)."""
    if bool(device) == bool(unit):
        fail("give exactly one of --device MN and --unit ID", as_json=as_json, code=2)
    request = pb.ListMonitoringValuesRequest(
        device=f"devices/{device.removeprefix('devices/')}" if device else "",
        unit=f"units/{unit.removeprefix('units/')}" if unit else "",
        factor_code=factor,
        data_kind=f"DATA_KIND_{kind.value.upper()}",
        start_time=utc_timestamp(from_time),
        end_time=utc_timestamp(to_time),
        page_size=VALUES_PAGE_SIZE,
    )
    with open_channel("alerts", address) as channel:
        stub = monitoring_service_pb2_grpc.MonitoringServiceStub(channel)
        found = list(_every_value(stub, request, token=resolve_token(token, as_agency), as_json=as_json))
    if as_csv and not as_json:
        writer = csv.writer(sys.stdout)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(_csv_row(value) for value in found)
        return
    table = make_table(f"{len(found)} {kind.value} values", VALUE_COLUMNS, [_value_row(value) for value in found])
    emit([MessageToDict(value, preserving_proto_field_name=True) for value in found], as_json=as_json, table=table)
