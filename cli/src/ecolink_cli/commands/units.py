"""`ecolink units …`: the registry of key units, their outlets, factors, devices and video channels."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer
from google.protobuf.json_format import MessageToDict

from ecolink.alerts.v1 import registry_pb2, registry_service_pb2_grpc
from ecolink.alerts.v1 import registry_service_pb2 as pb
from ecolink_alerts.service_layer.registry_loading import load_registry_file
from ecolink_alerts.settings import AlertsSettings
from ecolink_cli.client import AddressOption, AsOption, TokenOption, call, open_channel, resolve_token
from ecolink_cli.output import JsonFlag, console, emit, make_table
from ecolink_cli.services import service_spec
from ecolink_common import operations
from ecolink_common.settings import PlatformSettings

units_app = typer.Typer(help="Key units (重点排污单位) with their outlets, factors, devices and video channels.")

PAGE_SIZE = 200
UNIT_COLUMNS = ["unit", "name", "region", "industry", "enterprise"]
DEVICE_COLUMNS = ["device", "outlet", "protocol", "crc", "password"]


def _stub(channel: Any) -> registry_service_pb2_grpc.RegistryServiceStub:
    return registry_service_pb2_grpc.RegistryServiceStub(channel)


def _as_dict(message: Any) -> dict[str, Any]:
    return MessageToDict(message, preserving_proto_field_name=True)


def _enum(enum: Any, value: int, prefix: str) -> str:
    return str(enum.Name(value)).removeprefix(prefix).lower()


def _every_page(rpc: Callable[..., Any], request: Any, items: str, *, token: str | None, as_json: bool) -> list[Any]:
    """Calls a List method until its last page and returns every item."""
    found: list[Any] = []
    while True:
        response = call(rpc, request, token=token, as_json=as_json)
        found.extend(getattr(response, items))
        if not response.next_page_token:
            return found
        request.page_token = response.next_page_token


def _unit_row(unit: registry_pb2.KeyUnit) -> list[str]:
    return [unit.unit_id, unit.display_name, unit.region_code, unit.industry, unit.enterprise_agency_id]


def _limit(value: float, present: bool) -> str:
    return f"{value:g}" if present else "—"


def _factor_rows(outlet: registry_pb2.Outlet) -> list[list[str]]:
    medium = _enum(registry_pb2.OutletMedium, outlet.medium, "OUTLET_MEDIUM_")
    return [
        [
            outlet.outlet_id,
            medium,
            factor.pollutant_code,
            factor.unit,
            _limit(factor.emission_limit, factor.HasField("emission_limit")),
            f"{_limit(factor.range_lower, factor.HasField('range_lower'))}–"
            f"{_limit(factor.range_upper, factor.HasField('range_upper'))}",
        ]
        for factor in outlet.factors
    ]


def _device_row(device: registry_pb2.Device) -> list[str]:
    return [
        device.mn,
        device.outlet,
        _enum(registry_pb2.ProtocolVersion, device.protocol_version, "PROTOCOL_VERSION_"),
        _enum(registry_pb2.CrcMode, device.crc_mode, "CRC_MODE_"),
        "set" if device.password_set else "none",
    ]


@units_app.command("list")
def list_units(
    region: Annotated[str, typer.Option(help="Only units within this six-digit region code.")] = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List the key units you may see (follows all pages)."""
    with open_channel("alerts", address) as channel:
        request = pb.ListKeyUnitsRequest(region_code=region, page_size=PAGE_SIZE)
        units = _every_page(
            _stub(channel).ListKeyUnits, request, "key_units", token=resolve_token(token, as_agency), as_json=as_json
        )
    table = make_table(f"{len(units)} key units", UNIT_COLUMNS, [_unit_row(u) for u in units])
    emit([_as_dict(u) for u in units], as_json=as_json, table=table)


@units_app.command("get")
def get_unit(
    unit_id: Annotated[str, typer.Argument(help="e.g. lingbi-jiancai")],
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show one unit with its outlets, factors and limits, devices and video channels."""
    name = unit_id if unit_id.startswith("units/") else f"units/{unit_id}"
    resolved = resolve_token(token, as_agency)
    with open_channel("alerts", address) as channel:
        stub = _stub(channel)
        unit = call(stub.GetKeyUnit, pb.GetKeyUnitRequest(name=name), token=resolved, as_json=as_json).key_unit
        every = partial(_every_page, token=resolved, as_json=as_json)
        outlets = every(stub.ListOutlets, pb.ListOutletsRequest(parent=name, page_size=PAGE_SIZE), "outlets")
        devices = every(stub.ListDevices, pb.ListDevicesRequest(unit=name, page_size=PAGE_SIZE), "devices")
        channels = every(
            stub.ListVideoChannels, pb.ListVideoChannelsRequest(parent=name, page_size=PAGE_SIZE), "video_channels"
        )
    data = {
        "key_unit": _as_dict(unit),
        "outlets": [_as_dict(o) for o in outlets],
        "devices": [_as_dict(d) for d in devices],
        "video_channels": [_as_dict(c) for c in channels],
    }
    if as_json:
        emit(data, as_json=True)
        return
    factor_rows = [row for outlet in outlets for row in _factor_rows(outlet)]
    channel_rows = [[c.channel_id, c.display_name, c.outlet, c.stream_url] for c in channels]
    console.print(make_table(unit.name, UNIT_COLUMNS, [_unit_row(unit)]))
    console.print(
        make_table("outlets and factors", ["outlet", "medium", "factor", "unit", "limit", "range"], factor_rows)
    )
    console.print(make_table("devices", DEVICE_COLUMNS, [_device_row(d) for d in devices]))
    console.print(make_table("video channels", ["channel", "name", "outlet", "stream"], channel_rows))


@units_app.command("devices")
def list_devices(
    unit_id: Annotated[str, typer.Option("--unit", help="Only this unit's devices.")] = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List the data-acquisition devices (数采仪) you may see, by MN (follows all pages)."""
    unit = f"units/{unit_id.removeprefix('units/')}" if unit_id else ""
    with open_channel("alerts", address) as channel:
        request = pb.ListDevicesRequest(unit=unit, page_size=PAGE_SIZE)
        devices = _every_page(
            _stub(channel).ListDevices, request, "devices", token=resolve_token(token, as_agency), as_json=as_json
        )
    table = make_table(f"{len(devices)} devices", DEVICE_COLUMNS, [_device_row(d) for d in devices])
    emit([_as_dict(d) for d in devices], as_json=as_json, table=table)


@units_app.command("load-demo")
def load_demo(
    file: Annotated[Path | None, typer.Option("--file", help="Registry file; default ALERTS_REGISTRY_FILE.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Load a registry file straight into the alerts database (loading it again changes nothing)."""
    path = file or AlertsSettings().registry_file
    url = operations.database_url(service_spec("alerts"), PlatformSettings())
    load = asyncio.run(load_registry_file(url, path))
    result = f"{len(load.changed)} records changed" if load.changed else "already loaded"
    table = make_table(
        f"registry {path.name}", ["version", "units", "result"], [[load.version, load.unit_count, result]]
    )
    data = {"version": load.version, "unit_count": load.unit_count, "changed": list(load.changed)}
    emit(data, as_json=as_json, table=table)
