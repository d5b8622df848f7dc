"""GetCaseDossier through a real server (DOMAIN §4.2): the case as GetCase shows it, the officers it names with their
certificates from the directory, every cited evidence item once with its SHA-256 and the steps citing it; to the
handling bureau and the bureaus above it, anyone else NOT_FOUND and audited."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import grpc
import pytest

from ecolink.cases.v1 import case_service_pb2
from ecolink.evidence.v1 import evidence_service_pb2_grpc
from ecolink_cases.testing import CITY, CITY_OFFICER, COUNTY, COUNTY_OFFICERS, CaseWalk, details
from ecolink_common.proto_time import timestamp_from_datetime
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.rpc import rpc_failure
from ecolink_evidence.testing import upload_chunks

PHOTO = b"DA001 kiln stack photo, 2026-11-19"
RECORD = "现场检查笔录 on-site inspection record, 2026-11-19".encode()
THIRD_OFFICER = "off-341323-03"


@pytest.fixture
def walk(cases, cases_service) -> CaseWalk:
    return CaseWalk(cases, cases_service)


@pytest.fixture
async def evidence(evidence_beside):
    async with stubs(evidence_beside, evidence_service_pb2_grpc.EvidenceServiceStub) as stub:
        yield stub


def citing(*names: str, officers: tuple[str, ...] = COUNTY_OFFICERS) -> case_service_pb2.StepDetails:
    record = details(*officers, note="现场检查 on-site inspection")
    record.evidence.extend(names)
    return record


async def inspected_twice(walk: CaseWalk, evidence, evidence_beside) -> tuple[str, str]:
    """Registered (approved by the city), under investigation, and two investigation records: the first cites the
    photo, the second the inspection record and the photo again. Returns the photo's and the record's names."""
    await walk.create()
    await walk.approve("RegisterCase")
    await walk.step("RegisterCase")
    await walk.step("StartInvestigation")
    county = evidence_beside.metadata(COUNTY)
    photo = await upload_chunks(evidence, [PHOTO], county, size=len(PHOTO), subject=walk.name)
    record = await upload_chunks(evidence, [RECORD], county, size=len(RECORD), subject=walk.name)
    await walk.step("RecordInvestigation", details=citing(photo.name))
    await walk.step(
        "RecordInvestigation", details=citing(record.name, photo.name, officers=(COUNTY_OFFICERS[1], THIRD_OFFICER))
    )
    return photo.name, record.name


async def dossier(walk: CaseWalk, agency: str) -> case_service_pb2.GetCaseDossierResponse:
    request = case_service_pb2.GetCaseDossierRequest(name=walk.name)
    return await walk.stub.GetCaseDossier(request, metadata=walk.as_agency(agency))


async def test_the_dossier_lists_each_cited_item_once_and_every_officer_the_case_names(
    walk, cases, evidence, evidence_beside, clock
):
    photo, record = await inspected_twice(walk, evidence, evidence_beside)
    read_at = clock.advance(timedelta(minutes=7))
    found = (await dossier(walk, COUNTY)).dossier
    case = (await cases.GetCase(case_service_pb2.GetCaseRequest(name=walk.name), metadata=walk.as_agency(COUNTY))).case
    assert found.case == case
    assert [step.step for step in found.case.timeline] == [
        "RegisterCase",
        "StartInvestigation",
        "RecordInvestigation",
        "RecordInvestigation",
    ]
    assert [(e.evidence, e.sha256, list(e.cited_at)) for e in found.evidence] == [
        (photo, hashlib.sha256(PHOTO).hexdigest(), [3, 4]),
        (record, hashlib.sha256(RECORD).hexdigest(), [4]),
    ]
    # The handling officers, then the city's approver (before the registration taken under his approval), then the
    # officer the second investigation record named first.
    assert [(o.officer_id, o.name, o.agency_id, o.certificate_number) for o in found.officers] == [
        ("off-341323-01", "赵磊", COUNTY, "343413230001"),
        ("off-341323-02", "钱芳", COUNTY, "343413230002"),
        (CITY_OFFICER, "张伟", CITY, "343413000001"),
        (THIRD_OFFICER, "郑凯", COUNTY, "343413230003"),
    ]
    assert found.read_time == timestamp_from_datetime(read_at)


async def test_a_bureau_of_another_province_gets_not_found_and_the_attempt_is_audited(walk, database_url):
    case = await walk.create()
    with pytest.raises(grpc.aio.AioRpcError) as hidden:
        await dossier(walk, "eeb-360800")
    assert rpc_failure(hidden.value).code == grpc.StatusCode.NOT_FOUND
    assert case.name in rpc_failure(hidden.value).message
    rows = [r for r in await audit_rows(database_url) if r["actor_agency_id"] == "eeb-360800"]
    assert [(r["action"], r["resource"], r["outcome"]) for r in rows] == [("GetCaseDossier", case.name, "NOT_FOUND")]
    with pytest.raises(grpc.aio.AioRpcError) as missing:
        await walk.stub.GetCaseDossier(
            case_service_pb2.GetCaseDossierRequest(name="cases/999"), metadata=walk.as_agency(COUNTY)
        )
    assert (rpc_failure(missing.value).code, rpc_failure(missing.value).reason) == (
        grpc.StatusCode.NOT_FOUND,
        "CASE_NOT_FOUND",
    )


async def test_the_city_above_the_county_reads_it_and_the_read_is_audited(
    walk, evidence, evidence_beside, database_url
):
    photo, record = await inspected_twice(walk, evidence, evidence_beside)
    found = (await dossier(walk, CITY)).dossier
    assert found.case.name == walk.name and [e.evidence for e in found.evidence] == [photo, record]
    rows = [r for r in await audit_rows(database_url) if r["action"] == "GetCaseDossier"]
    assert [(r["actor_agency_id"], r["resource"], r["outcome"]) for r in rows] == [(CITY, walk.name, "ALLOWED")]


async def test_a_malformed_name_is_invalid_argument_naming_the_field(walk):
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await walk.stub.GetCaseDossier(
            case_service_pb2.GetCaseDossierRequest(name="case/1"), metadata=walk.as_agency(COUNTY)
        )
    failure = rpc_failure(refused.value)
    assert failure.code == grpc.StatusCode.INVALID_ARGUMENT
    assert failure.fields == ["name"]
