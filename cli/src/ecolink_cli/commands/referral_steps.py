"""The step verbs of `ecolink referrals`: the head's decision, and one command per custom method of TransferService
after the report, built from one table. Each sends the transfer's etag only when --etag is given (the service then
refuses to act on a transfer changed since it was read)."""

# No `from __future__ import annotations` here: Typer reads the signature `step_verb` builds, and the options a
# verb adds must be objects, not names to look up in this module.

import inspect
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

import typer
from google.protobuf.json_format import MessageToDict

from ecolink.referrals.v1 import transfer_service_pb2 as pb
from ecolink_cli.client import call
from ecolink_cli.commands import referral_calls
from ecolink_cli.commands.case_calls import Caller, with_caller
from ecolink_cli.commands.case_steps import StepOption, calls, text_option
from ecolink_cli.commands.referral_calls import TransferArgument, transfer_name
from ecolink_cli.commands.referral_views import step_summary
from ecolink_cli.output import emit

OfficerOption = Annotated[
    list[str],
    typer.Option(
        "--officer", help="An officer of your agency taking the step (承办人员), repeatable, e.g. pol-341300-01."
    ),
]
EtagOption = Annotated[
    str,
    typer.Option(
        "--etag",
        help="The transfer's etag as you read it: the step is refused (ABORTED) if the transfer changed since. "
        "Default: none sent.",
    ),
]
RequestIdOption = Annotated[
    str, typer.Option("--request-id", help="Idempotency key: the same id and request replays the first result.")
]
NOTE = "note"
"""The verb option whose text goes into the step details' note (reasons, opinion, outcome in words)."""


def note_option(flag: str, help_text: str, *, required: bool) -> StepOption:
    """The step's note under the name `flag` (`--reason`, `--note`); required when the service requires it."""
    default = inspect.Parameter.empty if required else ""
    return StepOption(NOTE, Annotated[str, typer.Option(flag, help=help_text)], default, lambda text: {NOTE: text})


def flag_pair(name: str, flags: str, field: str, help_text: str) -> StepOption:
    """A required choice of two flags (`--file/--uphold`) filling the boolean `field`."""
    option = Annotated[bool, typer.Option(flags, help=help_text)]
    return StepOption(name, option, inspect.Parameter.empty, lambda value: {field: value})


def count_option(flag: str, name: str, field: str, help_text: str) -> StepOption:
    option = Annotated[int, typer.Option(flag, min=0, help=help_text)]
    return StepOption(name, option, 0, lambda value: {field: value})


REASON = note_option("--reason", "The reasons (理由), required.", required=True)
NOTE_OPTIONAL = note_option("--note", "A note (说明).", required=False)
CASE_NUMBER = text_option(
    "--case-number",
    "police_case_number",
    "The police's criminal case number (立案号), e.g. 宿公立字[2026]88号; required for a criminal transfer.",
    "",
)
JUDGED_ON = StepOption(
    "judged_on",
    Annotated[datetime, typer.Option("--on", formats=["%Y-%m-%d"], help="The judgment day (判决日期), YYYY-MM-DD.")],
    inspect.Parameter.empty,
    lambda day: {"judged_on": f"{day:%Y-%m-%d}"},
)

