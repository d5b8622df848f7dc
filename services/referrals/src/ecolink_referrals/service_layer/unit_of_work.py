"""The referrals unit of work: the platform's (audit, directory, outbox, request ids) plus the transfers, the
webhooks with their deliveries, the joint listings, the basin incidents and the basin's joint tasks and meetings."""

from __future__ import annotations

from ecolink_common.unit_of_work import UnitOfWork
from ecolink_referrals.adapters.incident_repository import IncidentRepository
from ecolink_referrals.adapters.joint_task_repository import JointTaskRepository
from ecolink_referrals.adapters.listing_repository import ListingRepository
from ecolink_referrals.adapters.transfer_repository import TransferRepository
from ecolink_referrals.adapters.webhook_repository import WebhookRepository


class ReferralsUnitOfWork(UnitOfWork):
    """One transaction over the referrals database."""

    transfers: TransferRepository
    webhooks: WebhookRepository
    listings: ListingRepository
    incidents: IncidentRepository
    joint_tasks: JointTaskRepository

    async def __aenter__(self) -> ReferralsUnitOfWork:
        await super().__aenter__()
        self.transfers = TransferRepository(self.session)
        self.webhooks = WebhookRepository(self.session)
        self.listings = ListingRepository(self.session)
        self.incidents = IncidentRepository(self.session)
        self.joint_tasks = JointTaskRepository(self.session)
        return self
