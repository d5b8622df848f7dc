"""Evidence follows a forwarded transfer (regulation art. 7; issue 13 item 2): when the police forward a transfer to
the competent agency, the worker, acting for the transferring bureau (RFC 8693 `act`), grants the new police every
item and revokes the grants of the one before; a redelivered event replays the same grants (their request ids name
the forward)."""

from __future__ import annotations

import logging
from dataclasses import replace

from ecolink_common.auth.service_tokens import ServiceTokenMinter
from ecolink_common.calls.channel import client_tls
from ecolink_common.calls.client import ServiceClient
from ecolink_common.calls.credentials import ActingForAgency
from ecolink_common.errors import FailedPrecondition, NotFound
from ecolink_common.outbox import OutboxEvent
from ecolink_common.outbox_relay import Deliver
from ecolink_common.settings import PlatformSettings
from ecolink_common.unit_of_work import UnitOfWork
from ecolink_referrals.adapters.evidence_client import EvidenceClient
from ecolink_referrals.adapters.transfer_repository import TransferRepository
from ecolink_referrals.domain.lifecycle import Step
from ecolink_referrals.settings import ReferralsSettings

log = logging.getLogger(__name__)


def forward_grants(settings: ReferralsSettings, platform: PlatformSettings) -> Deliver:
    endpoint, tls = settings.evidence_endpoint(), client_tls(platform, settings)
    minter = ServiceTokenMinter.for_platform("referrals", platform)

    async def deliver(event: OutboxEvent, uow: UnitOfWork) -> None:
        if event.payload.get("step") != Step.FORWARD.value:
            return
        transfers = TransferRepository(uow.session)
        transfer = await transfers.get(int(str(event.payload["transfer"]).removeprefix("transfers/")))
        bureau = await uow.agencies.get(str(event.payload["bureau"]))
        if transfer is None or bureau is None:
            raise LookupError(f"{event.payload['transfer']} or its bureau is gone from the referrals database")
        evidence = EvidenceClient(ServiceClient(endpoint, tls=tls, audit=uow.audit.record)).acting(
            ActingForAgency(minter, bureau)
        )
        police = str(event.payload["police"])
        items = []
        for item in transfer.evidence:
            grant_id = await evidence.grant(
                item.evidence,
                grantee=police,
                purpose=f"case transfer {transfer.number} (forwarded)",
                expire_time=item.grant_expire_time,
                request_id=f"{event.event_id}/{item.evidence}",
            )
            if grant_id != item.grant_id:
                try:
                    await evidence.revoke(item.evidence, item.grant_id)
                except (FailedPrecondition, NotFound) as refused:
                    log.info("grant %s of %s was already gone: %s", item.grant_id, item.evidence, refused)
            items.append(replace(item, grant_id=grant_id))
        changed = replace(transfer, evidence=tuple(items), version=transfer.version + 1)
        if not await transfers.save(changed, expected_version=transfer.version):
            raise RuntimeError(f"{transfer.name} changed while its grants were forwarded; the relay retries")

    return deliver