StepVerbs = list[tuple[str, str, str, tuple[StepOption, ...]]]
"""(verb, custom method, help, the verb's own options), in the order a transfer goes."""
STEP_VERBS: StepVerbs = [
    # The police (公安机关).
    (
        "receive",
        "ReceiveTransfer",
        "Police: sign the receipt (接收回执, art. 7); the filing decision falls due.",
        (NOTE_OPTIONAL,),
    ),
    (
        "forward",
        "ForwardTransfer",
        "Police: forward it to the competent police agency (移送有管辖权的公安机关, art. 7); the bureau is told.",
        (
            text_option("--to", "police_agency_id", "The competent police agency, e.g. psb-341300."),
            note_option("--note", "Why it is forwarded (说明).", required=False),
        ),
    ),
    ("accept", "AcceptTransfer", "Police: accept it for review (受理).", (NOTE_OPTIONAL,)),
    (
        "return",
        "ReturnTransfer",
        "Police: return it to the bureau to be supplemented (退回补充); the bureau may resend it.",
        (REASON,),
    ),
    (
        "file",
        "FileCriminalCase",
        "Police: file a criminal case (立案, art. 8), or for a detention transfer detain the person (行政拘留).",
        (
            CASE_NUMBER,
            count_option("--detention-days", "detention_days", "detention_days", "Days of detention (拘留天数), 1–15."),
            count_option(
                "--persons-held",
                "persons_held",
                "persons_held",
                "Persons under criminal compulsory measures (刑事强制措施), or detained.",
            ),
            note_option("--note", "The grounds (立案理由).", required=False),
        ),
    ),
    (
        "decline",
        "DeclineToFile",
        "Police: decline to file (不予立案, art. 8), or not to detain; the bureau may ask for reconsideration.",
        (REASON,),
    ),
    # The bureau (移送机关).
    (
        "reconsider",
        "RequestReconsideration",
        "Bureau: ask the police to reconsider a refusal (提请复议, art. 9), within 3 days of it.",
        (REASON,),
    ),
    (
        "resend",
        "ResendTransfer",
        "Bureau: send a returned transfer again, supplemented, as its next version (补充后重新移送).",
        (
            text_option("--facts", "facts", "The facts as supplemented (补充后的案件情况); unchanged if left out.", ""),
            note_option("--note", "What was supplemented (补充说明), required.", required=True),
        ),
    ),
    (
        "withdraw",
        "WithdrawTransfer",
        "Bureau: withdraw it before the police received it (撤回移送); grants are revoked, holds released.",
        (REASON,),
    ),
    # The police's answer to a reconsideration.
    (
        "reconsideration",
        "DecideReconsideration",
        "Police: decide the reconsideration (复议决定): --file after all (with --case-number) or --uphold the refusal.",
        (
            flag_pair(
                "file", "--file/--uphold", "file", "File the case after all (复议立案), or uphold (维持不予立案)."
            ),
            REASON,
            CASE_NUMBER,
        ),
    ),
    # The procuratorate (检察院).
    (
        "supervise",
        "OpenSupervision",
        "Procuratorate: open supervision (立案监督) and ask the police for their reasons by a deadline.",
        (
            REASON,
            count_option(
                "--days", "answer_days", "answer_days", "Days the police have to answer; 0 (the default): the setting."
            ),
        ),
    ),
    (
        "answer-supervision",
        "AnswerSupervision",
        "Police: state your reasons to the procuratorate (说明理由).",
        (REASON,),
    ),
    (
        "close-supervision",
        "CloseSupervision",
        "Procuratorate: record the outcome of the supervision and close it (监督结果).",
        (
            text_option("--outcome", "outcome", "The outcome (监督结果), e.g. 通知立案 police notified to file."),
            NOTE_OPTIONAL,
        ),
    ),
    (
        "prosecution",
        "RecordProsecution",
        "Procuratorate: record the decision on prosecution (提起公诉 or 不起诉) of a filed case.",
        (
            flag_pair(
                "prosecuted",
                "--prosecuted/--not-prosecuted",
                "prosecuted",
                "Prosecuted (提起公诉), or not (不起诉, after which the case may be handed back).",
            ),
            note_option("--note", "The decision in words (决定内容), required.", required=True),
        ),
    ),
    (
        "judgment",
        "RecordJudgment",
        "Procuratorate: record the court's judgment (判决); the transfer ends.",
        (
            JUDGED_ON,
            text_option("--court", "court_agency_id", "The court (人民法院), a directory court agency."),
            note_option("--note", "The judgment in words (判决内容), required.", required=True),
        ),
    ),
    (
        "reverse",
        "ReverseTransfer",
        "Police or procuratorate: hand the case back for administrative penalty (反向移送); the bureau is told.",
        (REASON,),
    ),
]


