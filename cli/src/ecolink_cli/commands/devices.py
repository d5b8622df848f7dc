"""`ecolink devices …`: register a data-acquisition device (数采仪) on an outlet, and change it; the access
password comes from a prompt or stdin, never from the command line (where `ps` and shell history would keep it)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from ecolink.alerts.v1 import registry_pb2
from ecolink.alerts.v1 import registry_service_pb2 as pb
from ecolink_cli.client import AddressOption, AsOption, TokenOption, call, open_channel, resolve_token
from ecolink_cli.commands.registry_support import (
    DEVICE_COLUMNS,
    RequestIdOption,
    as_dict,
    device_row,
    outlet_name,
    registry_stub,
    update_mask,
)
from ecolink_cli.output import JsonFlag, emit, fail, make_table

devices_app = typer.Typer(help="Data-acquisition devices (数采仪) by MN, each bound to one outlet.")

PASSWORD_PROMPT = "access password (访问密码, the PW of its packets)"


class Protocol(StrEnum):
    HJ212_2005 = "2005"
    HJ212_2017 = "2017"
    HJ212_2025 = "2025"


class Crc(StrEnum):
    HJ212 = "hj212"
    MODBUS = "modbus"


def _protocol(protocol: Protocol | None) -> str | None:
    return f"PROTOCOL_VERSION_{protocol.name}" if protocol else None


def _crc(crc: Crc | None) -> str | None:
    return f"CRC_MODE_{crc.name}" if crc else None


def read_password(*, from_stdin: bool) -> str:
    """The first line of stdin, or what is typed twice at a hidden prompt (on stderr, so --json output stays JSON)."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt(PASSWORD_PROMPT, hide_input=True, confirmation_prompt=True, err=True))


PasswordStdinFlag = Annotated[
    bool, typer.Option("--password-stdin", help="Read the access password from the first line of stdin.")
]
ProtocolOption = Annotated[Protocol, typer.Option("--protocol", help="The HJ 212 edition it speaks.")]
CrcOption = Annotated[Crc, typer.Option("--crc", help="hj212, or modbus for devices that send a MODBUS CRC.")]


def _shown(device: registry_pb2.Device, *, as_json: bool) -> None:
    emit(as_dict(device), as_json=as_json, table=make_table(device.name, DEVICE_COLUMNS, [device_row(device)]))


@devices_app.command("create")
def create_device(
    mn: Annotated[str, typer.Argument(help="The device number (MN) it sends in every packet.")],
    unit: Annotated[str, typer.Option("--unit", help="The key unit, e.g. lingbi-jiancai.")],
    outlet: Annotated[str, typer.Option("--outlet", help="The outlet it reports for, e.g. DA001.")],
    protocol: ProtocolOption = Protocol.HJ212_2017,
    crc: CrcOption = Crc.HJ212,
    password_stdin: PasswordStdinFlag = False,
    request_id: RequestIdOption = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Register a device on an outlet; asks for its access password (or reads it with --password-stdin)."""
    device = registry_pb2.Device(
        mn=mn,
        outlet=outlet_name(unit, outlet),
        protocol_version=_protocol(protocol),
        crc_mode=_crc(crc),
        access_password=read_password(from_stdin=password_stdin),
    )
    request = pb.CreateDeviceRequest(device=device, request_id=request_id)
    with open_channel("alerts", address) as channel:
        rpc = registry_stub(channel).CreateDevice
        _shown(call(rpc, request, token=resolve_token(token, as_agency), as_json=as_json).device, as_json=as_json)


@devices_app.command("update")
def update_device(
    mn: Annotated[str, typer.Argument(help="The device's MN.")],
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Move it to this outlet of --unit, e.g. DA002.")
    ] = None,
    unit: Annotated[str, typer.Option("--unit", help="The unit of --outlet.")] = "",
    protocol: Annotated[Protocol | None, typer.Option("--protocol", help="The HJ 212 edition it now speaks.")] = None,
    crc: Annotated[Crc | None, typer.Option("--crc", help="hj212 or modbus.")] = None,
    new_password: Annotated[bool, typer.Option("--new-password", help="Ask for a new access password.")] = False,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read a new access password from the first line of stdin.")
    ] = False,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Change what is registered of a device: only the options given."""
    if outlet is not None and not unit and not outlet.startswith("units/"):
        fail("--outlet needs --unit (or the whole name units/{unit}/outlets/{outlet})", as_json=as_json, code=2)
    password = read_password(from_stdin=password_stdin) if new_password or password_stdin else None
    changes = {"outlet": outlet, "protocol_version": protocol, "crc_mode": crc, "access_password": password}
    mask = update_mask(changes, as_json=as_json)
    device = registry_pb2.Device(
        name=f"devices/{mn.removeprefix('devices/')}",
        outlet=outlet_name(unit, outlet) if outlet is not None else "",
        protocol_version=_protocol(protocol),
        crc_mode=_crc(crc),
        access_password=password or "",
    )
    request = pb.UpdateDeviceRequest(device=device, update_mask=mask)
    with open_channel("alerts", address) as channel:
        rpc = registry_stub(channel).UpdateDevice
        _shown(call(rpc, request, token=resolve_token(token, as_agency), as_json=as_json).device, as_json=as_json)
