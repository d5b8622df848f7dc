"""Steps cite evidence from the evidence service (issue 12 item 3): each cited item is asked of the evidence
service with the caller's token, must be filed under the case or the record it came from, and is stored with its
SHA-256 as seen; GetCase shows the evidence at each step."""

from __future__ import annotations

import hashlib

import grpc
import pytest

from ecolink.cases.v1 import case_pb2
from ecolink.evidence.v1 import evidence_service_pb2_grpc
from ecolink_cases.testing import COUNTY, COUNTY_OFFICERS, CaseWalk, details
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.rpc import rpc_failure
from ecolink_evidence.testing import upload_chunks

PHOTO = b"kiln stack photo, 2026-11-19"


@pytest.fixture
def walk(cases, cases_service) -> CaseWalk:
    return CaseWalk(cases, cases_service)


@pytest.fixture
async def evidence(evidence_beside):
    async with stubs(evidence_beside, evidence_service_pb2_grpc.EvidenceServiceStub) as stub:
        yield stub


async def investigating(walk: CaseWalk) -> case_pb2.Case:
    await walk.create()
    await walk.approve("RegisterCase")
    await walk.step("RegisterCase")
    return await walk.step("StartInvestigation")


def citing(*names: str) -> object:
    record = details(*COUNTY_OFFICERS, note="现场检查")
    record.evidence.extend(names)
    return record


async def test_an_inspection_cites_an_uploaded_photo_and_keeps_its_hash(walk, evidence, evidence_beside):
    case = await investigating(walk)
    photo = await upload_chunks(evidence, [PHOTO], evidence_beside.metadata(COUNTY), size=len(PHOTO), subject=case.name)
    case = await walk.step("RecordInvestigation", details=citing(photo.name))
    [cited] = case.timeline[-1].evidence
    assert (cited.evidence, cited.sha256) == (photo.name, hashlib.sha256(PHOTO).hexdigest())


async def test_evidence_of_another_case_is_refused_and_nothing_is_written(walk, cases, evidence, evidence_beside):
    other = await CaseWalk(cases, walk.service).create()
    case = await investigating(walk)
    photo = await upload_chunks(
        evidence, [PHOTO], evidence_beside.metadata(COUNTY), size=len(PHOTO), subject=other.name
    )
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await walk.step("RecordInvestigation", details=citing(photo.name))
    assert rpc_failure(refused.value).reason == "CASE_EVIDENCE_OF_ANOTHER_RECORD"
    assert [s.step for s in (await walk.step("RecordInvestigation", details=citing())).timeline][-2:] == [
        "StartInvestigation",
        "RecordInvestigation",
    ]
    assert case.etag != walk.case.etag


async def test_unknown_or_hidden_evidence_is_not_found_naming_it(walk, evidence, evidence_beside):
    case = await investigating(walk)
    foreign = await upload_chunks(
        evidence, [PHOTO], evidence_beside.metadata("eeb-360823"), size=len(PHOTO), subject=case.name
    )
    for name in ("evidence/ev-does-not-exist", foreign.name):
        with pytest.raises(grpc.aio.AioRpcError) as hidden:
            await walk.step("RecordInvestigation", details=citing(name))
        failure = rpc_failure(hidden.value)
        assert (failure.code, failure.reason) == (grpc.StatusCode.NOT_FOUND, "EVIDENCE_NOT_FOUND")
        assert name in failure.message
