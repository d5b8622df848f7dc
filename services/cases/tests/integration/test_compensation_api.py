"""Ecological damage compensation cases (DOMAIN §3.5, issue 12 item 8) through a real cases server on SQLite and
PostgreSQL: opened from a registered penalty case ("double case") and linked both ways, steps in order, a step out of
order refused with its states and nothing written, a joint consultation recorded on each case joined, and the
visibility rule of the penalty case (NOT_FOUND for another province, audited; the city above reads only)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import grpc
import pytest

from ecolink.cases.v1 import case_service_pb2, compensation_pb2, compensation_service_pb2, compensation_service_pb2_grpc
from ecolink_cases.testing import CITY, COUNTY, CaseWalk, details
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.rpc import rpc_failure

DAMAGE_FEN = 860_000_00
AGREED_FEN = 800_000_00
OTHER_PROVINCE = "eeb-360800"


@pytest.fixture
async def compensation(cases_service) -> AsyncIterator[compensation_service_pb2_grpc.CompensationServiceStub]:
    async with stubs(cases_service, compensation_service_pb2_grpc.CompensationServiceStub) as stub:
        yield stub


@pytest.fixture
def walk(cases, cases_service) -> CaseWalk:
    return CaseWalk(cases, cases_service)


async def registered_penalty_case(walk: CaseWalk) -> str:
    await walk.create()
    await walk.approve("RegisterCase")
    return (await walk.step("RegisterCase")).name


async def opened(compensation, walk: CaseWalk, request_id: str = "") -> compensation_pb2.CompensationCase:
    request = compensation_service_pb2.OpenCompensationCaseRequest(
        penalty_case=await registered_penalty_case(walk), request_id=request_id
    )
    response = await compensation.OpenCompensationCase(request, metadata=walk.as_agency(COUNTY))
    return response.compensation_case


async def step(
    compensation, walk: CaseWalk, case: compensation_pb2.CompensationCase, rpc: str, /, **fields: object
) -> compensation_pb2.CompensationCase:
    fields.setdefault("details", details())
    request = getattr(compensation_service_pb2, f"{rpc}Request")(name=case.name, etag=case.etag, **fields)
    return (await getattr(compensation, rpc)(request, metadata=walk.as_agency(COUNTY))).compensation_case


async def appraised(compensation, walk: CaseWalk) -> compensation_pb2.CompensationCase:
    case = await opened(compensation, walk)
    case = await step(compensation, walk, case, "StartCompensationInvestigation")
    return await step(
        compensation,
        walk,
        case,
        "RecordAppraisal",
        appraised_damage_fen=DAMAGE_FEN,
        appraisal_body="安徽省环境科学研究院",
    )


async def test_a_compensation_case_runs_from_its_penalty_case_to_closed_and_both_name_each_other(
    walk, cases, compensation
):
    case = await opened(compensation, walk, request_id="open-1")
    assert (case.state, case.penalty_case, case.handling_agency_id, case.region_code) == (
        compensation_pb2.COMPENSATION_STATE_CLUE_SCREENING,
        walk.name,
        COUNTY,
        "341323",
    )
    again = await compensation.OpenCompensationCase(
        compensation_service_pb2.OpenCompensationCaseRequest(penalty_case=walk.name), metadata=walk.as_agency(COUNTY)
    )
    assert again.compensation_case.name == case.name
    penalty = await cases.GetCase(case_service_pb2.GetCaseRequest(name=walk.name), metadata=walk.as_agency(COUNTY))
    assert penalty.case.compensation_case == case.name
    listed = await cases.ListCases(case_service_pb2.ListCasesRequest(), metadata=walk.as_agency(COUNTY))
    assert [c.compensation_case for c in listed.cases] == [case.name]

    case = await step(compensation, walk, case, "StartCompensationInvestigation")
    case = await step(
        compensation, walk, case, "RecordAppraisal", appraised_damage_fen=DAMAGE_FEN, appraisal_body="省环科院"
    )
    case = await step(compensation, walk, case, "RecordConsultation", parties=["灵璧县某新型建材有限公司", COUNTY])
    case = await step(
        compensation,
        walk,
        case,
        "ConcludeAgreement",
        agreed_amount_fen=AGREED_FEN,
        remedy=compensation_pb2.COMPENSATION_REMEDY_PAYMENT,
    )
    case = await step(compensation, walk, case, "RecordCompensationPayment", amount_fen=AGREED_FEN - 100)
    assert (case.state, case.paid_fen) == (compensation_pb2.COMPENSATION_STATE_AGREED, AGREED_FEN - 100)
    case = await step(compensation, walk, case, "RecordCompensationPayment", amount_fen=100)
    assert case.state == compensation_pb2.COMPENSATION_STATE_PERFORMED
    case = await step(compensation, walk, case, "CloseCompensationCase")
    assert (case.state, case.appraised_damage_fen, case.agreed_amount_fen) == (
        compensation_pb2.COMPENSATION_STATE_CLOSED,
        DAMAGE_FEN,
        AGREED_FEN,
    )
    assert [(c.round, list(c.joined_cases)) for c in case.consultations] == [(1, [])]
    assert [s.step for s in case.timeline] == [
        "StartCompensationInvestigation",
        "RecordAppraisal",
        "RecordConsultation",
        "ConcludeAgreement",
        "RecordCompensationPayment",
        "RecordCompensationPayment",
        "CloseCompensationCase",
    ]
    replayed = await opened_again(compensation, walk, "open-1")
    assert replayed.name == case.name


async def opened_again(compensation, walk: CaseWalk, request_id: str) -> compensation_pb2.CompensationCase:
    """The same OpenCompensationCase request, replayed by its id."""
    request = compensation_service_pb2.OpenCompensationCaseRequest(penalty_case=walk.name, request_id=request_id)
    return (await compensation.OpenCompensationCase(request, metadata=walk.as_agency(COUNTY))).compensation_case


async def test_a_step_out_of_order_is_refused_with_its_states_and_writes_nothing(walk, compensation, database_url):
    case = await opened(compensation, walk)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await step(
            compensation,
            walk,
            case,
            "ConcludeAgreement",
            agreed_amount_fen=AGREED_FEN,
            remedy=compensation_pb2.COMPENSATION_REMEDY_RESTORATION,
            restoration_plan="补植复绿 replanting",
        )
    failure = rpc_failure(refused.value)
    assert (failure.code, failure.reason) == (
        grpc.StatusCode.FAILED_PRECONDITION,
        "COMPENSATION_TRANSITION_NOT_ALLOWED",
    )
    assert (failure.metadata["from_state"], failure.metadata["to_state"]) == ("clue_screening", "agreed")
    again = await compensation.GetCompensationCase(
        compensation_service_pb2.GetCompensationCaseRequest(name=case.name), metadata=walk.as_agency(COUNTY)
    )
    assert (again.compensation_case.etag, list(again.compensation_case.timeline)) == (case.etag, [])
    rows = [r for r in await audit_rows(database_url) if r["action"] == "ConcludeAgreement"]
    assert [(r["outcome"], r["reason"]) for r in rows] == [
        ("FAILED_PRECONDITION", "COMPENSATION_TRANSITION_NOT_ALLOWED")
    ]


async def test_a_consultation_joining_another_compensation_case_is_recorded_on_both(cases, cases_service, compensation):
    first_walk, second_walk = CaseWalk(cases, cases_service), CaseWalk(cases, cases_service)
    first = await appraised(compensation, first_walk)
    second = await appraised(compensation, second_walk)
    first = await step(
        compensation, first_walk, first, "RecordConsultation", parties=["建材公司"], joined_cases=[second.name]
    )
    assert [(c.round, list(c.joined_cases)) for c in first.consultations] == [(1, [second.name])]
    seen = await compensation.GetCompensationCase(
        compensation_service_pb2.GetCompensationCaseRequest(name=second.name), metadata=first_walk.as_agency(COUNTY)
    )
    joined = seen.compensation_case
    assert joined.state == compensation_pb2.COMPENSATION_STATE_CONSULTING
    assert [(c.round, list(c.joined_cases), list(c.parties)) for c in joined.consultations] == [
        (1, [first.name], ["建材公司"])
    ]
    assert joined.etag != second.etag


async def test_a_joint_round_with_a_case_not_yet_appraised_is_refused_and_writes_on_neither(
    cases, cases_service, compensation
):
    first_walk, second_walk = CaseWalk(cases, cases_service), CaseWalk(cases, cases_service)
    first = await appraised(compensation, first_walk)
    second = await opened(compensation, second_walk)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await step(compensation, first_walk, first, "RecordConsultation", parties=["甲"], joined_cases=[second.name])
    failure = rpc_failure(refused.value)
    assert (failure.reason, failure.metadata["compensation_case"]) == (
        "COMPENSATION_TRANSITION_NOT_ALLOWED",
        second.name,
    )
    for case in (first, second):
        seen = await compensation.GetCompensationCase(
            compensation_service_pb2.GetCompensationCaseRequest(name=case.name), metadata=first_walk.as_agency(COUNTY)
        )
        assert seen.compensation_case.etag == case.etag


async def test_another_province_gets_not_found_audited_and_the_city_above_reads_but_does_not_act(
    walk, compensation, database_url
):
    case = await opened(compensation, walk)
    get = compensation_service_pb2.GetCompensationCaseRequest(name=case.name)
    with pytest.raises(grpc.aio.AioRpcError) as hidden:
        await compensation.GetCompensationCase(get, metadata=walk.as_agency(OTHER_PROVINCE))
    assert rpc_failure(hidden.value).code == grpc.StatusCode.NOT_FOUND
    rows = [r for r in await audit_rows(database_url) if r["actor_agency_id"] == OTHER_PROVINCE]
    assert [(r["action"], r["resource"], r["outcome"]) for r in rows] == [
        ("GetCompensationCase", case.name, "NOT_FOUND")
    ]
    listed = await compensation.ListCompensationCases(
        compensation_service_pb2.ListCompensationCasesRequest(), metadata=walk.as_agency(OTHER_PROVINCE)
    )
    assert list(listed.compensation_cases) == []
    with pytest.raises(grpc.aio.AioRpcError) as not_theirs:
        await compensation.OpenCompensationCase(
            compensation_service_pb2.OpenCompensationCaseRequest(penalty_case=walk.name),
            metadata=walk.as_agency(OTHER_PROVINCE),
        )
    assert rpc_failure(not_theirs.value).code == grpc.StatusCode.NOT_FOUND

    seen = await compensation.GetCompensationCase(get, metadata=walk.as_agency(CITY))
    assert seen.compensation_case.name == case.name
    listed = await compensation.ListCompensationCases(
        compensation_service_pb2.ListCompensationCasesRequest(), metadata=walk.as_agency(CITY)
    )
    assert [c.name for c in listed.compensation_cases] == [case.name]
    start = compensation_service_pb2.StartCompensationInvestigationRequest(
        name=case.name, details=details("off-341300-02")
    )
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await compensation.StartCompensationInvestigation(start, metadata=walk.as_agency(CITY))
    assert rpc_failure(refused.value).reason == "CASE_NOT_HANDLING_AGENCY"


async def test_a_penalty_case_still_a_clue_opens_no_compensation_case(walk, compensation):
    clue = await walk.create()
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await compensation.OpenCompensationCase(
            compensation_service_pb2.OpenCompensationCaseRequest(penalty_case=clue.name),
            metadata=walk.as_agency(COUNTY),
        )
    failure = rpc_failure(refused.value)
    assert (failure.code, failure.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "COMPENSATION_PENALTY_CASE_NOT_OPEN")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"appraised_damage_fen": -1}, "appraised_damage_fen"),
        ({"appraised_damage_fen": 0}, "appraised_damage_fen"),
        ({"appraised_damage_fen": 1_000_000_000_001}, "appraised_damage_fen"),
        ({"appraisal_body": ""}, "appraisal_body"),
    ],
)
async def test_bad_appraisals_name_their_field(walk, compensation, fields, field):
    case = await opened(compensation, walk)
    case = await step(compensation, walk, case, "StartCompensationInvestigation")
    fields = {"appraised_damage_fen": DAMAGE_FEN, "appraisal_body": "省环科院", **fields}
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await step(compensation, walk, case, "RecordAppraisal", **fields)
    failure = rpc_failure(refused.value)
    assert (failure.code, failure.fields) == (grpc.StatusCode.INVALID_ARGUMENT, [field])


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"parties": []}, "parties"),
        ({"joined_cases": ["cases/1"]}, "joined_cases[0]"),
        ({"joined_cases": ["self"]}, "joined_cases[0]"),
    ],
)
async def test_bad_consultations_name_their_field(walk, compensation, fields, field):
    case = await appraised(compensation, walk)
    fields = {"parties": ["甲"], **fields}
    if fields.get("joined_cases") == ["self"]:
        fields["joined_cases"] = [case.name]
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await step(compensation, walk, case, "RecordConsultation", **fields)
    assert rpc_failure(refused.value).fields == [field]


async def test_concurrent_opens_of_one_penalty_case_give_one_compensation_case(walk, compensation):
    penalty_case = await registered_penalty_case(walk)
    request = compensation_service_pb2.OpenCompensationCaseRequest(penalty_case=penalty_case)
    opened_cases = await asyncio.gather(
        *(compensation.OpenCompensationCase(request, metadata=walk.as_agency(COUNTY)) for _ in range(5))
    )
    assert len({response.compensation_case.name for response in opened_cases}) == 1
    listed = await compensation.ListCompensationCases(
        compensation_service_pb2.ListCompensationCasesRequest(), metadata=walk.as_agency(COUNTY)
    )
    assert len(listed.compensation_cases) == 1


async def test_a_step_repeated_with_its_request_id_replays_the_first_result(walk, compensation):
    case = await opened(compensation, walk)
    first = await step(compensation, walk, case, "StartCompensationInvestigation", details=details(request_id="s-1"))
    again = await step(compensation, walk, case, "StartCompensationInvestigation", details=details(request_id="s-1"))
    assert (again.etag, len(again.timeline)) == (first.etag, 1)
