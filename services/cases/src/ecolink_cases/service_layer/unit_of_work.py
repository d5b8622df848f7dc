"""The cases unit of work: the platform's (audit, directory, outbox, request ids) plus cases, documents, credit
findings, inspection draws and compensation cases."""

from __future__ import annotations

from ecolink_cases.adapters.case_repository import CaseRepository
from ecolink_cases.adapters.compensation_repository import CompensationRepository
from ecolink_cases.adapters.credit_finding_repository import CreditFindingRepository
from ecolink_cases.adapters.document_repository import DocumentRepository
from ecolink_cases.adapters.draw_repository import DrawRepository
from ecolink_common.unit_of_work import UnitOfWork


class CasesUnitOfWork(UnitOfWork):
    """One transaction over the cases database."""

    cases: CaseRepository
    documents: DocumentRepository
    findings: CreditFindingRepository
    draws: DrawRepository
    compensations: CompensationRepository

    async def __aenter__(self) -> CasesUnitOfWork:
        await super().__aenter__()
        self.cases = CaseRepository(self.session)
        self.documents = DocumentRepository(self.session)
        self.findings = CreditFindingRepository(self.session)
        self.draws = DrawRepository(self.session)
        self.compensations = CompensationRepository(self.session)
        return self
