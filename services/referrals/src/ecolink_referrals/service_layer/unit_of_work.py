"""The referrals unit of work: the platform's (audit, directory, outbox, request ids) plus the transfers."""

from __future__ import annotations

from ecolink_common.unit_of_work import UnitOfWork
from ecolink_referrals.adapters.transfer_repository import TransferRepository


class ReferralsUnitOfWork(UnitOfWork):
    """One transaction over the referrals database."""

    transfers: TransferRepository

    async def __aenter__(self) -> ReferralsUnitOfWork:
        await super().__aenter__()
        self.transfers = TransferRepository(self.session)
        return self
