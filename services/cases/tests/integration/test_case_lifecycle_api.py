"""A county case from clue to closed through a real cases server and a real alerts registry, on SQLite and
PostgreSQL (issue 12, items 1, 2, 4, 5): approvals one level up, two officers on an investigation, numbered
documents, deadlines on the fake clock's day, and refusals that write nothing."""

from __future__ import annotations

import grpc
import pytest

from ecolink.cases.v1 import case_pb2, case_service_pb2
from ecolink_cases.testing import CITY, COUNTY, COUNTY_OFFICERS, FINE_FEN, CaseWalk, details
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.rpc import rpc_failure


@pytest.fixture
def walk(cases, cases_service) -> CaseWalk:
    return CaseWalk(cases, cases_service)


async def test_a_county_case_runs_from_clue_to_closed_with_approvals_documents_and_deadlines(walk, cases, clock):
    case = await walk.create()
    assert (case.state, case.unit_display_name, case.region_code) == (
        case_pb2.CASE_STATE_CLUE,
        "灵璧县某新型建材有限公司",
        "341323",
    )
    await walk.approve("RegisterCase")
    case = await walk.step("RegisterCase")
    assert case.state == case_pb2.CASE_STATE_REGISTERED
    assert [d.display_number for d in case.documents] == ["灵环立字[2026]1号"]
    assert case.timeline[0].approval == case.approvals[0].name
    assert case.approvals[0].approver_agency_id == CITY
    await walk.step("StartInvestigation")
    case = await walk.step(
        "RecordInvestigation", details=details(*COUNTY_OFFICERS, on="2026-11-19", note="现场检查 kiln stack")
    )
    assert case.timeline[-1].officer_ids == list(COUNTY_OFFICERS)
    assert case.timeline[-1].occurred_on == "2026-11-19"
    await walk.step("SubmitForLegalReview")
    case = await walk.step("NotifyIntendedPenalty", intended_fine_fen=FINE_FEN)
    notice = case.documents[-1]
    assert notice.display_number == "灵环罚告字[2026]1号"
    await walk.approve("DecideCase")
    case = await walk.step("DecideCase", outcome=case_pb2.DECISION_OUTCOME_PENALTY, fine_fen=FINE_FEN)
    decision = case.documents[-1]
    assert (decision.display_number, list(decision.cites)) == ("灵环罚字[2026]1号", [notice.name])
    case = await walk.step(
        "RecordService", method=case_pb2.SERVICE_METHOD_PUBLIC_NOTICE, details=details(on="2026-11-20")
    )
    assert case.state == case_pb2.CASE_STATE_SERVED

    due = await cases.ListDueActions(
        case_service_pb2.ListDueActionsRequest(include_upcoming=True), metadata=walk.as_agency(COUNTY)
    )
    # Published 2026-11-20: deemed served 30 days later (Civil Procedure Law art. 95 as amended in 2021).
    assert [(a.action, a.from_date, a.until_date, a.status) for a in due.actions] == [
        ("deemed_served", "2026-12-20", "", "upcoming"),
        ("payment_due", "2026-12-20", "2027-01-04", "upcoming"),
    ]
    clock.set(clock.now().replace(year=2027, month=1, day=10))
    due = await cases.ListDueActions(case_service_pb2.ListDueActionsRequest(), metadata=walk.as_agency(COUNTY))
    assert [(a.action, a.until_date, a.status) for a in due.actions] == [("payment_due", "2027-01-04", "overdue")]
    assert "surcharge" in due.actions[0].description

    case = await walk.step("RecordPayment", amount_fen=FINE_FEN, details=details(on="2027-01-10"))
    assert (case.state, case.paid_fen) == (case_pb2.CASE_STATE_EXECUTING, FINE_FEN)
    case = await walk.step("CloseCase")
    assert case.state == case_pb2.CASE_STATE_CLOSED
    assert [step.step for step in case.timeline] == [
        "RegisterCase",
        "StartInvestigation",
        "RecordInvestigation",
        "SubmitForLegalReview",
        "NotifyIntendedPenalty",
        "DecideCase",
        "RecordService",
        "RecordPayment",
        "CloseCase",
    ]


async def test_a_step_out_of_order_is_refused_with_its_rule_and_writes_nothing(walk, cases_service, database_url):
    case = await walk.create()
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await walk.step("DecideCase", outcome=case_pb2.DECISION_OUTCOME_PENALTY, fine_fen=FINE_FEN)
    failure = rpc_failure(refused.value)
    assert (failure.code, failure.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "CASE_TRANSITION_NOT_ALLOWED")
    again = await walk.stub.GetCase(case_service_pb2.GetCaseRequest(name=case.name), metadata=walk.as_agency(COUNTY))
    assert (again.case.etag, list(again.case.timeline), list(again.case.documents)) == (case.etag, [], [])
    refusals = [r for r in await audit_rows(database_url) if r["action"] == "DecideCase"]
    assert [(r["outcome"], r["reason"]) for r in refusals] == [("FAILED_PRECONDITION", "CASE_TRANSITION_NOT_ALLOWED")]


