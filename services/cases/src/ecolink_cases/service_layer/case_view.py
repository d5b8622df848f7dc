"""A case with its history as GetCase and every step return it: timeline, approvals, documents and the compensation
case it opened (DOMAIN §3.5)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ecolink_cases.domain.case import CaseRecord
from ecolink_cases.domain.records import ApprovalRecord, DocumentRecord, StepRecord
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork


@dataclass(frozen=True)
class CaseView:
    case: CaseRecord
    steps: Sequence[StepRecord] = ()
    approvals: Sequence[ApprovalRecord] = ()
    documents: Sequence[DocumentRecord] = ()
    compensation_id: int | None = None  # DOMAIN §3.5: its compensation case ("double case"), once opened


async def case_view(uow: CasesUnitOfWork, case: CaseRecord) -> CaseView:
    return CaseView(
        case,
        await uow.cases.steps(case.case_id),
        await uow.cases.approvals(case.case_id),
        await uow.documents.of_case(case.case_id),
        (await uow.compensations.ids_of_penalty_cases([case.case_id])).get(case.case_id),
    )


async def stored_case_view(uow: CasesUnitOfWork, case_id: int) -> CaseView:
    """The case as stored, for a replayed request."""
    case = await uow.cases.get(case_id)
    assert case is not None, f"cases/{case_id} vanished"
    return await case_view(uow, case)


async def committed_case_view(uow: CasesUnitOfWork, case_id: int) -> CaseView:
    """The case as the use case wrote it, read in its transaction, which then commits: the caller gets exactly what
    was committed, without a second transaction to read it back."""
    view = await stored_case_view(uow, case_id)
    await uow.commit()
    return view
