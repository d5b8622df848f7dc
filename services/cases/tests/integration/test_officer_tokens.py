"""Steps attributed to the officer a token names (issue 12 item 2, `sub` = officer) through the API on SQLite and
PostgreSQL: his steps record him, his approval is his own, and a token naming an officer of another agency is
refused."""

from __future__ import annotations

import grpc
import pytest

from ecolink.cases.v1 import case_service_pb2
from ecolink_cases.testing import CITY, CITY_OFFICER, COUNTY, COUNTY_OFFICERS, CaseWalk
from ecolink_common.testing.rpc import rpc_failure


async def test_an_officers_token_takes_and_approves_steps_as_himself(cases, cases_service):
    walk = CaseWalk(cases, cases_service)
    await walk.create()
    city_officer = cases_service.metadata(CITY, officer_id=CITY_OFFICER)
    approve = case_service_pb2.ApproveCaseStepRequest(name=walk.name, step="RegisterCase", opinion="同意")
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await cases.ApproveCaseStep(
            case_service_pb2.ApproveCaseStepRequest(
                name=walk.name, step="RegisterCase", opinion="同意", approver_officer_id="off-341300-02"
            ),
            metadata=city_officer,
        )
    failure = rpc_failure(raised.value)
    assert failure.code == grpc.StatusCode.INVALID_ARGUMENT and "approver_officer_id" in failure.message
    approved = (await cases.ApproveCaseStep(approve, metadata=city_officer)).case
    assert approved.approvals[-1].approver_officer_id == CITY_OFFICER
    investigator = cases_service.metadata(COUNTY, officer_id=COUNTY_OFFICERS[1])
    for rpc in ("RegisterCase", "StartInvestigation"):
        request = getattr(case_service_pb2, f"{rpc}Request")(
            name=walk.name, etag=approved.etag, details=case_service_pb2.StepDetails()
        )
        approved = (await getattr(cases, rpc)(request, metadata=investigator)).case
    assert list(approved.timeline[-1].officer_ids) == [COUNTY_OFFICERS[1]]
    record = case_service_pb2.RecordInvestigationRequest(
        name=walk.name, etag=approved.etag, details=case_service_pb2.StepDetails(officer_ids=[COUNTY_OFFICERS[0]])
    )
    recorded = (await cases.RecordInvestigation(record, metadata=investigator)).case
    assert list(recorded.timeline[-1].officer_ids) == [COUNTY_OFFICERS[1], COUNTY_OFFICERS[0]]


async def test_a_token_naming_another_agencys_officer_is_refused(cases, cases_service):
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await cases.ListCases(
            case_service_pb2.ListCasesRequest(), metadata=cases_service.metadata(COUNTY, officer_id=CITY_OFFICER)
        )
    failure = rpc_failure(raised.value)
    assert (failure.code, failure.reason) == (grpc.StatusCode.UNAUTHENTICATED, "OFFICER_UNKNOWN")
