"""Alert → case (issue 12 item 7), through real servers on SQLite and PostgreSQL: a case opened from a Lingbi alert
keeps the alert's rule and evidence-window hash as read, the same alert never becomes two cases, and the alerts
service learns the case from the cases outbox, delivered by a real Celery worker acting for the handling agency."""

from __future__ import annotations

import asyncio
import uuid

import grpc
import pytest

from ecolink.alerts.v1 import alert_service_pb2, alert_service_pb2_grpc
from ecolink.cases.v1 import case_pb2, case_service_pb2
from ecolink_alerts.testing import raise_lingbi_alerts
from ecolink_cases.adapters.alerts_client import evidence_window_sha256
from ecolink_cases.testing import CITY, COUNTY, CaseWalk
from ecolink_common.celery_app import RELAY_OUTBOX, make_celery
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.rpc import rpc_failure
from ecolink_common.testing.worker import running_worker, task_result

RESULT_TIMEOUT_SECONDS = 60


@pytest.fixture
async def lingbi_alerts(alerts_beside) -> dict[str, str]:
    return await raise_lingbi_alerts(alerts_beside)


async def alert_as(alerts_service, name: str, agency: str = COUNTY):
    async with stubs(alerts_service, alert_service_pb2_grpc.AlertServiceStub) as stub:
        response = await stub.GetAlert(
            alert_service_pb2.GetAlertRequest(name=name), metadata=alerts_service.metadata(agency)
        )
    return response.alert


async def test_a_case_from_an_alert_keeps_its_rule_and_evidence_hash(
    cases, cases_service, alerts_beside, lingbi_alerts
):
    c4 = lingbi_alerts["C4"]
    case = await CaseWalk(cases, cases_service).create(alert=c4)
    read = await alert_as(alerts_beside, c4)
    assert (case.source, case.source_ref) == (case_pb2.CLUE_SOURCE_MONITORING_ALERT, c4)
    assert case.alert_provenance == case_pb2.AlertProvenance(
        alert=c4, rule="C4", evidence_sha256=evidence_window_sha256(read)
    )
    assert len(read.evidence) > 0 and read.case == ""
    fetched = await cases.GetCase(
        case_service_pb2.GetCaseRequest(name=case.name), metadata=cases_service.metadata(COUNTY)
    )
    assert fetched.case.alert_provenance == case.alert_provenance


async def test_promoting_the_same_alert_again_returns_its_case(cases, cases_service, lingbi_alerts):
    e1 = lingbi_alerts["E1"]
    first = await CaseWalk(cases, cases_service).create(alert=e1)
    again = await CaseWalk(cases, cases_service).create(alert=e1, request_id="other-request")
    by_city = await CaseWalk(cases, cases_service).create(alert=e1, agency=CITY)
    assert again.name == first.name == by_city.name
    listed = await cases.ListCases(case_service_pb2.ListCasesRequest(), metadata=cases_service.metadata(COUNTY))
    assert [case.name for case in listed.cases] == [first.name]


async def test_concurrent_promotions_of_one_alert_make_one_case(cases, cases_service, lingbi_alerts):
    c4 = lingbi_alerts["C4"]
    made = await asyncio.gather(*(CaseWalk(cases, cases_service).create(alert=c4) for _ in range(5)))
    assert len({case.name for case in made}) == 1


async def test_the_county_promoting_an_alert_its_city_took_up_gets_the_citys_case(
    cases, cases_service, database_url, lingbi_alerts
):
    e1 = lingbi_alerts["E1"]
    by_city = await CaseWalk(cases, cases_service).create(alert=e1, agency=CITY)
    by_county = await CaseWalk(cases, cases_service).create(alert=e1)
    assert (by_county.name, by_county.handling_agency_id) == (by_city.name, CITY)
    read = [row for row in await audit_rows(database_url) if row["action"] == "CreateCase"]
    assert [(row["actor_agency_id"], row["outcome"]) for row in read] == [(CITY, "OK"), (COUNTY, "ALLOWED")]


