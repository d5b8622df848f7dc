"""`ecolink cases …`: enforcement cases (行政处罚案件) from clue to closed, their documents and their deadlines."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Annotated

import typer
from google.protobuf.json_format import MessageToDict

from ecolink.cases.v1 import case_pb2
from ecolink.cases.v1 import case_service_pb2 as pb
from ecolink_cli.client import AddressOption, AsOption, TokenOption, call, resolve_token
from ecolink_cli.commands import case_views as views
from ecolink_cli.commands import compensation, inspections
from ecolink_cli.commands.case_calls import (
    ALERT_SOURCE,
    PAGE_SIZE,
    SOURCES,
    CaseArgument,
    case_name,
    case_stub,
    choice_option,
    prefixed,
    proto_choices,
    read_case,
)
from ecolink_cli.commands.case_steps import OfficerOption, RequestIdOption, add_step_verbs, calls
from ecolink_cli.commands.registry_support import every_page, unit_name
from ecolink_cli.figures import CsvFlag, emit_figures
from ecolink_cli.output import JsonFlag, console, emit, make_table

cases_app = typer.Typer(
    help="Enforcement cases (行政处罚案件): open from a clue, one verb per step, documents (文书) and deadlines (期限)."
)
as_dict = partial(MessageToDict, preserving_proto_field_name=True)


@cases_app.command("create")
def create(
    unit: Annotated[str, typer.Option("--unit", help="The key unit (重点排污单位), e.g. lingbi-jiancai.")],
    source: Annotated[
        str,
        choice_option(
            "--source",
            SOURCES,
            "Where the clue came from (线索来源): alert 自动监控预警, petition 信访举报, inspection 现场检查, "
            "police 公安移交, manual.",
        ),
    ],
    violation_type: Annotated[str, typer.Option("--violation-type", help="The violation (违法行为).")],
    legal_basis: Annotated[str, typer.Option("--legal-basis", help="The legal basis cited (法律依据).")],
    officer: OfficerOption,
    source_ref: Annotated[
        str, typer.Option("--source-ref", help="The record it came from, e.g. alerts/42 (an alert's id will do).")
    ] = "",
    request_id: RequestIdOption = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Open a case from a clue (立案前线索); your agency handles it, the unit's region decides who sees it."""
    reference = prefixed(source_ref, "alerts") if source == ALERT_SOURCE and source_ref else source_ref
    request = pb.CreateCaseRequest(
        case=case_pb2.Case(
            unit=unit_name(unit),
            source=source,
            source_ref=reference,
            violation_type=violation_type,
            legal_basis=legal_basis,
            handling_officer_ids=officer,
        ),
        request_id=request_id,
    )
    with case_stub(address) as stub:
        opened = call(stub.CreateCase, request, token=resolve_token(token, as_agency), as_json=as_json).case
    emit(as_dict(opened), as_json=as_json, text=views.step_summary(opened))


