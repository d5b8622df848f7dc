"""`ecolink outlets …`: register an outlet (排放口) of a key unit with its monitored factors, and change it."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ecolink.alerts.v1 import registry_pb2
from ecolink.alerts.v1 import registry_service_pb2 as pb
from ecolink_cli.client import AddressOption, AsOption, TokenOption, call, open_channel, resolve_token
from ecolink_cli.commands.registry_support import (
    FACTOR_COLUMNS,
    RequestIdOption,
    as_dict,
    factor_rows,
    outlet_name,
    registry_stub,
    unit_name,
    update_mask,
)
from ecolink_cli.output import JsonFlag, emit, make_table

outlets_app = typer.Typer(help="Outlets (排放口) of key units and the factors (监测因子) measured at each.")

FACTOR_SHAPE = "CODE:UNIT[:LIMIT[:LOWER-UPPER]], e.g. a21026:mg/m3:35:0-200 or a00000:m3/h::0-800000"


class Medium(StrEnum):
    FLUE_GAS = "flue-gas"
    WASTE_WATER = "waste-water"


def _medium(medium: Medium | None) -> str | None:
    return f"OUTLET_MEDIUM_{medium.name}" if medium else None


def _number(text: str, spec: str) -> float | None:
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} in {spec!r} is not a number; give {FACTOR_SHAPE}") from None


def parse_factor(spec: str) -> registry_pb2.MonitoredFactor:
    """`a21026:mg/m3:35:0-200` → pollutant code, unit, emission limit (排放限值) and measuring range (量程)."""
    parts = spec.split(":")
    if len(parts) < 2 or len(parts) > 4 or not parts[0] or not parts[1]:
        raise typer.BadParameter(f"{spec!r}: give {FACTOR_SHAPE}")
    code, unit, limit, measuring_range = (*parts, "", "")[:4]
    lower, separator, upper = measuring_range.partition("-")
    if measuring_range and not separator:
        raise typer.BadParameter(f"{spec!r}: the range is LOWER-UPPER; give {FACTOR_SHAPE}")
    return registry_pb2.MonitoredFactor(
        pollutant_code=code,
        unit=unit,
        emission_limit=_number(limit, spec),
        range_lower=_number(lower, spec),
        range_upper=_number(upper, spec),
    )


def _factors(specs: list[str] | None) -> list[registry_pb2.MonitoredFactor] | None:
    return None if specs is None else [parse_factor(spec) for spec in specs]


UnitOption = Annotated[str, typer.Option("--unit", help="The key unit, e.g. lingbi-jiancai.")]
FactorOption = Annotated[
    list[str] | None, typer.Option("--factor", help=f"A monitored factor (repeat for each): {FACTOR_SHAPE}.")
]


def _shown(outlet: registry_pb2.Outlet, *, as_json: bool) -> None:
    table = make_table(f"{outlet.name}: {outlet.display_name}", FACTOR_COLUMNS, factor_rows(outlet))
    emit(as_dict(outlet), as_json=as_json, table=table)


@outlets_app.command("create")
def create_outlet(
    outlet_id: Annotated[str, typer.Argument(help="The outlet's number in the permit (排放口编号), e.g. DA002.")],
    unit: UnitOption,
    name: Annotated[str, typer.Option("--name", help="What the unit calls it, e.g. '2# kiln stack'.")],
    medium: Annotated[Medium, typer.Option("--medium", help="flue-gas (废气) or waste-water (废水).")],
    factor: FactorOption = None,
    request_id: RequestIdOption = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Register an outlet of a key unit with the factors measured there."""
    outlet = registry_pb2.Outlet(
        outlet_id=outlet_id, display_name=name, medium=_medium(medium), factors=_factors(factor) or []
    )
    request = pb.CreateOutletRequest(parent=unit_name(unit), outlet=outlet, request_id=request_id)
    with open_channel("alerts", address) as channel:
        rpc = registry_stub(channel).CreateOutlet
        _shown(call(rpc, request, token=resolve_token(token, as_agency), as_json=as_json).outlet, as_json=as_json)


@outlets_app.command("update")
def update_outlet(
    outlet_id: Annotated[str, typer.Argument(help="e.g. DA002")],
    unit: UnitOption,
    name: Annotated[str | None, typer.Option("--name", help="New name.")] = None,
    medium: Annotated[Medium | None, typer.Option("--medium", help="flue-gas or waste-water.")] = None,
    factor: Annotated[
        list[str] | None,
        typer.Option("--factor", help=f"Replaces every factor of the outlet (repeat for each): {FACTOR_SHAPE}."),
    ] = None,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Change what is registered of an outlet: only the options given (--factor replaces the whole list)."""
    factors = _factors(factor)
    mask = update_mask({"display_name": name, "medium": medium, "factors": factors}, as_json=as_json)
    outlet = registry_pb2.Outlet(
        name=outlet_name(unit, outlet_id),
        display_name=name or "",
        medium=_medium(medium),
        factors=factors or [],
    )
    request = pb.UpdateOutletRequest(outlet=outlet, update_mask=mask)
    with open_channel("alerts", address) as channel:
        rpc = registry_stub(channel).UpdateOutlet
        _shown(call(rpc, request, token=resolve_token(token, as_agency), as_json=as_json).outlet, as_json=as_json)
