"""Reverse transfers reach the cases service (issue 13 item 6, DOMAIN §4.2): each `ReverseTransfer` step becomes a
clue of the transferring bureau through RecordHandBack, acting for the bureau; a refusal no retry changes is logged
and never holds up later events."""

from __future__ import annotations

import logging

from ecolink_common.auth.service_tokens import ServiceTokenMinter
from ecolink_common.calls.channel import client_tls
from ecolink_common.calls.client import ServiceClient
from ecolink_common.calls.credentials import ActingForAgency
from ecolink_common.errors import FailedPrecondition, NotFound, PermissionDenied
from ecolink_common.outbox import OutboxEvent
from ecolink_common.outbox_relay import Deliver
from ecolink_common.settings import PlatformSettings
from ecolink_common.unit_of_work import UnitOfWork
from ecolink_referrals.adapters.case_hand_back import CaseHandBacks
from ecolink_referrals.domain.lifecycle import Step
from ecolink_referrals.settings import ReferralsSettings

log = logging.getLogger(__name__)
PERMANENT_REFUSALS = (FailedPrecondition, NotFound, PermissionDenied)


def hand_back_reporter(settings: ReferralsSettings, platform: PlatformSettings) -> Deliver:
    endpoint, tls = settings.cases_endpoint(), client_tls(platform, settings)
    minter = ServiceTokenMinter.for_platform("referrals", platform)

    async def deliver(event: OutboxEvent, uow: UnitOfWork) -> None:
        if event.payload.get("step") != Step.REVERSE.value:
            return
        bureau = await uow.agencies.get(event.payload["bureau"])
        if bureau is None:
            raise LookupError(f"{event.payload['bureau']} is not in the referrals service's directory")
        hand_backs = CaseHandBacks(ServiceClient(endpoint, tls=tls, audit=uow.audit.record))
        try:
            clue = await hand_backs.record(
                event.payload["case"],
                event.payload["transfer"],
                reason=str(event.payload.get("note", "")),
                handed_back_by=str(event.payload.get("actor", "")),
                credentials=ActingForAgency(minter, bureau),
            )
        except PERMANENT_REFUSALS as refused:
            log.warning("the cases service refused the hand-back %s: %s", event.event_id, refused)
            return
        log.info("%s came back to %s as %s", event.payload["transfer"], bureau.agency_id, clue)

    return deliver
