"""A transfer as GetTransfer and every step return it: the row with its timeline and deadlines."""

from __future__ import annotations

from ecolink_referrals.domain.transfer import TransferRecord, TransferView
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

__all__ = ["TransferView", "transfer_view"]


async def transfer_view(uow: ReferralsUnitOfWork, transfer: TransferRecord) -> TransferView:
    return TransferView(
        transfer=transfer,
        timeline=tuple(await uow.transfers.steps(transfer.transfer_id)),
        deadlines=tuple(await uow.transfers.deadlines(transfer.transfer_id)),
    )
