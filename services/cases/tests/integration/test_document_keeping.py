"""Documents after issue (issue 12 items 4 and 11) through the API on SQLite and PostgreSQL: a voided document keeps
its number marked void, only the handling agency voids; the unit's enterprise reads what was served on it."""

from __future__ import annotations

import grpc
import pytest

from ecolink.cases.v1 import case_pb2, case_service_pb2
from ecolink_cases.testing import CITY, COUNTY, CaseWalk, details
from ecolink_common.testing.rpc import rpc_failure

LINGBI_ENTERPRISE = "ent-341323-jiancai"


async def refused(call) -> tuple[grpc.StatusCode, str]:
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await call
    failure = rpc_failure(raised.value)
    return failure.code, failure.reason


async def test_a_voided_document_keeps_its_number_and_is_voided_once_by_its_handler(cases, cases_service):
    walk = CaseWalk(cases, cases_service)
    decided = await walk.to_decided()
    notice = next(d for d in decided.documents if d.kind == case_pb2.DOCUMENT_KIND_PENALTY_NOTICE)

    def void(agency: str, reason: str = "送达地址有误 wrong address"):
        request = case_service_pb2.VoidDocumentRequest(name=notice.name, reason=reason)
        return cases.VoidDocument(request, metadata=cases_service.metadata(agency))

    assert await refused(void(CITY)) == (grpc.StatusCode.PERMISSION_DENIED, "CASE_NOT_HANDLING_AGENCY")
    assert (await refused(void("eeb-360800")))[0] == grpc.StatusCode.NOT_FOUND
    assert await refused(void(COUNTY, reason="")) == (grpc.StatusCode.INVALID_ARGUMENT, "INVALID_ARGUMENT")
    voided = (await void(COUNTY)).document
    assert (voided.void, voided.void_reason, voided.display_number) == (
        True,
        "送达地址有误 wrong address",
        notice.display_number,
    )
    assert await refused(void(COUNTY)) == (grpc.StatusCode.FAILED_PRECONDITION, "DOCUMENT_ALREADY_VOID")
    listed = await cases.ListDocuments(
        case_service_pb2.ListDocumentsRequest(kind=case_pb2.DOCUMENT_KIND_PENALTY_NOTICE),
        metadata=cases_service.metadata(COUNTY),
    )
    assert [(d.number, d.void) for d in listed.documents] == [(1, True)]


async def test_a_retried_void_with_its_request_id_answers_the_voided_document_again(cases, cases_service):
    decided = await CaseWalk(cases, cases_service).to_decided()
    notice = next(d for d in decided.documents if d.kind == case_pb2.DOCUMENT_KIND_PENALTY_NOTICE)

    def void(reason: str = "送达地址有误 wrong address"):
        request = case_service_pb2.VoidDocumentRequest(name=notice.name, reason=reason, request_id="void-notice-1")
        return cases.VoidDocument(request, metadata=cases_service.metadata(COUNTY))

    first = (await void()).document
    again = (await void()).document
    assert again == first and again.void
    assert await refused(void(reason="another reason")) == (grpc.StatusCode.FAILED_PRECONDITION, "REQUEST_ID_REUSED")


async def test_the_enterprise_reads_the_documents_served_on_its_unit(cases, cases_service):
    walk = CaseWalk(cases, cases_service)
    await walk.to_decided()

    async def served(agency: str = LINGBI_ENTERPRISE) -> list[int]:
        listed = await cases.ListServedDocuments(
            case_service_pb2.ListServedDocumentsRequest(), metadata=cases_service.metadata(agency)
        )
        return [document.kind for document in listed.documents]

    assert await served() == [case_pb2.DOCUMENT_KIND_PENALTY_NOTICE]
    await walk.step("RecordService", method=case_pb2.SERVICE_METHOD_DIRECT, details=details(on="2026-11-20"))
    assert await served() == [case_pb2.DOCUMENT_KIND_PENALTY_NOTICE, case_pb2.DOCUMENT_KIND_PENALTY_DECISION]
    assert await served("ent-360823-chem") == []
    assert await refused(served(COUNTY)) == (grpc.StatusCode.PERMISSION_DENIED, "DOCUMENTS_SERVED_FOR_ENTERPRISES")
