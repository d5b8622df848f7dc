"""GetCaseStatistics (issue 12 item 10) through the API on SQLite and PostgreSQL: the year's figures of the
county's steps, by the day each took place; the city above it reads them, a bureau of another province gets
NOT_FOUND, audited."""

from __future__ import annotations

import grpc
import pytest

from ecolink.cases.v1 import case_service_pb2
from ecolink_cases.testing import CITY, COUNTY, CaseWalk, details
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.rpc import rpc_failure


async def test_the_countys_year_in_figures(cases, cases_service, database_url):
    decided = CaseWalk(cases, cases_service)
    await decided.to_decided(fine_fen=500_000)
    await decided.step("OrderCorrection", details=details(on="2026-11-01"))
    await decided.step("RecordReinspection", still_unmet=True, details=details(on="2026-11-04"))
    sealed = CaseWalk(cases, cases_service)
    await sealed.create()
    await sealed.approve("RegisterCase")
    await sealed.step("RegisterCase", details=details(on="2026-11-02"))
    await sealed.step("OrderSealing")
    await sealed.step("HandOffForDetention", police_agency_id="psb-341300")
    request = case_service_pb2.GetCaseStatisticsRequest(agency_id=COUNTY, year=2026)
    for reader in (COUNTY, CITY):
        figures = await cases.GetCaseStatistics(request, metadata=cases_service.metadata(reader))
        assert (figures.registered, figures.decided, figures.penalties, figures.penalty_fen) == (2, 1, 1, 500_000)
        assert (figures.daily_penalties, figures.daily_penalty_fen) == (1, 3 * 500_000)
        assert (figures.sealings, figures.detention_hand_offs, figures.no_penalty_decisions) == (1, 1, 0)
    earlier = await cases.GetCaseStatistics(
        case_service_pb2.GetCaseStatisticsRequest(year=2025), metadata=cases_service.metadata(COUNTY)
    )
    assert (earlier.agency_id, earlier.registered) == (COUNTY, 0)
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await cases.GetCaseStatistics(request, metadata=cases_service.metadata("eeb-360800"))
    assert rpc_failure(raised.value).code == grpc.StatusCode.NOT_FOUND
    hidden = [row for row in await audit_rows(database_url) if row["action"] == "GetCaseStatistics"]
    assert [(row["actor_agency_id"], row["outcome"]) for row in hidden][-1] == ("eeb-360800", "NOT_FOUND")


async def test_a_year_out_of_range_names_the_field(cases, cases_service):
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await cases.GetCaseStatistics(
            case_service_pb2.GetCaseStatisticsRequest(year=0), metadata=cases_service.metadata(COUNTY)
        )
    failure = rpc_failure(raised.value)
    assert failure.code == grpc.StatusCode.INVALID_ARGUMENT and "year" in failure.message
