"""The step verbs of `ecolink cases` and `ecolink cases compensation`: one command per custom method of CaseService
or CompensationService, built from one table each."""

# No `from __future__ import annotations` here: Typer reads the signature `step_verb` builds, and the options a
# verb adds must be objects, not names to look up in this module.

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

import typer
from google.protobuf.json_format import MessageToDict

from ecolink.cases.v1 import case_pb2
from ecolink.cases.v1 import case_service_pb2 as pb
from ecolink_cli.commands.case_calls import (
    CASE_CALLS,
    Caller,
    CaseArgument,
    Command,
    StepCalls,
    case_name,
    choice_option,
    fen_from_yuan,
    proto_choices,
    with_caller,
)
from ecolink_cli.commands.case_calls import prefixed as named
from ecolink_cli.commands.case_views import step_summary
from ecolink_cli.output import emit

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


RPC_ATTRIBUTE = "rpc"
"""The attribute naming the CaseService (or CompensationService) method a state-changing command calls (read by the
test that every such method has a verb)."""


def calls(rpc: str) -> Callable[[Command], Command]:
    """Marks a command as the verb of the custom method `rpc`."""

    def mark(command: Command) -> Command:
        setattr(command, RPC_ATTRIBUTE, rpc)
        return command

    return mark


@dataclass(frozen=True)
class StepOption:
    """An option a verb takes beyond the step details, and the request fields its value fills."""

    name: str
    annotation: Any
    default: Any
    fields: Callable[[Any], dict[str, Any]]


def amount_option(flag: str, field: str, help_text: str) -> StepOption:
    option = Annotated[str, typer.Option(flag, help=f"{help_text}, in yuan (元), e.g. 220000 or 1500.50.")]
    return StepOption(field, option, inspect.Parameter.empty, lambda text: {field: fen_from_yuan(text, flag)})


def text_option(flag: str, field: str, help_text: str, default: Any = inspect.Parameter.empty) -> StepOption:
    """An option of free text filling `field`; without a default, required."""
    return StepOption(field, Annotated[str, typer.Option(flag, help=help_text)], default, lambda text: {field: text})


def choice_step(field: str, choices: Mapping[str, str], help_text: str) -> StepOption:
    """A required option `--field` taking one of `choices` by its short name and filling `field`."""
    option = Annotated[str, choice_option(f"--{field}", choices, help_text)]
    return StepOption(field, option, inspect.Parameter.empty, lambda value: {field: value})


def _days(flag: str, field: str, help_text: str) -> StepOption:
    option = Annotated[int, typer.Option(flag, min=0, help=f"{help_text}; 0 (the default) means the longest allowed.")]
    return StepOption(field, option, 0, lambda days: {field: days})


SERVED_BY = StepOption(
    "method",
    MethodOption,
    inspect.Parameter.empty,
    lambda method: {"method": method},
)
OUTCOME = choice_step(
    "outcome",
    proto_choices(case_pb2.DecisionOutcome, "DECISION_OUTCOME_"),
    "penalty 行政处罚, or no-penalty 不予处罚 (with --ground).",
)
FINE = StepOption(
    "fine",
    Annotated[str, typer.Option("--fine", help="The fine of a penalty (罚款), in yuan (元), e.g. 220000.")],
    "0",
    lambda text: {"fine_fen": fen_from_yuan(text, "--fine")},
)
MEASURE_DAYS = _days("--days", "days", "Days it lasts")
STILL_UNMET = StepOption(
    "still_unmet",
    Annotated[
        bool,
        typer.Option(
            "--still-unmet/--met",
            help="Whether the violation goes on (仍未改正): still unmet counts the daily penalty (按日连续处罚).",
        ),
    ],
    inspect.Parameter.empty,
    lambda unmet: {"still_unmet": unmet},
)
POLICE = text_option(
    "--police", "police_agency_id", "The public security bureau receiving it (公安机关), e.g. psb-341300."
)
GROUND = text_option("--ground", "no_penalty_ground", "The ground of a no-penalty decision (不予处罚理由).", "")


@dataclass(frozen=True)
class StepTarget:
    """What the step verbs of one service act on: the argument naming it, its resource name, the calls reaching its
    service and the line shown after a step."""

    argument: Any
    name: Callable[[str], str]
    calls: StepCalls
    summary: Callable[[Any], str]


CASE_TARGET = StepTarget(CaseArgument, case_name, CASE_CALLS, step_summary)