async def test_registration_of_a_county_case_waits_for_the_city_and_uses_no_number_until_then(walk):
    await walk.create()
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await walk.step("RegisterCase")
    assert rpc_failure(refused.value).reason == "CASE_APPROVAL_MISSING"
    await walk.approve("RegisterCase")
    case = await walk.step("RegisterCase")
    assert [d.number for d in case.documents] == [1]


async def test_only_the_city_bureau_above_approves_and_never_a_handling_officer(walk, cases_service):
    case = await walk.create()
    approve = case_service_pb2.ApproveCaseStepRequest(
        name=case.name, step="RegisterCase", approver_officer_id="off-341323-03", opinion="同意"
    )
    with pytest.raises(grpc.aio.AioRpcError) as by_county:
        await walk.stub.ApproveCaseStep(approve, metadata=walk.as_agency(COUNTY))
    assert rpc_failure(by_county.value).reason == "CASE_APPROVER_NOT_ONE_LEVEL_UP"
    province = case_service_pb2.ApproveCaseStepRequest(
        name=case.name, step="RegisterCase", approver_officer_id="off-340000-01", opinion="同意"
    )
    with pytest.raises(grpc.aio.AioRpcError) as by_province:
        await walk.stub.ApproveCaseStep(province, metadata=walk.as_agency("eeb-340000"))
    assert rpc_failure(by_province.value).reason == "CASE_APPROVER_NOT_ONE_LEVEL_UP"
    foreign_officer = case_service_pb2.ApproveCaseStepRequest(
        name=case.name, step="RegisterCase", approver_officer_id="off-341323-01", opinion="同意"
    )
    with pytest.raises(grpc.aio.AioRpcError) as not_theirs:
        await walk.stub.ApproveCaseStep(foreign_officer, metadata=walk.as_agency(CITY))
    assert rpc_failure(not_theirs.value).fields == ["approver_officer_id[0]"]


async def test_an_investigation_record_needs_two_officers_of_the_handling_agency(walk):
    await walk.create()
    await walk.approve("RegisterCase")
    await walk.step("RegisterCase")
    await walk.step("StartInvestigation")
    with pytest.raises(grpc.aio.AioRpcError) as alone:
        await walk.step("RecordInvestigation", details=details(COUNTY_OFFICERS[0]))
    assert rpc_failure(alone.value).reason == "CASE_OFFICERS_TOO_FEW"
    with pytest.raises(grpc.aio.AioRpcError) as stranger:
        await walk.step("RecordInvestigation", details=details(COUNTY_OFFICERS[0], "off-341300-02"))
    assert rpc_failure(stranger.value).fields == ["details.officer_ids[1]"]
    case = await walk.step("RecordInvestigation", details=details(*COUNTY_OFFICERS))
    assert case.documents[-1].display_number == "灵环检字[2026]1号"


async def test_a_no_penalty_decision_needs_its_ground_and_no_notice(walk):
    await walk.to_legal_review()
    await walk.approve("DecideCase")
    with pytest.raises(grpc.aio.AioRpcError) as groundless:
        await walk.step("DecideCase", outcome=case_pb2.DECISION_OUTCOME_NO_PENALTY)
    assert rpc_failure(groundless.value).fields == ["no_penalty_ground"]
    case = await walk.step(
        "DecideCase",
        outcome=case_pb2.DECISION_OUTCOME_NO_PENALTY,
        no_penalty_ground="初次违法且危害后果轻微并及时改正 first minor violation, corrected",
    )
    assert (case.outcome, case.documents[-1].display_number) == (
        case_pb2.DECISION_OUTCOME_NO_PENALTY,
        "灵环不罚字[2026]1号",
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"fine_fen": -1}, "fine_fen"),
        ({"fine_fen": 0}, "fine_fen"),
        ({"fine_fen": 1_000_000_001}, "fine_fen"),
        ({"fine_fen": 100, "details": details(on="2026-11-21")}, "details.occurred_on"),
        ({"fine_fen": 100, "details": details(on="2026-13-01")}, "details.occurred_on"),
        ({"fine_fen": 100, "details": details("Officer 1")}, "details.officer_ids[0]"),
        ({"fine_fen": 100, "outcome": case_pb2.DECISION_OUTCOME_UNSPECIFIED}, "outcome"),
    ],
)
async def test_bad_figures_and_days_name_their_field(walk, fields, field):
    await walk.to_legal_review()
    await walk.step("NotifyIntendedPenalty", intended_fine_fen=100)
    fields.setdefault("outcome", case_pb2.DECISION_OUTCOME_PENALTY)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await walk.step("DecideCase", **fields)
    failure = rpc_failure(refused.value)
    assert (failure.code, failure.fields) == (grpc.StatusCode.INVALID_ARGUMENT, [field])


async def test_a_payment_above_what_is_owed_is_refused(walk):
    await walk.to_decided(fine_fen=1000)
    await walk.step("RecordService", method=case_pb2.SERVICE_METHOD_DIRECT)
    await walk.step("RecordPayment", amount_fen=600)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await walk.step("RecordPayment", amount_fen=600)
    assert rpc_failure(refused.value).reason == "CASE_PAYMENT_EXCEEDS_OWED"
    with pytest.raises(grpc.aio.AioRpcError) as unpaid:
        await walk.step("CloseCase")
    assert rpc_failure(unpaid.value).reason == "CASE_FINE_UNPAID"
