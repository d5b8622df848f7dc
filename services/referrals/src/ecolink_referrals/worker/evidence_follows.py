"""The police's access to the evidence follows the transfer (issue 13 item 2): when the police forward it to the
competent agency (regulation art. 7) the worker, acting for the transferring bureau (RFC 8693 `act`), grants the new
police every item and revokes the grants of the one before; when the case comes back (reverse transfer, DOMAIN §4.2)
it revokes the police's grants, by the `REFERRALS_REVOKE_GRANTS_ON_REVERSE` policy. A redelivered event changes
nothing more: the grants' request ids name the forward, and a revoked item is not revoked again."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

from ecolink_common.auth.service_tokens import ServiceTokenMinter
from ecolink_common.calls.channel import client_tls
from ecolink_common.calls.client import ServiceClient
from ecolink_common.calls.credentials import ActingForAgency
from ecolink_common.errors import FailedPrecondition, NotFound
from ecolink_common.outbox import OutboxEvent
from ecolink_common.outbox_relay import Deliver
from ecolink_common.settings import PlatformSettings
from ecolink_common.unit_of_work import UnitOfWork
from ecolink_referrals.adapters.evidence_client import CallerEvidence, EvidenceClient
from ecolink_referrals.adapters.transfer_repository import TransferRepository
from ecolink_referrals.domain.lifecycle import Step
from ecolink_referrals.domain.transfer import TransferRecord, TransferredItem
from ecolink_referrals.settings import ReferralsSettings

log = logging.getLogger(__name__)


def evidence_follows(settings: ReferralsSettings, platform: PlatformSettings) -> Deliver:
    endpoint, tls = settings.evidence_endpoint(), client_tls(platform, settings)
    minter = ServiceTokenMinter.for_platform("referrals", platform)
    steps = {Step.FORWARD.value} | ({Step.REVERSE.value} if settings.revoke_grants_on_reverse else set())

    async def deliver(event: OutboxEvent, uow: UnitOfWork) -> None:
        if event.payload.get("step") not in steps:
            return
        transfers = TransferRepository(uow.session)
        transfer = await transfers.get(int(str(event.payload["transfer"]).removeprefix("transfers/")))
        bureau = await uow.agencies.get(str(event.payload["bureau"]))
        if transfer is None or bureau is None:
            raise LookupError(f"{event.payload['transfer']} or its bureau is gone from the referrals database")
        evidence = EvidenceClient(ServiceClient(endpoint, tls=tls, audit=uow.audit.record)).acting(
            ActingForAgency(minter, bureau)
        )
        if event.payload["step"] == Step.FORWARD.value:
            items = await _granted_to_new_police(evidence, transfer, str(event.payload["police"]), event.event_id)
        else:
            items = await _revoked(evidence, transfer, at=uow.clock.now())
        changed = replace(transfer, evidence=items, version=transfer.version + 1)
        if not await transfers.save(changed, expected_version=transfer.version):
            raise RuntimeError(f"{transfer.name} changed while its grants followed it; the relay retries")

    return deliver


async def _granted_to_new_police(
    evidence: CallerEvidence, transfer: TransferRecord, police: str, event_id: str
) -> tuple[TransferredItem, ...]:
    items = []
    for item in transfer.evidence:
        grant_id = await evidence.grant(
            item.evidence,
            grantee=police,
            purpose=f"case transfer {transfer.number} (forwarded)",
            expire_time=item.grant_expire_time,
            request_id=f"{event_id}/{item.evidence}",
        )
        if grant_id != item.grant_id:
            await _revoke(evidence, item)
        items.append(replace(item, grant_id=grant_id))
    return tuple(items)


async def _revoked(evidence: CallerEvidence, transfer: TransferRecord, *, at: datetime) -> tuple[TransferredItem, ...]:
    """The legal holds stay: the administrative case the transfer comes back to still rests on the same evidence,
    and only its bureau may release them."""
    items = []
    for item in transfer.evidence:
        if item.grant_revoke_time is None:
            await _revoke(evidence, item)
            item = replace(item, grant_revoke_time=at)
        items.append(item)
    return tuple(items)


async def _revoke(evidence: CallerEvidence, item: TransferredItem) -> None:
    try:
        await evidence.revoke(item.evidence, item.grant_id)
    except (FailedPrecondition, NotFound) as refused:
        log.info("grant %s of %s was already gone: %s", item.grant_id, item.evidence, refused)
