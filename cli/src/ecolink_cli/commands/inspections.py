"""`ecolink cases draw …` and `ecolink cases credit`: double-random inspection draws (双随机、一公开) and units' credit
grades (环境信用评价), DOMAIN §3.4."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from google.protobuf.json_format import MessageToDict

from ecolink.cases.v1 import inspection_pb2, inspection_service_pb2_grpc
from ecolink.cases.v1 import inspection_service_pb2 as pb
from ecolink_cases.domain.draw_record import DrawRecordInvalid, draw_from_record
from ecolink_cases.domain.inspection_draw import verify_draw
from ecolink_cli.client import AddressOption, AsOption, TokenOption, call, open_channel, resolve_token
from ecolink_cli.commands.case_calls import PAGE_SIZE, prefixed
from ecolink_cli.commands.case_steps import RequestIdOption
from ecolink_cli.commands.registry_support import every_page
from ecolink_cli.output import JsonFlag, console, emit, fail, make_table

draw_app = typer.Typer(help="Double-random inspection draws (双随机抽查): run one, show, list, verify its result.")
as_dict = partial(MessageToDict, preserving_proto_field_name=True)
STRATA_ZH = {
    inspection_pb2.DRAW_STRATUM_POSITIVE_LIST: "正面清单 positive list",
    inspection_pb2.DRAW_STRATUM_GREEN: "绿 green",
    inspection_pb2.DRAW_STRATUM_YELLOW: "黄 yellow",
    inspection_pb2.DRAW_STRATUM_RED: "红 red",
}
DrawArgument = Annotated[str, typer.Argument(help="inspectionDraws/{id} or just the id.")]


@contextmanager
def inspection_stub(address: str | None) -> Iterator[inspection_service_pb2_grpc.InspectionServiceStub]:
    with open_channel("cases", address) as channel:
        yield inspection_service_pb2_grpc.InspectionServiceStub(channel)


def _show_draw(draw: inspection_pb2.InspectionDraw, *, as_json: bool) -> None:
    if as_json:
        emit(as_dict(draw), as_json=True)
        return
    console.print(
        f"[bold]{draw.name}[/bold] region 地区 {draw.region_code} by {draw.agency_id}, colours of {draw.graded_on}\n"
        f"seed 随机种子 {draw.seed}\nalgorithm 算法 {draw.algorithm}"
    )
    console.print(
        make_table(
            "Strata 抽查库",
            ["stratum 类别", "ratio 比例", "units 单位数", "drawn 抽中"],
            [(STRATA_ZH.get(s.stratum, ""), s.ratio, s.pool, s.drawn) for s in draw.strata],
        )
    )
    console.print(
        make_table(
            f"{len(draw.drawn)} units drawn 抽中单位",
            ["unit 单位", "stratum 类别", "inspectors 检查人员"],
            [(u.unit_id, STRATA_ZH.get(u.stratum, ""), ", ".join(u.inspector_ids)) for u in draw.drawn],
        )
    )


@draw_app.command("run")
def run(
    region: Annotated[str, typer.Option("--region", help="The six-digit region drawn, e.g. 341300.")],
    positive: Annotated[
        list[str] | None, typer.Option("--positive", help="A unit of your positive list (正面清单); repeat it.")
    ] = None,
    seed: Annotated[str, typer.Option("--seed", help="The seed as hex; a fresh one when empty.")] = "",
    inspectors: Annotated[int, typer.Option("--inspectors", help="Officers per unit; 0: the setting.")] = 0,
    request_id: RequestIdOption = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Draw units of a region by credit colour and the officers sent to each; the draw is published at once."""
    request = pb.RunInspectionDrawRequest(
        region_code=region,
        positive_list_unit_ids=positive or [],
        seed=seed,
        inspectors_per_unit=inspectors,
        request_id=request_id,
    )
    with inspection_stub(address) as stub:
        response = call(stub.RunInspectionDraw, request, token=resolve_token(token, as_agency), as_json=as_json)
    _show_draw(response.draw, as_json=as_json)


