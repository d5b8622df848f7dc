"""Supporting measures (issue 12 item 6) through the API on SQLite and PostgreSQL: sealing for its legal period
with one extension and a numbered sealing decision, the daily continuous penalty counted from the day after the
correction order's service to the re-inspection, and the detention hand-off; each refusal names its rule and
writes nothing."""

from __future__ import annotations

import grpc
import pytest

from ecolink.cases.v1 import case_pb2, case_service_pb2
from ecolink_cases.testing import COUNTY, CaseWalk, details
from ecolink_common.testing.rpc import rpc_failure

FINE_FEN = 100_000_00


async def refused(call) -> tuple[grpc.StatusCode, str]:
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await call
    failure = rpc_failure(raised.value)
    return failure.code, failure.reason


async def registered(walk: CaseWalk) -> case_pb2.Case:
    await walk.create()
    await walk.approve("RegisterCase")
    return await walk.step("RegisterCase", details=details(on="2026-10-30"))


async def test_a_sealing_runs_its_legal_days_is_extended_once_and_lifted(cases, cases_service):
    walk = CaseWalk(cases, cases_service)
    await registered(walk)
    sealed = await walk.step("OrderSealing", details=details(on="2026-11-01", note="脱硫设施 desulfurisation unit"))
    assert (sealed.state, sealed.measures.sealing_days, sealed.measures.sealing_until) == (
        case_pb2.CASE_STATE_REGISTERED,
        30,
        "2026-12-01",
    )
    sealing_decision = sealed.documents[-1]
    assert sealing_decision.kind == case_pb2.DOCUMENT_KIND_SEALING_DECISION
    assert sealing_decision.display_number == "灵环封字[2026]1号"
    assert await refused(walk.step("OrderSealing")) == (grpc.StatusCode.FAILED_PRECONDITION, "CASE_SEALING_ACTIVE")
    assert await refused(walk.step("ExtendSealing", extension_days=31)) == (
        grpc.StatusCode.FAILED_PRECONDITION,
        "CASE_MEASURE_TOO_LONG",
    )
    extended = await walk.step("ExtendSealing", extension_days=30)
    assert extended.measures.sealing_until == "2026-12-31"
    assert await refused(walk.step("ExtendSealing", extension_days=5)) == (
        grpc.StatusCode.FAILED_PRECONDITION,
        "CASE_SEALING_ALREADY_EXTENDED",
    )
    due = await cases.ListDueActions(
        case_service_pb2.ListDueActionsRequest(as_of="2026-12-10", include_upcoming=True),
        metadata=cases_service.metadata(COUNTY),
    )
    assert [(a.action, a.from_date, a.status) for a in due.actions] == [("sealing_ends", "2026-12-31", "upcoming")]
    lifted = await walk.step("LiftSealing")
    assert lifted.measures.sealing_lifted_on == "2026-11-20"
    assert [document.kind for document in lifted.documents].count(case_pb2.DOCUMENT_KIND_SEALING_DECISION) == 1
    assert [step.step for step in lifted.timeline][-3:] == ["OrderSealing", "ExtendSealing", "LiftSealing"]


async def test_a_sealing_longer_than_the_law_allows_is_refused_and_uses_no_number(cases, cases_service):
    walk = CaseWalk(cases, cases_service)
    await registered(walk)
    assert await refused(walk.step("OrderSealing", days=31)) == (
        grpc.StatusCode.FAILED_PRECONDITION,
        "CASE_MEASURE_TOO_LONG",
    )
    assert await refused(walk.step("OrderSealing", days=-1)) == (grpc.StatusCode.INVALID_ARGUMENT, "INVALID_ARGUMENT")
    sealed = await walk.step("OrderSealing", days=10)
    assert sealed.documents[-1].number == 1 and sealed.measures.sealing_until == "2026-11-30"


async def test_a_daily_penalty_counts_from_the_day_after_the_order_to_the_reinspection(cases, cases_service):
    walk = CaseWalk(cases, cases_service)
    await walk.to_decided(fine_fen=FINE_FEN)
    await walk.step("OrderCorrection", details=details(on="2026-11-01"))
    assert await refused(walk.step("RecordReinspection", details=details(on="2026-11-01"))) == (
        grpc.StatusCode.FAILED_PRECONDITION,
        "CASE_REINSPECTION_BEFORE_ORDER",
    )
    due = await cases.ListDueActions(
        case_service_pb2.ListDueActionsRequest(as_of="2026-11-20"), metadata=cases_service.metadata(COUNTY)
    )
    assert ("reinspection_due", "2026-12-01", "due") in [(a.action, a.until_date, a.status) for a in due.actions]
    reinspected = await walk.step(
        "RecordReinspection", still_unmet=True, details=details(*walk.case.handling_officer_ids, on="2026-11-12")
    )
    assert (reinspected.measures.daily_penalty_days, reinspected.measures.daily_penalty_fen) == (11, 11 * FINE_FEN)
    assert reinspected.state == case_pb2.CASE_STATE_DECIDED


async def test_a_late_reinspection_or_one_without_a_penalty_is_refused(cases, cases_service):
    walk = CaseWalk(cases, cases_service)
    await walk.to_legal_review()
    assert await refused(walk.step("OrderCorrection")) == (
        grpc.StatusCode.FAILED_PRECONDITION,
        "CASE_TRANSITION_NOT_ALLOWED",
    )
    await walk.step("NotifyIntendedPenalty", intended_fine_fen=FINE_FEN)
    await walk.approve("DecideCase")
    await walk.step("DecideCase", outcome=case_pb2.DECISION_OUTCOME_PENALTY, fine_fen=FINE_FEN)
    await walk.step("OrderCorrection", details=details(on="2026-10-01"))
    code, reason = await refused(walk.step("RecordReinspection", still_unmet=True, details=details(on="2026-11-15")))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "CASE_REINSPECTION_LATE")
    fetched = await cases.GetCase(
        case_service_pb2.GetCaseRequest(name=walk.name), metadata=cases_service.metadata(COUNTY)
    )
    assert fetched.case.measures.daily_penalty_days == 0 and fetched.case.timeline[-1].step == "OrderCorrection"


async def test_a_case_is_handed_to_a_police_agency_for_detention_once(cases, cases_service):
    walk = CaseWalk(cases, cases_service)
    await registered(walk)
    assert await refused(walk.step("HandOffForDetention", police_agency_id="eeb-341300")) == (
        grpc.StatusCode.INVALID_ARGUMENT,
        "INVALID_ARGUMENT",
    )
    handed = await walk.step("HandOffForDetention", police_agency_id="psb-341300", details=details(note="第六十三条"))
    assert (handed.measures.detention_police_agency_id, handed.measures.detention_handed_off_on) == (
        "psb-341300",
        "2026-11-20",
    )
    assert await refused(walk.step("HandOffForDetention", police_agency_id="psb-341300")) == (
        grpc.StatusCode.FAILED_PRECONDITION,
        "CASE_DETENTION_ALREADY_HANDED_OFF",
    )
