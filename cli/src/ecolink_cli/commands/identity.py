"""`ecolink whoami` and `ecolink agencies`: test credentials and read the directory through a service."""

from __future__ import annotations

from typing import Annotated

import typer
from google.protobuf.json_format import MessageToDict

from ecolink.common.v1 import agency_pb2, identity_service_pb2, identity_service_pb2_grpc
from ecolink_cli.client import AddressOption, AsOption, ServiceOption, TokenOption, call, open_channel, resolve_token
from ecolink_cli.output import JsonFlag, emit, make_table

agencies_app = typer.Typer(help="Read the agency directory (an enterprise outside your jurisdiction is hidden).")


def _agency_row(agency: agency_pb2.Agency) -> list[str]:
    kind = agency_pb2.AgencyKind.Name(agency.kind).removeprefix("AGENCY_KIND_").lower()
    return [agency.agency_id, agency.display_name, kind, agency.region_code, ",".join(agency.basin_ids)]


AGENCY_COLUMNS = ["agency", "name", "kind", "region", "basins"]


def whoami(
    token: TokenOption = None,
    as_agency: AsOption = None,
    service: ServiceOption = "alerts",
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Ask a service who it thinks you are: the way to test a token or certificate."""
    with open_channel(service, address) as channel:
        stub = identity_service_pb2_grpc.IdentityServiceStub(channel)
        response = call(
            stub.WhoAmI, identity_service_pb2.WhoAmIRequest(), token=resolve_token(token, as_agency), as_json=as_json
        )
    expires = response.token_expire_time.ToDatetime().isoformat() + "Z"
    table = make_table(
        f"WhoAmI at {service}",
        ["agency", "name", "kind", "region", "basins", "token expires", "method", "directory"],
        [[*_agency_row(response.agency), expires, response.authentication_method, response.directory_version]],
    )
    emit(MessageToDict(response, preserving_proto_field_name=True), as_json=as_json, table=table)


@agencies_app.command("list")
def list_agencies(
    kind: Annotated[str, typer.Option(help="eco_bureau, police, procuratorate, court, basin_desk, enterprise …")] = "",
    region: Annotated[str, typer.Option(help="Only agencies within this six-digit region code.")] = "",
    page_size: Annotated[int, typer.Option(help="Entries per request.")] = 100,
    token: TokenOption = None,
    as_agency: AsOption = None,
    service: ServiceOption = "alerts",
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List every directory entry you may see (follows all pages)."""
    kind_name = f"AGENCY_KIND_{kind.upper()}" if kind else "AGENCY_KIND_UNSPECIFIED"
    if kind_name not in agency_pb2.AgencyKind.DESCRIPTOR.values_by_name:
        raise typer.BadParameter(f"unknown kind {kind!r}", param_hint="--kind")
    agencies: list[agency_pb2.Agency] = []
    page_token = ""
    resolved = resolve_token(token, as_agency)
    with open_channel(service, address) as channel:
        stub = identity_service_pb2_grpc.IdentityServiceStub(channel)
        while True:
            request = identity_service_pb2.ListAgenciesRequest(
                page_size=page_size, page_token=page_token, kind=kind_name, region_code=region
            )
            response = call(stub.ListAgencies, request, token=resolved, as_json=as_json)
            agencies.extend(response.agencies)
            page_token = response.next_page_token
            if not page_token:
                break
    table = make_table(f"{len(agencies)} agencies", AGENCY_COLUMNS, [_agency_row(a) for a in agencies])
    data = [MessageToDict(a, preserving_proto_field_name=True) for a in agencies]
    emit(data, as_json=as_json, table=table)


@agencies_app.command("get")
def get_agency(
    agency_id: Annotated[str, typer.Argument(help="e.g. eeb-360800")],
    token: TokenOption = None,
    as_agency: AsOption = None,
    service: ServiceOption = "alerts",
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show one directory entry."""
    with open_channel(service, address) as channel:
        stub = identity_service_pb2_grpc.IdentityServiceStub(channel)
        request = identity_service_pb2.GetAgencyRequest(name=f"agencies/{agency_id}")
        response = call(stub.GetAgency, request, token=resolve_token(token, as_agency), as_json=as_json)
    table = make_table(agency_id, AGENCY_COLUMNS, [_agency_row(response.agency)])
    emit(MessageToDict(response.agency, preserving_proto_field_name=True), as_json=as_json, table=table)
