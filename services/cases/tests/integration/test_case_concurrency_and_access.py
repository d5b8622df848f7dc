"""Who sees and acts on a case, concurrent steps (exactly one wins), request-id replays, and gap-free numbers
under 200 concurrent decisions of one agency on PostgreSQL (issue 12, items 1, 4, 11)."""

from __future__ import annotations

import asyncio

import grpc
import pytest

from ecolink.cases.v1 import case_pb2, case_service_pb2
from ecolink_cases.testing import CITY, COUNTY, CaseWalk, details
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.rpc import rpc_failure


@pytest.fixture
def walk(cases, cases_service) -> CaseWalk:
    return CaseWalk(cases, cases_service)


async def test_a_bureau_of_another_province_gets_not_found_and_the_attempt_is_audited(walk, cases, database_url):
    case = await walk.create()
    with pytest.raises(grpc.aio.AioRpcError) as hidden:
        await cases.GetCase(case_service_pb2.GetCaseRequest(name=case.name), metadata=walk.as_agency("eeb-360800"))
    assert rpc_failure(hidden.value).code == grpc.StatusCode.NOT_FOUND
    rows = [r for r in await audit_rows(database_url) if r["actor_agency_id"] == "eeb-360800"]
    assert [(r["action"], r["resource"], r["outcome"]) for r in rows] == [("GetCase", case.name, "NOT_FOUND")]
    listed = await cases.ListCases(case_service_pb2.ListCasesRequest(), metadata=walk.as_agency("eeb-360800"))
    assert list(listed.cases) == []


async def test_the_city_above_reads_the_county_case_but_does_not_take_its_steps(walk, cases):
    case = await walk.create()
    seen = await cases.GetCase(case_service_pb2.GetCaseRequest(name=case.name), metadata=walk.as_agency(CITY))
    assert seen.case.name == case.name
    listed = await cases.ListCases(case_service_pb2.ListCasesRequest(), metadata=walk.as_agency("eeb-340000"))
    assert [c.name for c in listed.cases] == [case.name]
    request = case_service_pb2.WithdrawCaseRequest(name=case.name, details=details("off-341300-02"))
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await cases.WithdrawCase(request, metadata=walk.as_agency(CITY))
    assert rpc_failure(refused.value).reason == "CASE_NOT_HANDLING_AGENCY"


async def test_a_unit_outside_the_callers_reach_is_not_found(cases, cases_service):
    request = case_service_pb2.CreateCaseRequest(
        case=case_pb2.Case(
            unit="units/lingbi-jiancai",
            source=case_pb2.CLUE_SOURCE_PETITION,
            violation_type="超标排放",
            legal_basis="《大气污染防治法》第九十九条",
            handling_officer_ids=["off-360823-01"],
        )
    )
    with pytest.raises(grpc.aio.AioRpcError) as hidden:
        await cases.CreateCase(request, metadata=cases_service.metadata("eeb-360823"))
    assert (rpc_failure(hidden.value).code, rpc_failure(hidden.value).reason) == (
        grpc.StatusCode.NOT_FOUND,
        "UNIT_NOT_FOUND",
    )


async def test_of_two_concurrent_steps_on_one_case_exactly_one_wins(walk, cases):
    case = await walk.create()
    await walk.approve("RegisterCase")
    case = await walk.step("RegisterCase")

    async def start() -> str:
        request = case_service_pb2.StartInvestigationRequest(name=case.name, etag=case.etag, details=details())
        try:
            await cases.StartInvestigation(request, metadata=walk.as_agency(COUNTY))
        except grpc.aio.AioRpcError as error:
            return rpc_failure(error).reason
        return "OK"

    outcomes = await asyncio.gather(*(start() for _ in range(5)))
    assert sorted(outcomes) == ["CASE_ETAG_MISMATCH"] * 4 + ["OK"]
    final = await cases.GetCase(case_service_pb2.GetCaseRequest(name=case.name), metadata=walk.as_agency(COUNTY))
    assert [s.step for s in final.case.timeline] == ["RegisterCase", "StartInvestigation"]


async def test_a_repeated_request_id_replays_and_a_reused_one_is_refused(walk, cases):
    first = await walk.create(request_id="create-1")
    again = await walk.create(request_id="create-1")
    assert again.name == first.name
    listed = await cases.ListCases(case_service_pb2.ListCasesRequest(), metadata=walk.as_agency(COUNTY))
    assert [c.name for c in listed.cases] == [first.name]
    other = case_service_pb2.CreateCaseRequest(
        case=case_pb2.Case(
            unit="units/lingbi-jiancai",
            source=case_pb2.CLUE_SOURCE_PETITION,
            violation_type="另一案 another case",
            legal_basis="《大气污染防治法》",
            handling_officer_ids=["off-341323-01"],
        ),
        request_id="create-1",
    )
    with pytest.raises(grpc.aio.AioRpcError) as reused:
        await cases.CreateCase(other, metadata=walk.as_agency(COUNTY))
    assert rpc_failure(reused.value).reason == "REQUEST_ID_REUSED"


async def test_paging_through_cases_returns_each_once(walk, cases):
    names = [(await walk.create()).name for _ in range(5)]
    seen, token = [], ""
    while True:
        page = await cases.ListCases(
            case_service_pb2.ListCasesRequest(page_size=2, page_token=token), metadata=walk.as_agency(COUNTY)
        )
        seen += [c.name for c in page.cases]
        token = page.next_page_token
        if not token:
            break
    assert seen == list(reversed(names))


@pytest.mark.parametrize("cases_settings", [{"approval_levels": []}])
async def test_200_concurrent_decisions_of_one_agency_get_numbers_1_to_200_once_each(backend, cases, cases_service):
    if backend != "postgres":
        pytest.skip("the concurrency of numbering is PostgreSQL's; SQLite serialises every write")
    walks = [CaseWalk(cases, cases_service) for _ in range(200)]
    for walk in walks:
        await walk.create()
        await walk.step("RegisterCase")
        await walk.step("StartInvestigation")
        await walk.step("RecordInvestigation", details=details("off-341323-01", "off-341323-02"))
        await walk.step("SubmitForLegalReview")
    decided = await asyncio.gather(
        *(
            walk.step("DecideCase", outcome=case_pb2.DECISION_OUTCOME_NO_PENALTY, no_penalty_ground="初次轻微并改正")
            for walk in walks
        )
    )
    numbers = sorted(case.documents[-1].number for case in decided)
    assert numbers == list(range(1, 201))
