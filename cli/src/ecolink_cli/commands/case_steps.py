"""The step verbs of `ecolink cases`: one command per custom method of CaseService, built from one table."""

# No `from __future__ import annotations` here: Typer reads the signature `step_verb` builds, and the options a
# verb adds must be objects, not names to look up in this module.

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

import typer
from google.protobuf.json_format import MessageToDict

from ecolink.cases.v1 import case_pb2
from ecolink.cases.v1 import case_service_pb2 as pb
from ecolink_cli.client import AddressOption, AsOption, TokenOption
from ecolink_cli.commands.case_calls import (
    CaseArgument,
    case_name,
    case_step,
    choice_option,
    fen_from_yuan,
    proto_choices,
)
from ecolink_cli.commands.case_calls import prefixed as named
from ecolink_cli.commands.case_views import step_summary
from ecolink_cli.output import JsonFlag, emit

OfficerOption = Annotated[
    list[str], typer.Option("--officer", help="Officer taking the step (执法人员), repeatable, e.g. off-341323-01.")
]
OnOption = Annotated[
    datetime | None,
    typer.Option("--on", formats=["%Y-%m-%d"], help="The day it happened (YYYY-MM-DD, China); default today."),
]
NoteOption = Annotated[str, typer.Option("--note", help="The officer's note (说明).")]
EvidenceOption = Annotated[
    list[str] | None, typer.Option("--evidence", help="Evidence cited (证据), evidence/{id} or the id; repeatable.")
]
EtagOption = Annotated[
    str, typer.Option("--etag", help="The case's etag as you read it; default: read just before the step.")
]
RequestIdOption = Annotated[
    str, typer.Option("--request-id", help="Idempotency key: the same id and request replays the first result.")
]
MethodOption = Annotated[
    str,
    choice_option(
        "--method",
        proto_choices(case_pb2.ServiceMethod, "SERVICE_METHOD_"),
        "How it was served (送达方式): direct 直接送达, post 邮寄送达, public-notice 公告送达.",
    ),
]


@dataclass(frozen=True)
class StepOption:
    """An option a verb takes beyond the step details, and the request fields its value fills."""

    name: str
    annotation: Any
    default: Any
    fields: Callable[[Any], dict[str, Any]]


def _amount(flag: str, field: str, help_text: str) -> StepOption:
    option = Annotated[str, typer.Option(flag, help=f"{help_text}, in yuan (元), e.g. 220000 or 1500.50.")]
    return StepOption(field, option, inspect.Parameter.empty, lambda text: {field: fen_from_yuan(text, flag)})


SERVED_BY = StepOption(
    "method",
    MethodOption,
    inspect.Parameter.empty,
    lambda method: {"method": method},
)
OUTCOME = StepOption(
    "outcome",
    Annotated[
        str,
        choice_option(
            "--outcome",
            proto_choices(case_pb2.DecisionOutcome, "DECISION_OUTCOME_"),
            "penalty 行政处罚, or no-penalty 不予处罚 (with --ground).",
        ),
    ],
    inspect.Parameter.empty,
    lambda outcome: {"outcome": outcome},
)
FINE = StepOption(
    "fine",
    Annotated[str, typer.Option("--fine", help="The fine of a penalty (罚款), in yuan (元), e.g. 220000.")],
    "0",
    lambda text: {"fine_fen": fen_from_yuan(text, "--fine")},
)
GROUND = StepOption(
    "ground",
    Annotated[str, typer.Option("--ground", help="The ground of a no-penalty decision (不予处罚理由).")],
    "",
    lambda ground: {"no_penalty_ground": ground},
)


def step_verb(rpc: str, summary: str, *extra: StepOption) -> Callable[..., None]:
    """A command calling `rpc` with the step details (officers, day, note, evidence, request id) and `extra`."""

    def command(
        case: CaseArgument,
        officer: OfficerOption,
        on: OnOption = None,
        note: NoteOption = "",
        evidence: EvidenceOption = None,
        etag: EtagOption = "",
        request_id: RequestIdOption = "",
        token: TokenOption = None,
        as_agency: AsOption = None,
        address: AddressOption = None,
        as_json: JsonFlag = False,
        **values: Any,
    ) -> None:
        details = pb.StepDetails(
            officer_ids=officer,
            occurred_on=f"{on:%Y-%m-%d}" if on else "",
            note=note,
            evidence=[named(item, "evidence") for item in evidence or []],
            request_id=request_id,
        )
        fields: dict[str, Any] = {"details": details}
        for option in extra:
            fields.update(option.fields(values[option.name]))
        found = case_step(
            rpc, case_name(case), fields, etag=etag, token=token, as_agency=as_agency, address=address, as_json=as_json
        )
        emit(MessageToDict(found, preserving_proto_field_name=True), as_json=as_json, text=step_summary(found))

    signature = inspect.signature(command)
    common = [p for p in signature.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
    added = [
        inspect.Parameter(o.name, inspect.Parameter.KEYWORD_ONLY, annotation=o.annotation, default=o.default)
        for o in extra
    ]
    # The verb's own options come first in its help, right after the case.
    command.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[common[0], *_keyword(common[1:2]), *added, *_keyword(common[2:])]
    )
    command.__doc__ = summary
    return command