def step_verb(rpc: str, summary: str, *extra: StepOption) -> Callable[..., None]:
    """A command calling `rpc` on the transfer with the step details (officers, note, request id) and `extra`."""

    def command(
        transfer: str,
        officer: OfficerOption,
        etag: EtagOption = "",
        request_id: RequestIdOption = "",
        *,
        caller: Caller,
        **values: Any,
    ) -> None:
        fields: dict[str, Any] = {}
        for option in extra:
            fields.update(option.fields(values[option.name]))
        details = pb.TransferStepDetails(officer_ids=officer, note=fields.pop(NOTE, ""), request_id=request_id)
        request = getattr(pb, f"{rpc}Request")(name=transfer_name(transfer), etag=etag, details=details, **fields)
        with referral_calls.transfer_stub(caller.address) as stub:
            found = call(getattr(stub, rpc), request, token=caller.bearer, as_json=caller.as_json).transfer
        emit(MessageToDict(found, preserving_proto_field_name=True), as_json=caller.as_json, text=step_summary(found))

    signature = inspect.signature(command)
    common = [
        p for p in signature.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD and p.name != "caller"
    ]
    added = [
        inspect.Parameter(o.name, inspect.Parameter.KEYWORD_ONLY, annotation=o.annotation, default=o.default)
        for o in extra
    ]
    # The verb's own options come first in its help, right after the transfer and its officers.
    command.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[
            common[0].replace(annotation=TransferArgument),
            _keyword(common[1]),
            *added,
            *(_keyword(p) for p in common[2:]),
            signature.parameters["caller"],
        ]
    )
    command.__doc__ = summary
    return calls(rpc)(with_caller(command))


def _keyword(parameter: inspect.Parameter) -> inspect.Parameter:
    return parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY)


HeadOption = Annotated[
    str, typer.Option("--head", help="The bureau head deciding (正职负责人), a directory officer marked head.")
]
OpinionOption = Annotated[str, typer.Option("--opinion", help="The head's opinion (审批意见), e.g. 同意移送.")]


@calls("ApproveTransfer")
@with_caller
def approve(
    transfer: TransferArgument,
    head: HeadOption,
    opinion: OpinionOption = "",
    refuse: Annotated[
        bool, typer.Option("--refuse", help="Record that the head does not approve (不批准移送); say why in --reason.")
    ] = False,
    reason: Annotated[str, typer.Option("--reason", help="Why it is not approved (不批准理由), with --refuse.")] = "",
    etag: EtagOption = "",
    request_id: RequestIdOption = "",
    *,
    caller: Caller,
) -> None:
    """Bureau head: decide on the officers' report (审批, art. 5: within 3 days). Approved, it is sent at once with its
    dossier, the police get a grant on every evidence item and each is put on legal hold; refused, it ends."""
    if refuse and not reason.strip():
        raise typer.BadParameter("a refusal states why it is not approved", param_hint="--reason")
    if refuse and opinion:
        raise typer.BadParameter("a refusal gives its --reason, not an --opinion", param_hint="--opinion")
    if reason and not refuse:
        raise typer.BadParameter("--reason is for a refusal (--refuse); an approval gives an --opinion")
    request = pb.ApproveTransferRequest(
        name=transfer_name(transfer),
        etag=etag,
        approval=pb.TransferApproval(approver_officer_id=head, opinion=reason if refuse else opinion),
        approved=not refuse,
        request_id=request_id,
    )
    with referral_calls.transfer_stub(caller.address) as stub:
        found = call(stub.ApproveTransfer, request, token=caller.bearer, as_json=caller.as_json).transfer
    emit(MessageToDict(found, preserving_proto_field_name=True), as_json=caller.as_json, text=step_summary(found))


def add_step_verbs(app: typer.Typer) -> None:
    """Registers `approve` and every verb of STEP_VERBS on `app`."""
    app.command("approve")(approve)
    for verb, rpc, summary, extra in STEP_VERBS:
        app.command(verb)(step_verb(rpc, summary, *extra))