def step_verb(rpc: str, summary: str, *extra: StepOption, target: StepTarget = CASE_TARGET) -> Callable[..., None]:
    """A command calling `rpc` on the target with the step details (officers, day, note, evidence, request id) and
    `extra`."""

    def command(
        case: str,
        officer: OfficerOption,
        on: OnOption = None,
        note: NoteOption = "",
        evidence: EvidenceOption = None,
        etag: EtagOption = "",
        request_id: RequestIdOption = "",
        *,
        caller: Caller,
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
        found = target.calls.step(rpc, target.name(case), fields, etag=etag, caller=caller)
        emit(MessageToDict(found, preserving_proto_field_name=True), as_json=caller.as_json, text=target.summary(found))

    signature = inspect.signature(command)
    common = [
        p for p in signature.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD and p.name != "caller"
    ]
    added = [
        inspect.Parameter(o.name, inspect.Parameter.KEYWORD_ONLY, annotation=o.annotation, default=o.default)
        for o in extra
    ]
    # The verb's own options come first in its help, right after the case.
    command.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[
            common[0].replace(annotation=target.argument),
            *_keyword(common[1:2]),
            *added,
            *_keyword(common[2:]),
            signature.parameters["caller"],
        ]
    )
    command.__doc__ = summary
    return calls(rpc)(with_caller(command))


def _keyword(parameters: list[inspect.Parameter]) -> list[inspect.Parameter]:
    return [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in parameters]


StepVerbs = list[tuple[str, str, str, tuple[StepOption, ...]]]
"""(verb, custom method, help, the verb's own options), in the order the resource goes."""
# In the order a case goes (DOMAIN §3.1).
STEP_VERBS: StepVerbs = [
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
        (amount_option("--intended-fine", "intended_fine_fen", "The intended fine (拟罚款)"),),
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
    (
        "pay",
        "RecordPayment",
        "Record a payment (缴纳罚款).",
        (amount_option("--amount", "amount_fen", "The amount paid"),),
    ),
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
    # Supporting measures (辅助措施), which leave the state as it is.
    (
        "seal",
        "OrderSealing",
        "Seal up or seize (查封扣押) from --on; what is sealed in --note; issues the sealing decision (封字).",
        (MEASURE_DAYS,),
    ),
    (
        "extend-sealing",
        "ExtendSealing",
        "Extend the running sealing once (延长查封扣押).",
        (_days("--days", "extension_days", "Days added"),),
    ),
    ("lift-sealing", "LiftSealing", "Lift the running sealing (解除查封扣押) on --on.", ()),
    (
        "restrict-production",
        "RestrictProduction",
        "Order production restricted (责令限制生产) from --on.",
        (MEASURE_DAYS,),
    ),
    (
        "order-correction",
        "OrderCorrection",
        "Record the correction order (责令改正) served on --on, after a penalty decision.",
        (),
    ),
    (
        "reinspect",
        "RecordReinspection",
        "Record the re-inspection (复查) of the correction order, within 30 days of its service.",
        (STILL_UNMET,),
    ),
    (
        "hand-off-detention",
        "HandOffForDetention",
        "Record the hand-off to the police for administrative detention (移送行政拘留); the ground in --note.",
        (POLICE,),
    ),
]
STEP_NAMES = {"register": "RegisterCase", "decide": "DecideCase"}


@calls("ApproveCaseStep")
@with_caller
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
    *,
    caller: Caller,
) -> None:
    """Approve the next step of a county case as the bureau one level up (审批): registration or decision."""
    fields = {"step": step, "approver_officer_id": approver, "opinion": opinion, "request_id": request_id}
    found = CASE_CALLS.step("ApproveCaseStep", case_name(case), fields, etag=etag, caller=caller)
    approval = found.approvals[-1]
    approver_shown = f"{approval.approver_agency_id} {approval.approver_officer_id}"
    text = f"{found.name}: {approval.step} approved by {approver_shown} ({approval.name}) · etag {found.etag}"
    emit(MessageToDict(found, preserving_proto_field_name=True), as_json=caller.as_json, text=text)


def add_step_verbs(app: typer.Typer, verbs: StepVerbs | None = None, target: StepTarget = CASE_TARGET) -> None:
    """Registers every step verb of `verbs` calling `target`'s service on `app`; without `verbs`, `approve` and
    STEP_VERBS of CaseService."""
    if verbs is None:
        app.command("approve")(approve)
        verbs = STEP_VERBS
    for verb, rpc, summary, extra in verbs:
        app.command(verb)(step_verb(rpc, summary, *extra, target=target))