def _keyword(parameters: list[inspect.Parameter]) -> list[inspect.Parameter]:
    return [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in parameters]


# (verb, custom method, help): in the order a case goes (DOMAIN §3.1).
STEP_VERBS: list[tuple[str, str, str, tuple[StepOption, ...]]] = [
    ("register", "RegisterCase", "Register the case (立案): clue → registered; issues the registration approval.", ()),
    (
        "start-investigation",
        "StartInvestigation",
        "Start the investigation (调查取证): registered → investigating.",
        (),
    ),
    (
        "investigate",
        "RecordInvestigation",
        "Record an inspection or inquiry (现场检查/调查询问) by two officers, citing evidence; issues its record.",
        (),
    ),
    ("submit-review", "SubmitForLegalReview", "Submit for legal review (法制审核): investigating → legal review.", ()),
    (
        "notify",
        "NotifyIntendedPenalty",
        "Notify the intended penalty and the right to be heard (告知): legal review → notified; issues the notice.",
        (_amount("--intended-fine", "intended_fine_fen", "The intended fine (拟罚款)"),),
    ),
    ("hearing-application", "RecordHearingApplication", "Record that the unit asked to be heard (听证申请).", ()),
    ("hearing", "RecordHearing", "Record the hearing held (听证).", ()),
    (
        "decide",
        "DecideCase",
        "Decide (决定): a penalty after notice, or no penalty with its ground; issues the decision.",
        (OUTCOME, FINE, GROUND),
    ),
    (
        "serve",
        "RecordService",
        "Record how and when the decision was served (送达); --on is the day handed over, received or published.",
        (SERVED_BY,),
    ),
    ("pay", "RecordPayment", "Record a payment (缴纳罚款).", (_amount("--amount", "amount_fen", "The amount paid"),)),
    (
        "remind",
        "IssuePaymentReminder",
        "Issue the payment reminder (催告书) once the reconsideration and lawsuit windows closed unpaid.",
        (),
    ),
    (
        "remind-serve",
        "RecordReminderService",
        "Record how and when the payment reminder was served (催告书送达); it may be by public notice.",
        (SERVED_BY,),
    ),
    ("court", "ApplyToCourt", "Apply to the court for compulsory enforcement (申请法院强制执行).", ()),
    ("close", "CloseCase", "Close the case (结案): a penalty once paid in full or sent to the court.", ()),
    ("withdraw", "WithdrawCase", "Withdraw the case before a decision (撤销); say why in --note.", ()),
]
STEP_NAMES = {"register": "RegisterCase", "decide": "DecideCase"}


def approve(
    case: CaseArgument,
    step: Annotated[
        str, choice_option("--step", STEP_NAMES, "The step approved (审批事项): register 立案 or decide 决定.")
    ],
    approver: Annotated[
        str, typer.Option("--approver", help="The approving officer of your agency, e.g. off-341300-01.")
    ],
    opinion: Annotated[str, typer.Option("--opinion", help="The approval opinion (审批意见), e.g. 同意.")],
    etag: EtagOption = "",
    request_id: RequestIdOption = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Approve the next step of a county case as the bureau one level up (审批): registration or decision."""
    fields = {"step": step, "approver_officer_id": approver, "opinion": opinion, "request_id": request_id}
    found = case_step(
        "ApproveCaseStep",
        case_name(case),
        fields,
        etag=etag,
        token=token,
        as_agency=as_agency,
        address=address,
        as_json=as_json,
    )
    approval = found.approvals[-1]
    approver_shown = f"{approval.approver_agency_id} {approval.approver_officer_id}"
    text = f"{found.name}: {approval.step} approved by {approver_shown} ({approval.name}) · etag {found.etag}"
    emit(MessageToDict(found, preserving_proto_field_name=True), as_json=as_json, text=text)


def add_step_verbs(app: typer.Typer) -> None:
    """Registers `approve` and every step verb of STEP_VERBS on `app`."""
    app.command("approve")(approve)
    for verb, rpc, summary, extra in STEP_VERBS:
        app.command(verb)(step_verb(rpc, summary, *extra))
