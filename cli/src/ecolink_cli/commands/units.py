"""`ecolink units …`: the registry of key units, their outlets, factors, devices and video channels."""

from __future__ import annotations

import asyncio
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from ecolink.alerts.v1 import registry_pb2
from ecolink.alerts.v1 import registry_service_pb2 as pb
from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.service_layer.registry_loading import load_registry_file
from ecolink_alerts.settings import AlertsSettings
from ecolink_cli.client import AddressOption, AsOption, TokenOption, call, open_channel, resolve_token
from ecolink_cli.commands.registry_support import (
    CHANNEL_COLUMNS,
    DEVICE_COLUMNS,
    FACTOR_COLUMNS,
    PAGE_SIZE,
    UNIT_COLUMNS,
    RequestIdOption,
    as_dict,
    channel_row,
    device_row,
    every_page,
    factor_rows,
    registry_stub,
    unit_name,
    unit_row,
    update_mask,
)
from ecolink_cli.output import JsonFlag, console, emit, make_table
from ecolink_cli.services import service_spec
from ecolink_common import operations
from ecolink_common.settings import PlatformSettings

units_app = typer.Typer(help="Key units (重点排污单位) with their outlets, factors, devices and video channels.")


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
        units = every_page(
            registry_stub(channel).ListKeyUnits,
            request,
            "key_units",
            token=resolve_token(token, as_agency),
            as_json=as_json,
        )
    table = make_table(f"{len(units)} key units", UNIT_COLUMNS, [unit_row(u) for u in units])
    emit([as_dict(u) for u in units], as_json=as_json, table=table)


@units_app.command("get")
def get_unit(
    unit_id: Annotated[str, typer.Argument(help="e.g. lingbi-jiancai")],
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show one unit with its outlets, factors and limits, devices and video channels."""
    name = unit_name(unit_id)
    resolved = resolve_token(token, as_agency)
    with open_channel("alerts", address) as channel:
        stub = registry_stub(channel)
        unit = call(stub.GetKeyUnit, pb.GetKeyUnitRequest(name=name), token=resolved, as_json=as_json).key_unit
        every = partial(every_page, token=resolved, as_json=as_json)
        outlets = every(stub.ListOutlets, pb.ListOutletsRequest(parent=name, page_size=PAGE_SIZE), "outlets")
        devices = every(stub.ListDevices, pb.ListDevicesRequest(unit=name, page_size=PAGE_SIZE), "devices")
        channels = every(
            stub.ListVideoChannels, pb.ListVideoChannelsRequest(parent=name, page_size=PAGE_SIZE), "video_channels"
        )
    data = {
        "key_unit": as_dict(unit),
        "outlets": [as_dict(o) for o in outlets],
        "devices": [as_dict(d) for d in devices],
        "video_channels": [as_dict(c) for c in channels],
    }
    if as_json:
        emit(data, as_json=True)
        return
    console.print(make_table(unit.name, UNIT_COLUMNS, [unit_row(unit)]))
    console.print(
        make_table("outlets and factors", FACTOR_COLUMNS, [row for outlet in outlets for row in factor_rows(outlet)])
    )
    console.print(make_table("devices", DEVICE_COLUMNS, [device_row(d) for d in devices]))
    console.print(make_table("video channels", CHANNEL_COLUMNS, [channel_row(c) for c in channels]))


@units_app.command("create")
def create_unit(
    unit_id: Annotated[str, typer.Argument(help="The new unit's identifier, e.g. lingbi-cement.")],
    name: Annotated[str, typer.Option("--name", help="The unit's registered name (单位名称).")],
    region: Annotated[str, typer.Option("--region", help="Six-digit county (区县) region code of the unit.")],
    industry: Annotated[str, typer.Option("--industry", help="Its industry (行业), e.g. cement.")],
    enterprise: Annotated[
        str, typer.Option("--enterprise", help="The enterprise agency (its directory id) that may read the unit.")
    ] = "",
    request_id: RequestIdOption = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Register a key unit (重点排污单位) in your region."""
    unit = registry_pb2.KeyUnit(
        unit_id=unit_id, display_name=name, region_code=region, industry=industry, enterprise_agency_id=enterprise
    )
    request = pb.CreateKeyUnitRequest(key_unit=unit, request_id=request_id)
    with open_channel("alerts", address) as channel:
        rpc = registry_stub(channel).CreateKeyUnit
        created = call(rpc, request, token=resolve_token(token, as_agency), as_json=as_json).key_unit
    emit(as_dict(created), as_json=as_json, table=make_table(created.name, UNIT_COLUMNS, [unit_row(created)]))


@units_app.command("update")
def update_unit(
    unit_id: Annotated[str, typer.Argument(help="e.g. lingbi-cement")],
    name: Annotated[str | None, typer.Option("--name", help="New registered name.")] = None,
    industry: Annotated[str | None, typer.Option("--industry", help="New industry.")] = None,
    enterprise: Annotated[
        str | None, typer.Option("--enterprise", help="New enterprise agency id; an empty value removes it.")
    ] = None,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Change what is registered of a key unit: only the options given."""
    mask = update_mask(
        {"display_name": name, "industry": industry, "enterprise_agency_id": enterprise}, as_json=as_json
    )
    unit = registry_pb2.KeyUnit(
        name=unit_name(unit_id), display_name=name or "", industry=industry or "", enterprise_agency_id=enterprise or ""
    )
    with open_channel("alerts", address) as channel:
        rpc = registry_stub(channel).UpdateKeyUnit
        request = pb.UpdateKeyUnitRequest(key_unit=unit, update_mask=mask)
        updated = call(rpc, request, token=resolve_token(token, as_agency), as_json=as_json).key_unit
    emit(as_dict(updated), as_json=as_json, table=make_table(updated.name, UNIT_COLUMNS, [unit_row(updated)]))


@units_app.command("devices")
def list_devices(
    unit_id: Annotated[str, typer.Option("--unit", help="Only this unit's devices.")] = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List the data-acquisition devices (数采仪) you may see, by MN (follows all pages)."""
    unit = unit_name(unit_id) if unit_id else ""
    with open_channel("alerts", address) as channel:
        request = pb.ListDevicesRequest(unit=unit, page_size=PAGE_SIZE)
        devices = every_page(
            registry_stub(channel).ListDevices,
            request,
            "devices",
            token=resolve_token(token, as_agency),
            as_json=as_json,
        )
    table = make_table(f"{len(devices)} devices", DEVICE_COLUMNS, [device_row(d) for d in devices])
    emit([as_dict(d) for d in devices], as_json=as_json, table=table)


@units_app.command("load-demo")
def load_demo(
    file: Annotated[Path | None, typer.Option("--file", help="Registry file; default ALERTS_REGISTRY_FILE.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Load a registry file straight into the alerts database (loading it again changes nothing)."""
    settings, platform = AlertsSettings(), PlatformSettings()
    path = file or settings.registry_file
    url = operations.database_url(service_spec("alerts"), platform)
    passwords = device_passwords(settings.device_password_key_path(platform))
    load = asyncio.run(load_registry_file(url, path, passwords=passwords))
    result = f"{len(load.changed)} records changed" if load.changed else "already loaded"
    table = make_table(
        f"registry {path.name}", ["version", "units", "result"], [[load.version, load.unit_count, result]]
    )
    data = {"version": load.version, "unit_count": load.unit_count, "changed": list(load.changed)}
    emit(data, as_json=as_json, table=table)
