"""Delivery of the cases service's outbox events, built in the worker: each alert that became a case is reported to
the alerts service with the cases service's credential acting for the handling agency (RFC 8693 `act`)."""

from __future__ import annotations

import logging

from ecolink_cases.adapters.alerts_client import AlertsClient
from ecolink_cases.service_layer.case_opening import ALERT_PROMOTED_EVENT
from ecolink_cases.settings import CasesSettings
from ecolink_common.auth.service_tokens import ServiceTokenMinter
from ecolink_common.calls.channel import client_tls
from ecolink_common.calls.client import ServiceClient
from ecolink_common.calls.credentials import ActingForAgency
from ecolink_common.errors import FailedPrecondition, NotFound, PermissionDenied
from ecolink_common.outbox import OutboxEvent
from ecolink_common.outbox_relay import Deliver, Subscribers
from ecolink_common.settings import PlatformSettings
from ecolink_common.unit_of_work import UnitOfWork
from ecolink_common.worker_resources import platform_settings, service_settings

log = logging.getLogger(__name__)
# Refusals that no retry changes: already audited on both sides, logged here, and never holding up later events.
PERMANENT_REFUSALS = (FailedPrecondition, NotFound, PermissionDenied)


def alert_case_reporter(settings: CasesSettings, platform: PlatformSettings) -> Deliver:
    """RecordAlertCase for each `cases.alert_promoted` event, the call audited in the relay's transaction; UNAVAILABLE
    (after the client's own retries) fails the delivery, so the relay stops and the task retries it later, in order
    (the failed call's audit row goes with the rolled-back batch; the retry writes its own)."""
    endpoint, tls = settings.alerts_endpoint(), client_tls(platform, settings)
    minter = ServiceTokenMinter.for_platform("cases", platform)

    async def deliver(event: OutboxEvent, uow: UnitOfWork) -> None:
        agency = await uow.agencies.get(event.payload["agency_id"])
        if agency is None:
            raise LookupError(f"{event.payload['agency_id']} is not in the cases service's directory")
        alerts = AlertsClient(ServiceClient(endpoint, tls=tls, audit=uow.audit.record))
        try:
            await alerts.record_alert_case(
                event.payload["alert"], event.payload["case"], credentials=ActingForAgency(minter, agency)
            )
        except PERMANENT_REFUSALS as refused:
            log.warning("the alerts service refused %s for %s: %s", event.event_id, agency.agency_id, refused)

    return deliver


def cases_subscribers() -> Subscribers:
    """Who receives the cases service's events in this worker process."""
    reporter = alert_case_reporter(service_settings(CasesSettings), platform_settings())
    return Subscribers({ALERT_PROMOTED_EVENT: [reporter]})
