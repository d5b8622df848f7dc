"""`ecolink cases compensation …`: ecological damage compensation cases (生态环境损害赔偿, DOMAIN §3.5), the "double
case" (双案) a penalty case opens, one verb per step of CompensationService."""

# No `from __future__ import annotations` here: the options of the step verbs are built from these annotations.

import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import Annotated

import typer
from google.protobuf.json_format import MessageToDict

from ecolink.cases.v1 import compensation_pb2, compensation_service_pb2_grpc
from ecolink.cases.v1 import compensation_service_pb2 as pb
from ecolink_cli.client import call, open_channel
from ecolink_cli.commands import compensation_views as views
from ecolink_cli.commands.case_calls import (
    PAGE_SIZE,
    Caller,
    StepCalls,
    case_name,
    choice_option,
    prefixed,
    proto_choices,
    with_caller,
)
from ecolink_cli.commands.case_steps import (
    RequestIdOption,
    StepOption,
    StepTarget,
    StepVerbs,
    add_step_verbs,
    amount_option,
    calls,
    choice_step,
    text_option,
)
from ecolink_cli.commands.registry_support import every_page
from ecolink_cli.output import console, emit, make_table

COLLECTION = "compensationCases"
compensation_app = typer.Typer(
    help="Ecological damage compensation cases (生态环境损害赔偿): open one from a penalty case (双案), then "
    "investigate, appraise (鉴定评估), consult (磋商), agree (赔偿协议), restore (修复) or pay (赔偿金), close."
)
as_dict = partial(MessageToDict, preserving_proto_field_name=True)
CompensationArgument = Annotated[str, typer.Argument(help=f"{COLLECTION}/{{id}} or just the id, e.g. 3.")]


@contextmanager
def compensation_stub(address: str | None) -> Iterator[compensation_service_pb2_grpc.CompensationServiceStub]:
    with open_channel("cases", address) as channel:
        yield compensation_service_pb2_grpc.CompensationServiceStub(channel)


# The stub is looked up when called, so that a test may put its own in `compensation_stub`'s place.
COMPENSATION_CALLS = StepCalls(
    lambda address: compensation_stub(address), pb, "GetCompensationCase", "compensation_case"
)
TARGET = StepTarget(
    CompensationArgument, partial(prefixed, collection=COLLECTION), COMPENSATION_CALLS, views.step_summary
)


@compensation_app.command("open")
@calls("OpenCompensationCase")
@with_caller
def open_case(
    penalty_case: Annotated[str, typer.Argument(help="The penalty case, cases/{id} or just the id, e.g. 12.")],
    request_id: RequestIdOption = "",
    *,
    caller: Caller,
) -> None:
    """Open the compensation case of a registered penalty case you handle (双案), in clue screening (线索筛查); a
    penalty case has one: opening it again shows the one it has."""
    request = pb.OpenCompensationCaseRequest(penalty_case=case_name(penalty_case), request_id=request_id)
    with compensation_stub(caller.address) as stub:
        answer = call(stub.OpenCompensationCase, request, token=caller.bearer, as_json=caller.as_json)
    opened = answer.compensation_case
    emit(as_dict(opened), as_json=caller.as_json, text=f"{views.step_summary(opened)} · of {opened.penalty_case}")


@compensation_app.command("get")
@with_caller
def get(case: CompensationArgument, *, caller: Caller) -> None:
    """Show a compensation case with its consultations (磋商) and its timeline: each step's officers, day and evidence
    cited with its SHA-256."""
    with compensation_stub(caller.address) as stub:
        found = COMPENSATION_CALLS.read(stub, prefixed(case, COLLECTION), token=caller.bearer, as_json=caller.as_json)
    if caller.as_json:
        emit(as_dict(found), as_json=True)
        return
    console.print(views.compensation_table(found))
    if found.consultations:
        console.print(views.consultations_table(found))
    console.print(views.timeline_table(found))


StateOption = Annotated[
    str | None,
    choice_option(
        "--state",
        proto_choices(compensation_pb2.CompensationState, "COMPENSATION_STATE_"),
        "Only compensation cases in this state.",
    ),
]


@compensation_app.command("list")
@with_caller
def list_cases(state: StateOption = None, *, caller: Caller) -> None:
    """List the compensation cases you may see, newest first (follows all pages)."""
    request = pb.ListCompensationCasesRequest(page_size=PAGE_SIZE, state=state)
    with compensation_stub(caller.address) as stub:
        listed = every_page(
            stub.ListCompensationCases, request, "compensation_cases", token=caller.bearer, as_json=caller.as_json
        )
    title = f"{len(listed)} compensation cases 生态环境损害赔偿案件"
    table = make_table(title, views.LIST_COLUMNS, [views.list_row(c) for c in listed])
    emit([as_dict(c) for c in listed], as_json=caller.as_json, table=table)


PARTIES = StepOption(
    "parties",
    Annotated[
        list[str],
        typer.Option("--party", help="A party present (磋商各方), e.g. the liable unit or the bureau; repeatable."),
    ],
    inspect.Parameter.empty,
    lambda parties: {"parties": parties},
)
JOINED = StepOption(
    "joined",
    Annotated[
        list[str] | None,
        typer.Option(
            "--join",
            help="Another compensation case you handle consulted in the same round (类案合并磋商), "
            f"{COLLECTION}/{{id}} or the id; repeatable. The round is recorded on it too.",
        ),
    ],
    None,
    lambda joined: {"joined_cases": [prefixed(other, COLLECTION) for other in joined or []]},
)
REMEDY = choice_step(
    "remedy",
    proto_choices(compensation_pb2.CompensationRemedy, "COMPENSATION_REMEDY_"),
    "How the damage is made good: restoration 修复 (with --plan) or payment 赔偿金.",
)
PLAN = text_option("--plan", "restoration_plan", "The restoration plan (修复方案), for a restoration.", "")
# In the order a compensation case goes (DOMAIN §3.5).
COMPENSATION_VERBS: StepVerbs = [
    (
        "start-investigation",
        "StartCompensationInvestigation",
        "Start the investigation of the damage (调查): clue screening → investigating.",
        (),
    ),
    (
        "appraise",
        "RecordAppraisal",
        "Record the appraisal of the damage (鉴定评估): investigating → appraised.",
        (
            amount_option("--damage", "appraised_damage_fen", "The damage appraised (损害数额)"),
            text_option("--body", "appraisal_body", "The appraisal body (鉴定评估机构)."),
        ),
    ),
    (
        "consult",
        "RecordConsultation",
        "Record one consultation round with the liable party (磋商), with other cases consulted together (--join).",
        (PARTIES, JOINED),
    ),
    (
        "agree",
        "ConcludeAgreement",
        "Conclude the compensation agreement (赔偿协议): consulting → agreed.",
        (amount_option("--amount", "agreed_amount_fen", "The compensation agreed (赔偿数额)"), REMEDY, PLAN),
    ),
    (
        "restore",
        "RecordRestoration",
        "Record the agreed restoration done (修复), --on the day it was accepted: agreed → performed.",
        (),
    ),
    (
        "pay",
        "RecordCompensationPayment",
        "Record a payment of the agreed compensation (赔偿金); performed once paid in full.",
        (amount_option("--amount", "amount_fen", "The amount paid"),),
    ),
    ("close", "CloseCompensationCase", "Close the compensation case (结案): performed → closed.", ()),
]
add_step_verbs(compensation_app, COMPENSATION_VERBS, TARGET)
