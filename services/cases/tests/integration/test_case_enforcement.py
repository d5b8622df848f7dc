"""From an unpaid fine to the court (issue 12 item 5, DOMAIN §3.3): the Wengniute timeline through the API on the
fake clock — decision served by newspaper notice 2021-02-09, reminder dated 2021-10-22 and published 2021-10-27,
deemed served 2021-12-26, the court asked from 2022-01-06 — with each refusal before its day."""

from __future__ import annotations

from datetime import UTC, datetime

import grpc
import pytest

from ecolink.cases.v1 import case_pb2, case_service_pb2
from ecolink_cases.testing import COUNTY, CaseWalk, details
from ecolink_common.testing.rpc import rpc_failure

WENGNIUTE_FINE_FEN = 220_000_00


def china_noon(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T04:00:00+00:00").astimezone(UTC)


@pytest.fixture
def walk(cases, cases_service) -> CaseWalk:
    return CaseWalk(cases, cases_service)


async def refused_reason(walk: CaseWalk, rpc: str, **fields: object) -> str:
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await walk.step(rpc, **fields)
    return rpc_failure(refused.value).reason


async def test_the_wengniute_fine_goes_from_reminder_to_court_on_the_days_the_law_gives(walk, cases, clock):
    clock.set(china_noon("2021-02-01"))
    await walk.to_decided(fine_fen=WENGNIUTE_FINE_FEN)
    clock.set(china_noon("2021-02-09"))
    await walk.step("RecordService", method=case_pb2.SERVICE_METHOD_PUBLIC_NOTICE, details=details(on="2021-02-09"))
    clock.set(china_noon("2021-10-22"))
    assert await refused_reason(walk, "IssuePaymentReminder", details=details(on="2021-10-10")) == (
        "CASE_REMINDER_TOO_EARLY"
    )
    case = await walk.step("IssuePaymentReminder", details=details(on="2021-10-22"))
    reminder = case.documents[-1]
    decision = next(d for d in case.documents if d.kind == case_pb2.DOCUMENT_KIND_PENALTY_DECISION)
    assert (reminder.display_number, list(reminder.cites)) == ("灵环催告字[2021]1号", [decision.name])
    assert await refused_reason(walk, "ApplyToCourt") == "CASE_REMINDER_NOT_SERVED"
    clock.set(china_noon("2021-10-27"))
    await walk.step(
        "RecordReminderService", method=case_pb2.SERVICE_METHOD_PUBLIC_NOTICE, details=details(on="2021-10-27")
    )
    clock.set(china_noon("2021-12-01"))
    due = await cases.ListDueActions(
        case_service_pb2.ListDueActionsRequest(include_upcoming=True), metadata=walk.as_agency(COUNTY)
    )
    assert ("reminder_deemed_served", "2021-12-26") in [(a.action, a.from_date) for a in due.actions]

    clock.set(china_noon("2022-01-05"))
    assert await refused_reason(walk, "ApplyToCourt") == "CASE_COURT_APPLICATION_OUTSIDE_WINDOW"
    clock.set(china_noon("2022-01-06"))
    due = await cases.ListDueActions(case_service_pb2.ListDueActionsRequest(), metadata=walk.as_agency(COUNTY))
    court = [a for a in due.actions if a.action == "court_application"]
    assert [(a.from_date, a.status) for a in court] == [("2022-01-06", "due")]
    case = await walk.step("ApplyToCourt")
    assert case.documents[-1].display_number == "灵环执申字[2022]1号"
    assert case.state == case_pb2.CASE_STATE_SERVED
    case = await walk.step("CloseCase")
    assert case.state == case_pb2.CASE_STATE_CLOSED


async def test_a_paid_fine_has_nothing_to_enforce(walk):
    await walk.to_decided(fine_fen=1000)
    await walk.step("RecordService", method=case_pb2.SERVICE_METHOD_DIRECT)
    await walk.step("RecordPayment", amount_fen=1000)
    assert await refused_reason(walk, "IssuePaymentReminder") == "CASE_NOTHING_TO_ENFORCE"
