"""`ecolink grades …`: the rolling 30-day exceedance grades (超标分级, DOMAIN §2.3) your jurisdiction covers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from enum import StrEnum
from functools import partial
from typing import Annotated, Any

import typer
from google.protobuf.json_format import MessageToDict

from ecolink.alerts.v1 import grading_service_pb2 as pb
from ecolink.alerts.v1 import grading_service_pb2_grpc
from ecolink_cli.client import AddressOption, AsOption, TokenOption, call, open_channel, resolve_token
from ecolink_cli.output import JsonFlag, emit, make_table

grades_app = typer.Typer(help="Exceedance grades over a rolling 30-day window (DOMAIN §2.3).")

PAGE_SIZE = 200
COLUMNS = ["unit", "factor", "region", "grade", "exceedance days", "as of", "changed"]

as_dict = partial(MessageToDict, preserving_proto_field_name=True)


class Colour(StrEnum):
    NONE = "none"
    BLUE = "blue"
    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"


def _colour(grade: int) -> str:
    return pb.Grade.Name(grade).removeprefix("GRADE_").lower()


def _row(grade: pb.ExceedanceGrade) -> list[str]:
    changed = (
        grade.change_time.ToDatetime(tzinfo=UTC).isoformat(timespec="minutes") if grade.HasField("change_time") else "—"
    )
    return [
        grade.unit.removeprefix("units/"),
        grade.factor_code,
        grade.region_code,
        _colour(grade.grade),
        str(len(grade.exceedance_dates)),
        grade.as_of_date or "—",
        changed,
    ]


def _listed(stub: Any, request: pb.ListExceedanceGradesRequest, *, token: str | None, as_json: bool) -> Iterator[Any]:
    """Every grade the filters select, page after page."""
    while True:
        response = call(stub.ListExceedanceGrades, request, token=token, as_json=as_json)
        yield from response.exceedance_grades
        if not response.next_page_token:
            return
        request.page_token = response.next_page_token


@grades_app.command("list")
def list_grades(
    unit: Annotated[str, typer.Option("--unit", help="Only this unit's grades, e.g. lingbi-jiancai.")] = "",
    region: Annotated[str, typer.Option("--region", help="Only units within this six-digit region code.")] = "",
    grade: Annotated[Colour | None, typer.Option("--grade", help="Only this colour.")] = None,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List the current grade of each limited factor of the units you may see (follows all pages)."""
    request = pb.ListExceedanceGradesRequest(
        unit=f"units/{unit.removeprefix('units/')}" if unit else "",
        region_code=region,
        grade=f"GRADE_{grade.value.upper()}" if grade else None,
        page_size=PAGE_SIZE,
    )
    with open_channel("alerts", address) as channel:
        stub = grading_service_pb2_grpc.GradingServiceStub(channel)
        found = list(_listed(stub, request, token=resolve_token(token, as_agency), as_json=as_json))
    table = make_table(f"{len(found)} exceedance grades", COLUMNS, [_row(grade) for grade in found])
    emit([as_dict(grade) for grade in found], as_json=as_json, table=table)
