"""Reading alerts: one with its evidence window, or a filtered page, only what the caller's jurisdiction covers."""

from __future__ import annotations

from datetime import datetime

from ecolink_alerts.alert_model import Alert, AlertFilter
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.access import require_visible
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import NotFound
from ecolink_common.jurisdiction import REGION_WIDE_KINDS, may_see, region_prefix
from ecolink_common.paging import Page, PageRequest, page_token_invalid


async def get_alert(uow: AlertsUnitOfWork, principal: Principal, alert_id: str) -> Alert:
    """An alert; one outside the caller's jurisdiction is NOT_FOUND like an unknown id (audited)."""
    async with uow:
        alert = await uow.alerts.get(alert_id)
        if alert is None:
            raise NotFound(f"alerts/{alert_id} was not found")
        await require_visible(uow, principal, alert.scope, action="GetAlert", resource=alert.name)
        await uow.commit()
        return alert


def _after(page: PageRequest) -> tuple[datetime, str] | None:
    position = page.position
    if not position:
        return None
    try:
        return datetime.fromisoformat(position["started_at"]), position["after"]
    except (KeyError, ValueError) as error:
        raise page_token_invalid() from error


async def list_alerts(
    uow: AlertsUnitOfWork, principal: Principal, wanted: AlertFilter, *, page: PageRequest
) -> Page[Alert]:
    """By start time: the alerts of units in a bureau's region (DOMAIN §1); other agencies see none."""
    if principal.agency.kind not in REGION_WIDE_KINDS:
        return Page([], "")
    async with uow:
        found = await uow.alerts.list(
            wanted,
            within=region_prefix(principal.agency.region_code),
            after=_after(page),
            limit=page.size + 1,
        )
    listed = page.page_of(found, lambda last: {"started_at": last.started_at.isoformat(), "after": last.alert_id})
    return Page([alert for alert in listed.items if may_see(principal.viewer, alert.scope)], listed.next_page_token)