async def test_an_unknown_alert_or_one_of_another_unit_is_refused_and_writes_nothing(
    cases, cases_service, lingbi_alerts
):
    unknown = f"alerts/{uuid.uuid4()}"
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await CaseWalk(cases, cases_service).create(alert=unknown)
    failure = rpc_failure(raised.value)
    assert (failure.code, failure.reason) == (grpc.StatusCode.NOT_FOUND, "ALERT_NOT_FOUND")
    assert unknown in failure.message
    request = case_service_pb2.CreateCaseRequest(
        case=case_pb2.Case(
            unit="units/suzhou-power",
            source=case_pb2.CLUE_SOURCE_MONITORING_ALERT,
            source_ref=lingbi_alerts["C4"],
            violation_type="超标排放 exceedance",
            legal_basis="《中华人民共和国大气污染防治法》第九十九条",
            handling_officer_ids=["off-341323-01"],
        )
    )
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await cases.CreateCase(request, metadata=cases_service.metadata(COUNTY))
    failure = rpc_failure(raised.value)
    assert (failure.code, failure.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "CASE_ALERT_OF_ANOTHER_UNIT")
    listed = await cases.ListCases(case_service_pb2.ListCasesRequest(), metadata=cases_service.metadata(COUNTY))
    assert list(listed.cases) == []


async def test_the_worker_tells_the_alerts_service_the_case_acting_for_the_handling_agency(
    cases, cases_service, alerts_beside, alerts_database_url, database_url, platform, lingbi_alerts
):
    c4 = lingbi_alerts["C4"]
    case = await CaseWalk(cases, cases_service).create(alert=c4)
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {
        "ECOLINK_VAR_DIR": str(platform.var_dir),
        "CASES_DATABASE_URL": database_url,
        "CASES_ALERTS_TARGET": alerts_beside.target,
    }
    client = make_celery("ecolink-test-client", platform, include=[])
    with running_worker(env, queue=queue):
        runs = [
            await task_result(client, RELAY_OUTBOX, queue=queue, timeout=RESULT_TIMEOUT_SECONDS, service="cases")
            for _ in range(2)
        ]
    assert [run["deliveries"] for run in runs] == [1, 0]
    assert (await alert_as(alerts_beside, c4)).case == case.name
    recorded = [row for row in await audit_rows(alerts_database_url) if row["action"] == "RecordAlertCase"]
    assert [(row["actor_agency_id"], row["outcome"], row["details"]["acting_service"]) for row in recorded] == [
        (COUNTY, "ALLOWED", "service:cases"),
        (COUNTY, "OK", "service:cases"),
    ]
    called = [row for row in await audit_rows(database_url) if row["action"].endswith("/RecordAlertCase")]
    assert [(row["actor_agency_id"], row["outcome"], row["details"]["acting_service"]) for row in called] == [
        (COUNTY, "OK", "service:cases")
    ]


async def test_only_the_cases_service_records_an_alerts_case(alerts_beside, alerts_database_url, lingbi_alerts):
    async with stubs(alerts_beside, alert_service_pb2_grpc.AlertServiceStub) as alerts:
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await alerts.RecordAlertCase(
                alert_service_pb2.RecordAlertCaseRequest(name=lingbi_alerts["C4"], case="cases/1"),
                metadata=alerts_beside.metadata(COUNTY),
            )
    failure = rpc_failure(raised.value)
    assert (failure.code, failure.reason) == (grpc.StatusCode.PERMISSION_DENIED, "ALERT_CASE_BY_CASES_SERVICE_ONLY")
    refused = [row for row in await audit_rows(alerts_database_url) if row["action"] == "RecordAlertCase"]
    assert [(row["actor_agency_id"], row["outcome"]) for row in refused] == [(COUNTY, "PERMISSION_DENIED")]
