"""`ecolink referrals …`: case transfers to the police (案件移送, DOMAIN §4.2) — the report and the head's approval,
the police's receipt and decisions, reconsideration, the procuratorate's supervision, prosecution and judgment —
and their signed records, exported and verified offline; the figures, joint listings and webhooks join here."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from google.protobuf.json_format import MessageToDict
from rich.markup import escape

from ecolink.referrals.v1 import transfer_service_pb2 as pb
from ecolink_cli.client import AddressOption, AsOption, TokenOption, call, resolve_token
from ecolink_cli.commands import referral_calls, referral_listings, referral_oversight, referral_webhooks
from ecolink_cli.commands import referral_views as views
from ecolink_cli.commands.case_calls import case_name, choice_option
from ecolink_cli.commands.case_steps import calls
from ecolink_cli.commands.referral_calls import KINDS, PAGE_SIZE, STATES, TransferArgument, person, transfer_name
from ecolink_cli.commands.referral_steps import OpinionOption, RequestIdOption, add_step_verbs
from ecolink_cli.output import JsonFlag, console, emit, errors, fail
from ecolink_common.auth.keys import load_public_key
from ecolink_common.signed_records import key_fingerprint
from ecolink_referrals.domain.record_chain import ExportedRecord, export_document, verify_record_set

referrals_app = typer.Typer(
    help="Case transfers to the police (案件移送): report and approve, the police's receipt and filing decision "
    "(立案), reconsideration (复议), the procuratorate's supervision (立案监督), prosecution and judgment; "
    "signed records exported and verified offline; transfer figures (移送统计), suspected crimes never transferred "
    "(以罚代刑), joint listing (挂牌督办) and webhooks (推送)."
)
as_dict = partial(MessageToDict, preserving_proto_field_name=True)
EMBEDDED_KEY = "embedded in the file"


@referrals_app.command("transfer")
@calls("TransferCase")
def transfer(
    case: Annotated[
        str, typer.Argument(help="The case (案件), cases/{id} or just the id: one you handle, registered or later.")
    ],
    to: Annotated[str, typer.Option("--to", help="The police agency of the same level (公安机关), e.g. psb-341300.")],
    officer: Annotated[
        list[str],
        typer.Option(
            "--officer", help="A reporting officer (移送承办人), repeatable: at least two, e.g. off-341323-01."
        ),
    ],
    facts: Annotated[str, typer.Option("--facts", help="The facts as established (案件情况).")],
    offence: Annotated[
        str, typer.Option("--offence", help="The suspected offence (涉嫌罪名), e.g. 破坏计算机信息系统罪.")
    ] = "",
    persons: Annotated[
        list[str] | None,
        typer.Option("--person", help="A person involved (涉案人员) as NAME:ROLE, e.g. 张某:法定代表人; repeatable."),
    ] = None,
    kind: Annotated[
        str | None,
        choice_option(
            "--kind",
            KINDS,
            "criminal 涉嫌犯罪案件移送 (the default), or detention 移送行政拘留 (Environmental Protection Law "
            "art. 63).",
        ),
    ] = None,
    approve_as: Annotated[
        str,
        typer.Option(
            "--approve-as",
            help="The bureau head (正职负责人) approving it in the same call: it is sent at once. Without it the "
            "report awaits `referrals approve`.",
        ),
    ] = "",
    opinion: OpinionOption = "",
    request_id: RequestIdOption = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """File the officers' written report of a transfer (移送报告, at least two officers, art. 5) of a case you handle to
    the police; it takes your next transfer number and is copied to the procuratorate of your level."""
    if opinion and not approve_as:
        raise typer.BadParameter("an opinion is the head's: give --approve-as too", param_hint="--opinion")
    request = pb.TransferCaseRequest(
        case=case_name(case),
        police_agency_id=to,
        kind=kind,
        facts=facts,
        suspected_offence=offence,
        persons=[person(text) for text in persons or []],
        details=pb.TransferStepDetails(officer_ids=officer, request_id=request_id),
    )
    if approve_as:
        request.approval.CopyFrom(pb.TransferApproval(approver_officer_id=approve_as, opinion=opinion))
    with referral_calls.transfer_stub(address) as stub:
        found = call(stub.TransferCase, request, token=resolve_token(token, as_agency), as_json=as_json).transfer
    emit(as_dict(found), as_json=as_json, text=views.step_summary(found))


@referrals_app.command("get")
def get(
    name: TransferArgument,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show a transfer with its timeline (移送流程), its deadlines (期限; overdue ones in red), the evidence that went
    with it (its SHA-256, the police's grant and the legal hold) and the procuratorate's supervisions."""
    request = pb.GetTransferRequest(name=transfer_name(name))
    with referral_calls.transfer_stub(address) as stub:
        found = call(stub.GetTransfer, request, token=resolve_token(token, as_agency), as_json=as_json).transfer
    if as_json:
        emit(as_dict(found), as_json=True)
        return
    console.print(views.transfer_table(found))
    console.print(views.timeline_table(found))
    if found.deadlines:
        console.print(views.deadlines_table(found))
    if found.evidence:
        console.print(views.evidence_table(found))
    if found.supervisions:
        console.print(views.supervisions_table(found))


