"""What the registry commands share: the RegistryService stub, resource names, update masks, pages and table rows."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any

import typer
from google.protobuf.field_mask_pb2 import FieldMask
from google.protobuf.json_format import MessageToDict

from ecolink.alerts.v1 import registry_pb2, registry_service_pb2_grpc
from ecolink_cli.client import call
from ecolink_cli.output import fail

PAGE_SIZE = 200
UNIT_COLUMNS = ["unit", "name", "region", "industry", "enterprise"]
FACTOR_COLUMNS = ["outlet", "medium", "factor", "unit", "limit", "range"]
DEVICE_COLUMNS = ["device", "outlet", "protocol", "crc", "password"]
CHANNEL_COLUMNS = ["channel", "name", "outlet", "stream"]

RequestIdOption = Annotated[
    str,
    typer.Option("--request-id", help="Idempotency key: running the command again with it returns the first result."),
]


def registry_stub(channel: Any) -> registry_service_pb2_grpc.RegistryServiceStub:
    return registry_service_pb2_grpc.RegistryServiceStub(channel)


def as_dict(message: Any) -> dict[str, Any]:
    return MessageToDict(message, preserving_proto_field_name=True)


def enum_name(enum: Any, value: int, prefix: str) -> str:
    return str(enum.Name(value)).removeprefix(prefix).lower()


def unit_name(unit_id: str) -> str:
    """`lingbi-jiancai` or `units/lingbi-jiancai` → `units/lingbi-jiancai`."""
    return f"units/{unit_id.removeprefix('units/')}"


def outlet_name(unit_id: str, outlet_id: str) -> str:
    """The outlet's resource name; an outlet given whole (`units/…/outlets/…`) is kept as it is."""
    return outlet_id if outlet_id.startswith("units/") else f"{unit_name(unit_id)}/outlets/{outlet_id}"


def update_mask(changes: Mapping[str, object], *, as_json: bool) -> FieldMask:
    """The paths of the options given (not None); none given is refused before any call."""
    paths = [path for path, value in changes.items() if value is not None]
    if not paths:
        fail("nothing to change: give at least one option", as_json=as_json, code=2)
    return FieldMask(paths=paths)


def every_page(rpc: Callable[..., Any], request: Any, items: str, *, token: str | None, as_json: bool) -> list[Any]:
    """Calls a List method until its last page and returns every item."""
    found: list[Any] = []
    while True:
        response = call(rpc, request, token=token, as_json=as_json)
        found.extend(getattr(response, items))
        if not response.next_page_token:
            return found
        request.page_token = response.next_page_token


def unit_row(unit: registry_pb2.KeyUnit) -> list[str]:
    return [unit.unit_id, unit.display_name, unit.region_code, unit.industry, unit.enterprise_agency_id]


def _limit(value: float, present: bool) -> str:
    return f"{value:g}" if present else "—"


def factor_rows(outlet: registry_pb2.Outlet) -> list[list[str]]:
    medium = enum_name(registry_pb2.OutletMedium, outlet.medium, "OUTLET_MEDIUM_")
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


def device_row(device: registry_pb2.Device) -> list[str]:
    return [
        device.mn,
        device.outlet,
        enum_name(registry_pb2.ProtocolVersion, device.protocol_version, "PROTOCOL_VERSION_"),
        enum_name(registry_pb2.CrcMode, device.crc_mode, "CRC_MODE_"),
        "set" if device.password_set else "none",
    ]


def channel_row(channel: registry_pb2.VideoChannel) -> list[str]:
    return [channel.channel_id, channel.display_name, channel.outlet, channel.stream_url]
