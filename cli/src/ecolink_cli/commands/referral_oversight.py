"""`ecolink referrals stats` and `untransferred`: a bureau's transfer figures for a year (移送统计), and for the
procuratorate the suspected crimes of its region never sent to the police (以罚代刑 supervision)."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer
from google.protobuf.json_format import MessageToDict

from ecolink.referrals.v1 import transfer_service_pb2 as pb
from ecolink_cli.client import call
from ecolink_cli.commands import referral_calls
from ecolink_cli.commands import referral_views as views
from ecolink_cli.commands.case_calls import Caller, with_caller
from ecolink_cli.commands.referral_calls import PAGE_SIZE
from ecolink_cli.commands.registry_support import every_page
from ecolink_cli.figures import CsvFlag, emit_figures
from ecolink_cli.output import emit

as_dict = partial(MessageToDict, preserving_proto_field_name=True)


@with_caller
def stats(
    year: Annotated[
        int,
        typer.Option("--year", min=2000, max=2100, help="The year (年度), each step counted by its day in China."),
    ],
    agency: Annotated[
        str,
        typer.Option(
            "--agency",
            help="The bureau (移送机关), e.g. eeb-341323; default yours. Bureaus above it and the "
            "procuratorate of its region may read it too.",
        ),
    ] = "",
    as_csv: CsvFlag = False,
    *,
    caller: Caller,
) -> None:
    """A bureau's transfer figures for a year (移送统计): criminal and detention transfers, persons transferred, cases
    the police filed (立案), persons under compulsory measures or detained, refusals (不予立案), reverse transfers
    (反向移送) and deadlines missed."""
    request = pb.GetTransferStatisticsRequest(agency_id=agency, year=year)
    with referral_calls.transfer_stub(caller.address) as stub:
        figures = call(stub.GetTransferStatistics, request, token=caller.bearer, as_json=caller.as_json)
    emit_figures(figures, as_json=caller.as_json, as_csv=as_csv, table=views.statistics_table(figures))


@with_caller
def untransferred(*, caller: Caller) -> None:
    """Procuratorate: the cases of your region marked suspected crimes (涉嫌犯罪) that were never sent to the police,
    newest first (以罚代刑 supervision, follows all pages), with a transfer still awaiting its head's approval."""
    request = pb.ListUntransferredSuspectsRequest(page_size=PAGE_SIZE)
    with referral_calls.transfer_stub(caller.address) as stub:
        found = every_page(
            stub.ListUntransferredSuspects, request, "suspects", token=caller.bearer, as_json=caller.as_json
        )
    emit([as_dict(s) for s in found], as_json=caller.as_json, table=views.untransferred_table(found))