@referrals_app.command("list")
def list_transfers(
    since: Annotated[
        int,
        typer.Option(
            "--since", min=0, help="Only changes after this watermark (the one the last `list` printed); 0: all."
        ),
    ] = 0,
    state: Annotated[str | None, choice_option("--state", STATES, "Only transfers in this state (状态).")] = None,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List the transfers you see in the order they changed, oldest change first (follows all pages), and the
    watermark to pass as --since next time: a system polling with it sees each change once."""
    request = pb.ListTransfersRequest(page_size=PAGE_SIZE, since_watermark=since, state=state)
    bearer = resolve_token(token, as_agency)
    found: list[Any] = []
    with referral_calls.transfer_stub(address) as stub:
        while True:
            page = call(stub.ListTransfers, request, token=bearer, as_json=as_json)
            found.extend(page.transfers)
            watermark = page.watermark
            if not page.next_page_token:
                break
            request.page_token = page.next_page_token
    if as_json:
        emit({"transfers": [as_dict(t) for t in found], "watermark": watermark}, as_json=True)
        return
    console.print(views.list_table(found, watermark))
    typer.echo(f"watermark {watermark} (next time: --since {watermark})")


@referrals_app.command("due")
def due(
    include_met: Annotated[bool, typer.Option("--include-met", help="Also the deadlines met already.")] = False,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """The transfer deadlines your agency owes or watches (到期事项), as of now, by due time; overdue ones in red."""
    request = pb.ListTransferDueActionsRequest(include_met=include_met)
    with referral_calls.transfer_stub(address) as stub:
        found = call(
            stub.ListTransferDueActions, request, token=resolve_token(token, as_agency), as_json=as_json
        ).actions
    emit([as_dict(a) for a in found], as_json=as_json, table=views.due_table(found))


@referrals_app.command("export")
def export(
    name: TransferArgument,
    output: Annotated[Path, typer.Option("-o", "--output", dir_okay=False, help="The file to write (JSON).")],
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Write a transfer's signed records (签名记录: the manifest, every receipt and decision) with the public key they
    verify with, for `ecolink referrals verify` to check offline."""
    request = pb.ListTransferRecordsRequest(name=transfer_name(name))
    with referral_calls.transfer_stub(address) as stub:
        answer = call(stub.ListTransferRecords, request, token=resolve_token(token, as_agency), as_json=as_json)
    records = [ExportedRecord(r.name, r.kind, r.body, r.signature, r.key_sha256) for r in answer.records]
    document = export_document(request.name, records, answer.public_key_pem)
    partial_file = output.with_name(output.name + ".partial")
    partial_file.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    partial_file.replace(output)
    shown = {"path": str(output), "transfer": request.name, "records": len(records)}
    emit(shown, as_json=as_json, text=f"{output}: {len(records)} signed records of {request.name}")


@referrals_app.command("verify")
def verify(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A file `referrals export` wrote.")],
    public_key: Annotated[
        Path | None,
        typer.Option(
            "--public-key",
            exists=True,
            dir_okay=False,
            help="The platform's public key (PEM), e.g. var/keys/token-signing.pub.pem; default the key embedded in "
            "the file (which shows only that the records agree with it).",
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Check a transfer's signed records offline (no server): every signature, every record in its place and chained
    to the one before. Exits 0 when valid, 1 naming every record that was altered, removed or reordered."""
    document = _read_record_file(file, as_json=as_json)
    key, source = _verification_key(document, public_key, as_json=as_json)
    report = verify_record_set(document, key)
    problems = list(report.problems)
    if report.valid and not report.records_checked:
        problems.append("the file holds no records")
    data = {
        "valid": not problems,
        "transfer": document.get("transfer", ""),
        "records_checked": report.records_checked,
        "problems": problems,
        "key_sha256": key_fingerprint(key),
        "key": source,
    }
    if as_json:
        emit(data, as_json=True)
    elif not problems:
        typer.echo(
            f"valid: {report.records_checked} signed records of {data['transfer']}, each in its place and chained "
            f"(key sha256 {data['key_sha256']}, {source})"
        )
    else:
        for problem in problems:
            errors.print(escape(problem), highlight=False)
        errors.print(f"[bold red]error:[/] {len(problems)} problems in {escape(str(file))}")
    if problems:
        raise typer.Exit(1)


def _refuse(message: str, *, as_json: bool) -> NoReturn:
    """Exits 1 with `message` (shown as it is: a path or a key error holding `[…]` is no markup)."""
    fail(message if as_json else escape(message), as_json=as_json)


def _read_record_file(file: Path, *, as_json: bool) -> dict[str, Any]:
    try:
        document = json.loads(file.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        _refuse(f"{file}: not a record file of `referrals export` ({error})", as_json=as_json)
    if not isinstance(document, dict):
        _refuse(f"{file}: not a record file of `referrals export` (no JSON object)", as_json=as_json)
    return document


def _verification_key(
    document: dict[str, Any], public_key: Path | None, *, as_json: bool
) -> tuple[Ed25519PublicKey, str]:
    """The key given, else the one the file holds; a file without one needs --public-key."""
    try:
        if public_key is not None:
            return load_public_key(public_key), str(public_key)
        key = load_pem_public_key(str(document.get("public_key_pem", "")).encode())
    except (ValueError, UnsupportedAlgorithm) as error:
        _refuse(f"no Ed25519 public key to verify with: {error}", as_json=as_json)
    if not isinstance(key, Ed25519PublicKey):
        _refuse("the key embedded in the file is no Ed25519 public key; pass --public-key", as_json=as_json)
    return key, EMBEDDED_KEY


# The step verbs after the commands that read, in the order a transfer goes; then the figures, the listings and the
# push.
add_step_verbs(referrals_app)
referrals_app.command("stats")(referral_oversight.stats)
referrals_app.command("untransferred")(referral_oversight.untransferred)
referrals_app.add_typer(referral_listings.listing_app, name="listing")
referrals_app.add_typer(referral_webhooks.webhook_app, name="webhook")
referrals_app.command("deliveries")(referral_webhooks.deliveries)
