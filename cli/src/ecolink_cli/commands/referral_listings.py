"""`ecolink referrals listing …`: joint listing supervision (挂牌督办, DOMAIN §4.3) — a bureau lists a major case with
the bureau, the police and the procuratorate as parties and their tasks; the parties report progress and complete
their tasks; the listing authority delists it."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any

import typer
from google.protobuf.json_format import MessageToDict

from ecolink.referrals.v1 import listing_service_pb2 as pb
from ecolink_cli.client import call
from ecolink_cli.commands import referral_calls
from ecolink_cli.commands import referral_listing_views as views
from ecolink_cli.commands.case_calls import Caller, case_name, with_caller
from ecolink_cli.commands.case_steps import calls
from ecolink_cli.commands.referral_calls import PAGE_SIZE, ListingArgument, listing_name, split_first
from ecolink_cli.commands.referral_steps import OfficerOption, RequestIdOption
from ecolink_cli.commands.registry_support import every_page
from ecolink_cli.output import console, emit

listing_app = typer.Typer(
    help="Joint listing supervision (挂牌督办): a bureau lists a major case with its parties (the bureau, the police, "
    "the procuratorate) and their tasks; parties file progress reports (进展报告) and complete tasks; the authority "
    "delists it (摘牌)."
)
as_dict = partial(MessageToDict, preserving_proto_field_name=True)
TaskSeqOption = Annotated[int, typer.Option("--task", min=1, help="The task (督办任务) by its number, e.g. 2.")]


def listed_case(value: str) -> str:
    """A case as typed: `12` → `cases/12`; a whole name (`cases/12`, `transfers/3`) as it is."""
    return value if "/" in value else case_name(value)


def listing_task(text: str) -> pb.NewListingTask:
    """`PARTY:DAYS:WHAT` (colons half- or full-width; WHAT may hold more) → a NewListingTask due DAYS after listing."""
    party, rest = split_first(text)
    days, what = split_first(rest or "")
    if not party.strip() or not days.strip().isdigit() or not (what or "").strip():
        raise typer.BadParameter(f"{text!r}: PARTY:DAYS:WHAT, e.g. psb-341300:10:立案侦查", param_hint="--task")
    return pb.NewListingTask(party_agency_id=party.strip(), due_in_days=int(days), description=(what or "").strip())


def _changed(rpc: str, request: Any, caller: Caller) -> None:
    """Calls the ListingService method `rpc` and prints the listing it answers with: one line, or JSON."""
    with referral_calls.listing_stub(caller.address) as stub:
        listing = call(getattr(stub, rpc), request, token=caller.bearer, as_json=caller.as_json).listing
    emit(as_dict(listing), as_json=caller.as_json, text=views.listing_summary(listing))


@listing_app.command("create")
@calls("CreateListing")
@with_caller
def create(
    case: Annotated[
        str,
        typer.Option(
            "--case",
            help="The case listed (督办案件): cases/{id} (or just the id) you can read, or a transfer transfers/{id} "
            "you see.",
        ),
    ],
    title: Annotated[str, typer.Option("--title", help="Its title (案件名称), e.g. 灵璧某建材公司篡改监测数据案.")],
    party: Annotated[
        list[str],
        typer.Option(
            "--party",
            help="A party (参与单位), a directory agency, repeatable: the bureau, the police, the "
            "procuratorate, e.g. psb-341300.",
        ),
    ],
    task: Annotated[
        list[str] | None,
        typer.Option(
            "--task",
            help="A party's task (督办任务) as PARTY:DAYS:WHAT, due DAYS (1–365) after listing, e.g. "
            "psb-341300:10:立案侦查; repeatable.",
        ),
    ] = None,
    report_every: Annotated[
        int,
        typer.Option(
            "--report-every", min=0, help="Days between each party's progress reports (报告周期); 0: the setting (7)."
        ),
    ] = 0,
    request_id: RequestIdOption = "",
    *,
    caller: Caller,
) -> None:
    """Bureau: list a case for joint supervision (挂牌督办) with its parties and their tasks; you are its authority and
    each party's first progress report falls due."""
    request = pb.CreateListingRequest(
        case=listed_case(case),
        title=title,
        party_agency_ids=party,
        report_every_days=report_every,
        tasks=[listing_task(text) for text in task or []],
        request_id=request_id,
    )
    _changed("CreateListing", request, caller)


@listing_app.command("get")
@with_caller
def get(name: ListingArgument, *, caller: Caller) -> None:
    """Show a listing with its tasks (overdue ones in red), its progress reports and each party's next report due."""
    with referral_calls.listing_stub(caller.address) as stub:
        request = pb.GetListingRequest(name=listing_name(name))
        found = call(stub.GetListing, request, token=caller.bearer, as_json=caller.as_json).listing
    if caller.as_json:
        emit(as_dict(found), as_json=True)
        return
    console.print(views.listing_table(found))
    for table, shown in (
        (views.tasks_table, found.tasks),
        (views.reports_table, found.reports),
        (views.reports_due_table, found.reports_due),
    ):
        if shown:
            console.print(table(found))


@listing_app.command("list")
@with_caller
def list_listings(*, caller: Caller) -> None:
    """List the listings you see (as their authority, a bureau above it, or a party), newest first (follows all
    pages)."""
    request = pb.ListListingsRequest(page_size=PAGE_SIZE)
    with referral_calls.listing_stub(caller.address) as stub:
        found = every_page(stub.ListListings, request, "listings", token=caller.bearer, as_json=caller.as_json)
    emit([as_dict(listing) for listing in found], as_json=caller.as_json, table=views.list_table(found))


@listing_app.command("report")
@calls("FileProgressReport")
@with_caller
def report(
    name: ListingArgument,
    text: Annotated[str, typer.Option("--text", help="The progress report (进展情况).")],
    officer: OfficerOption,
    task: Annotated[
        int,
        typer.Option("--task", min=0, help="The task of yours it is on, by its number; 0: your work in general."),
    ] = 0,
    *,
    caller: Caller,
) -> None:
    """Party: file a progress report (进展报告), optionally on one of your tasks; your next one falls due."""
    request = pb.FileProgressReportRequest(name=listing_name(name), text=text, task=task, officer_ids=officer)
    _changed("FileProgressReport", request, caller)


@listing_app.command("complete")
@calls("CompleteListingTask")
@with_caller
def complete(
    name: ListingArgument,
    task: TaskSeqOption,
    note: Annotated[str, typer.Option("--note", help="What was done (完成情况).")] = "",
    *,
    caller: Caller,
) -> None:
    """Party: complete one of your tasks (完成督办任务)."""
    _changed(
        "CompleteListingTask", pb.CompleteListingTaskRequest(name=listing_name(name), task=task, note=note), caller
    )


@listing_app.command("delist")
@calls("Delist")
@with_caller
def delist(
    name: ListingArgument,
    reason: Annotated[
        str, typer.Option("--reason", help="Why (摘牌理由): the case closed, e.g. 2023-09-12 判决 judgment.")
    ],
    *,
    caller: Caller,
) -> None:
    """Authority: delist the case (摘牌) once it is closed."""
    _changed("Delist", pb.DelistRequest(name=listing_name(name), reason=reason), caller)