@cases_app.command("get")
def get(
    case: CaseArgument,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show a case with its timeline (办案流程): each step's officers, day, evidence cited with its SHA-256,
    approval and document number."""
    with case_stub(address) as stub:
        found = read_case(stub, case_name(case), token=resolve_token(token, as_agency), as_json=as_json)
    if as_json:
        emit(as_dict(found), as_json=True)
        return
    _print_case(found)


def _print_case(found: case_pb2.Case) -> None:
    """The case, its timeline, and its approvals, supporting measures and documents where it has any."""
    console.print(views.case_table(found))
    console.print(views.timeline_table(found))
    if found.approvals:
        console.print(views.approvals_table(found))
    measures = views.measures_table(found)
    if measures is not None:
        console.print(measures)
    if found.documents:
        console.print(views.documents_table(f"documents 文书 of {found.name}", found.documents))


@cases_app.command("dossier")
def dossier(
    case: CaseArgument,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show a case's dossier (案卷) as a transfer to the police carries it: the case and its timeline, every officer
    it names with his enforcement certificate (执法证号), and every evidence item cited with its SHA-256 and the steps
    citing it."""
    request = pb.GetCaseDossierRequest(name=case_name(case))
    with case_stub(address) as stub:
        found = call(stub.GetCaseDossier, request, token=resolve_token(token, as_agency), as_json=as_json).dossier
    if as_json:
        emit(as_dict(found), as_json=True)
        return
    _print_case(found.case)
    console.print(views.dossier_officers_table(found))
    console.print(views.dossier_evidence_table(found))
    typer.echo(f"read {views.shown_time(found.read_time)}")


@cases_app.command("list")
def list_cases(
    state: Annotated[
        str | None,
        choice_option("--state", proto_choices(case_pb2.CaseState, "CASE_STATE_"), "Only cases in this state."),
    ] = None,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List the cases you may see, newest first (follows all pages)."""
    request = pb.ListCasesRequest(page_size=PAGE_SIZE, state=state)
    with case_stub(address) as stub:
        found = every_page(stub.ListCases, request, "cases", token=resolve_token(token, as_agency), as_json=as_json)
    table = make_table(f"{len(found)} cases 案件", views.LIST_COLUMNS, [views.list_row(c) for c in found])
    emit([as_dict(c) for c in found], as_json=as_json, table=table)


@cases_app.command("due")
def due(
    on: Annotated[
        datetime | None,
        typer.Option("--on", formats=["%Y-%m-%d"], help="The day to look from (YYYY-MM-DD); default today in China."),
    ] = None,
    upcoming: Annotated[
        bool, typer.Option(help="Also what is still ahead (e.g. a notice's deemed service, the reminder's first day).")
    ] = True,
    horizon: Annotated[int, typer.Option("--horizon", help="How many days ahead upcoming actions are shown.")] = 365,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """What the law lets or requires your agency to do next (到期事项) in its served cases.

    The deemed service of a public notice, the payment deadline and the surcharge running after it, when a payment
    reminder may be issued, when the court may be asked.
    """
    request = pb.ListDueActionsRequest(
        as_of=f"{on:%Y-%m-%d}" if on else "", include_upcoming=upcoming, horizon_days=horizon
    )
    with case_stub(address) as stub:
        found = call(stub.ListDueActions, request, token=resolve_token(token, as_agency), as_json=as_json).actions
    table = views.due_table(found, request.as_of or "today")
    emit([as_dict(a) for a in found], as_json=as_json, table=table)


@cases_app.command("documents")
def documents(
    kind: Annotated[
        str | None,
        choice_option(
            "--kind", proto_choices(case_pb2.DocumentKind, "DOCUMENT_KIND_"), "Only this kind of document (文书种类)."
        ),
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help="Only the numbers of this year.")] = None,
    agency: Annotated[str, typer.Option("--agency", help="The issuing agency; default yours.")] = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List the numbered documents (文书) an agency issued, by kind, year and number, e.g. 灵环罚字[2026]1号."""
    request = pb.ListDocumentsRequest(agency_id=agency, kind=kind, year=year, page_size=PAGE_SIZE)
    _list_documents(
        "ListDocuments", request, "documents 文书", token=token, as_agency=as_agency, address=address, as_json=as_json
    )


@cases_app.command("served-documents")
def served_documents(
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """The documents served on your units (送达的文书), oldest first, for an enterprise: the notice and a sealing
    decision when issued, a decision and a payment reminder once served."""
    request = pb.ListServedDocumentsRequest(page_size=PAGE_SIZE)
    title = "documents served 送达的文书"
    _list_documents(
        "ListServedDocuments", request, title, token=token, as_agency=as_agency, address=address, as_json=as_json
    )


def _list_documents(
    rpc: str,
    request: object,
    title: str,
    *,
    token: str | None,
    as_agency: str | None,
    address: str | None,
    as_json: bool,
) -> None:
    """Calls the List method `rpc` of documents until its last page and prints them."""
    with case_stub(address) as stub:
        found = every_page(
            getattr(stub, rpc), request, "documents", token=resolve_token(token, as_agency), as_json=as_json
        )
    table = views.documents_table(f"{len(found)} {title}", found)
    emit([as_dict(d) for d in found], as_json=as_json, table=table)


@cases_app.command("void")
@calls("VoidDocument")
def void(
    document: Annotated[
        str, typer.Argument(help="documents/{id} or just the id, as `cases get --json` names the case's documents.")
    ],
    reason: Annotated[str, typer.Option("--reason", help="Why it is voided (作废理由).")],
    request_id: RequestIdOption = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Void a document of a case you handle (作废文书): it keeps its number, marked void, and later documents no
    longer cite it."""
    request = pb.VoidDocumentRequest(name=prefixed(document, "documents"), reason=reason, request_id=request_id)
    with case_stub(address) as stub:
        voided = call(stub.VoidDocument, request, token=resolve_token(token, as_agency), as_json=as_json).document
    text = f"{voided.display_number} ({voided.name}): void 作废 · {voided.void_reason}"
    emit(as_dict(voided), as_json=as_json, text=text)


@cases_app.command("suspect")
@calls("MarkSuspectedCrime")
def suspect(
    case: CaseArgument,
    criterion: Annotated[
        str,
        typer.Option(
            "--criterion",
            help="The criterion of the criminal thresholds table (DOMAIN §4.6), e.g. monitoring_data_falsified, "
            "hazardous_waste, heavy_metals_first_group, hidden_discharge, gains_or_losses.",
        ),
    ],
    officer: OfficerOption,
    measured: Annotated[
        float | None, typer.Option("--measured", help="The amount measured (tonnes, multiple, yuan), if it has one.")
    ] = None,
    on: Annotated[str, typer.Option("--on", help="The day it was found met (YYYY-MM-DD); today by default.")] = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Mark a case a suspected crime (涉嫌犯罪) under the dated thresholds table; the procuratorate of the region then
    sees it, and it should be transferred to the police."""
    request = pb.MarkSuspectedCrimeRequest(
        name=case_name(case),
        criterion=criterion,
        details=pb.StepDetails(officer_ids=list(officer), occurred_on=on),
    )
    if measured is not None:
        request.measured = measured
    with case_stub(address) as stub:
        marked = call(stub.MarkSuspectedCrime, request, token=resolve_token(token, as_agency), as_json=as_json).case
    mark = marked.suspected_crime
    emit(
        as_dict(marked),
        as_json=as_json,
        text=f"{marked.name}: suspected crime 涉嫌犯罪 · {mark.criterion} · {mark.source}",
    )


@cases_app.command("suspects")
def suspects(
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """The cases marked suspected crimes that you see (涉嫌犯罪案件): a bureau's region, the procuratorate's region."""
    request = pb.ListSuspectedCrimeCasesRequest(page_size=500)
    with case_stub(address) as stub:
        found = every_page(
            stub.ListSuspectedCrimeCases, request, "cases", token=resolve_token(token, as_agency), as_json=as_json
        )
    rows = [
        [c.name, c.handling_agency_id, c.unit_display_name, c.suspected_crime.criterion, c.suspected_crime.marked_on]
        for c in found
    ]
    table = make_table(
        "Suspected crimes 涉嫌犯罪", ["case 案件", "agency 承办", "unit 单位", "criterion 标准", "on 日期"], rows
    )
    emit([as_dict(c) for c in found], as_json=as_json, table=table)


@cases_app.command("stats")
def stats(
    year: Annotated[int, typer.Option("--year", help="The year counted, e.g. 2026 (by the day each step took place).")],
    agency: Annotated[str, typer.Option("--agency", help="The agency; default yours (or one in your region).")] = "",
    as_csv: CsvFlag = False,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """An agency's enforcement figures for a year (执法统计): registered, decided, penalties and their fines, no-penalty
    decisions, daily penalties, sealings, production restrictions, detention hand-offs."""
    request = pb.GetCaseStatisticsRequest(agency_id=agency, year=year)
    with case_stub(address) as stub:
        figures = call(stub.GetCaseStatistics, request, token=resolve_token(token, as_agency), as_json=as_json)
    emit_figures(figures, as_json=as_json, as_csv=as_csv, table=views.statistics_table(figures))


# The step verbs after the commands that read, in the order a case goes.
add_step_verbs(cases_app)
cases_app.add_typer(inspections.draw_app, name="draw")
cases_app.add_typer(compensation.compensation_app, name="compensation")
cases_app.command("credit")(inspections.credit)