@draw_app.command("show")
def show(
    draw: DrawArgument,
    record: Annotated[Path | None, typer.Option("--record", help="Also write its canonical JSON record here.")] = None,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show a published draw (一公开), readable by every authenticated caller."""
    request = pb.GetInspectionDrawRequest(name=prefixed(draw, "inspectionDraws"))
    with inspection_stub(address) as stub:
        found = call(stub.GetInspectionDraw, request, token=resolve_token(token, as_agency), as_json=as_json).draw
    if record is not None:
        record.write_text(found.record_json, encoding="utf-8")
    _show_draw(found, as_json=as_json)


@draw_app.command("list")
def list_draws(
    region: Annotated[str, typer.Option("--region", help="Only draws of this region.")] = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Published draws, newest first."""
    request = pb.ListInspectionDrawsRequest(region_code=region, page_size=PAGE_SIZE)
    with inspection_stub(address) as stub:
        found = every_page(
            stub.ListInspectionDraws, request, "draws", token=resolve_token(token, as_agency), as_json=as_json
        )
    rows = [(d.name, d.region_code, d.agency_id, d.graded_on, len(d.drawn)) for d in found]
    table = make_table(
        f"{len(found)} draws 抽查", ["draw 抽查", "region 地区", "by 发起", "colours of 评级日", "drawn 抽中"], rows
    )
    emit([as_dict(d) for d in found], as_json=as_json, table=table)


@draw_app.command("verify")
def verify(
    draw: Annotated[str, typer.Argument(help="inspectionDraws/{id}; omit with --file.")] = "",
    file: Annotated[
        Path | None, typer.Option("--file", help="Re-run a saved record_json here, offline, instead of asking.")
    ] = None,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Re-run a draw from its recorded inputs and seed; exit code 1 and what differs when it does not match."""
    if file is not None:
        try:
            mismatches = list(verify_draw(draw_from_record(file.read_text(encoding="utf-8"))).mismatches)
        except DrawRecordInvalid as invalid:
            fail(str(invalid), as_json=as_json)
    elif draw:
        request = pb.VerifyInspectionDrawRequest(name=prefixed(draw, "inspectionDraws"))
        with inspection_stub(address) as stub:
            answer = call(stub.VerifyInspectionDraw, request, token=resolve_token(token, as_agency), as_json=as_json)
        mismatches = list(answer.mismatches)
    else:
        fail("name a draw or give --file", as_json=as_json)
    verdict = "the re-run gives the same result 复核一致" if not mismatches else "the re-run differs 复核不一致"
    emit({"matches": not mismatches, "mismatches": mismatches}, as_json=as_json, text="\n".join([verdict, *mismatches]))
    if mismatches:
        raise typer.Exit(1)


def credit(
    unit: Annotated[str, typer.Argument(help="The unit, e.g. lingbi-jiancai; omit with --region.")] = "",
    region: Annotated[str, typer.Option("--region", help="Every unit of this region instead.")] = "",
    as_of: Annotated[str, typer.Option("--as-of", help="The day graded, YYYY-MM-DD; today when empty.")] = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """A unit's credit score, colour and deductions (环境信用评价), or every unit of a region."""
    bearer = resolve_token(token, as_agency)
    with inspection_stub(address) as stub:
        if region:
            listed = call(
                stub.ListUnitCredits,
                pb.ListUnitCreditsRequest(region_code=region, as_of=as_of),
                token=bearer,
                as_json=as_json,
            )
            credits = list(listed.credits)
        elif unit:
            request = pb.GetUnitCreditRequest(unit=prefixed(unit, "units"), as_of=as_of)
            credits = [call(stub.GetUnitCredit, request, token=bearer, as_json=as_json).credit]
        else:
            fail("name a unit or give --region", as_json=as_json)
    rows = [
        (c.unit, c.score, f"{c.colour_zh}", "yes 可推荐" if c.positive_list_eligible else "", c.rules_version)
        for c in credits
    ]
    table = make_table(
        "Credit 环境信用", ["unit 单位", "score 积分", "colour 颜色", "positive list 正面清单", "rules 规则"], rows
    )
    if len(credits) == 1 and not as_json:
        console.print(table)
        deductions = [
            (d.finding.found_on, d.finding.kind_name_zh or d.finding.kind, d.finding.reference, d.points)
            for d in credits[0].deductions
        ]
        table = make_table("Deductions 扣分", ["found 发现日", "kind 类别", "record 记录", "points 扣分"], deductions)
    emit([as_dict(c) for c in credits], as_json=as_json, table=table)
