"""Documents after issue (DOMAIN §3.2, §1): the handling agency voids one, which keeps its number marked void; the
unit's enterprise reads the documents served on it."""

from __future__ import annotations

from dataclasses import dataclass

from ecolink_cases.domain.documents import ADDRESSED_TO_UNIT, served_on_unit
from ecolink_cases.domain.records import DocumentRecord
from ecolink_cases.service_layer.case_access import handled_case
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.directory import AgencyKind
from ecolink_common.errors import FailedPrecondition, NotFound, PermissionDenied
from ecolink_common.paging import Page, PageRequest
from ecolink_common.request_records import RequestKey

REASON_DOCUMENT_NOT_FOUND = "DOCUMENT_NOT_FOUND"
REASON_ALREADY_VOID = "DOCUMENT_ALREADY_VOID"
REASON_FOR_ENTERPRISES = "DOCUMENTS_SERVED_FOR_ENTERPRISES"


@dataclass(frozen=True)
class VoidDocument:
    document_id: int
    reason: str
    request: RequestKey | None = None


async def void_document(uow: CasesUnitOfWork, principal: Principal, command: VoidDocument) -> DocumentRecord:
    """The document marked void by its case's handling agency; its number is never given again. A retried request
    id answers the document as the first call left it."""
    document_id = command.document_id
    async with uow:
        if command.request is not None and await uow.requests.replayed_resource(command.request) is not None:
            return await _stored(uow, document_id)
        document = await uow.documents.get(document_id)
        if document is None:
            raise NotFound(f"documents/{document_id} was not found", reason=REASON_DOCUMENT_NOT_FOUND)
        await handled_case(uow, principal, document.case_id, action="VoidDocument")
        if document.void_time is not None:
            raise FailedPrecondition(
                f"{document.display_number} was voided on {document.void_time.date()}", reason=REASON_ALREADY_VOID
            )
        now = uow.clock.now()
        await uow.documents.void(document_id, at=now, reason=command.reason)
        await uow.audit.record(
            AuditEntry(
                principal.agency_id,
                "VoidDocument",
                f"documents/{document_id}",
                "OK",
                details={"number": document.display_number, "reason": command.reason},
            )
        )
        if command.request is not None:
            await uow.requests.remember(command.request, resource_name=f"documents/{document_id}", at=now)
        voided = await _stored(uow, document_id)
        await uow.commit()
    return voided


async def _stored(uow: CasesUnitOfWork, document_id: int) -> DocumentRecord:
    document = await uow.documents.get(document_id)
    assert document is not None, f"documents/{document_id} vanished"
    return document


async def list_served_documents(uow: CasesUnitOfWork, principal: Principal, page: PageRequest) -> Page[DocumentRecord]:
    """Oldest first, the documents served on the caller's units (DOMAIN §1); only enterprises ask."""
    if principal.agency.kind is not AgencyKind.ENTERPRISE:
        raise PermissionDenied(
            "the documents served on a unit are its enterprise's view; bureaus list their own documents",
            reason=REASON_FOR_ENTERPRISES,
        )
    after = int(page.position["after"]) if page.position else None
    async with uow:
        rows = await uow.documents.served_on_enterprise(
            principal.agency_id, ADDRESSED_TO_UNIT, after_id=after, limit=page.size + 1
        )
    listed = page.page_of(list(rows), lambda row: {"after": str(row[0].document_id)})
    served = [
        document
        for document, case in listed.items
        if served_on_unit(
            document.kind,
            decision_served=case.service_on is not None,
            reminder_served=case.reminder_service_on is not None,
        )
    ]
    return Page(served, listed.next_page_token)
