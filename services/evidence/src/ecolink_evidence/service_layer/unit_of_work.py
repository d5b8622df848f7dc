"""The evidence unit of work: the platform's (audit, directory) plus items, grants and custody."""

from __future__ import annotations

from ecolink_common.unit_of_work import UnitOfWork
from ecolink_evidence.adapters.repository import CustodyRepository, EvidenceRepository


class EvidenceUnitOfWork(UnitOfWork):
    """One transaction over the evidence database each time it is entered: a use case that streams bytes between
    transactions (upload, download, dossier, the integrity sweep) enters its one instance again, never twice at once."""

    evidence: EvidenceRepository
    custody: CustodyRepository

    async def __aenter__(self) -> EvidenceUnitOfWork:
        await super().__aenter__()
        self.evidence = EvidenceRepository(self.session)
        self.custody = CustodyRepository(self.session)
        return self
