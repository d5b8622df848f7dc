"""Credit grades and double-random draws (issue 12 item 9) through the API on SQLite and PostgreSQL: findings and
decided penalties lower a unit's score, a city draws its region's units by colour and officers for each, the draw is
published to every caller (the unit's enterprise included) and re-runs to the same result; refusals write nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
import pytest

from ecolink.cases.v1 import inspection_pb2 as pb
from ecolink.cases.v1 import inspection_service_pb2 as service_pb
from ecolink.cases.v1 import inspection_service_pb2_grpc
from ecolink_cases.domain.draw_record import draw_from_record
from ecolink_cases.domain.inspection_draw import verify_draw
from ecolink_cases.testing import CITY, COUNTY, CaseWalk
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.rpc import rpc_failure

LINGBI, SUZHOU_POWER = "lingbi-jiancai", "suzhou-power"
ENTERPRISE = "ent-341323-jiancai"
SEED = "5eed" * 16
REGION = "341300"


@pytest.fixture
async def inspections(cases_service) -> AsyncIterator[inspection_service_pb2_grpc.InspectionServiceStub]:
    async with stubs(cases_service, inspection_service_pb2_grpc.InspectionServiceStub) as stub:
        yield stub


def finding(kind: str, on: str, reference: str) -> service_pb.RecordCreditFindingRequest:
    return service_pb.RecordCreditFindingRequest(
        unit=f"units/{LINGBI}", finding=pb.CreditFinding(kind=kind, found_on=on, reference=reference)
    )


async def refused(call) -> object:
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await call
    return rpc_failure(raised.value)


async def test_findings_and_a_penalty_lower_the_units_credit(inspections, cases, cases_service):
    county = cases_service.metadata(COUNTY)
    recorded = await inspections.RecordCreditFinding(
        finding("inspection_violation", "2026-10-01", "双随机 2026-10"), metadata=county
    )
    assert (recorded.credit.score, recorded.credit.colour) == (90, pb.CREDIT_COLOUR_GREEN)
    again = await inspections.RecordCreditFinding(
        finding("inspection_violation", "2026-10-02", "双随机 2026-10"), metadata=county
    )
    assert again.credit.score == 90, "the same unit, kind and reference counts once"
    decided = CaseWalk(cases, cases_service)
    await decided.to_decided()
    credit = (
        await inspections.GetUnitCredit(service_pb.GetUnitCreditRequest(unit=f"units/{LINGBI}"), metadata=county)
    ).credit
    assert (credit.score, credit.colour, credit.colour_zh) == (75, pb.CREDIT_COLOUR_YELLOW, "黄")
    assert [(d.finding.kind, d.finding.reference, d.points) for d in credit.deductions] == [
        ("inspection_violation", "双随机 2026-10", 10),
        ("administrative_penalty", decided.name, 15),
    ]
    assert credit.deductions[1].finding.kind_name_zh == "行政处罚决定"
    before = await inspections.GetUnitCredit(
        service_pb.GetUnitCreditRequest(unit=f"units/{LINGBI}", as_of="2026-09-30"), metadata=county
    )
    assert before.credit.score == 100
    region = await inspections.ListUnitCredits(
        service_pb.ListUnitCreditsRequest(region_code=REGION), metadata=cases_service.metadata(CITY)
    )
    assert [(c.unit, c.score) for c in region.credits] == [(f"units/{LINGBI}", 75), (f"units/{SUZHOU_POWER}", 100)]
    assert list(region.positive_list_candidates) == [SUZHOU_POWER]


async def test_bad_findings_are_refused_naming_the_field(inspections, cases_service, database_url):
    county = cases_service.metadata(COUNTY)
    unknown = await refused(inspections.RecordCreditFinding(finding("gossip", "2026-10-01", "x"), metadata=county))
    assert unknown.code == grpc.StatusCode.INVALID_ARGUMENT and "finding.kind" in unknown.message
    future = await refused(
        inspections.RecordCreditFinding(finding("inspection_violation", "2026-12-01", "x"), metadata=county)
    )
    assert future.code == grpc.StatusCode.INVALID_ARGUMENT and "finding.found_on" in future.message
    enterprise = await refused(
        inspections.RecordCreditFinding(
            finding("inspection_violation", "2026-10-01", "x"), metadata=cases_service.metadata(ENTERPRISE)
        )
    )
    assert enterprise.code == grpc.StatusCode.PERMISSION_DENIED
    elsewhere = await refused(
        inspections.GetUnitCredit(
            service_pb.GetUnitCreditRequest(unit=f"units/{LINGBI}"), metadata=cases_service.metadata("eeb-360800")
        )
    )
    assert elsewhere.code == grpc.StatusCode.NOT_FOUND
    assert not [row for row in await audit_rows(database_url) if row["action"] == "RecordCreditFinding"]


async def test_a_draw_is_published_and_re_runs_to_the_same_result(inspections, cases_service):
    city = cases_service.metadata(CITY)
    await inspections.RecordCreditFinding(
        finding("monitoring_data_falsified", "2026-11-02", "alerts/demo-c4"), metadata=cases_service.metadata(COUNTY)
    )
    request = service_pb.RunInspectionDrawRequest(
        region_code=REGION, positive_list_unit_ids=[SUZHOU_POWER], seed=SEED, request_id="draw-2026-11"
    )
    draw = (await inspections.RunInspectionDraw(request, metadata=city)).draw
    assert (draw.region_code, draw.agency_id, draw.seed, draw.graded_on) == (REGION, CITY, SEED, "2026-11-20")
    assert {(s.stratum, s.pool, s.drawn) for s in draw.strata} >= {
        (pb.DRAW_STRATUM_POSITIVE_LIST, 1, 0),
        (pb.DRAW_STRATUM_RED, 1, 1),
    }
    [drawn] = draw.drawn
    assert (drawn.unit_id, drawn.stratum, len(drawn.inspector_ids)) == (LINGBI, pb.DRAW_STRATUM_RED, 2)
    assert {officer.officer_id for officer in draw.inspectors} >= set(drawn.inspector_ids)
    replay = (await inspections.RunInspectionDraw(request, metadata=city)).draw
    assert replay.name == draw.name
    for reader in (CITY, ENTERPRISE, "eeb-360800"):
        published = await inspections.GetInspectionDraw(
            service_pb.GetInspectionDrawRequest(name=draw.name), metadata=cases_service.metadata(reader)
        )
        assert published.draw.record_json == draw.record_json
    verified = await inspections.VerifyInspectionDraw(
        service_pb.VerifyInspectionDrawRequest(name=draw.name), metadata=cases_service.metadata(ENTERPRISE)
    )
    assert (verified.matches, list(verified.mismatches)) == (True, [])
    assert verify_draw(draw_from_record(draw.record_json)).matches
    following = (
        await inspections.RunInspectionDraw(
            service_pb.RunInspectionDrawRequest(region_code=REGION, seed=SEED), metadata=city
        )
    ).draw
    assert following.previous_draw == draw.name
    assert {(p.unit_id, p.officer_id) for p in following.previous_pairs} == {
        (LINGBI, officer) for officer in drawn.inspector_ids
    }
    assert not set(following.drawn[0].inspector_ids) & set(drawn.inspector_ids), "nobody inspects the unit twice"
    listed = await inspections.ListInspectionDraws(
        service_pb.ListInspectionDrawsRequest(region_code=REGION, page_size=1), metadata=city
    )
    assert [d.name for d in listed.draws] == [following.name] and listed.next_page_token


async def test_refused_draws_write_nothing(inspections, cases_service, database_url):
    city = cases_service.metadata(CITY)
    await inspections.RecordCreditFinding(
        finding("transferred_to_police", "2026-11-02", "cases/99"), metadata=cases_service.metadata(COUNTY)
    )
    not_green = await refused(
        inspections.RunInspectionDraw(
            service_pb.RunInspectionDrawRequest(region_code=REGION, positive_list_unit_ids=[LINGBI]), metadata=city
        )
    )
    assert (not_green.code, not_green.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "DRAW_POSITIVE_LIST_NOT_GREEN")
    bad_seed = await refused(
        inspections.RunInspectionDraw(
            service_pb.RunInspectionDrawRequest(region_code=REGION, seed="ABC"), metadata=city
        )
    )
    assert bad_seed.code == grpc.StatusCode.INVALID_ARGUMENT and "seed" in bad_seed.message
    elsewhere = await refused(
        inspections.RunInspectionDraw(
            service_pb.RunInspectionDrawRequest(region_code=REGION), metadata=cases_service.metadata("eeb-360800")
        )
    )
    assert elsewhere.code == grpc.StatusCode.NOT_FOUND
    enterprise = await refused(
        inspections.RunInspectionDraw(
            service_pb.RunInspectionDrawRequest(region_code=REGION), metadata=cases_service.metadata(ENTERPRISE)
        )
    )
    assert enterprise.code == grpc.StatusCode.PERMISSION_DENIED
    listed = await inspections.ListInspectionDraws(service_pb.ListInspectionDrawsRequest(), metadata=city)
    assert not listed.draws
    audited = [row for row in await audit_rows(database_url) if row["action"] == "RunInspectionDraw"]
    assert [(row["actor_agency_id"], row["outcome"]) for row in audited] == [("eeb-360800", "NOT_FOUND")]
    unknown = await refused(
        inspections.GetInspectionDraw(service_pb.GetInspectionDrawRequest(name="inspectionDraws/9"), metadata=city)
    )
    assert (unknown.code, unknown.reason) == (grpc.StatusCode.NOT_FOUND, "DRAW_NOT_FOUND")
